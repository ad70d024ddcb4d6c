// The legal duties a visitor and a member meet (issue 13 items 1, 4, 5): the administrator edits
// the Impressum and a visitor reads it; the sign-up refuses without the rules; a new business
// gives its trader details before its first offer is published, at phone width. The change of
// substance to the rules, which asks every member of an installation again, runs on the separate
// first installation (first-install.e2e.ts), so that it cannot interrupt the other tests here.
import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	loggedIn,
	logIn,
	openMailLink,
	otherIp,
	personPage,
	signUp,
	test,
	uniqueEmail
} from './fixtures';

const ADMIN = 'admin@quartiermarkt.example';
const LINDENHOF_MANAGER = 'petra.lindner@lindenhof.example';
const PHONE = { width: 390, height: 844 };

test('die Verwaltung ändert das Impressum, eine Besucherin liest es in beiden Sprachen', async ({
	page,
	browser,
	clientIp
}) => {
	const name = `Nachbarschaftsverein Test ${Date.now().toString(36)} e. V.`;
	await loggedIn(page, ADMIN);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Rechtstexte' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Rechtstexte' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('main').getByRole('link', { name: 'Impressum', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Impressum' })).toBeVisible();
	await expectAccessible(page);

	// An empty German text is refused in German and nothing is saved.
	await page.getByLabel('Text auf Deutsch').fill(' ');
	await page.getByRole('button', { name: 'Neue Fassung speichern' }).click();
	await expect(page.getByText('Bitte gib den deutschen Text ein.')).toBeVisible();
	await expectAccessible(page);

	await page
		.getByLabel('Text auf Deutsch')
		.fill(`## Angaben nach § 5 DDG\n\n${name}\nLindenallee 1\n30159 Hannover`);
	await page
		.getByLabel('Text auf Englisch')
		.fill(`## Information under § 5 DDG\n\n${name}, Hanover`);
	await page.getByRole('button', { name: 'Neue Fassung speichern' }).click();
	await expect(
		page.getByText('Die neue Fassung ist gespeichert und wird angezeigt.')
	).toBeVisible();
	await expect(page.getByRole('table', { name: 'Frühere Fassungen' })).toBeVisible();
	await expectAccessible(page);

	// A visitor without an account finds it from the footer of the start page.
	const visitor = await personPage(browser, otherIp(clientIp, 3));
	await visitor.goto('/');
	await expectAccessible(visitor);
	await visitor.getByRole('contentinfo').getByRole('link', { name: 'Impressum' }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: 'Impressum' })).toBeVisible();
	await expect(
		visitor.getByRole('heading', { level: 2, name: 'Angaben nach § 5 DDG' })
	).toBeVisible();
	await expect(visitor.getByText(name)).toBeVisible();
	await expectAccessible(visitor);
	await visitor.getByRole('button', { name: 'English' }).click();
	await expect(visitor).toHaveURL(/\/en\/impressum$/);
	await expect(
		visitor.getByRole('heading', { level: 2, name: 'Information under § 5 DDG' })
	).toBeVisible();
	await expectAccessible(visitor);

	// The other texts start from the templates, which say what the operator must still check.
	await visitor.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
	await expect(visitor.getByText('qm_session')).toBeVisible();
	await expectAccessible(visitor);
	await visitor.getByRole('button', { name: 'Deutsch' }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();
	await expect(visitor.getByText('keine Rechtsberatung')).toBeVisible();
	await expectAccessible(visitor);

	// The transparency report and how the marketplace orders its results.
	await visitor.getByRole('contentinfo').getByRole('link', { name: 'Transparenzbericht' }).click();
	await expect(
		visitor.getByRole('heading', { level: 1, name: 'Transparenzbericht' })
	).toBeVisible();
	await expect(visitor.getByRole('table', { name: 'Meldungen von Mitgliedern' })).toBeVisible();
	await expect(
		visitor.getByRole('heading', { level: 2, name: 'So ordnet der Marktplatz die Ergebnisse' })
	).toBeVisible();
	await expectAccessible(visitor);
	await visitor.context().close();
});

test('die Anmeldung ohne Zustimmung zu den Regeln wird abgelehnt', async ({ page }) => {
	await page.setViewportSize(PHONE);
	await page.goto('/signup');
	await expectAccessible(page);
	// The rules are one click away from the box that accepts them.
	await expect(page.getByRole('link', { name: /Regeln des Quartiermarkts/ })).toHaveAttribute(
		'href',
		'/regeln'
	);
	const email = uniqueEmail('ohne.regeln');
	await page.getByLabel('Name, der anderen angezeigt wird').fill('Ronja Regellos');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByLabel('Passwort wiederholen').fill(DEMO_PASSWORD);
	await page.getByLabel('Geburtsjahr').fill('1992');
	await page.getByLabel('Dein Quartier').selectOption({ label: 'Lindenhof' });
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
	await expect(page.getByText('Bitte bestätige die Regeln, um mitzumachen.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeVisible();
	await expectAccessible(page);
	// Nothing was created: no mail went to the address.
	await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
	await expect(
		page.getByRole('link', { name: /Bitte bestätige deine E-Mail-Adresse/ })
	).toHaveCount(0);

	await page.goto('/regeln');
	await expect(page.getByRole('heading', { level: 1, name: 'Regeln' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Nutzungsbedingungen' })).toBeVisible();
	await expectAccessible(page);
});

test('ein neuer Betrieb gibt die Anbieterkennzeichnung an, bevor sein erstes Angebot erscheint', async ({
	page,
	browser,
	clientIp
}) => {
	test.slow();
	await page.setViewportSize(PHONE);
	const email = uniqueEmail('werkstatt');
	const shop = `Schlüsseldienst Riegel ${Date.now().toString(36)}`;
	const offer = `Schlüssel nachmachen ${Date.now().toString(36)}`;
	await signUp(page, {
		name: shop,
		email,
		password: DEMO_PASSWORD,
		quarter: 'Lindenhof',
		business: true
	});
	await expect(
		page.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	await page.goto(await openMailLink(page, email, /Bitte bestätige deine E-Mail-Adresse/));
	await expect(page.getByRole('status')).toContainText('Deine E-Mail-Adresse ist bestätigt');
	await logIn(page, email, DEMO_PASSWORD);
	await expect(page).not.toHaveURL(/\/login/);

	await page.goto('/q/lindenhof/listings/new');
	await expect(page.getByRole('heading', { level: 1, name: 'Neuer Eintrag' })).toBeVisible();
	await page.getByLabel('Ich biete (Angebot)').check();
	await page.getByLabel('Titel').fill(offer);
	await page
		.getByLabel('Beschreibung')
		.fill('Sicherheitsschlüssel und Briefkastenschlüssel, sofort.');
	await page.getByLabel('Kategorie').selectOption({ label: 'Reparatur' });
	await page.getByRole('radio', { name: /^Stunden \(Zeitbank/ }).check();
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();

	// The offer waits as a draft; the trader details come first.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Anbieterkennzeichnung' })
	).toBeVisible();
	await expect(
		page.getByText(`Dein Angebot „${offer}“ ist als Entwurf gespeichert.`)
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Anschrift').fill('Lindenweg');
	await page.getByLabel('Telefon').fill('ruf an');
	await page.getByRole('button', { name: 'Speichern und Angebot einreichen' }).click();
	await expect(page.getByText('Bitte gib den Namen oder die Firma an.')).toBeVisible();
	await expect(
		page.getByText('Bitte gib die vollständige Anschrift mit Hausnummer und Postleitzahl an.')
	).toBeVisible();
	await expect(page.getByText('Bitte gib eine Telefonnummer aus Ziffern an')).toBeVisible();
	await expect(
		page.getByText('Bitte bestätige, dass du nur erlaubte Waren und Leistungen anbietest.')
	).toBeVisible();
	await expectAccessible(page);

	// Meanwhile the draft is not in the marketplace.
	const neighbour = await personPage(browser, otherIp(clientIp, 5));
	await neighbour.goto('/q/lindenhof');
	await expect(neighbour.getByRole('link', { name: offer })).toHaveCount(0);

	await page.getByLabel('Name oder Firma').fill(`${shop} GmbH`);
	await page.getByLabel('Anschrift').fill('Lindenweg 12\n30451 Hannover');
	await page.getByLabel('Telefon').fill('0511 987654');
	await page.getByLabel('Registernummer (falls vorhanden)').fill('HRB 55555, Amtsgericht Hannover');
	await page
		.getByLabel('Ich biete nur Waren und Leistungen an, die dem geltenden Recht entsprechen.')
		.check();
	await page.getByRole('button', { name: 'Speichern und Angebot einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: offer })).toBeVisible();
	await expect(
		page.getByText('Veröffentlicht: dein Eintrag ist jetzt im Marktplatz.')
	).toBeVisible();
	// Where the offer is shown, it names the trader (Art. 30(7) DSA).
	await expect(page.getByText('HRB 55555, Amtsgericht Hannover')).toBeVisible();
	await expectAccessible(page);
	await neighbour.goto('/q/lindenhof');
	await expect(neighbour.getByRole('link', { name: offer })).toBeVisible();
	await neighbour.context().close();

	// The quarter management sees that the details are complete, and the profile shows them.
	const manager = await personPage(browser, otherIp(clientIp, 6));
	await manager.setViewportSize(PHONE);
	await loggedIn(manager, LINDENHOF_MANAGER);
	await manager.goto('/manage/lindenhof');
	const row = manager.getByRole('row').filter({ hasText: shop });
	await expect(row.getByText('Anbieterkennzeichnung vollständig')).toBeVisible();
	await expectAccessible(manager);
	await row.getByRole('link', { name: shop }).click();
	await expect(
		manager.getByRole('heading', { level: 2, name: 'Anbieterkennzeichnung' })
	).toBeVisible();
	await expect(manager.getByText(`${shop} GmbH`)).toBeVisible();
	await expect(manager.getByText('HRB 55555, Amtsgericht Hannover')).toBeVisible();
	await expectAccessible(manager);
	await manager.context().close();
});
