// The marketplace as its people use it: posting, moderating, finding, contacting, reporting,
// suspending. Every page visited is checked with axe.
import {
	DEMO_PASSWORD,
	expect,
	expectAccessible,
	loggedIn,
	otherIp,
	personPage,
	test
} from './fixtures';

const QUARTER = '/q/nordstadt';
/** A valid 1×1 PNG: the upload path is the same as for a real photo. */
const PNG_1X1 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

test('a resident offers help, the quarter management approves, a neighbour finds it and writes', async ({
	page,
	browser,
	clientIp
}) => {
	const title = `Tomatenpflanzen umtopfen ${Date.now().toString(36)}`;
	// Marie lives at the Weidendamm; she offers help in the garden, paid in hours.
	await loggedIn(page, 'marie.keller@nordstadt.example');
	await page.goto(`${QUARTER}/listings/new`);
	await expect(page.getByRole('heading', { level: 1, name: 'Neuer Eintrag' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Ich biete (Angebot)').check();
	await page.getByLabel('Titel').fill(title);
	await page
		.getByLabel('Beschreibung')
		.fill(
			'Ich helfe beim **Umtopfen** auf Balkon und im Hof an der Straße.\n\n- Erde bringe ich mit'
		);
	await page.getByLabel('Kategorie').selectOption({ label: 'Garten' });
	await page.getByLabel('Stichwörter').fill('Balkon, Pflanzen');
	await page.getByRole('radio', { name: /^Stunden \(Zeitbank/ }).check();
	await page.getByLabel('Wann').fill('samstags vormittags');
	await page.getByLabel('Ort im Quartier').selectOption({ label: 'Weidendamm' });
	await page.getByLabel('Foto (freiwillig)').setInputFiles({
		name: 'tomaten.png',
		mimeType: 'image/png',
		buffer: Buffer.from(PNG_1X1, 'base64')
	});
	await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	// The photo was checked, converted and is served from the database.
	const photo = page.getByRole('img', { name: `Foto zu „${title}“` });
	await expect(photo).toBeVisible();
	const src = await photo.getAttribute('src');
	const served = await page.request.get(src!);
	expect(served.headers()['content-type']).toBe('image/webp');
	await expect(
		page.getByText('Eingereicht: das Quartiersmanagement gibt deinen Eintrag bald frei.')
	).toBeVisible();
	await expect(page.getByText('Wartet auf Freigabe')).toBeVisible();
	await expectAccessible(page);
	const listingUrl = new URL(page.url()).pathname;

	// Not public yet: a neighbour gets "not found".
	const neighbour = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(neighbour, 'paul.wagner@nordstadt.example');
	const hidden = await neighbour.goto(listingUrl);
	expect(hidden?.status()).toBe(404);

	// The quarter management approves it from the review list.
	const moderator = await personPage(browser, otherIp(clientIp, 2));
	await loggedIn(moderator, 'sabine.albrecht@nordstadt.example');
	await moderator.goto('/manage/nordstadt/listings');
	await expect(moderator.getByRole('heading', { level: 1, name: 'Prüfliste' })).toBeVisible();
	await expectAccessible(moderator);
	await moderator.getByRole('link', { name: title }).click();
	await expect(
		moderator.getByRole('heading', { level: 2, name: 'Quartiersmanagement' })
	).toBeVisible();
	await expectAccessible(moderator);
	await moderator.getByRole('button', { name: 'Freigeben' }).click();
	await expect(moderator.getByText('Freigegeben.').first()).toBeVisible();
	await expect(moderator.getByText('Wartet auf Freigabe')).toHaveCount(0);

	// Paul searches with a folded word ("strasse" for "Straße") and finds it.
	await neighbour.goto(QUARTER);
	await expectAccessible(neighbour);
	await neighbour.getByLabel('Suchbegriff').fill('umtopfen strasse');
	await neighbour.getByRole('button', { name: 'Suchen' }).click();
	await expect(neighbour.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(neighbour);
	// … by category and distance from his own block, nearest first.
	await neighbour.getByLabel('Suchbegriff').fill('');
	await neighbour.getByLabel('Kategorie').selectOption({ label: 'Garten' });
	await neighbour.getByLabel('Entfernung von').selectOption({ label: 'Weidendamm' });
	await neighbour.getByLabel('Umkreis').selectOption({ label: 'bis 500 m' });
	await neighbour.getByLabel('Sortierung').selectOption({ label: 'In der Nähe zuerst' });
	await neighbour.getByRole('button', { name: 'Suchen' }).click();
	const card = neighbour.getByRole('article').filter({ hasText: title });
	await expect(card).toBeVisible();
	await expect(card.getByText(/ca\. \d+ m entfernt/)).toBeVisible();
	await expectAccessible(neighbour);
	// A category without such listings does not show it.
	await neighbour.getByLabel('Kategorie').selectOption({ label: 'Transport' });
	await neighbour.getByRole('button', { name: 'Suchen' }).click();
	await expect(neighbour.getByRole('link', { name: title })).toHaveCount(0);

	// He opens it and writes to Marie.
	await neighbour.goto(listingUrl);
	await expect(neighbour.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(neighbour.locator('.prose strong')).toHaveText('Umtopfen');
	await expectAccessible(neighbour);
	await neighbour
		.getByLabel('Deine Nachricht')
		.fill('Hallo Marie, hättest du Samstag Zeit für meinen Balkon?');
	await neighbour.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(neighbour).toHaveURL(/\/messages\//);
	await expect(neighbour.getByText('hättest du Samstag Zeit für meinen Balkon?')).toBeVisible();
	await expectAccessible(neighbour);

	// Marie sees it in her messages and answers; Paul reads the answer.
	await page.goto('/messages');
	await expectAccessible(page);
	await page
		.getByRole('link', { name: new RegExp(title) })
		.first()
		.click();
	await expect(page.getByText('hättest du Samstag Zeit für meinen Balkon?')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Deine Nachricht', { exact: true }).fill('Gern, ab 10 Uhr passt es mir.');
	await page.getByRole('button', { name: 'Senden', exact: true }).click();
	await expect(page.getByText('Gern, ab 10 Uhr passt es mir.')).toBeVisible();
	await neighbour.reload();
	await expect(neighbour.getByText('Gern, ab 10 Uhr passt es mir.')).toBeVisible();

	await neighbour.context().close();
	await moderator.context().close();
});

test('a reported listing is hidden by the quarter management, and its author reads why', async ({
	page,
	browser,
	clientIp
}) => {
	// Ben posts a listing; Murat approves it; Nele reports it.
	await loggedIn(page, 'ben.fuchs@nordstadt.example');
	const title = `Gebrauchte Handys günstig ${Date.now().toString(36)}`;
	await page.goto(`${QUARTER}/listings/new`);
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Beschreibung').fill('Viele Modelle, alle geprüft.');
	await page.getByLabel('Kategorie').selectOption({ label: 'Computer & Technik' });
	await page.getByLabel('Euro (mit Preis)').check();
	await page.getByLabel('Preis in Euro').fill('80');
	await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const listingUrl = new URL(page.url()).pathname;

	const moderator = await personPage(browser, otherIp(clientIp, 3));
	await loggedIn(moderator, 'murat.kaya@nordstadt.example');
	await moderator.goto(listingUrl);
	await moderator.getByRole('button', { name: 'Freigeben' }).click();
	await expect(moderator.getByText('Freigegeben.').first()).toBeVisible();

	const reporter = await personPage(browser, otherIp(clientIp, 4));
	await loggedIn(reporter, 'nele.sommer@nordstadt.example');
	await reporter.goto(listingUrl);
	await reporter.getByText('Eintrag melden').click();
	await reporter.getByLabel('Nicht angegebenes Gewerbe').check();
	await reporter
		.getByLabel('Hinweis für das Quartiersmanagement (freiwillig)')
		.fill('Verkauft das regelmäßig.');
	await expectAccessible(reporter);
	await reporter.getByRole('button', { name: 'Melden', exact: true }).click();
	await expect(
		reporter.getByText('Danke! Das Quartiersmanagement schaut sich den Eintrag an.')
	).toBeVisible();

	await moderator.goto('/manage/nordstadt/flags');
	await expect(moderator.getByRole('heading', { level: 1, name: 'Meldungen' })).toBeVisible();
	await expectAccessible(moderator);
	const report = moderator.getByRole('article').filter({ hasText: title });
	await expect(report.getByText('Verkauft das regelmäßig.')).toBeVisible();
	await report.getByLabel('Eintrag ausblenden').check();
	await report.getByLabel('Begründung').fill('Regelmäßiger Verkauf bitte als Betrieb anmelden.');
	await report.getByRole('button', { name: 'Meldung bearbeiten' }).click();
	await expect(moderator.getByText('Der Eintrag ist ausgeblendet')).toBeVisible();
	await expectAccessible(moderator);

	// The author sees the reason on the listing; others no longer find it.
	await page.goto(listingUrl);
	await expect(page.getByText('Ausgeblendet vom Quartiersmanagement:')).toBeVisible();
	await expect(page.getByText('Regelmäßiger Verkauf bitte als Betrieb anmelden.')).toBeVisible();
	await expectAccessible(page);
	expect((await reporter.goto(listingUrl))?.status()).toBe(404);

	// The act is in the audit log with its reason.
	await moderator.goto('/manage/nordstadt/audit');
	await expect(moderator.getByRole('cell', { name: /Eintrag ausgeblendet/ }).first()).toBeVisible();
	await expect(
		moderator
			.getByRole('cell', { name: 'Regelmäßiger Verkauf bitte als Betrieb anmelden.' })
			.first()
	).toBeVisible();
	await expectAccessible(moderator);

	await moderator.context().close();
	await reporter.context().close();
});

test('a suspended member is logged out, cannot log in or post, until reinstated', async ({
	page,
	browser,
	clientIp
}) => {
	const member = await personPage(browser, otherIp(clientIp, 5));
	await loggedIn(member, 'tim.kruger@nordstadt.example');
	await member.goto(`${QUARTER}/listings/new`);
	await expect(member.getByRole('heading', { level: 1, name: 'Neuer Eintrag' })).toBeVisible();

	await loggedIn(page, 'sabine.albrecht@nordstadt.example');
	await page.goto('/manage/nordstadt');
	const row = page.getByRole('row').filter({ hasText: 'Tim K.' });
	await row.locator('summary').click();
	await row.getByLabel('Begründung (fürs Protokoll)').fill('Beleidigende Nachrichten an Nachbarn.');
	await row.getByRole('button', { name: 'Mitglied sperren' }).click();
	await expect(page.getByText('Das Mitglied ist gesperrt und wurde abgemeldet.')).toBeVisible();
	await expectAccessible(page);

	// The open session is gone: posting sends Tim to the login page, and the login is refused.
	await member.getByLabel('Titel').fill('Noch ein Versuch');
	await member.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
	await expect(member).toHaveURL(/\/login/);
	await member.getByLabel('E-Mail-Adresse').fill('tim.kruger@nordstadt.example');
	await member.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
	await member.getByRole('button', { name: 'Anmelden' }).click();
	await expect(member.getByText('Dein Zugang ist vom Quartiersmanagement gesperrt.')).toBeVisible();
	await expectAccessible(member);

	await page.goto('/manage/nordstadt');
	const again = page.getByRole('row').filter({ hasText: 'Tim K.' });
	await again.locator('summary').click();
	await again.getByLabel('Begründung (fürs Protokoll)').fill('Gespräch im Quartiersbüro geführt.');
	await again.getByRole('button', { name: 'Sperre aufheben' }).click();
	await expect(page.getByText('Die Sperre ist aufgehoben.')).toBeVisible();
	await loggedIn(member, 'tim.kruger@nordstadt.example');
	await member.context().close();
});

test('signed-out visitors see titles and categories only', async ({ page }) => {
	await page.goto(QUARTER);
	await expect(page.getByRole('heading', { level: 1, name: 'Marktplatz Nordstadt' })).toBeVisible();
	await expect(page.getByText('Melde dich an, um Details zu sehen')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Fahrradreparatur im Hinterhof' })).toBeVisible();
	await expect(page.getByText(/von Jonas/)).toHaveCount(0);
	await expectAccessible(page);
	// About 150 listings: several pages, and the next one keeps going.
	const pages = page.getByRole('navigation', { name: 'Seiten' });
	await expect(pages.getByText(/^Seite 1 von \d+$/)).toBeVisible();
	await pages.getByRole('link', { name: 'Nächste Seite' }).click();
	await expect(pages.getByText(/^Seite 2 von \d+$/)).toBeVisible();
	await expect(pages.getByRole('link', { name: 'Vorherige Seite' })).toBeVisible();
	await page.goto(QUARTER);
	await page.getByRole('link', { name: 'Fahrradreparatur im Hinterhof' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Fahrradreparatur im Hinterhof' })
	).toBeVisible();
	await expect(page.getByText('Melde dich an, um die Details zu sehen')).toBeVisible();
	await expect(page.getByText('Schläuche')).toHaveCount(0);
	await expectAccessible(page);
});

test('after asking for changes the moderator is back on the review list, and the audit log names the act', async ({
	page,
	browser,
	clientIp
}) => {
	await loggedIn(page, 'ben.fuchs@nordstadt.example');
	const title = `Fahrradanhänger zu verleihen ${Date.now().toString(36)}`;
	await page.goto(`${QUARTER}/listings/new`);
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Beschreibung').fill('Für Einkäufe und Umzüge im Quartier.');
	await page.getByLabel('Kategorie').selectOption({ label: 'Garten' });
	await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

	const moderator = await personPage(browser, otherIp(clientIp, 5));
	await moderator.setViewportSize({ width: 390, height: 844 });
	await loggedIn(moderator, 'murat.kaya@nordstadt.example');
	await moderator.goto('/manage/nordstadt/listings');
	await moderator.getByRole('link', { name: title }).click();
	// Without a reason the management is asked for one, in words sent by the server.
	await moderator.getByRole('button', { name: 'Änderungen erbitten' }).click();
	await expect(
		moderator.getByText('Bitte gib eine Begründung an: die Person liest sie.')
	).toBeVisible();
	await expect(moderator.getByLabel('Was soll geändert werden?')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expectAccessible(moderator);
	await moderator.getByLabel('Was soll geändert werden?').fill('Bitte ein Foto ergänzen.');
	await moderator.getByRole('button', { name: 'Änderungen erbitten' }).click();
	await expect(moderator.getByRole('heading', { level: 1, name: 'Prüfliste' })).toBeVisible();
	await expect(
		moderator.getByText('Zurück an die Person, mit deiner Bitte um Änderungen.')
	).toBeVisible();
	await expect(moderator.getByRole('link', { name: title })).toHaveCount(0);
	await expectAccessible(moderator);

	await moderator.goto('/manage/nordstadt/audit');
	const row = moderator.getByRole('row').filter({ hasText: title });
	await expect(row.getByText('Änderungen erbeten')).toBeVisible();
	await expect(moderator.getByText('Diese Eingabe können wir nicht verarbeiten')).toHaveCount(0);
	await expectAccessible(moderator);
});
