import { DEMO_PASSWORD, expect, expectAccessible, logIn, openAccount, test } from './fixtures';

test('the language switch turns the site into English and back, remembering the choice', async ({
	page
}) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
	await expectAccessible(page);

	// An address without language prefix follows the remembered choice.
	await page.goto('/signup');
	await expect(page).toHaveURL(/\/en\/signup$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Sign up' })).toBeVisible();
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Please enter your email address.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Deutsch' }).click();
	await expect(page).toHaveURL(/\/signup$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeVisible();
});

test('the skip link, landmarks and security headers are in place', async ({ page }) => {
	const response = await page.goto('/');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-content-type-options']).toBe('nosniff');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
	await expect(page.getByRole('banner')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Hauptmenü' })).toBeVisible();
	await expect(page.getByRole('main')).toBeVisible();
	await expect(page.getByRole('contentinfo')).toBeVisible();
	await expectAccessible(page);
});

test('a missing page says so in German and in English', async ({ page }) => {
	const response = await page.goto('/gibt-es-nicht');
	expect(response!.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/en/does-not-exist');
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('the quarter management sees its members; a resident is turned away', async ({ page }) => {
	await logIn(page, 'sabine.albrecht@nordstadt.example', DEMO_PASSWORD);
	await page.getByRole('link', { name: 'Quartiersmanagement' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Quartiersmanagement Nordstadt' })
	).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Bäckerei Sonnenkorn' })).toBeVisible();
	// The demo quarter has fresh applications waiting.
	await expect(page.getByText(/\d+ warten auf Freischaltung/)).toBeVisible();
	await expect(page.getByRole('row', { name: /Leon B\./ })).toContainText(
		'wartet auf Freischaltung'
	);
	await expectAccessible(page);

	await page.getByLabel('Untergrenze des Zeitkontos (Stunden)').fill('5');
	await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
	await expect(page.getByText('Die Untergrenze darf nicht über 0 Stunden liegen.')).toBeVisible();
	await page.getByLabel('Untergrenze des Zeitkontos (Stunden)').fill('-12,5');
	await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Die Einstellungen sind gespeichert');
	await page.reload();
	await expect(page.getByLabel('Untergrenze des Zeitkontos (Stunden)')).toHaveValue('-12,5');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Abmelden' }).click();
	await expect(page.getByRole('status')).toContainText('Du bist abgemeldet');
	await logIn(page, 'anna.becker@nordstadt.example', DEMO_PASSWORD);
	await openAccount(page);
	await expect(page.getByRole('link', { name: 'Quartiersmanagement' })).toHaveCount(0);
	const response = await page.goto('/manage/nordstadt');
	expect(response!.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
	await expectAccessible(page);
});
