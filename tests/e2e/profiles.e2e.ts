import { DEMO_PASSWORD, expect, expectAccessible, logIn, openAccount, test } from './fixtures';

// Clara is a seeded, active resident of Nordstadt without a seeded profile, and no other e2e
// file signs in as her.
const CLARA = 'clara.zimmermann@nordstadt.example';
const BAKERY = 'sonnenkorn@nordstadt.example';

test('eine Bewohnerin zeigt ihre Fähigkeiten, ein Betrieb findet sie im Talentverzeichnis', async ({
	page,
	browser,
	clientIp
}) => {
	await logIn(page, CLARA, DEMO_PASSWORD);
	await openAccount(page);
	await page
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Mein Profil' })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Mein Profil in Nordstadt' })
	).toBeVisible();
	await expectAccessible(page);

	// A level the form does not know is explained at the field, and what was typed stays.
	await page.getByLabel('Über mich').fill('Ich backe jeden Samstag mit meinen Kindern.');
	await page.getByLabel('Was ich kann').fill('Brezeln schlingen: meisterhaft');
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByText('Nach dem Doppelpunkt steht ein Niveau')).toBeVisible();
	await expect(page.getByLabel('Über mich')).toHaveValue(
		'Ich backe jeden Samstag mit meinen Kindern.'
	);
	await expectAccessible(page);

	await page
		.getByLabel('Was ich kann')
		.fill('Brezeln schlingen: Expert:in\nSauerteig ansetzen: gut\nKuchen verzieren');
	await page.getByLabel('Sprachen, die ich spreche').fill('Deutsch, Polnisch');
	await page.getByLabel(/Ins Talentverzeichnis/).check();
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Dein Profil ist gespeichert');
	await expectAccessible(page);

	await page.reload();
	await expect(page.getByLabel('Was ich kann')).toHaveValue(
		'Brezeln schlingen: Expert:in\nSauerteig ansetzen: gut\nKuchen verzieren'
	);
	await expect(page.getByLabel(/Ins Talentverzeichnis/)).toBeChecked();
	await expect(page.getByLabel('Meine E-Mail-Adresse im Profil zeigen')).not.toBeChecked();

	// Her own profile offers editing, not a message to herself.
	await page.getByRole('link', { name: 'So sehen andere dein Profil' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Clara Z.' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Profil bearbeiten' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Nachricht senden' })).toHaveCount(0);
	await expectAccessible(page);

	const bakery = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
	const shop = await bakery.newPage();
	await logIn(shop, BAKERY, DEMO_PASSWORD);
	await openAccount(shop);
	await shop
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Talentverzeichnis' })
		.click();
	await expect(shop.getByRole('heading', { level: 1, name: 'Talentverzeichnis' })).toBeVisible();
	await expectAccessible(shop);

	// Folded like the listing search: "brezel" finds "Brezeln schlingen".
	await shop.getByLabel('Fähigkeit').fill('brezel');
	await shop.getByRole('button', { name: 'Suchen' }).click();
	await expect(shop).toHaveURL(/[?&]skill=brezel/);
	const results = shop.getByRole('list', { name: 'Ergebnisse' });
	await expect(results.getByRole('link', { name: 'Clara Z.' })).toBeVisible();
	await expect(results).toContainText('Brezeln schlingen');
	await expect(results).toContainText('Expert:in');
	await expect(results).toContainText('Polnisch');
	await expectAccessible(shop);

	await shop.getByLabel('Fähigkeit').fill('Kamelreiten');
	await shop.getByRole('button', { name: 'Suchen' }).click();
	await expect(shop.getByText('Niemand passt zu deiner Suche')).toBeVisible();
	await shop.getByLabel('Fähigkeit').fill('');
	await shop.getByLabel('Sprache', { exact: true }).selectOption('Polnisch');
	await shop.getByRole('button', { name: 'Suchen' }).click();
	await results.getByRole('link', { name: 'Clara Z.' }).click();

	await expect(shop.getByRole('heading', { level: 1, name: 'Clara Z.' })).toBeVisible();
	await expect(shop.getByText('Ich backe jeden Samstag mit meinen Kindern.')).toBeVisible();
	await expect(shop.getByRole('listitem').filter({ hasText: 'Sauerteig ansetzen' })).toContainText(
		'gut'
	);
	// She did not choose to show her email address.
	await expect(shop.locator('main')).not.toContainText(CLARA);
	await expect(shop.locator('a[href^="mailto:"]')).toHaveCount(0);
	await expect(shop.getByRole('link', { name: 'Profil bearbeiten' })).toHaveCount(0);
	const contact = shop.getByRole('form', { name: 'Nachricht schreiben' });
	await expect(contact.getByLabel('Nachricht', { exact: true })).toBeVisible();
	await expect(contact.getByRole('button', { name: 'Nachricht senden' })).toBeVisible();
	await expect(contact.locator('input[name="quarter"]')).toHaveValue('nordstadt');
	await expect(contact.locator('input[name="member"]')).toHaveValue(/^[a-f0-9]{24}$/);
	await expectAccessible(shop);

	// The bakery writes to her, and she reads it in her messages.
	await contact
		.getByLabel('Nachricht', { exact: true })
		.fill('Hallo Clara, hättest du samstags Zeit, bei uns Brezeln zu schlingen?');
	await contact.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(shop).toHaveURL(/\/messages\//);
	await expect(shop.getByText('hättest du samstags Zeit')).toBeVisible();
	await expectAccessible(shop);
	await page.goto('/messages');
	await page
		.getByRole('link', { name: /Bäckerei Sonnenkorn/ })
		.first()
		.click();
	await expect(page.getByText('hättest du samstags Zeit')).toBeVisible();
	await expectAccessible(page);
	await bakery.close();
});

test('Bewohner:innen erfahren, warum das Talentverzeichnis für sie zu ist', async ({ page }) => {
	await logIn(page, 'paul.wagner@nordstadt.example', DEMO_PASSWORD);
	await openAccount(page);
	await expect(
		page
			.getByRole('navigation', { name: 'Hauptmenü' })
			.getByRole('link', { name: 'Talentverzeichnis' })
	).toHaveCount(0);
	const response = await page.goto('/q/nordstadt/talents');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
	await expect(page.getByText('Das Talentverzeichnis ist für die Betriebe')).toBeVisible();
	await expectAccessible(page);
});

test('Profile sehen nur angemeldete Mitglieder des Quartiers', async ({ page }) => {
	const profile = '/q/nordstadt/members/0123456789abcdef01234567';
	await page.goto(profile);
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fq%2Fnordstadt%2Fmembers%2F/);
	await expectAccessible(page);

	// The quarter management of another quarter is no member of this one.
	await logIn(page, 'petra.lindner@lindenhof.example', DEMO_PASSWORD);
	await openAccount(page);
	const response = await page.goto(profile);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
	await expectAccessible(page);
});
