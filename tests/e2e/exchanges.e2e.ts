// An exchange as its two people go through it: proposed from a listing, accepted, done,
// confirmed and settled in hours, then a thank-you note. Every page visited is checked with axe.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const QUARTER = '/q/nordstadt';
const PROVIDER = 'karl-heinz.brandt@nordstadt.example';
const RECEIVER = 'monika.krause@nordstadt.example';
const LISTING = 'Rasenmähen und Heckenschnitt';

/** The balance on "Mein Zeitkonto", opened from the menu, in minutes (`−1:30 Std.` → -90). */
async function balance(page: Page): Promise<number> {
	await page
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Zeitkonto', exact: true })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mein Zeitkonto' })).toBeVisible();
	await expectAccessible(page);
	const text = (await page.locator('.balance strong').textContent()) ?? '';
	const match = /^(−?)(\d+):(\d{2}) Std\.$/.exec(text.trim());
	expect(match, text).not.toBeNull();
	return (match![1] ? -1 : 1) * (Number(match![2]) * 60 + Number(match![3]));
}

test('a neighbour proposes hours for an offer, both settle them and say thank you', async ({
	page,
	browser,
	clientIp
}) => {
	const title = `Hecke schneiden ${Date.now().toString(36)}`;
	// Monika finds Karl-Heinz's garden offer and proposes an exchange from it.
	await loggedIn(page, RECEIVER);
	const receiverBefore = await balance(page);
	await page.goto(QUARTER);
	await page.getByLabel('Suchbegriff').fill('Heckenschnitt');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await page.getByRole('link', { name: LISTING }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: LISTING })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page).toHaveURL(/\/exchanges\/new\?/);
	await expect(page.getByRole('heading', { level: 1, name: 'Tausch vorschlagen' })).toBeVisible();
	await expect(page.getByLabel('Was?')).toHaveValue(LISTING);
	await expectAccessible(page);

	// Hours come in quarter hours; anything else is explained in German.
	await page.getByLabel('Was?').fill(title);
	await page.getByLabel('Stunden', { exact: true }).fill('1,1');
	await page.getByLabel('Stunden (Zeitkonto)').check();
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page.getByText('Bitte nur ganze Viertelstunden')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Stunden', { exact: true }).fill('1,5');
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page).toHaveURL(/\/exchanges\/[0-9a-f]+\?done=propose/);
	const exchangeUrl = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Dein Vorschlag ist verschickt.')).toBeVisible();
	await expect(page.getByText('vorgeschlagen').first()).toBeVisible();
	await expectAccessible(page);

	// Karl-Heinz sees it in his exchanges, accepts and, after the work, marks it done.
	const provider = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(provider, PROVIDER);
	const providerBefore = await balance(provider);
	await provider
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: /^Meine Tausche/ })
		.click();
	await expect(provider.getByRole('heading', { level: 1, name: 'Meine Tausche' })).toBeVisible();
	const item = provider.getByRole('listitem').filter({ hasText: title });
	await expect(item.getByText('mit Monika K.')).toBeVisible();
	// The hours, not a clock time such as 11:30 in the same item.
	await expect(item.getByText('1:30 Std.')).toBeVisible();
	await expectAccessible(provider);
	await item.getByRole('link', { name: title }).click();
	await expect(provider).toHaveURL(new RegExp(`${exchangeUrl}$`));
	await expectAccessible(provider);
	await provider.getByRole('button', { name: 'Annehmen' }).click();
	await expect(provider.getByText('Gespeichert.')).toBeVisible();
	await expect(provider.getByRole('button', { name: 'Als erledigt melden' })).toBeVisible();
	await provider.getByRole('button', { name: 'Als erledigt melden' }).click();
	await expect(provider.locator('.badge-state')).toHaveText('erledigt');
	await expectAccessible(provider);

	// Monika confirms the proposed hours; they are booked at once.
	await page.goto(exchangeUrl);
	await expect(page.getByLabel('Geleistete Stunden')).toHaveValue('1,5');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Stunden bestätigen' }).click();
	await expect(page.locator('.badge-state')).toHaveText('abgerechnet');
	await expect(page.getByText(/wurden gebucht/)).toBeVisible();
	await expectAccessible(page);
	// Both time accounts moved by the same hour and a half, one down and one up.
	expect(await balance(page)).toBe(receiverBefore - 90);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	expect(await balance(provider)).toBe(providerBefore + 90);
	await page.goto(exchangeUrl);

	// She thanks him; the note is shown to both.
	const note = `Danke, Karl-Heinz, die Hecke sieht toll aus! ${title}`;
	await page.getByLabel('Dein Dankeschön').fill(note);
	await page.getByRole('button', { name: 'Danke senden' }).click();
	await expect(page.getByText('Danke für deine Nachricht!')).toBeVisible();
	await expect(page.getByText(note)).toBeVisible();
	await expect(page.getByLabel('Dein Dankeschön')).toHaveCount(0);
	await expectAccessible(page);

	await provider.goto(exchangeUrl);
	await expect(provider.locator('.badge-state')).toHaveText('abgerechnet');
	await expect(provider.getByText(note)).toBeVisible();
	await expect(provider.getByRole('button', { name: 'Danke senden' })).toBeVisible();
	await expectAccessible(provider);
	await provider.goto('/exchanges');
	await expect(
		provider.getByRole('listitem').filter({ hasText: title }).getByText('abgerechnet')
	).toBeVisible();
	await provider.context().close();
});
