// Member approval as the quarter management and the applicants meet it: Stefan (Nordstadt's
// quarter management) reads the applications, asks Helga a question she answers, declines her
// with a reason she reads in her mail and her account, and approves Giorgos, who then finds his
// membership active and the start credit in his Zeitkonto. A resident gets 403 on the page and
// on every action. Every page visited is checked with axe. Leon Baumann stays pending (another
// file expects him so).
import type { Page } from '@playwright/test';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MODERATOR = 'stefan.roth@nordstadt.example';
const GIORGOS = 'giorgos.papadopoulos@nordstadt.example';
const HELGA = 'helga.winkler@nordstadt.example';
const MEMBER = 'moritz.jager@nordstadt.example';
const APPLICATIONS = '/manage/nordstadt/applications';

const application = (page: Page, name: string) => page.getByRole('region', { name });

test('the quarter management asks, declines and approves; the applicants see the outcome', async ({
	page,
	browser,
	clientIp
}) => {
	// Four people and the cockpit, every page checked with axe: over three minutes on a busy machine.
	test.slow();
	const stamp = Date.now().toString(36);
	const question = `Wohnst du in der Nordstadt? (${stamp})`;
	const answer = `Ja, seit 40 Jahren in der Körnerstraße. (${stamp})`;
	const reason = `Wir nehmen gerade nur Menschen mit Adresse im Quartier auf. (${stamp})`;

	// Stefan opens the applications from the cockpit's menu.
	await loggedIn(page, MODERATOR);
	await page.goto('/manage/nordstadt');
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Anträge \(\d+\)$/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Anträge' })).toBeVisible();
	await expectAccessible(page);
	const giorgos = application(page, 'Giorgos P.');
	await expect(giorgos).toContainText('zwanzig Jahre Elektriker');
	await expect(giorgos).toContainText(GIORGOS);
	await expect(giorgos).toContainText('Bewohner:in');
	await expect(application(page, 'Leon B.')).toBeVisible();
	const giorgosId = await giorgos.locator('input[name="member"]').first().getAttribute('value');
	const helgaId = await application(page, 'Helga W.')
		.locator('input[name="member"]')
		.first()
		.getAttribute('value');
	expect(giorgosId).toMatch(/^[0-9a-f]{24}$/);

	// A question to Helga, sent as a message.
	const helga = application(page, 'Helga W.');
	await helga.locator('summary', { hasText: 'Frage stellen' }).click();
	await helga.getByLabel('Deine Frage an Helga W.').fill(question);
	await helga.getByRole('button', { name: 'Frage senden' }).click();
	await expect(page.getByText('Deine Frage ist verschickt.')).toBeVisible();
	await expect(
		application(page, 'Helga W.').getByRole('link', { name: 'Unterhaltung mit Helga W. öffnen' })
	).toBeVisible();
	await expectAccessible(page);

	// Helga, still waiting, sees her application on her account and answers the question.
	const helgaPage = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(helgaPage, HELGA);
	await helgaPage.goto('/q/nordstadt');
	await expect(
		helgaPage.getByText('Dein Antrag wartet noch auf das Quartiersmanagement.')
	).toBeVisible();
	await expectAccessible(helgaPage);
	await helgaPage.goto('/account');
	await expect(
		helgaPage.getByText('Dein Antrag wartet auf das Quartiersmanagement.')
	).toBeVisible();
	await expect(helgaPage.getByText('Meine Tochter hat mir das Konto eingerichtet.')).toBeVisible();
	await expectAccessible(helgaPage);
	await helgaPage.getByRole('link', { name: 'Zu deinen Nachrichten' }).click();
	await expect(helgaPage).toHaveURL(/\/messages$/);
	await expectAccessible(helgaPage);
	await helgaPage.getByRole('link', { name: /Stefan Roth/ }).click();
	await expect(helgaPage.getByText(question).first()).toBeVisible();
	await helgaPage.getByLabel('Deine Nachricht').fill(answer);
	await helgaPage.getByRole('button', { name: 'Senden' }).click();
	await expect(helgaPage.getByText(answer).first()).toBeVisible();
	await expectAccessible(helgaPage);

	// Stefan reads the answer in the conversation the page links to.
	await application(page, 'Helga W.')
		.getByRole('link', { name: 'Unterhaltung mit Helga W. öffnen' })
		.click();
	await expect(page.getByText(answer).first()).toBeVisible();
	await expectAccessible(page);

	// Declining needs a reason; then Helga's application leaves the list.
	await page.goto(APPLICATIONS);
	await application(page, 'Helga W.').locator('summary', { hasText: 'Ablehnen' }).click();
	await application(page, 'Helga W.').getByRole('button', { name: 'Antrag ablehnen' }).click();
	await expect(
		application(page, 'Helga W.').getByText('Bitte nenne einen Grund: die Person liest ihn.')
	).toBeVisible();
	await expectAccessible(page);
	await application(page, 'Helga W.').getByLabel('Grund der Ablehnung').fill(reason);
	await application(page, 'Helga W.').getByRole('button', { name: 'Antrag ablehnen' }).click();
	await expect(page.getByText('Der Antrag ist abgelehnt.')).toBeVisible();
	await expect(application(page, 'Helga W.')).toHaveCount(0);
	await expectAccessible(page);

	// Approving Giorgos.
	await application(page, 'Giorgos P.')
		.getByRole('button', { name: 'Giorgos P. freischalten' })
		.click();
	await expect(page.getByText('Freigeschaltet:')).toBeVisible();
	await expect(application(page, 'Giorgos P.')).toHaveCount(0);
	await expect(application(page, 'Leon B.')).toBeVisible();
	await expectAccessible(page);

	// A stale form decides nothing twice and says why, in German.
	const origin = new URL(page.url()).origin;
	const headers = { origin, accept: 'text/html', 'x-forwarded-for': clientIp };
	for (const [action, form] of [
		['approve', { member: giorgosId! }],
		['decline', { member: helgaId!, reason: 'Noch einmal' }],
		['approve', { member: helgaId! }]
	] as const) {
		const stale = await page.request.post(`${APPLICATIONS}?/${action}`, {
			headers,
			form,
			maxRedirects: 0
		});
		expect(stale.status(), action).toBe(409);
		expect(await stale.text()).toContain('Über diesen Antrag ist schon entschieden');
	}

	// The cockpit: Helga declined, the audit log names both decisions.
	await page.goto('/manage/nordstadt');
	await expect(page.getByRole('row', { name: /Helga W\./ })).toContainText('abgelehnt');
	await expect(page.getByRole('row', { name: /Giorgos P\./ })).toContainText('aktiv');
	await expectAccessible(page);
	await page.goto('/manage/nordstadt/audit');
	await expect(
		page.getByRole('row', { name: /Mitglied freigeschaltet\s*: Giorgos P\./ })
	).toBeVisible();
	await expect(page.getByRole('row', { name: /Antrag abgelehnt\s*: Helga W\./ })).toContainText(
		reason
	);
	await expect(
		page.getByRole('row', { name: /Startguthaben gebucht\s*: Giorgos P\./ })
	).toBeVisible();
	await expectAccessible(page);

	// Helga reads the reason on her account and in her mail.
	await helgaPage.goto('/account');
	await expect(
		helgaPage.getByText('Das Quartiersmanagement hat deinen Antrag abgelehnt.')
	).toBeVisible();
	await expect(helgaPage.getByText(reason)).toBeVisible();
	await expectAccessible(helgaPage);
	await helgaPage.goto(`/dev/mail?to=${encodeURIComponent(HELGA)}`);
	await expectAccessible(helgaPage);
	await helgaPage.getByRole('link', { name: 'Dein Antrag für Nordstadt' }).click();
	await expect(helgaPage.locator('pre.mail')).toContainText(reason);
	await expectAccessible(helgaPage);

	// Giorgos is a member now, with his start credit, and got one welcome mail.
	const giorgosPage = await personPage(browser, otherIp(clientIp, 2));
	await loggedIn(giorgosPage, GIORGOS);
	await giorgosPage.goto('/account');
	const card = giorgosPage.locator('.cards .card').filter({ hasText: 'Nordstadt' });
	await expect(card).toContainText('aktiv');
	await expect(giorgosPage.getByText('Dein Antrag wartet')).toHaveCount(0);
	await expectAccessible(giorgosPage);
	await giorgosPage.goto('/q/nordstadt/time-account');
	await expect(
		giorgosPage.getByRole('heading', { level: 1, name: 'Mein Zeitkonto' })
	).toBeVisible();
	await expect(giorgosPage.locator('.balance')).toContainText('2:00 Std.');
	await expect(giorgosPage.getByRole('cell', { name: /Startguthaben/ }).first()).toBeVisible();
	await expectAccessible(giorgosPage);
	await giorgosPage.goto(`/dev/mail?to=${encodeURIComponent(GIORGOS)}`);
	await expect(giorgosPage.getByRole('link', { name: 'Willkommen in Nordstadt!' })).toHaveCount(1);
	await expectAccessible(giorgosPage);
});

test('a member gets 403 on the applications page and on every action', async ({
	page,
	clientIp
}) => {
	// Signed out first: the sign-up form asks what to tell the quarter management, only where
	// the quarter approves new members.
	await page.goto('/signup');
	const applicationField = page.getByLabel('Was möchtest du dem Quartiersmanagement sagen?');
	await page.getByLabel('Dein Quartier').selectOption({ label: 'Lindenhof' });
	await expect(applicationField).toHaveCount(0);
	await page.getByLabel('Dein Quartier').selectOption({ label: 'Nordstadt' });
	await expect(applicationField).toBeVisible();
	await expect(
		page.getByText(/Nur diese Quartiere schalten neue Mitglieder erst frei/)
	).toContainText('Nordstadt');
	await expectAccessible(page);

	await loggedIn(page, MEMBER);
	const response = await page.goto(APPLICATIONS);
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
	const headers = {
		origin: new URL(page.url()).origin,
		accept: 'text/html',
		'x-forwarded-for': clientIp
	};
	const member = '0'.repeat(24);
	for (const [action, form] of [
		['approve', { member }],
		['decline', { member, reason: 'x' }],
		['ask', { member, text: 'Frage', nonce: 'abcdefghijklmnopqrst' }]
	] as const) {
		const r = await page.request.post(`${APPLICATIONS}?/${action}`, {
			headers,
			form,
			maxRedirects: 0
		});
		expect(r.status(), action).toBe(403);
	}
});
