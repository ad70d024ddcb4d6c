// The Sozialraumbudget as the quarter management uses it: Thomas Berg opens the budget from the
// cockpit, adds a line the quarter conference decided, grants the Repair-Café hours against it
// through the grant form (more than the line has is refused), sees spent versus decided change,
// records a euro payment, and downloads the line's grants as CSV. A resident gets 403 on every
// page and action. Every page visited is checked with axe.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MODERATOR = 'thomas.berg@nordstadt.example';
const RESIDENT = 'tobias.kohler@nordstadt.example';
const RECIPIENT = 'Repair-Café Nordstadt';

/** Today as `YYYY-MM-DD` in the quarter's time zone. */
function today(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

function usageRow(page: Page, name: string, kind: 'Stunden' | 'Euro') {
	return page
		.getByRole('table', { name: `Stand von „${name}“` })
		.getByRole('row', { name: new RegExp(`^${kind}`) });
}

test('a moderator adds a budget line, grants hours and euros against it and exports it; a member gets 403', async ({
	page,
	browser,
	clientIp
}) => {
	const suffix = Date.now().toString(36);
	const name = `Werkstattstunden ${suffix}`;
	const year = today().slice(0, 4);

	// Thomas opens the Sozialraumbudget from the cockpit; the demo lines are there.
	await loggedIn(page, MODERATOR);
	await page.goto('/manage/nordstadt');
	await page.getByRole('link', { name: 'Sozialraumbudget' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sozialraumbudget' })).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: /Nachbarschaftshilfe für Ältere/ })
	).toBeVisible();
	await expect(page.getByText('Sozialraumkonferenz vom').first()).toBeVisible();
	await expectAccessible(page);

	// A line needs hours or euros; the form says so.
	await page.getByLabel('Name des Postens').fill(name);
	await page.getByLabel('Gilt ab').fill(`${year}-01-01`);
	await page.getByLabel('Gilt bis').fill(`${year}-12-31`);
	await page.getByLabel('Zweck des Postens').fill('Material und Stunden für die offene Werkstatt');
	await page.getByLabel('Beschlossen am').fill(`${year}-03-12`);
	await page.getByRole('button', { name: 'Budgetposten anlegen' }).click();
	await expect(page.getByText('Bitte gib Stunden, Euro oder beides an.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Beschlossene Stunden').fill('10');
	await page.getByLabel('Beschlossene Euro').fill('500');
	await page.getByRole('button', { name: 'Budgetposten anlegen' }).click();

	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByText('Der Budgetposten ist angelegt.')).toBeVisible();
	await expect(page.getByText(`Quartierskonferenz vom 12.03.${year}`)).toBeVisible();
	await expect(usageRow(page, name, 'Stunden')).toContainText('10:00 Std.');
	await expect(usageRow(page, name, 'Stunden').getByRole('cell').nth(1)).toHaveText('0:00 Std.');
	await expect(page.getByText('Aus diesem Posten gab es noch keine Zuwendung.')).toBeVisible();
	await expectAccessible(page);
	const linePath = new URL(page.url()).pathname;

	// The grant form opens with the line chosen; more hours than the line has are refused.
	await page.getByRole('link', { name: 'Stunden aus einem Budgetposten zuwenden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zeitkonten' })).toBeVisible();
	await expect(page.getByLabel('Budgetposten', { exact: true })).toHaveValue(
		linePath.split('/').at(-1)!
	);
	await page.getByLabel('Mitglied').selectOption({ label: RECIPIENT });
	await page.getByLabel('Stunden', { exact: true }).fill('12');
	await page.getByLabel('Zweck', { exact: true }).fill('Ersatzteile sortieren und Geräte prüfen');
	await page.getByRole('button', { name: 'Zuwendung buchen' }).click();
	await expect(
		page.getByText('So viel ist nicht mehr da: Dieser Budgetposten hat nur noch 10:00 Std. übrig.')
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Stunden', { exact: true }).fill('2,5');
	await page.getByRole('button', { name: 'Zuwendung buchen' }).click();
	await expect(page.getByText('Die Zuwendung ist gebucht.')).toBeVisible();
	await expectAccessible(page);

	// Spent versus decided has moved, in numbers and in the bar's words.
	await page.getByRole('link', { name: 'Sozialraumbudget' }).click();
	const hours = usageRow(page, name, 'Stunden');
	await expect(hours.getByRole('cell').nth(0)).toHaveText('10:00 Std.');
	await expect(hours.getByRole('cell').nth(1)).toHaveText('2:30 Std.');
	await expect(hours.getByRole('cell').nth(2)).toContainText('7:30 Std.');
	await expect(hours.getByRole('progressbar', { name: 'Stunden: 25 % ausgegeben' })).toBeVisible();
	await expectAccessible(page);

	// The office paid the Repair-Café for spare parts; the cockpit records it against the line.
	const lineId = linePath.split('/').at(-1)!;
	await page.getByLabel('Budgetposten', { exact: true }).selectOption(lineId);
	await page.getByLabel('Mitglied').selectOption({ label: RECIPIENT });
	await page.getByLabel('Betrag in Euro').fill('120,50');
	await page.getByLabel('Zweck', { exact: true }).fill('Ersatzteile für Toaster');
	await expect(page.getByLabel('Ausgezahlt am')).toHaveValue(today());
	await page.getByRole('button', { name: 'Euro-Zuwendung erfassen' }).click();

	await expect(page.getByText('Die Euro-Zuwendung ist erfasst.')).toBeVisible();
	const euros = usageRow(page, name, 'Euro');
	await expect(euros.getByRole('cell').nth(1)).toHaveText(/^120,50\s€$/);
	await expect(euros.getByRole('cell').nth(2)).toContainText(/379,50\s€/);
	const grants = page.getByRole('table', { name: `Zuwendungen aus „${name}“` });
	await expect(grants.getByRole('row')).toHaveCount(3);
	await expect(grants.getByRole('row').nth(1)).toContainText('2:30 Std.');
	await expect(grants.getByRole('row').nth(1)).toContainText('Ersatzteile sortieren');
	await expect(grants.getByRole('row').nth(1)).toContainText('Thomas B');
	await expect(grants.getByRole('row').nth(2)).toContainText(/120,50\s€/);
	await expectAccessible(page);

	// The line's grants as CSV for a German spreadsheet.
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Zuwendungen als CSV herunterladen' }).click()
	]);
	expect(file.suggestedFilename()).toMatch(
		new RegExp(`^budgetposten-nordstadt-werkstattstunden-${suffix}-\\d{4}-\\d{2}-\\d{2}\\.csv$`)
	);
	const text = await readFile((await file.path())!, 'utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	const rows = text
		.slice(1)
		.split('\r\n')
		.filter(Boolean)
		.map((line) => line.split(';'));
	expect(rows[0]).toEqual([
		'Datum',
		'Art',
		'Empfänger:in',
		'Stunden',
		'Davon storniert (Stunden)',
		'Euro',
		'Zweck',
		'Gebucht von',
		'Buchung Nr.'
	]);
	expect(rows.slice(1).map((r) => r.slice(1, 7))).toEqual([
		['Stunden', RECIPIENT, '2,5', '0', '', 'Ersatzteile sortieren und Geräte prüfen'],
		['Euro', RECIPIENT, '', '', '120,5', 'Ersatzteile für Toaster']
	]);

	// A resident reaches none of it, not even by posting straight to the actions.
	const tobias = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(tobias, RESIDENT);
	const h = {
		origin: new URL(tobias.url()).origin,
		accept: 'text/html',
		'x-forwarded-for': otherIp(clientIp, 1)
	};
	for (const path of ['/manage/nordstadt/budget', linePath, `${linePath}/grants.csv`]) {
		expect((await tobias.request.get(path)).status(), path).toBe(403);
	}
	const posts: Array<[string, Record<string, string>]> = [
		[
			'/manage/nordstadt/budget?/createLine',
			{
				name: 'Heimlich',
				hours: '99',
				from: `${year}-01-01`,
				to: `${year}-12-31`,
				purpose: 'x',
				decidedBy: 'x',
				decidedOn: `${year}-01-01`,
				nonce: 'nonce-aaaaaaaaaaaaaaaa'
			}
		],
		[
			'/manage/nordstadt/budget?/euroGrant',
			{ line: lineId, project: 'x', euros: '1', purpose: 'x', paidOn: today() }
		],
		[`${linePath}?/close`, { reason: 'x' }],
		[
			'/manage/nordstadt/accounts?/grant',
			{ member: '0'.repeat(24), budgetLine: lineId, hours: '1', purpose: 'x' }
		]
	];
	for (const [path, form] of posts) {
		const response = await tobias.request.post(path, { headers: h, form, maxRedirects: 0 });
		expect(response.status(), path).toBe(403);
	}
	const forbidden = await tobias.goto('/manage/nordstadt/budget');
	expect(forbidden?.status()).toBe(403);
	await expectAccessible(tobias);

	// Nothing the resident sent arrived.
	await page.reload();
	await expect(grants.getByRole('row')).toHaveCount(3);
	await expect(page.getByRole('button', { name: 'Posten schließen' })).toBeVisible();
	await expectAccessible(page);
});
