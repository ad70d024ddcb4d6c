// Begleitete Mitglieder: Birgit Haas (Quartiersmanagement) erfasst Renates Einwilligung (Renate
// hat kein Internet und ruft im Büro an), legt für sie ein Gesuch an und erfasst einen Tausch, bei
// dem das Café Eckbank ihr hilft. Das Café nimmt an und meldet die Hilfe als erledigt, Birgit
// erfasst Renates Bestätigung. Beide Seiten sehen "erfasst von Birgit Haas für Renate O.", und
// der Kontoauszug zum Ausdrucken zeigt die Buchung. Samira (ein Mitglied) bekommt 403 auf allen
// Seiten und Aktionen. Jede besuchte Seite wird mit axe geprüft.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MODERATOR = 'birgit.haas@nordstadt.example';
const BUSINESS = 'eckbank@nordstadt.example';
const MEMBER = 'samira.el-amin@nordstadt.example';
const BASE = '/manage/nordstadt/assisted';
const MARK = 'erfasst von Birgit Haas für Renate O.';

function headers(page: Page, clientIp: string) {
	return { origin: new URL(page.url()).origin, accept: 'text/html', 'x-forwarded-for': clientIp };
}

test('Birgit handelt mit Einwilligung für Renate; alle sehen, wer es erfasst hat', async ({
	page,
	browser,
	clientIp
}) => {
	const stamp = Date.now().toString(36);
	const listingTitle = `Begleitung zur Apotheke ${stamp}`;
	const exchangeTitle = `Deckenlampe anschließen ${stamp}`;

	await loggedIn(page, MODERATOR);
	await page.goto(BASE);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Begleitete Mitglieder' })
	).toBeVisible();
	await expectAccessible(page);

	// Die Einwilligung: heute, am Telefon.
	await page.getByLabel('Mitglied', { exact: true }).selectOption({ label: 'Renate O.' });
	await page.getByLabel('telefonisch', { exact: true }).check();
	await page.getByLabel('Notiz').fill('Frau Otto hat im Quartiersbüro angerufen.');
	await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
	await expect(page.getByText('Die Einwilligung ist erfasst.')).toBeVisible();
	const row = page.getByRole('row', { name: /Renate O\./ });
	await expect(row).toContainText('telefonisch');
	await expect(row).toContainText('Birgit Haas');
	await expectAccessible(page);

	await row.getByRole('link', { name: 'Renate O.' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Für Renate O. handeln' })
	).toBeVisible();
	await expectAccessible(page);
	const memberPath = new URL(page.url()).pathname;

	// Ein Gesuch für Renate: sie ist die Autorin, Birgit hat es erfasst.
	await page.getByLabel('Ich suche (Gesuch)').check();
	await page.getByLabel('Titel', { exact: true }).fill(listingTitle);
	await page
		.getByLabel('Beschreibung')
		.fill('Ich brauche jemanden, der mich zur Apotheke begleitet.');
	await page.getByLabel('Kategorie').selectOption({ label: 'Haushalt' });
	await page.getByRole('button', { name: 'Eintrag für Renate O. erfassen' }).click();
	await expect(page.getByText('Der Eintrag für Renate O. ist erfasst.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: listingTitle }).click();
	await expect(page.getByRole('heading', { level: 1, name: listingTitle })).toBeVisible();
	await expect(page.getByText(MARK)).toBeVisible();
	await expectAccessible(page);

	// Ein Tausch für Renate: das Café Eckbank hilft ihr.
	await page.goto(memberPath);
	await page.getByLabel('Mit wem?').selectOption({ label: 'Café Eckbank' });
	await page.getByLabel('Renate O. bekommt Hilfe').check();
	await page.getByLabel('Worum geht es?').fill(exchangeTitle);
	await page.getByLabel('Vereinbarte Stunden').fill('1,5');
	await page.getByRole('button', { name: 'Tausch für Renate O. erfassen' }).click();
	await expect(page.getByText('Der Tausch für Renate O. ist erfasst.')).toBeVisible();
	await expectAccessible(page);
	const href = await page.getByRole('link', { name: exchangeTitle }).getAttribute('href');
	const exchangePath = new URL(href!, page.url()).pathname;

	// Das Café sieht, wer den Vorschlag erfasst hat, nimmt an und meldet die Hilfe als erledigt.
	const eck = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(eck, BUSINESS);
	await eck.goto(exchangePath);
	await expect(eck.getByRole('heading', { level: 1, name: exchangeTitle })).toBeVisible();
	await expect(eck.getByText(MARK)).toBeVisible();
	await expectAccessible(eck);
	// Its list of exchanges says it too.
	await eck.goto('/exchanges');
	await expect(eck.getByText(MARK).first()).toBeVisible();
	await expectAccessible(eck);
	await eck.goto(exchangePath);
	await eck.getByRole('button', { name: 'Annehmen' }).click();
	await expect(eck.getByRole('button', { name: 'Als erledigt melden' })).toBeVisible();
	await eck.getByRole('button', { name: 'Als erledigt melden' }).click();
	await expect(eck.getByRole('button', { name: 'Als erledigt melden' })).toHaveCount(0);
	await expectAccessible(eck);

	// Renate hat angerufen: die Stunden stimmen. Birgit erfasst die Bestätigung.
	await page.goto(memberPath);
	await page.getByRole('button', { name: 'Für Renate O.: Stunden bestätigen' }).click();
	await expect(page.getByText('Der Schritt für Renate O. ist erfasst.')).toBeVisible();
	await expectAccessible(page);

	await eck.goto(exchangePath);
	await expect(eck.getByText('abgerechnet').first()).toBeVisible();
	await expect(eck.getByText(MARK)).toHaveCount(2);
	await expectAccessible(eck);
	await eck.context().close();

	// Der Kontoauszug zum Ausdrucken.
	await page.goto(memberPath);
	await page.getByRole('link', { name: 'Kontoauszug zum Ausdrucken' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Kontoauszug von Renate O.' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Drucken' })).toBeVisible();
	const booking = page.getByRole('row', { name: new RegExp(exchangeTitle) });
	await expect(booking).toContainText('−1:30 Std.');
	await expect(booking).toContainText(MARK);
	await expect(booking).toContainText('Café Eckbank');
	await expect(page.getByText('Nordstadt').first()).toBeVisible();
	await expectAccessible(page);
	// In print: no menus, no buttons, the statement stays.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.subnav')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Drucken' })).toBeHidden();
	await expect(booking).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
});

test('ein Mitglied erreicht weder die Seiten noch die Aktionen (403)', async ({
	page,
	clientIp
}) => {
	await loggedIn(page, MEMBER);
	const someone = '0'.repeat(24);
	for (const path of [BASE, `${BASE}/${someone}`, `${BASE}/${someone}/statement`]) {
		expect((await page.request.get(path)).status(), path).toBe(403);
	}
	const h = headers(page, clientIp);
	const posts: Array<[string, Record<string, string>]> = [
		[`${BASE}?/consent`, { member: someone, consentDay: '2026-11-01', how: 'phone', note: '' }],
		[`${BASE}?/withdraw`, { member: someone }],
		[`${BASE}/${someone}?/exchange`, { other: someone, side: 'receiver', title: 'x', hours: '1' }],
		[`${BASE}/${someone}?/move`, { exchange: someone, move: 'confirm' }],
		[`${BASE}/${someone}?/listing`, { kind: 'offer', title: 'x', description: 'x' }]
	];
	for (const [path, form] of posts) {
		const response = await page.request.post(path, { headers: h, form, maxRedirects: 0 });
		expect(response.status(), path).toBe(403);
	}
	const forbidden = await page.goto(BASE);
	expect(forbidden?.status()).toBe(403);
	await expectAccessible(page);
});
