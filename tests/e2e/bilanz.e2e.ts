// The public Quartiersbilanz (issue 15 item 3): an anonymous visitor opens it from the quarter
// page and sees the year's figures, a chart with its table and the tables by event kind and budget
// line from the demo data, and downloads the CSV; the quarter management switches "Neue Kontakte"
// off in the cockpit and the figure disappears from the page and the CSV (and on again at the end).
// Every page visited is checked with axe.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { monthOf } from '../../src/lib/domain/time/zone';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MODERATOR = 'katrin.vogt@nordstadt.example';
const DAY = 24 * 60 * 60 * 1000;

/** The year with the demo data: the current one, or the last one in early January. */
const YEAR = Number(monthOf(new Date(Date.now() - 40 * DAY), 'Europe/Berlin').slice(0, 4));

test.describe.configure({ mode: 'serial' });

async function openBilanz(page: Page): Promise<void> {
	await page.goto('/q/nordstadt');
	await expectAccessible(page);
	await page
		.getByRole('link', { name: /^Quartiersbilanz: was Nordstadt im Jahr erreicht hat/ })
		.click();
	await expect(page).toHaveURL(/\/q\/nordstadt\/bilanz$/);
	await page.getByLabel('Jahr', { exact: true }).selectOption(String(YEAR));
	await page.getByRole('button', { name: 'Jahr zeigen' }).click();
	await expect(page).toHaveURL(new RegExp(`jahr=${YEAR}`));
	await expect(
		page.getByRole('heading', { level: 1, name: `Quartiersbilanz Nordstadt ${YEAR}` })
	).toBeVisible();
}

async function downloadCsv(page: Page): Promise<string[]> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Alle Zahlen als Tabelle herunterladen (CSV)' }).click()
	]);
	expect(file.suggestedFilename()).toBe(`quartiersbilanz-nordstadt-${YEAR}.csv`);
	const csv = await readFile((await file.path())!, 'utf8');
	return csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
}

test('eine Besucherin ohne Konto liest die Quartiersbilanz und lädt sie als CSV', async ({
	page
}) => {
	await openBilanz(page);

	// The year in figures: hours exchanged and events held from the demo year, as numbers.
	const exchange = page.getByRole('table', { name: 'Tauschen und helfen: Das Jahr in Zahlen' });
	const hours = exchange.getByRole('row', { name: /Getauschte Stunden/ });
	await expect(hours.getByRole('cell')).toHaveText(/^\d[\d.,]*$/);
	await expect(exchange.getByRole('row', { name: /Neue Kontakte/ })).toBeVisible();
	const events = page.getByRole('table', { name: 'Termine: Das Jahr in Zahlen' });
	await expect(events.getByRole('row', { name: /^Termine / }).getByRole('cell')).toHaveText(
		/^\d+$/
	);
	await expect(
		events.getByRole('row', { name: /Zusagen zu Terminen/ }).getByRole('cell')
	).toHaveText(/^\d[\d.]*$/);

	// Every chart has its table.
	await expect(
		page.getByRole('img', { name: /^Balkendiagramm Getauschte Stunden, \d+ Monate/ })
	).toBeVisible();
	const monthly = page.getByRole('table', { name: 'Getauschte Stunden: Zahlen pro Monat' });
	await expect(monthly.getByRole('columnheader', { name: 'Monat' })).toBeVisible();
	const charts = await page.getByRole('img', { name: /^Balkendiagramm / }).count();
	expect(charts).toBeGreaterThanOrEqual(5);
	expect(await page.getByRole('table', { name: /: Zahlen pro Monat$/ }).count()).toBe(charts);

	// By kind of event and by budget line.
	const kinds = page.getByRole('table', { name: 'Termine nach Art' });
	await expect(kinds.getByRole('row', { name: /Repair-Café/ })).toBeVisible();
	const lines = page.getByRole('table', { name: 'Ausgegeben je Budgetposten' });
	await expect(lines.getByRole('row', { name: /Repair-Café Material/ })).toBeVisible();
	await expect(page.getByText('steht dort „< 5“')).toBeVisible();
	await expectAccessible(page);

	// Printed (A4): no navigation, no year form, no download link; the tables stay.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Hauptmenü' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Jahr zeigen' })).toBeHidden();
	await expect(page.getByRole('table', { name: 'Termine nach Art' })).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	const csv = await downloadCsv(page);
	expect(csv[0]).toBe('Abschnitt;Kennzahl;Zeitraum;Aufteilung;Wert;Einheit');
	expect(csv.find((l) => l.startsWith(`Tauschen und helfen;Getauschte Stunden;${YEAR};;`))).toMatch(
		/;(\d+(,\d+)?|< 5);Stunden$/
	);
	expect(csv.some((l) => l.startsWith(`Termine;Termine;${YEAR};Repair-Café;`))).toBe(true);
	expect(csv.some((l) => l.includes(';Neue Kontakte;'))).toBe(true);
});

test('das Quartiersmanagement blendet „Neue Kontakte“ aus, und die Zahl verschwindet', async ({
	page,
	browser,
	clientIp
}) => {
	await loggedIn(page, MODERATOR);
	await page.goto('/manage/nordstadt/impact');
	await page.getByRole('link', { name: 'Wählen, welche Zahlen die Quartiersbilanz zeigt' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Quartiersbilanz: was öffentlich ist' })
	).toBeVisible();
	await expectAccessible(page);
	const contacts = page.getByRole('checkbox', { name: 'Neue Kontakte' });
	await expect(contacts).toBeChecked();
	await contacts.uncheck();
	await page.getByRole('button', { name: 'Auswahl speichern' }).click();
	await expect(
		page.getByText('Gespeichert. Die Quartiersbilanz zeigt jetzt deine Auswahl.')
	).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Neue Kontakte' })).not.toBeChecked();
	await expectAccessible(page);

	try {
		const visitor = await personPage(browser, otherIp(clientIp, 1));
		await openBilanz(visitor);
		const exchange = visitor.getByRole('table', {
			name: 'Tauschen und helfen: Das Jahr in Zahlen'
		});
		await expect(exchange.getByRole('row', { name: /Getauschte Stunden/ })).toBeVisible();
		await expect(visitor.getByText('Neue Kontakte', { exact: true })).toHaveCount(0);
		await expect(visitor.getByRole('img', { name: /^Balkendiagramm Neue Kontakte/ })).toHaveCount(
			0
		);
		await expectAccessible(visitor);
		const csv = await downloadCsv(visitor);
		expect(csv.some((l) => l.includes('Neue Kontakte'))).toBe(false);
		expect(csv.some((l) => l.includes(';Getauschte Stunden;'))).toBe(true);
		await visitor.context().close();
	} finally {
		// On again, so the demo shows every figure.
		await page.getByRole('checkbox', { name: 'Neue Kontakte' }).check();
		await page.getByRole('button', { name: 'Auswahl speichern' }).click();
		await expect(page.getByRole('checkbox', { name: 'Neue Kontakte' })).toBeChecked();
	}
});
