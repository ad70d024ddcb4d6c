// The first installation as a Quartiersmanagement office meets it, on an app with an empty
// database (tests/support/first-install-server.js): the setup link from the server's console
// creates the platform administrator, who creates the quarter "Südstadt" with three blocks and
// invites its quarter manager; the manager sets a password, logs in and approves an applicant,
// whose offer then appears in the Südstadt marketplace. Every page visited is checked with axe;
// the admin pages also at phone width.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	followAreaLink,
	otherIp,
	personPage,
	test,
	uniqueEmail
} from './fixtures';

const port = Number(process.env.FIRST_INSTALL_PORT);
const ORIGIN = `http://127.0.0.1:${port}`;
const LOG = `.test-data/first-install-${port}.log`;
const PASSWORD = 'suedstadt-erster-start';
const PHONE = { width: 390, height: 844 };

/** The setup link as the console printed it (the operator copies it from their terminal). */
async function setupLinkFromConsole(): Promise<string> {
	let link: string | undefined;
	await expect
		.poll(
			() => {
				const text = readFileSync(LOG, 'utf8');
				link = /(http:\/\/\S+\/setup\/[a-z2-7]{32})/.exec(text)?.[1];
				return link;
			},
			{ timeout: 15_000 }
		)
		.toBeTruthy();
	return link!;
}

/** No sideways scrolling at phone width. */
async function expectFitsPhone(page: Page): Promise<void> {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function checked(page: Page): Promise<void> {
	await expectAccessible(page);
	await expectFitsPhone(page);
}

/** The first link of the newest mail to `to` with this subject, from the development outbox. */
async function mailLink(page: Page, to: string, subject: RegExp): Promise<string> {
	await page.goto(`${ORIGIN}/dev/mail?to=${encodeURIComponent(to)}`);
	await expectAccessible(page);
	await page.getByRole('link', { name: subject }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
	const href = await page.locator('pre.mail a').first().getAttribute('href');
	expect(href).toBeTruthy();
	const url = new URL(href!);
	return ORIGIN + url.pathname + url.search;
}

async function logInAt(page: Page, email: string, password: string): Promise<void> {
	await page.goto(`${ORIGIN}/login`);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

test('erste Installation: Einrichtungslink, Quartier Südstadt, Quartiersmanagement, Freischaltung, erstes Angebot', async ({
	page,
	browser,
	clientIp
}) => {
	// Three people and some twenty pages checked with axe: longer than one flow of the seeded app.
	test.slow();
	const adminEmail = uniqueEmail('verwaltung');
	const managerEmail = uniqueEmail('quartiersmanagement');
	const applicantEmail = uniqueEmail('bewerberin');
	const offer = `Fahrräder flicken in der Südstadt ${Date.now().toString(36)}`;

	// The console of the empty installation shows the one-time setup link.
	const link = await setupLinkFromConsole();
	expect(link.startsWith(`${ORIGIN}/setup/`)).toBe(true);

	// The administrator opens it on a phone and creates their account.
	await page.setViewportSize(PHONE);
	await page.goto(link);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Quartiermarkt einrichten' })
	).toBeVisible();
	await checked(page);
	await page.getByLabel('Name, der anderen angezeigt wird').fill('Vera Verwaltung');
	await page.getByLabel('E-Mail-Adresse').fill(adminEmail);
	await page.getByLabel('Passwort', { exact: true }).fill('zu kurz');
	await page.getByLabel('Passwort wiederholen').fill('zu kurz');
	await page.getByRole('button', { name: 'Administration anlegen' }).click();
	await expect(page.getByText('Bitte prüfe deine Angaben.')).toBeVisible();
	await checked(page);
	await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Passwort wiederholen').fill(PASSWORD);
	await page.getByRole('button', { name: 'Administration anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Verwaltung' })).toBeVisible();
	await expect(page.getByText('Die Plattform-Administration ist angelegt')).toBeVisible();
	await checked(page);

	// The link is single use: a second browser gets a clear German answer.
	const late = await personPage(browser, otherIp(clientIp, 9));
	await late.goto(link);
	await expect(late.getByText('Quartiermarkt ist schon eingerichtet')).toBeVisible();
	await expectAccessible(late);
	await late.context().close();

	// A new quarter: the form explains a bad short name in German and keeps what was typed.
	await page.getByRole('link', { name: 'Neues Quartier' }).first().click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Neues Quartier anlegen' })
	).toBeVisible();
	await checked(page);
	await page.getByLabel('Name des Quartiers').fill('Südstadt');
	await page.getByLabel('Stadt').fill('Hannover');
	await page.getByLabel('Beschreibung').fill('Zwischen Maschsee und Bahnhof.');
	await page.getByLabel('Kurzname in Adressen').fill('Süd Stadt');
	await page.getByLabel('Neue Einträge erst nach Prüfung veröffentlichen').uncheck();
	await page.getByRole('button', { name: 'Quartier anlegen' }).click();
	await expect(page.getByText('Der Kurzname braucht 2 bis 48 Kleinbuchstaben')).toBeVisible();
	await expect(page.getByLabel('Name des Quartiers')).toHaveValue('Südstadt');
	await checked(page);
	await page.getByLabel('Kurzname in Adressen').fill('suedstadt');
	await page.getByLabel('Neue Einträge erst nach Prüfung veröffentlichen').uncheck();
	await page.getByRole('button', { name: 'Quartier anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quartier Südstadt' })).toBeVisible();
	await expect(page.getByText('Das Quartier ist angelegt.')).toBeVisible();
	await checked(page);

	// Three blocks from a CSV: a bad line changes nothing and is named in German.
	await page.getByRole('link', { name: 'Baublöcke (0)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Baublöcke' })).toBeVisible();
	await checked(page);
	const csv = (third: string) =>
		`name;lat;lng\nSallstraße 1–40;52,3652;9,7522\nStephansplatz;52,3631;9,7541\n${third}\n`;
	await page.getByLabel('CSV-Text einfügen').fill(csv('Altenbekener Damm;52,36;Maschsee'));
	await page.getByRole('button', { name: 'Baublöcke übernehmen' }).click();
	await expect(page.getByText('Nichts übernommen: Bitte korrigiere diese Zeilen.')).toBeVisible();
	await expect(
		page.getByText('Zeile 4: Der Längengrad ist keine Zahl zwischen -180 und 180.')
	).toBeVisible();
	await expect(page.getByText('Noch keine Baublöcke.')).toBeVisible();
	await checked(page);
	await page.getByLabel('CSV-Text einfügen').fill(csv('Altenbekener Damm;52,3598;9,7556'));
	await page.getByRole('button', { name: 'Baublöcke übernehmen' }).click();
	await expect(page.getByText('Übernommen: 3 neu, 0 aktualisiert.')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Stephansplatz' })).toBeVisible();
	await expect(page.getByRole('row')).toHaveCount(4);
	await checked(page);

	// Categories and the installation page.
	await page.getByRole('link', { name: '← Südstadt' }).click();
	await page.getByRole('link', { name: /^Kategorien \(\d+\)$/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kategorien' })).toBeVisible();
	await page.getByLabel('Bezeichnung (Deutsch)').last().fill('Lastenrad');
	await page.getByLabel('Bezeichnung (Englisch)').last().fill('Cargo bike');
	await page.getByRole('button', { name: 'Kategorie hinzufügen' }).click();
	await expect(page.getByText('Die Kategorie ist gespeichert.')).toBeVisible();
	await expect(page.getByText('Lastenrad / Cargo bike')).toBeVisible();
	await checked(page);
	await followAreaLink(page, 'Verwaltung', 'Installation');
	await expect(page.getByRole('heading', { level: 1, name: 'Installation' })).toBeVisible();
	await expect(page.getByText('keine (Entwicklungs-Postausgang)')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'quarters' })).toBeVisible();
	await checked(page);

	// The quarter manager has no account yet: the administrator invites her by name.
	await page.goto(`${ORIGIN}/admin/quarters/suedstadt/people`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Quartiersmanagement und Rollen' })
	).toBeVisible();
	await checked(page);
	await page.getByLabel('E-Mail-Adresse').fill(managerEmail);
	await page.getByRole('button', { name: 'Ins Quartiersmanagement aufnehmen' }).click();
	await expect(page.getByText('Zu dieser Adresse gibt es noch kein Konto.')).toBeVisible();
	await checked(page);
	await page.getByLabel('Name (nur für eine Einladung)').fill('Maja Quartier');
	await page.getByRole('button', { name: 'Ins Quartiersmanagement aufnehmen' }).click();
	await expect(
		page.getByText('Das Konto ist angelegt und die Einladung verschickt.')
	).toBeVisible();
	await expect(page.getByText(`Maja Quartier (${managerEmail})`)).toBeVisible();
	await checked(page);

	// The applicant signs up for Südstadt and confirms her address.
	const applicant = await personPage(browser, otherIp(clientIp, 1));
	await applicant.goto(`${ORIGIN}/signup`);
	await applicant.getByLabel('Name, der anderen angezeigt wird').fill('Alma Antrag');
	await applicant.getByLabel('E-Mail-Adresse').fill(applicantEmail);
	await applicant.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
	await applicant.getByLabel('Passwort wiederholen').fill(PASSWORD);
	await applicant.getByLabel('Geburtsjahr').fill('1988');
	await applicant.getByLabel('Dein Quartier').selectOption({ label: 'Südstadt' });
	await applicant
		.getByLabel('Was möchtest du dem Quartiersmanagement sagen?')
		.fill('Ich wohne in der Sallstraße und repariere gern Fahrräder.');
	await applicant.getByLabel(/Ich halte mich an die Regeln/).check();
	await applicant.getByRole('button', { name: 'Konto anlegen' }).click();
	await expect(
		applicant.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	await expectAccessible(applicant);
	await applicant.goto(
		await mailLink(applicant, applicantEmail, /Bitte bestätige deine E-Mail-Adresse/)
	);
	await expect(applicant.getByRole('status')).toContainText('Deine E-Mail-Adresse ist bestätigt');
	await expectAccessible(applicant);

	// The manager follows the invitation, chooses a password, logs in and approves Alma.
	const manager = await personPage(browser, otherIp(clientIp, 2));
	await manager.goto(
		await mailLink(manager, managerEmail, /Einladung ins Quartiersmanagement Südstadt/)
	);
	await expectAccessible(manager);
	await manager.getByLabel('Neues Passwort').fill(PASSWORD);
	await manager.getByLabel('Passwort wiederholen').fill(PASSWORD);
	await manager.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(manager).toHaveURL(/\/login/);
	await logInAt(manager, managerEmail, PASSWORD);
	await manager.goto(`${ORIGIN}/manage/suedstadt/applications`);
	await expect(manager.getByRole('heading', { level: 1, name: 'Anträge' })).toBeVisible();
	await expectAccessible(manager);
	await manager.getByRole('button', { name: 'Alma Antrag freischalten' }).click();
	await expect(manager.getByText('Freigeschaltet:')).toBeVisible();
	await expectAccessible(manager);

	// The manager's quarter log shows the administrator's acts.
	await manager.goto(`${ORIGIN}/manage/suedstadt/audit`);
	await expect(manager.getByText('Baublöcke importiert')).toBeVisible();
	await expect(manager.getByText('Ins Quartiersmanagement aufgenommen')).toBeVisible();
	await expectAccessible(manager);

	// Alma posts an offer in one of the new blocks; it appears in the Südstadt marketplace.
	await logInAt(applicant, applicantEmail, PASSWORD);
	await applicant.goto(`${ORIGIN}/q/suedstadt/listings/new`);
	await expect(applicant.getByRole('heading', { level: 1, name: 'Neuer Eintrag' })).toBeVisible();
	await expectAccessible(applicant);
	await applicant.getByLabel('Ich biete (Angebot)').check();
	await applicant.getByLabel('Titel').fill(offer);
	await applicant.getByLabel('Beschreibung').fill('Platten, Bremsen und Licht, gern im Hof.');
	await applicant.getByLabel('Kategorie').selectOption({ label: 'Lastenrad' });
	await applicant.getByRole('radio', { name: /^Stunden \(Zeitbank/ }).check();
	await applicant.getByLabel('Ort im Quartier').selectOption({ label: 'Stephansplatz' });
	await applicant.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(applicant.getByRole('heading', { level: 1, name: offer })).toBeVisible();
	await expectAccessible(applicant);
	await applicant.goto(`${ORIGIN}/q/suedstadt`);
	await expect(applicant.getByRole('link', { name: offer })).toBeVisible();
	await expectAccessible(applicant);

	// A member is not let into the admin area.
	const forbidden = await applicant.goto(`${ORIGIN}/admin`);
	expect(forbidden?.status()).toBe(403);

	// The legal texts start from templates whose open fields the administrator sees. A change of
	// substance to the rules asks every member again, the administrator first (this installation
	// is the test's own, so no other test is asked).
	await page.goto(`${ORIGIN}/admin/legal`);
	await expect(page.getByRole('heading', { level: 1, name: 'Rechtstexte' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Impressum.*noch auszufüllen/ })).toBeVisible();
	await checked(page);
	await page.getByRole('link', { name: 'Regeln (Nutzungsbedingungen)' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Noch auszufüllen' })).toBeVisible();
	await checked(page);
	await page
		.getByLabel('Text auf Deutsch')
		.fill('## Nutzungsbedingungen\n\nNeu: Tausche werden nach spätestens 30 Tagen abgeschlossen.');
	await page
		.getByLabel('Wesentliche Änderung: Alle Mitglieder müssen den Regeln neu zustimmen')
		.check();
	await page.getByRole('button', { name: 'Neue Fassung speichern' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Die Regeln haben sich geändert' })
	).toBeVisible();
	await checked(page);
	await page.getByLabel('Ich habe die neuen Regeln gelesen und stimme ihnen zu.').check();
	await page.getByRole('button', { name: 'Zustimmen und weiter' }).click();
	await expect(
		page.getByText('Die neue Fassung ist gespeichert und wird angezeigt.')
	).toBeVisible();
	await checked(page);

	// Alma is asked on her next visit, before anything else, and cannot skip it.
	await applicant.goto(`${ORIGIN}/q/suedstadt`);
	await expect(
		applicant.getByRole('heading', { level: 1, name: 'Die Regeln haben sich geändert' })
	).toBeVisible();
	await expect(
		applicant.getByText('Tausche werden nach spätestens 30 Tagen abgeschlossen.')
	).toBeVisible();
	await expectAccessible(applicant);
	await applicant.getByRole('button', { name: 'Zustimmen und weiter' }).click();
	await expect(applicant.getByText('Bitte bestätige, dass du den Regeln zustimmst.')).toBeVisible();
	await expectAccessible(applicant);
	await applicant.goto(`${ORIGIN}/exchanges`);
	await expect(
		applicant.getByRole('heading', { level: 1, name: 'Die Regeln haben sich geändert' })
	).toBeVisible();
	await applicant.getByLabel('Ich habe die neuen Regeln gelesen und stimme ihnen zu.').check();
	await applicant.getByRole('button', { name: 'Zustimmen und weiter' }).click();
	await expect(applicant).toHaveURL(`${ORIGIN}/exchanges`);
	await expectAccessible(applicant);
	await applicant.goto(`${ORIGIN}/q/suedstadt`);
	await expect(applicant.getByRole('link', { name: offer })).toBeVisible();
});
