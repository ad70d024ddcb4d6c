import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	logIn,
	openAccount,
	openMailLink,
	signUp,
	test,
	uniqueEmail,
	waitForHydration
} from './fixtures';

test('a new neighbour signs up, confirms the email, logs in and logs out', async ({ page }) => {
	const email = uniqueEmail('lea.nachbarin');
	const password = 'Sonnenblume am Fenster 7';

	await page.goto('/');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nachbarschaft, die sich lohnt' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Jetzt mitmachen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeVisible();
	await expectAccessible(page);

	await signUp(page, { name: 'Lea Ñandú-Öztürk', email, password, quarter: 'Nordstadt' });
	await expect(
		page.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	await expectAccessible(page);

	// Before confirming, logging in is refused with a clear hint.
	await logIn(page, email, password);
	await expect(page.getByRole('alert')).toContainText(
		'Bitte bestätige zuerst deine E-Mail-Adresse'
	);
	await expectAccessible(page);

	const link = await openMailLink(page, email, /Bitte bestätige deine E-Mail-Adresse/);
	expect(link).toMatch(/^\/verify-email\?token=[a-z2-7]{32}$/);
	await page.goto(link);
	await expect(page.getByRole('status')).toContainText('Deine E-Mail-Adresse ist bestätigt');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Weiter zur Anmeldung' }).click();

	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
	await expect(page.getByText(`Angemeldet als ${email}`)).toBeVisible();
	// Nordstadt admits new members: the membership waits for the quarter management.
	await expect(page.getByText('wartet auf Freischaltung')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Abmelden' }).click();
	await expect(page.getByRole('status')).toContainText('Du bist abgemeldet');
	await expectAccessible(page);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test('a forgotten password is reset by an emailed link that works once', async ({ page }) => {
	const email = 'jonas.hoffmann@nordstadt.example';
	const newPassword = 'Neues Passwort für Jonas 2026';

	await page.goto('/login');
	await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Passwort vergessen' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByRole('button', { name: 'Link schicken' }).click();
	await expect(page.getByRole('status')).toContainText('haben wir dir einen Link geschickt');
	await expectAccessible(page);

	const link = await openMailLink(page, email, /Dein Link für ein neues Passwort/);
	await page.goto(link);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Neues Passwort festlegen' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Neues Passwort').fill(newPassword);
	await page.getByLabel('Passwort wiederholen').fill('etwas anderes ganz');
	await page.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(page.getByText('Die beiden Passwörter stimmen nicht überein.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Neues Passwort').fill(newPassword);
	await page.getByLabel('Passwort wiederholen').fill(newPassword);
	await page.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Dein Passwort ist geändert');

	// The link is single use.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('ungültig oder wurde schon benutzt');
	await expectAccessible(page);

	await logIn(page, email, DEMO_PASSWORD);
	await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort stimmen nicht');
	await logIn(page, email, newPassword);
	await openAccount(page);
});

test('changing the password ends the sessions on other devices', async ({ browser, clientIp }) => {
	const email = 'mehmet.yilmaz@nordstadt.example';
	const newPassword = 'Mehmets neues Passwort 1';
	const laptop = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
	const phone = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
	const onLaptop = await laptop.newPage();
	const onPhone = await phone.newPage();

	await logIn(onPhone, email, DEMO_PASSWORD);
	await openAccount(onPhone);
	await logIn(onLaptop, email, DEMO_PASSWORD);
	await openAccount(onLaptop);

	await onLaptop.getByLabel('Aktuelles Passwort').fill('falsch und falsch');
	await onLaptop.getByLabel('Neues Passwort').fill(newPassword);
	await onLaptop.getByLabel('Passwort wiederholen').fill(newPassword);
	await onLaptop.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(onLaptop.getByText('Das aktuelle Passwort stimmt nicht.')).toBeVisible();
	await expectAccessible(onLaptop);

	await onLaptop.getByLabel('Aktuelles Passwort').fill(DEMO_PASSWORD);
	await onLaptop.getByLabel('Neues Passwort').fill(newPassword);
	await onLaptop.getByLabel('Passwort wiederholen').fill(newPassword);
	await onLaptop.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(onLaptop.getByRole('status')).toContainText(
		'Auf allen anderen Geräten bist du jetzt abgemeldet'
	);

	await onLaptop.reload();
	await expect(onLaptop.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
	await onPhone.reload();
	await expect(onPhone).toHaveURL(/\/login/);
	await laptop.close();
	await phone.close();
});

test('the profile keeps the name and the language for emails', async ({ page }) => {
	await logIn(page, 'lena.schulz@nordstadt.example', DEMO_PASSWORD);
	await openAccount(page);
	await page.getByLabel('Name, der anderen angezeigt wird').fill('  Lena   S.  ');
	await page.getByLabel('Sprache').selectOption('en');
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Dein Profil ist gespeichert');
	await page.reload();
	await expect(page.getByLabel('Name, der anderen angezeigt wird')).toHaveValue('Lena S.');
	await expect(page.getByLabel('Sprache')).toHaveValue('en');
	await expectAccessible(page);
});

test("a login lands on the marketplace of the member's quarter, in the language of the login page", async ({
	page
}) => {
	await page.goto('/en/login');
	await waitForHydration(page);
	await page.getByLabel('Email address').fill('paul.wagner@nordstadt.example');
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(/\/en\/q\/nordstadt$/);
	await expectAccessible(page);
});

test('no spelling of another host leads away after a login', async ({ page }) => {
	await page.goto(`/login?redirectTo=${encodeURIComponent('/.//evil.example')}`);
	await waitForHydration(page);
	await page.getByLabel('E-Mail-Adresse').fill('paul.wagner@nordstadt.example');
	await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/q\/nordstadt$/);
	await expectAccessible(page);
});
