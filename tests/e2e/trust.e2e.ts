// Schutz und Vertrauen (Issue 16, Punkte 1-4): Moritz bietet Babysitting an; das Angebot wartet,
// bis Sabine (Quartiersmanagement) eingetragen hat, dass sie sein erweitertes Führungszeugnis
// gesehen hat; dann gibt sie es frei und sein Profil zeigt "Führungszeugnis eingesehen". Horst
// will Steckdosen setzen: das Angebot wird mit dem Hinweis auf die Zulassung abgelehnt. Lina (16,
// Lindenhof, mit Einverständnis der Eltern) kann nichts gegen Euro anbieten und sieht Hinweise zum
// sicheren Tauschen. Jede besuchte Seite wird mit axe geprüft.
import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	followAreaLink,
	loggedIn,
	otherIp,
	personPage,
	test
} from './fixtures';

const SITTER = 'moritz.jager@nordstadt.example';
const MODERATOR = 'sabine.albrecht@nordstadt.example';
const ELECTRICIAN = 'horst.berger@nordstadt.example';
const MINOR = 'lina.hoffmann@lindenhof.example';

function daysAgo(n: number): string {
	return new Date(Date.now() - n * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

async function newOffer(
	page: Page,
	quarter: string,
	offer: { title: string; text: string; category: string; euros?: string }
) {
	await page.goto(`/q/${quarter}/listings/new`);
	await expect(page.getByRole('heading', { level: 1, name: 'Neuer Eintrag' })).toBeVisible();
	await page.getByLabel('Ich biete (Angebot)').check();
	await page.getByLabel('Titel', { exact: true }).fill(offer.title);
	await page.getByLabel('Beschreibung').fill(offer.text);
	await page.getByLabel('Kategorie').selectOption({ label: offer.category });
	if (offer.euros) {
		await page.getByLabel('Euro (mit Preis)').check();
		await page.getByLabel('Preis in Euro').fill(offer.euros);
	}
}

test('Babysitting wartet auf das Führungszeugnis und erscheint danach', async ({
	page,
	browser,
	clientIp
}) => {
	const title = `Babysitting ${Date.now().toString(36)}`;
	await loggedIn(page, SITTER);
	await newOffer(page, 'nordstadt', {
		title,
		text: 'Ich passe abends auf eure Kinder auf.',
		category: 'Kinder & Familie'
	});
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText(/Wartet auf das Führungszeugnis/)).toBeVisible();
	await expectAccessible(page);
	const listingPath = new URL(page.url()).pathname;

	// Sabine kann es noch nicht freigeben.
	const mod = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(mod, MODERATOR);
	await mod.goto(listingPath);
	await expect(mod.getByText(/Wartet auf das Führungszeugnis/)).toBeVisible();
	await mod.getByRole('button', { name: 'Freigeben' }).click();
	await expect(
		mod.getByText(/erst erscheinen, wenn ihr das erweiterte Führungszeugnis/)
	).toBeVisible();
	await expectAccessible(mod);

	// Sie trägt ein, dass sie das Zeugnis gesehen hat (keine Kopie).
	await mod.goto('/manage/nordstadt');
	await followAreaLink(mod, 'Quartiersmanagement Nordstadt', 'Schutz');
	await expect(mod.getByRole('heading', { level: 1, name: 'Schutz und Vertrauen' })).toBeVisible();
	await expectAccessible(mod);
	await mod.getByLabel('Mitglied', { exact: true }).selectOption({ label: 'Moritz J.' });
	await mod.getByLabel('Ausgestellt am').fill(daysAgo(20));
	await mod.getByLabel('Eingesehen am').fill(daysAgo(1));
	await mod.getByRole('button', { name: 'Führungszeugnis eintragen' }).click();
	await expect(mod.getByText(/Das Führungszeugnis ist eingetragen\./)).toBeVisible();
	await expect(mod.getByRole('row', { name: /Moritz J\./ })).toContainText('Eingesehen am');
	await expectAccessible(mod);

	// Jetzt lässt es sich freigeben.
	await mod.goto(listingPath);
	await mod.getByRole('button', { name: 'Freigeben' }).click();
	await expect(mod.getByText(/Wartet auf das Führungszeugnis/)).toHaveCount(0);
	await mod.close();

	await page.goto(listingPath);
	await expect(page.getByText(/Wartet auf das Führungszeugnis/)).toHaveCount(0);
	await expect(page.getByText('Veröffentlicht', { exact: false }).first()).toBeVisible();
	await page.getByRole('link', { name: 'Moritz J.' }).first().click();
	await expect(page.getByText('Führungszeugnis eingesehen')).toBeVisible();
	await expectAccessible(page);
});

test('Ein Angebot mit Zulassungspflicht wird mit dem Hinweis abgelehnt', async ({ page }) => {
	const title = `Steckdosen setzen ${Date.now().toString(36)}`;
	await loggedIn(page, ELECTRICIAN);
	await newOffer(page, 'nordstadt', {
		title,
		text: 'Ich setze neue Steckdosen und schließe Lampen an.',
		category: 'Handwerk'
	});
	// Der Hinweis steht schon im Formular.
	await expect(
		page.getByText(/braucht man in Deutschland eine Zulassung oder einen Eintrag/)
	).toBeVisible();
	await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
	await expect(
		page.getByText(
			/Für diese Arbeit braucht man in Deutschland eine Zulassung\. In diesem Quartier dürfen das nur eingetragene Betriebe anbieten\./
		)
	).toBeVisible();
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);
	await expectAccessible(page);
	// Nichts wurde gespeichert.
	await page.goto('/q/nordstadt/mine');
	await expect(page.getByText(title)).toHaveCount(0);
});

test('Eine Jugendliche kann nichts gegen Euro anbieten und sieht Hinweise zur Sicherheit', async ({
	page
}) => {
	const title = `Rasen mähen ${Date.now().toString(36)}`;
	await loggedIn(page, MINOR);
	await newOffer(page, 'lindenhof', {
		title,
		text: 'Ich mähe euren Rasen.',
		category: 'Garten',
		euros: '5'
	});
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(
		page.getByText('Unter 18 kannst du nichts gegen Euro anbieten. Wähle Stunden oder geschenkt.')
	).toBeVisible();
	await expectAccessible(page);

	// In Stunden geht es.
	await page.getByLabel('Stunden (Zeitbank: jede Stunde zählt gleich)').check();
	await page.getByLabel('Preis in Euro').fill('');
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText(/Triff dich nur an öffentlichen Orten/)).toBeVisible();
	await expectAccessible(page);
});
