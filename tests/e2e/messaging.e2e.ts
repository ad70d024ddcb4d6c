// Messages between neighbours: a direct conversation, the unread badge, privacy from strangers
// and from the quarter management until someone reports the conversation. Every page visited is
// checked with axe. The demo residents used here are used by no other e2e file.
import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, logIn, test, waitForHydration } from './fixtures';

const SOPHIE = 'sophie.richter@nordstadt.example';
const FELIX = 'felix.wolf@nordstadt.example';
const GISELA = 'gisela.neumann@nordstadt.example';
const SABINE = 'sabine.albrecht@nordstadt.example';

/** Another person at the same time: their own browser, cookies and client address. */
async function personPage(
	browser: Browser,
	ip: string,
	options: { javaScriptEnabled?: boolean } = {}
): Promise<Page> {
	const context = await browser.newContext({
		locale: 'de-DE',
		extraHTTPHeaders: { 'x-forwarded-for': ip },
		...options
	});
	const page = await context.newPage();
	if (options.javaScriptEnabled !== false) {
		const goto = page.goto.bind(page);
		page.goto = async (url, gotoOptions) => {
			const response = await goto(url, gotoOptions);
			await waitForHydration(page);
			return response;
		};
	}
	return page;
}

function otherIp(ip: string, k: number): string {
	const parts = ip.split('.').map(Number);
	parts[3] = (parts[3]! + k * 41) % 256;
	return parts.join('.');
}

async function loggedIn(page: Page, email: string, javaScript = true) {
	if (javaScript) await logIn(page, email, DEMO_PASSWORD);
	else {
		// The fixture's logIn waits for hydration, which never comes without JavaScript.
		await page.goto('/login');
		await page.getByLabel('E-Mail-Adresse').fill(email);
		await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden' }).click();
	}
	await expect(page).not.toHaveURL(/\/login/);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptmenü' });

test('two neighbours write to each other; strangers and the quarter management stay out until a report', async ({
	page,
	browser,
	clientIp
}) => {
	const stamp = Date.now().toString(36);
	const question = `Hallo Felix, kannst du mir am Samstag beim Umzug helfen? (${stamp})`;
	const answer = `Gern, ab 10 Uhr bin ich da. (${stamp})`;

	// The quarter management's member list leads to Felix's profile, whose address has his id.
	const sabine = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(sabine, SABINE);
	await sabine.goto('/manage/nordstadt');
	const felixHref = await sabine
		.getByRole('link', { name: 'Felix W.', exact: true })
		.getAttribute('href');
	const felixId = /\/members\/([a-f0-9]{24})$/.exec(felixHref ?? '')?.[1];
	expect(felixId).toBeTruthy();

	// Sophie opens the compose page for Felix and writes.
	await loggedIn(page, SOPHIE);
	await page.goto(`/messages/start?quarter=nordstadt&member=${felixId}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Nachricht schreiben' })).toBeVisible();
	await expect(page.getByText('An: Felix W.')).toBeVisible();
	await expect(page.getByText('Direktnachricht im Quartier Nordstadt')).toBeVisible();
	await expectAccessible(page);
	// An empty message is refused with a clear hint, and nothing is created.
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(page.getByText('Bitte schreib eine Nachricht.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Deine Nachricht').fill(question);
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(page).toHaveURL(/\/messages\/d-nordstadt-[a-f0-9]{24}-[a-f0-9]{24}$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Unterhaltung mit Felix W.' })
	).toBeVisible();
	await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText(question);
	await expectAccessible(page);
	const conversationPath = new URL(page.url()).pathname;

	// Contacting Felix again continues the same conversation.
	await page.goto(`/messages/start?quarter=nordstadt&member=${felixId}`);
	await expect(page).toHaveURL(new RegExp(`${conversationPath}$`));

	// Felix sees the unread badge, finds the conversation in his messages and answers.
	const felix = await personPage(browser, otherIp(clientIp, 2));
	await loggedIn(felix, FELIX);
	await expect(nav(felix).getByRole('link', { name: 'Nachrichten, 1 ungelesen' })).toBeVisible();
	await expectAccessible(felix);
	await nav(felix).getByRole('link', { name: 'Nachrichten, 1 ungelesen' }).click();
	await expect(felix.getByRole('heading', { level: 1, name: 'Nachrichten' })).toBeVisible();
	const item = felix.getByRole('listitem').filter({ hasText: 'Sophie R.: Direktnachricht' });
	await expect(item).toContainText('1 ungelesen');
	await expect(item).toContainText(question.slice(0, 40));
	await expectAccessible(felix);
	await felix.getByRole('link', { name: 'Sophie R.: Direktnachricht' }).click();
	await expect(
		felix.getByRole('heading', { level: 1, name: 'Unterhaltung mit Sophie R.' })
	).toBeVisible();
	await expect(felix.getByRole('list', { name: 'Verlauf' })).toContainText(question);
	// Read now: the badge is gone at once.
	await expect(nav(felix).getByRole('link', { name: 'Nachrichten', exact: true })).toBeVisible();
	// No email address or phone number unless Sophie chose to show them.
	await expect(felix.getByText('Kontakt, den Sophie R. freigegeben hat')).toHaveCount(0);
	await expect(felix.getByText(SOPHIE)).toHaveCount(0);
	await expectAccessible(felix);
	await felix.getByLabel('Deine Nachricht').fill(answer);
	await felix.getByRole('button', { name: 'Senden', exact: true }).click();
	await expect(felix.getByRole('list', { name: 'Verlauf' })).toContainText(answer);
	await expect(felix.getByLabel('Deine Nachricht')).toHaveValue('');
	await expectAccessible(felix);

	// Sophie's badge shows the answer; she reads it.
	await page.goto('/messages');
	await expect(nav(page).getByRole('link', { name: 'Nachrichten, 1 ungelesen' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Felix W.: Direktnachricht' }).click();
	await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText(answer);
	await expect(nav(page).getByRole('link', { name: 'Nachrichten', exact: true })).toBeVisible();

	// Gisela, another neighbour, gets "not found" for the conversation and cannot post to it.
	const gisela = await personPage(browser, otherIp(clientIp, 3));
	await loggedIn(gisela, GISELA);
	const stranger = await gisela.goto(conversationPath);
	expect(stranger?.status()).toBe(404);
	await expect(
		gisela.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })
	).toBeVisible();
	await expectAccessible(gisela);
	const post = await gisela.request.post(`${conversationPath}?/reply`, {
		form: { text: 'Ich lese mit!' },
		headers: { origin: new URL(gisela.url()).origin }
	});
	expect(post.status()).toBe(404);

	// The quarter management cannot read it before a report.
	const moderatorPath = `/manage/nordstadt/conversations/${conversationPath.split('/').pop()}`;
	const before = await sabine.goto(moderatorPath);
	expect(before?.status()).toBe(403);
	await expect(sabine.getByText('erst lesen, wenn ein Mitglied sie gemeldet hat')).toBeVisible();
	await expectAccessible(sabine);

	// Sophie reports the conversation.
	await page.getByText('Unterhaltung melden').click();
	await page.getByLabel('Grund').selectOption({ label: 'Etwas anderes, z. B. ein Betrugsversuch' });
	await page
		.getByLabel(/Was soll das Quartiersmanagement wissen/)
		.fill('Bitte einmal draufschauen.');
	await page.getByRole('button', { name: 'Meldung absenden' }).click();
	await expect(page.getByRole('status')).toContainText('Danke, deine Meldung ist angekommen');
	await expectAccessible(page);

	// Now Sabine reads it, read-only, with the report.
	const after = await sabine.goto(moderatorPath);
	expect(after?.status()).toBe(200);
	await expect(
		sabine.getByRole('heading', { level: 1, name: 'Gemeldete Unterhaltung' })
	).toBeVisible();
	await expect(sabine.getByText('Zwischen')).toContainText('Sophie R.');
	await expect(sabine.getByRole('list', { name: 'Verlauf' })).toContainText(question);
	await expect(sabine.getByRole('list', { name: 'Verlauf' })).toContainText(answer);
	await expect(sabine.getByRole('list', { name: 'Meldungen' })).toContainText(
		'Bitte einmal draufschauen.'
	);
	await expect(sabine.getByLabel('Deine Nachricht')).toHaveCount(0);
	await expectAccessible(sabine);
	// Her own messages page still does not show it: she is not a participant.
	expect((await sabine.goto(conversationPath))?.status()).toBe(404);

	for (const p of [sabine, felix, gisela]) await p.context().close();
});

test('replying works without JavaScript, and writing to oneself is refused', async ({
	page,
	browser,
	clientIp
}) => {
	const stamp = Date.now().toString(36);
	// Sophie writes to Gisela from the compose page; Gisela answers with JavaScript off.
	const sabine = await personPage(browser, otherIp(clientIp, 4));
	await loggedIn(sabine, SABINE);
	await sabine.goto('/manage/nordstadt');
	const giselaHref = await sabine
		.getByRole('link', { name: 'Gisela N.', exact: true })
		.getAttribute('href');
	const sophieHref = await sabine
		.getByRole('link', { name: 'Sophie R.', exact: true })
		.getAttribute('href');
	const giselaId = giselaHref!.split('/').pop();
	const sophieId = sophieHref!.split('/').pop();

	await loggedIn(page, SOPHIE);
	const self = await page.goto(`/messages/start?quarter=nordstadt&member=${sophieId}`);
	expect(self?.status()).toBe(400);
	await expect(page.getByText('Dir selbst kannst du keine Nachricht schreiben.')).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/messages/start?quarter=nordstadt&member=${giselaId}`);
	await page.getByLabel('Deine Nachricht').fill(`Gisela, hast du eine Leiter? (${stamp})`);
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(page).toHaveURL(/\/messages\/d-nordstadt-/);
	const conversationPath = new URL(page.url()).pathname;

	const gisela = await personPage(browser, otherIp(clientIp, 5), { javaScriptEnabled: false });
	await loggedIn(gisela, GISELA, false);
	await gisela.goto(conversationPath);
	await expect(gisela.getByRole('list', { name: 'Verlauf' })).toContainText(
		`hast du eine Leiter? (${stamp})`
	);
	// axe runs as a script in the page, so this context goes unchecked; the same pages are
	// checked with JavaScript in the first test and below.
	// A message with a control character is refused and kept in the box.
	await gisela.getByLabel('Deine Nachricht').fill(`Ja\u0007 (${stamp})`);
	await gisela.getByRole('button', { name: 'Senden', exact: true }).click();
	await expect(
		gisela.getByText('Die Nachricht enthält Zeichen, die wir nicht speichern können')
	).toBeVisible();
	await expect(gisela.getByLabel('Deine Nachricht')).toHaveValue(`Ja\u0007 (${stamp})`);
	await gisela.getByLabel('Deine Nachricht').fill(`Ja, komm vorbei. (${stamp})`);
	await gisela.getByRole('button', { name: 'Senden', exact: true }).click();
	await expect(gisela).toHaveURL(new RegExp(`${conversationPath}$`));
	await expect(gisela.getByRole('list', { name: 'Verlauf' })).toContainText(
		`Ja, komm vorbei. (${stamp})`
	);

	await page.reload();
	await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText(
		`Ja, komm vorbei. (${stamp})`
	);
	// The refused message on a page with JavaScript: the error sits next to the box.
	await page.getByLabel('Deine Nachricht').fill('Klingel\u0007');
	await page.getByRole('button', { name: 'Senden', exact: true }).click();
	await expect(
		page.getByText('Die Nachricht enthält Zeichen, die wir nicht speichern können')
	).toBeVisible();
	await expect(page.getByLabel('Deine Nachricht')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	for (const p of [sabine, gisela]) await p.context().close();
});
