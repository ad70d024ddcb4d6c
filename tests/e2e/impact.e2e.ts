// The impact dashboard (Wirkungsbericht) as the quarter management uses it: Katrin opens it from
// the cockpit, sees a chart (an image with a summary) and a table for every figure of the demo
// year, narrows the period, downloads the CSV; a resident gets 403 on the page and the CSV.
// A full-page screenshot of the dashboard is saved for the closing note. Every page visited is
// checked with axe.
import { mkdir, readFile } from 'node:fs/promises';
import { addMonths, monthOf } from '../../src/lib/domain/time/zone';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MODERATOR = 'katrin.vogt@nordstadt.example';
const MEMBER = 'ahmad.haidari@nordstadt.example';
const FIGURES = 11;
// Outside Playwright's outputDir (test-results/e2e-artifacts…), which it empties at start.
const SCREENSHOT = 'test-results/screenshots/impact-dashboard.png';

/** `YYYY-MM`, `n` months from the current month of Nordstadt's clock (Europe/Berlin), as the
 * dashboard counts them. */
function month(n: number): string {
	return addMonths(monthOf(new Date(), 'Europe/Berlin'), n);
}

test('die Quartiersverwaltung liest den Wirkungsbericht des Demo-Jahres', async ({
	page,
	browser,
	clientIp
}) => {
	await loggedIn(page, MODERATOR);
	await page.goto('/manage/nordstadt');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Wirkungsbericht' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Wirkungsbericht' })).toBeVisible();
	await expect(page).toHaveURL(/\/manage\/nordstadt\/impact$/);
	await expect(page.getByLabel('Von (Monat)')).toHaveValue(month(-11));
	await expect(page.getByLabel('Bis (Monat)')).toHaveValue(month(0));

	// One chart and one table per figure, twelve months each.
	const charts = page.getByRole('img', { name: /^Balkendiagramm / });
	await expect(charts).toHaveCount(FIGURES);
	await expect(
		page.getByRole('img', { name: /^Balkendiagramm Getauschte Stunden, 12 Monate/ })
	).toBeVisible();
	const hours = page.getByRole('table', { name: 'Getauschte Stunden: Zahlen pro Monat' });
	await expect(hours.getByRole('row')).toHaveCount(13);
	await expect(hours.getByRole('columnheader', { name: 'Monat' })).toBeVisible();
	// The demo year is busy enough that most months show numbers, not "< 5".
	const shown = await hours
		.locator('tbody td')
		.evaluateAll((cells) => cells.filter((c) => /\d/.test(c.textContent ?? '')).length);
	expect(shown).toBeGreaterThanOrEqual(10);
	await expect(
		page.getByRole('table', { name: 'Aktive Mitglieder: Zahlen pro Monat' }).getByRole('row')
	).toHaveCount(13);
	await expect(page.getByText('Dort steht „< 5“')).toBeVisible();
	await expect(page.getByRole('link', { name: /^Zahlen „.*“ als CSV herunterladen$/ })).toHaveCount(
		FIGURES
	);
	await expectAccessible(page);

	await mkdir('test-results/screenshots', { recursive: true });
	await page.screenshot({ path: SCREENSHOT, fullPage: true });
	console.log(`Screenshot of the impact dashboard: ${SCREENSHOT}`);

	// The whole report as CSV for a German spreadsheet.
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Alle Zahlen als CSV herunterladen' }).click()
	]);
	expect(file.suggestedFilename()).toBe(`impact-nordstadt-${month(-11)}-${month(0)}.csv`);
	const csv = await readFile((await file.path())!, 'utf8');
	const lines = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines[0]).toBe('Kennzahl;Reihe;Monat;Wert;Einheit');
	expect(lines).toContain(
		lines.find((l) => l.startsWith(`Getauschte Stunden;Gesamt;${month(-1)};`))
	);
	expect(lines.find((l) => l.startsWith(`Getauschte Stunden;Gesamt;${month(-1)};`))).toMatch(
		/^Getauschte Stunden;Gesamt;\d{4}-\d{2};(\d+(,\d+)?|< 5);Stunden$/
	);
	expect(lines.filter((l) => l.startsWith('Aktive Mitglieder;Gesamt;'))).toHaveLength(12);

	// A shorter period: the last four months.
	await page.getByLabel('Von (Monat)').fill(month(-3));
	await page.getByLabel('Bis (Monat)').fill(month(0));
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(new RegExp(`from=${month(-3)}&to=${month(0)}`));
	await expect(hours.getByRole('row')).toHaveCount(5);
	await expect(
		page.getByRole('img', { name: /^Balkendiagramm Getauschte Stunden, 4 Monate/ })
	).toBeVisible();
	await expectAccessible(page);

	// A resident may see none of it.
	const ahmad = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(ahmad, MEMBER);
	const response = await ahmad.goto('/manage/nordstadt/impact');
	expect(response?.status()).toBe(403);
	await expectAccessible(ahmad);
	const csvResponse = await ahmad.request.get(
		`/manage/nordstadt/impact.csv?from=${month(-3)}&to=${month(0)}`
	);
	expect(csvResponse.status()).toBe(403);
	await ahmad.context().close();
});
