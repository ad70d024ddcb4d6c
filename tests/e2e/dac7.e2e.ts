// PStTG / DAC7 on the demo installation (issue 16 item 7): the platform administrator sees who
// is to be reported, who still lacks seller data, and downloads the report as DPI XML and CSV;
// a business without seller data sees what will be reported about it, why its data is needed,
// gives it (a bad tax number is refused first) and downloads its copy. Every page is checked
// with axe.
import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, followAreaLink, loggedIn, test } from './fixtures';

const ADMIN = 'admin@quartiermarkt.example';
const YEAR = String(
	new Date().getUTCMonth() === 0 ? new Date().getUTCFullYear() - 1 : new Date().getUTCFullYear()
);

test('the administrator opens the DAC7 report and downloads it', async ({ page }) => {
	test.setTimeout(120_000);
	await loggedIn(page, ADMIN);
	await page.goto('/admin');
	await followAreaLink(page, 'Verwaltung', 'PStTG-Meldung');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Meldung nach PStTG (DAC7)' })
	).toBeVisible();
	const table = page.getByRole('table', { name: `Zu meldende Mitglieder ${YEAR}` });
	await expect(table).toContainText('Fahrradwerkstatt Speiche (Demo)');
	await expect(table).toContainText('Fatma Faden');
	const missing = page.getByRole('list').filter({ hasText: 'Café Eckbank' });
	await expect(missing).toContainText('Wer verkauft?');
	await expectAccessible(page);

	const [xml] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Bericht als XML (DPI)' }).click()
	]);
	expect(xml.suggestedFilename()).toBe(`dac7-${YEAR}.xml`);
	const text = await readFile((await xml.path())!, 'utf8');
	expect(text).toContain('<DPI_OECD version="1.0" xmlns="urn:oecd:ties:dpi:v1">');
	expect(text).toContain('<Name>Fahrradwerkstatt Speiche (Demo)</Name>');
	expect(text).toContain('<LastName>Faden</LastName>');
	expect(text).not.toContain('Café Eckbank');

	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Bericht als CSV' }).click()
	]);
	const lines = (await readFile((await csv.path())!, 'utf8')).slice(1).trim().split('\r\n');
	expect(lines[0]).toContain('consideration_eur_q1');
	expect(lines.find((l) => l.includes('Café Eckbank'))).toMatch(/,kind$/);
});

test('a business sees what will be reported about it and gives its tax data', async ({ page }) => {
	test.setTimeout(120_000);
	await loggedIn(page, 'eckbank@nordstadt.example');
	await page.goto('/account');
	await page.getByRole('link', { name: 'Angaben für das Finanzamt (Euro-Verkäufe)' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Angaben für das Finanzamt' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Was gemeldet wird' })).toBeVisible();
	await expect(page.getByRole('table', { name: `Jahr ${YEAR}` })).toBeVisible();
	await expect(page.getByText('Es fehlen noch: Wer verkauft?.')).toBeVisible();
	await expect(page.getByText('Café Eckbank (Demo)')).toBeVisible();
	await expectAccessible(page);

	// A tax number with a character it cannot have is refused, and nothing is saved.
	await page.getByLabel('Ein Unternehmen oder Verein').check();
	await page.getByLabel('Steuer-Identifikationsnummer oder Steuernummer').fill('25/111<22222');
	await page.getByRole('button', { name: 'Angaben speichern' }).click();
	await expect(page.getByText('Bitte gib nur Ziffern, Buchstaben')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Ein Unternehmen oder Verein').check();
	await page.getByLabel('Steuer-Identifikationsnummer oder Steuernummer').fill('25/111/22222');
	await page.getByRole('button', { name: 'Angaben speichern' }).click();
	await expect(page.getByText('Deine Angaben sind gespeichert.')).toBeVisible();
	await expect(page.getByText('Alle Angaben für die Meldung sind da.')).toBeVisible();
	await expectAccessible(page);

	const [copy] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: `Kopie ${YEAR} als CSV` }).click()
	]);
	const lines = (await readFile((await copy.path())!, 'utf8')).slice(1).trim().split('\r\n');
	expect(lines).toHaveLength(2);
	expect(lines[1]).toContain('Café Eckbank (Demo)');
	expect(lines[1]).toContain('25/111/22222');
});
