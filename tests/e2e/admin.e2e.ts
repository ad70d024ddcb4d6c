// The admin area on the demo installation, partly in English: the platform administrator creates
// a quarter, changes a new member's role with a reason and appoints her to the quarter
// management; she changes a setting in her cockpit, and the audit log shows all of it. Members
// get 403 on /admin and its actions; a card payment the app cannot apply is listed for the
// platform admin. Every page visited is checked with axe.
import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	followAreaLink,
	loggedIn,
	openMailLink,
	otherIp,
	personPage,
	signUp,
	test,
	uniqueEmail
} from './fixtures';
import { fakeStripePort } from '../support/stripe-env';

const ADMIN = 'admin@quartiermarkt.example';

test('the platform administrator sets up a quarter and its management; every act is audited', async ({
	page,
	browser,
	clientIp
}) => {
	test.setTimeout(300_000);
	const stamp = Date.now().toString(36);
	const slug = `oststadt-${stamp}`;
	const name = `Oststadt ${stamp}`;
	const email = uniqueEmail('olga');
	const reason = `Führt einen Kiosk (${stamp})`;

	// The administrator finds the admin area in the menu and works in English.
	await loggedIn(page, ADMIN);
	await page.getByRole('link', { name: 'Verwaltung' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Verwaltung' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/en/admin/quarters/new');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Create a neighbourhood' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Name of the neighbourhood').fill(name);
	await page.getByLabel('City').fill('Hannover');
	await page.getByLabel('Short name in addresses').fill(slug);
	await page.getByLabel('Time zone').fill('Europe/Hannover');
	await page.getByLabel(/New members join only after/).uncheck();
	await page.getByRole('button', { name: 'Create neighbourhood' }).click();
	await expect(page.getByText('Unknown time zone. Enter it like Europe/Berlin.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Time zone').fill('Europe/Berlin');
	await page.getByLabel(/New members join only after/).uncheck();
	await page.getByRole('button', { name: 'Create neighbourhood' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Neighbourhood ${name}` })
	).toBeVisible();
	await expectAccessible(page);

	// Olga signs up for the new quarter (no approval there) and confirms her address.
	const olga = await personPage(browser, otherIp(clientIp, 1));
	await signUp(olga, { name: 'Olga Ost', email, password: DEMO_PASSWORD, quarter: name });
	await expect(
		olga.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	await olga.goto(await openMailLink(olga, email, /Bitte bestätige deine E-Mail-Adresse/));
	await expect(olga.getByRole('status')).toContainText('Deine E-Mail-Adresse ist bestätigt');

	// A role change needs a reason; with one it is done.
	await page.goto(`/en/admin/quarters/${slug}/people`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Neighbourhood team and roles' })
	).toBeVisible();
	await expectAccessible(page);
	const row = page.getByRole('listitem').filter({ hasText: email });
	await row.locator('summary').click();
	await row.getByRole('button', { name: 'Change role to Local business' }).click();
	const again = page.getByRole('listitem').filter({ hasText: email });
	await expect(again.getByText('Please give a reason: it is kept in the audit log.')).toBeVisible();
	await expectAccessible(page);
	await again.getByLabel('Reason for the change (kept in the audit log)').fill(reason);
	await again.getByRole('button', { name: 'Change role to Local business' }).click();
	await expect(page.getByText('The role is changed and recorded in the audit log.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: email })).toContainText(
		'Local business'
	);

	// Olga joins the quarter management.
	await page.getByLabel('Email address').fill(email);
	await page.getByRole('button', { name: 'Appoint to the neighbourhood team' }).click();
	await expect(page.getByText('The person is now in the neighbourhood team.')).toBeVisible();
	await expectAccessible(page);

	// In her cockpit she changes a setting; the log shows it with the administrator's acts.
	await loggedIn(olga, email);
	await olga.goto(`/manage/${slug}`);
	await olga.getByLabel(/ohne Antwort wird ein erledigter Tausch gebucht/).fill('21');
	await olga.getByRole('button', { name: 'Einstellungen speichern' }).click();
	await expect(olga.getByText('Die Einstellungen sind gespeichert.')).toBeVisible();
	await expectAccessible(olga);
	await olga.goto(`/manage/${slug}/audit`);
	await expect(olga.getByRole('row', { name: /Einstellungen geändert/ })).toContainText('Olga Ost');
	await expect(olga.getByRole('row', { name: /Rolle geändert/ })).toContainText(reason);
	await expect(
		olga.getByRole('row', { name: /Ins Quartiersmanagement aufgenommen/ })
	).toBeVisible();
	await expect(olga.getByRole('row', { name: /Quartier angelegt/ })).toBeVisible();
	await expectAccessible(olga);

	// Removed from the quarter management, she is back to a member: the cockpit is closed.
	await page.getByRole('button', { name: 'Remove Olga Ost from the neighbourhood team' }).click();
	await expect(page.getByText('The person is no longer in the neighbourhood team')).toBeVisible();
	expect((await olga.goto(`/manage/${slug}`))?.status()).toBe(403);
});

test('the platform administrator sees which mails went out and which did not, with the reason', async ({
	page
}) => {
	// Someone asks for a new password: the demo has no mail server, so the mail is stored and
	// marked as not sent (it is still readable at /dev/mail in the demo).
	const email = uniqueEmail('postfach');
	await signUp(page, { name: 'Pia Postfach', email, password: DEMO_PASSWORD });
	await page.context().clearCookies();

	await page.setViewportSize({ width: 390, height: 844 });
	await loggedIn(page, ADMIN);
	await page.goto('/admin');
	await followAreaLink(page, 'Verwaltung', 'E-Mails');
	await expect(page.getByRole('heading', { level: 1, name: 'Versand der E-Mails' })).toBeVisible();
	await expect(page.getByText('Es ist kein Mailserver eingerichtet')).toBeVisible();
	await expectAccessible(page);
	await page
		.getByRole('navigation', { name: 'E-Mails nach Stand' })
		.getByRole('link', { name: 'nicht versendet', exact: true })
		.click();
	// The sender marks it within seconds of the sign-up.
	const row = page.getByRole('row').filter({ hasText: email });
	await expect(async () => {
		await page.reload();
		await expect(row.first()).toContainText('nicht versendet: kein SMTP konfiguriert', {
			timeout: 1000
		});
	}).toPass({ timeout: 20_000 });
	await expectAccessible(page);
	await page
		.getByRole('navigation', { name: 'E-Mails nach Stand' })
		.getByRole('link', { name: 'versendet', exact: true })
		.click();
	await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
});

test('the platform admin sees a card payment the app cannot apply, at once', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await loggedIn(page, ADMIN);
	await page.goto('/admin');
	// Stripe reports a paid Checkout for an exchange this installation does not know.
	const fakeStripe = `http://127.0.0.1:${fakeStripePort(Number(new URL(page.url()).port))}`;
	const unknown = Date.now().toString(16).padStart(24, '0').slice(-24);
	const sent = await fetch(`${fakeStripe}/__fake/events`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			type: 'checkout.session.completed',
			object: {
				id: `cs_test_${unknown}`,
				object: 'checkout.session',
				amount_total: 700,
				client_reference_id: unknown,
				metadata: { exchangeId: unknown, quarterId: 'nordstadt', platformFeeCents: '0' },
				payment_intent: `pi_${unknown}`,
				payment_status: 'paid',
				status: 'complete'
			}
		})
	});
	const { id, status } = (await sent.json()) as { id: string; status: number };
	expect(status).toBe(200);
	await followAreaLink(page, 'Verwaltung', 'Zahlungsprobleme');
	await expect(page.getByRole('heading', { level: 1, name: 'Zahlungsprobleme' })).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: id });
	await expect(row).toContainText('nordstadt');
	await expect(row).toContainText('does not know');
	await expectAccessible(page);
});

test('members get 403 on the admin area and on its actions', async ({ page }) => {
	await loggedIn(page, 'anna.becker@nordstadt.example');
	await expect(page.getByRole('link', { name: 'Verwaltung' })).toHaveCount(0);
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
	const origin = new URL(page.url()).origin;
	for (const path of ['/admin/quarters/new', '/admin/quarters/nordstadt/people?/role']) {
		const post = await page.request.post(path, {
			headers: { origin, accept: 'text/html' },
			form: {
				slug: 'x-y',
				name: 'X',
				city: 'Y',
				member: '0'.repeat(24),
				role: 'business',
				reason: 'abc'
			}
		});
		expect(post.status(), path).toBe(403);
	}
});
