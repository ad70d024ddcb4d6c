// Address check by letter and Jahresübersicht (issue 16 items 5, 6), as people do it: Niklas asks
// for a letter in "Mein Konto"; Katrin from the quarter management prints the waiting letters as
// a PDF (parsed here: it holds Niklas's address and a code); Niklas types the code, his address
// is confirmed, and the letters page shows that his postal address is no longer stored. Then
// Niklas opens his Jahresübersicht with its tax hints and downloads it as CSV.
import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import {
	expect,
	expectAccessible,
	followAreaLink,
	loggedIn,
	otherIp,
	personPage,
	test
} from './fixtures';

const RESIDENT = 'niklas.braun@nordstadt.example';
const MODERATOR = 'katrin.vogt@nordstadt.example';
const STREET = 'Uhlandweg 17';

test('ein Brief mit Code bestätigt die Adresse, danach ist die Anschrift gelöscht', async ({
	page,
	browser,
	clientIp
}) => {
	// Niklas asks for a letter.
	await loggedIn(page, RESIDENT);
	await page.goto('/account');
	await expectAccessible(page);
	const card = page.getByRole('region', { name: 'Adresse per Brief bestätigen' }).first();
	await card.getByLabel('Name am Briefkasten').fill('Niklas Braun');
	await card.getByLabel('Straße und Hausnummer').fill(STREET);
	await card.getByLabel('Postleitzahl').fill('3016');
	await card.getByLabel('Ort').fill('Hannover');
	await card.getByLabel('Straßenzug im Quartier').selectOption({ index: 1 });
	await card.getByRole('button', { name: 'Brief anfordern' }).click();
	// A wrong postcode is refused with a reason, and nothing is stored.
	await expect(page.getByText('Die Postleitzahl hat 5 Ziffern.')).toBeVisible();
	await expectAccessible(page);
	await card.getByLabel('Postleitzahl').fill('30161');
	await card.getByLabel('Straßenzug im Quartier').selectOption({ index: 1 });
	await card.getByRole('button', { name: 'Brief anfordern' }).click();
	await expect(page.getByText('Danke! Dein Brief ist angefordert.')).toBeVisible();
	await expect(page.getByText(/einen Brief angefordert/)).toBeVisible();

	// Katrin prints the waiting letters from the cockpit.
	const office = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(office, MODERATOR);
	await office.goto('/manage/nordstadt');
	await followAreaLink(office, 'Quartiersmanagement Nordstadt', 'Briefe');
	await expect(
		office.getByRole('heading', { level: 1, name: 'Briefe zur Adressbestätigung' })
	).toBeVisible();
	await expectAccessible(office);
	const [download] = await Promise.all([
		office.waitForEvent('download'),
		office.getByRole('button', { name: 'Wartende Briefe drucken (PDF)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^briefe-nordstadt-.*\.pdf$/);
	const bytes = await readFile((await download.path())!);
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
		mergePages: true
	});
	expect(text).toContain(STREET);
	expect(text).toContain('Dein Code für die Adressbestätigung');
	// Niklas's page of the batch: from his address to the next letter.
	const mine = text.slice(text.indexOf(STREET));
	const code = mine.match(/\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/)?.[1];
	expect(code).toBeTruthy();

	// Niklas types the code.
	await page.goto('/account');
	await card.getByLabel('Code aus dem Brief').fill('ACDE-FGHJ');
	await card.getByRole('button', { name: 'Code bestätigen' }).click();
	await expect(
		page.getByText('Dieser Code passt nicht zu deinem Brief.', { exact: false })
	).toBeVisible();
	await card.getByLabel('Code aus dem Brief').fill(code!.toLowerCase());
	await card.getByRole('button', { name: 'Code bestätigen' }).click();
	await expect(page.getByText('Danke! Deine Adresse ist jetzt bestätigt.')).toBeVisible();
	await expect(page.getByText(/Deine Adresse ist per Brief bestätigt/)).toBeVisible();
	await expectAccessible(page);

	// The letters page reads the stored check: confirmed, and the postal address is gone.
	await office.reload();
	const row = office.getByRole('row', { name: /Niklas B\./ });
	await expect(row).toContainText('per Brief bestätigt');
	await expect(row).toContainText('nein, gelöscht');
	await expectAccessible(office);
	await office.context().close();
});

test('ein Mitglied öffnet seine Jahresübersicht', async ({ page }) => {
	await loggedIn(page, RESIDENT);
	const year = new Date().getFullYear();
	await page.goto('/q/nordstadt/jahresuebersicht');
	await expect(
		page.getByRole('heading', { level: 1, name: `Jahresübersicht ${year}` })
	).toBeVisible();
	await expect(page.getByText('Stunden gegeben')).toBeVisible();
	await expect(page.getByText('Abgeschlossene Tausche')).toBeVisible();
	await expect(page.getByText(/keine Steuerberatung/).first()).toBeVisible();
	await expectAccessible(page);

	// Last year, chosen in the form (works without JavaScript: a GET form).
	await page.getByLabel('Jahr').selectOption(String(year - 1));
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(new RegExp(`jahr=${year - 1}`));
	await expect(
		page.getByRole('heading', { level: 1, name: `Jahresübersicht ${year - 1}` })
	).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Als CSV herunterladen' }).click()
	]);
	const csv = await readFile((await download.path())!, 'utf8');
	expect(csv).toContain('Stunden gegeben;');
	expect(csv).toContain(`Jahr;${year - 1}`);

	// A year in the future is refused.
	const response = await page.goto(`/q/nordstadt/jahresuebersicht?jahr=${year + 1}`);
	expect(response?.status()).toBe(400);
});
