// Time accounts as their people use them: the quarter management grants Ingrid two hours from the
// community account, she finds them in her statement, narrows it to a period, downloads it as CSV
// and donates half an hour back; the cockpit's table of all accounts adds up to 0:00 and the
// quarter's CSV downloads. Every page visited is checked with axe.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MEMBER = 'ingrid.hartmann@nordstadt.example';
// Both of Nordstadt's moderators are in other e2e files; the platform admin is a member of the
// quarter with every moderator right, and no other file logs in as her.
const MODERATOR = 'admin@quartiermarkt.example';

/** Today as `YYYY-MM-DD` in the quarter's time zone (what the date fields send). */
function today(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

async function download(page: Page, link: string): Promise<{ file: Download; text: string }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: link }).click()
	]);
	const text = await readFile((await file.path())!, 'utf8');
	return { file, text };
}

/** Minutes as the pages show them: `1:30 Std.`, `−0:45 Std.` (the typographic minus). */
function hours(minutes: number): string {
	const abs = Math.abs(minutes);
	return `${minutes < 0 ? '−' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')} Std.`;
}

/** Minutes as decimal hours in the German CSV: `1,5`. */
function decimal(minutes: number): string {
	return String(Math.round((minutes / 60) * 100) / 100).replace('.', ',');
}

function minutesOf(text: string): number {
	const match = /^(−?)(\d+):(\d{2}) Std\.$/.exec(text.trim());
	expect(match, text).not.toBeNull();
	return (match![1] ? -1 : 1) * (Number(match![2]) * 60 + Number(match![3]));
}

function rows(text: string): string[][] {
	expect(text.startsWith('\uFEFF')).toBe(true);
	return text
		.slice(1)
		.split('\r\n')
		.filter(Boolean)
		.map((line) => line.split(';'));
}

test('hours granted, seen in the statement, exported and donated; all accounts add up to zero', async ({
	page,
	browser,
	clientIp
}) => {
	const purpose = `Winterhilfe ${Date.now().toString(36)}`;

	// The quarter management opens the time accounts from the cockpit.
	await loggedIn(page, MODERATOR);
	await page.goto('/manage/nordstadt');
	await page.getByRole('link', { name: 'Zeitkonten' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zeitkonten' })).toBeVisible();
	await expectAccessible(page);
	// The demo data may have given her hours already (a start credit); count from there.
	const before = minutesOf(
		await page
			.getByRole('table', { name: 'Zeitkonten' })
			.getByRole('row', { name: /Ingrid H\./ })
			.getByRole('cell')
			.first()
			.innerText()
	);

	// A grant needs a purpose; the form says so in German. It is made against a budget line of
	// the Sozialraumbudget (from the demo data).
	await page.getByLabel('Mitglied').selectOption({ label: 'Ingrid H.' });
	const line = page
		.getByLabel('Budgetposten', { exact: true })
		.locator('option', { hasText: 'Nachbarschaftshilfe für Ältere' });
	await page
		.getByLabel('Budgetposten', { exact: true })
		.selectOption((await line.getAttribute('value'))!);
	await page.getByLabel('Stunden', { exact: true }).fill('2');
	await page.getByRole('button', { name: 'Zuwendung buchen' }).click();
	await expect(page.getByText('Bitte gib den Zweck der Zuwendung an.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Zweck').fill(purpose);
	await page.getByRole('button', { name: 'Zuwendung buchen' }).click();
	await expect(page.getByText('Die Zuwendung ist gebucht.')).toBeVisible();
	await expect(
		page.getByRole('row', { name: /Ingrid H\./ }).getByRole('cell', { name: hours(before + 120) })
	).toBeVisible();
	await expectAccessible(page);

	// Ingrid finds her time account in the main menu.
	const ingrid = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(ingrid, MEMBER);
	await ingrid
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Zeitkonto' })
		.click();
	await expect(ingrid.getByRole('heading', { level: 1, name: 'Mein Zeitkonto' })).toBeVisible();
	await expect(ingrid.getByText(`Aktueller Stand: ${hours(before + 120)}`)).toBeVisible();
	await expect(
		// Other tests change the quarter's limits; the sentence is what matters here.
		ingrid.getByText(/^Dein Zeitkonto darf zwischen −\d+:\d{2} Std\. und \d+:\d{2} Std\. liegen\.$/)
	).toBeVisible();
	const statement = ingrid.getByRole('table', { name: 'Kontoauszug' });
	const grant = statement.getByRole('row').filter({ hasText: purpose });
	await expect(grant.getByRole('cell', { name: `Zuwendung: ${purpose}` })).toBeVisible();
	await expect(grant.getByRole('cell', { name: 'Gemeinschaftskonto' })).toBeVisible();
	await expect(grant.getByRole('cell', { name: '+2:00 Std.' })).toBeVisible();
	await expectAccessible(ingrid);

	// A period that ends before it starts is explained, and no statement is shown for it.
	await ingrid.getByLabel('Von').fill(today());
	await ingrid.getByLabel('Bis').fill('2020-01-01');
	await ingrid.getByRole('button', { name: 'Zeitraum anzeigen' }).click();
	await expect(ingrid.getByText('Das Ende des Zeitraums liegt vor dem Anfang.')).toBeVisible();
	await expect(ingrid.getByRole('table', { name: 'Kontoauszug' })).toHaveCount(0);
	await expectAccessible(ingrid);

	// Today only: the grant is in it, and the period closes at today's balance.
	await ingrid.getByLabel('Von').fill(today());
	await ingrid.getByLabel('Bis').fill(today());
	await ingrid.getByRole('button', { name: 'Zeitraum anzeigen' }).click();
	await expect(ingrid).toHaveURL(new RegExp(`from=${today()}&to=${today()}`));
	await expect(ingrid.getByRole('definition').nth(1)).toHaveText(hours(before + 120));
	await expect(statement.getByRole('row').filter({ hasText: purpose })).toBeVisible();
	await expectAccessible(ingrid);

	// The statement of the period as CSV for a German spreadsheet.
	const own = await download(ingrid, 'Als CSV herunterladen');
	expect(own.file.suggestedFilename()).toMatch(/^zeitkonto-nordstadt-\d{4}-\d{2}-\d{2}\.csv$/);
	const ownRows = rows(own.text);
	expect(ownRows[0]).toEqual([
		'Nr.',
		'Datum',
		'Art',
		'Gegenkonto',
		'Stunden',
		'Minuten',
		'Stand (Stunden)',
		'Text'
	]);
	const granted = ownRows.filter((r) => r.at(-1) === purpose);
	expect(granted).toHaveLength(1);
	expect(granted[0]!.slice(2)).toEqual([
		'Zuwendung',
		'Gemeinschaftskonto',
		'2',
		'120',
		decimal(before + 120),
		purpose
	]);
	expect(granted[0]![1]).toMatch(new RegExp(`^${today()} \\d{2}:\\d{2}$`));
	// Nothing from outside the period.
	expect(ownRows.slice(1).every((r) => r[1]!.startsWith(today()))).toBe(true);

	// Too many hours at once are refused at the field, in words the server wrote.
	await ingrid.getByLabel('Stunden', { exact: true }).fill('500');
	await ingrid.getByRole('button', { name: 'Stunden spenden' }).click();
	await expect(ingrid.getByText('Eine Buchung umfasst höchstens 24 Stunden.')).toBeVisible();
	await expect(ingrid.getByLabel('Stunden', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expectAccessible(ingrid);

	// She gives half an hour back to the community account.
	await ingrid.getByLabel('Stunden', { exact: true }).fill('0,5');
	await ingrid.getByLabel('Nachricht (freiwillig)').fill('Für den Spielenachmittag');
	await ingrid.getByRole('button', { name: 'Stunden spenden' }).click();
	await expect(ingrid.getByText('Danke! Deine Spende ist gebucht.')).toBeVisible();
	await expect(ingrid.getByText(`Aktueller Stand: ${hours(before + 90)}`)).toBeVisible();
	const donation = statement.getByRole('row').filter({ hasText: 'Für den Spielenachmittag' });
	await expect(donation.getByRole('cell', { name: '−0:30 Std.' })).toBeVisible();
	await expect(donation.getByRole('cell', { name: hours(before + 90), exact: true })).toBeVisible();
	await expectAccessible(ingrid);

	// The cockpit: Ingrid 1:30 up, all accounts together at 0:00.
	await page.goto('/manage/nordstadt/accounts');
	const accounts = page.getByRole('table', { name: 'Zeitkonten' });
	await expect(
		accounts
			.getByRole('row', { name: /Ingrid H\./ })
			.getByRole('cell', { name: hours(before + 90) })
	).toBeVisible();
	await expect(
		accounts
			.getByRole('row', { name: /Summe aller Konten/ })
			.getByRole('cell', { name: '0:00 Std.' })
	).toBeVisible();
	await expectAccessible(page);

	const ledger = await download(page, 'Alle Buchungen als CSV herunterladen');
	expect(ledger.file.suggestedFilename()).toMatch(/^buchungen-nordstadt-\d{4}-\d{2}-\d{2}\.csv$/);
	const [header, ...entries] = rows(ledger.text);
	expect(header).toEqual([
		'Nr.',
		'Datum',
		'Art',
		'Von',
		'An',
		'Stunden',
		'Minuten',
		'Text',
		'Gebucht von',
		'Storniert Nr.'
	]);
	const mine = entries.filter((r) => r[7] === purpose || r[7] === 'Für den Spielenachmittag');
	expect(mine.map((r) => r.slice(2))).toEqual([
		['Zuwendung', 'Gemeinschaftskonto', 'Ingrid H.', '2', '120', purpose, 'Plattform-Admin', ''],
		[
			'Spende',
			'Ingrid H.',
			'Gemeinschaftskonto',
			'0,5',
			'30',
			'Für den Spielenachmittag',
			'Ingrid H.',
			''
		]
	]);
	const balances = new Map<string, number>();
	for (const r of entries) {
		balances.set(r[3]!, (balances.get(r[3]!) ?? 0) - Number(r[6]));
		balances.set(r[4]!, (balances.get(r[4]!) ?? 0) + Number(r[6]));
	}
	expect([...balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
	expect(balances.get('Ingrid H.')).toBe(before + 90);

	// Any account's statement opens from the table.
	await accounts.getByRole('link', { name: 'Ingrid H.' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Kontoauszug: Ingrid H.' })
	).toBeVisible();
	await expect(page.getByText(`Aktueller Stand: ${hours(before + 90)}`)).toBeVisible();
	await expectAccessible(page);

	// The grant was half an hour too much: a Stornobuchung corrects it, once only.
	const grantNumber = mine[0]![0]!;
	await page.goto('/manage/nordstadt/accounts');
	const reverse = page.getByRole('form', { name: 'Buchung stornieren' });
	await reverse.getByLabel('Nummer der Buchung').fill(grantNumber);
	await reverse.getByLabel('Stunden (leer = ganze Buchung)').fill('0,5');
	await reverse.getByLabel('Begründung').fill('Eine halbe Stunde zu viel gewährt');
	await reverse.getByRole('button', { name: 'Stornobuchung buchen' }).click();
	await expect(page.getByText('Die Stornobuchung ist gebucht.')).toBeVisible();
	await expect(
		accounts
			.getByRole('row', { name: /Ingrid H\./ })
			.getByRole('cell', { name: hours(before + 60) })
	).toBeVisible();
	await expectAccessible(page);
	await reverse.getByLabel('Nummer der Buchung').fill(grantNumber);
	await reverse.getByLabel('Begründung').fill('Noch einmal');
	await reverse.getByRole('button', { name: 'Stornobuchung buchen' }).click();
	await expect(page.getByText('Diese Buchung wurde schon storniert.')).toBeVisible();
	await expectAccessible(page);
	await ingrid.context().close();
});
