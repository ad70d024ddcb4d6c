// Wording and flow (issue 17, item 6) as residents meet it: a login lands where it was asked to
// or on the member's marketplace; a cash exchange in euros speaks of euros, not of hours; the one
// who got a proposal has one way to say no; an exchange and the two people's conversation link
// each other. Every page visited is checked with axe (and at 360 px).
import {
	expect,
	expectAccessible,
	loggedIn,
	logIn,
	DEMO_PASSWORD,
	otherIp,
	personPage,
	test
} from './fixtures';

const QUARTER = '/q/nordstadt';
// Nobody else in the e2e files uses these two.
const SELLER = 'emre.aydin@nordstadt.example';
const BUYER = 'agnieszka.nowak@nordstadt.example';
const OFFER = 'Handy-Displays tauschen';

test('a login lands on the page asked for, else on the marketplace, never on "Mein Konto"', async ({
	page
}) => {
	// Signed out, the exchanges page sends to the login, which comes back to it.
	await page.goto('/exchanges');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fexchanges$/);
	await expectAccessible(page);
	await page.getByLabel('E-Mail-Adresse').fill(BUYER);
	await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL(/\/exchanges$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Meine Tausche' })).toBeVisible();
	await expectAccessible(page);

	// A plain login from another browser: the member's marketplace.
	const other = await personPage(page.context().browser()!, '10.9.8.7');
	await logIn(other, BUYER, DEMO_PASSWORD);
	await expect(other).toHaveURL(/\/q\/nordstadt$/);
	await expect(
		other.getByRole('heading', { level: 1, name: 'Marktplatz Nordstadt' })
	).toBeVisible();
	await expectAccessible(other);
	await other.context().close();
});

test('a cash exchange in euros speaks of euros, and exchange and conversation lead to each other', async ({
	page,
	browser,
	clientIp
}) => {
	const title = `Display tauschen ${Date.now().toString(36)}`;
	await loggedIn(page, BUYER);
	await page.goto(QUARTER);
	await page.getByLabel('Suchbegriff').fill('Handy-Displays');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await page.getByRole('link', { name: OFFER }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: OFFER })).toBeVisible();
	// A euro listing: agree on time and price, not "Zeit und Stunden".
	await expect(page.getByText(/Vereinbart Zeit und Preis/)).toBeVisible();
	await expect(page.getByText(/Zeit und Stunden/)).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tausch vorschlagen' })).toBeVisible();
	await page.getByLabel('Was?').fill(title);
	await page.getByLabel('Stunden', { exact: true }).fill('0');
	await page.getByLabel('Euro', { exact: true }).check();
	await page.getByLabel('Betrag in Euro').fill('39,90');
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page).toHaveURL(/\/exchanges\/[0-9a-f]+\?done=propose/);
	const exchangeUrl = new URL(page.url()).pathname;
	// The amount, and no "Stunden 0:00 Std.".
	await expect(page.getByRole('definition').filter({ hasText: '39,90 €' })).toBeVisible();
	await expect(page.getByRole('term').filter({ hasText: /^Stunden$/ })).toHaveCount(0);
	await expect(page.getByText('0:00 Std.')).toHaveCount(0);
	await expectAccessible(page);

	// Emre got the proposal: accept or decline, one way to say no (no "Absagen" beside it).
	const seller = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(seller, SELLER);
	await seller.goto(exchangeUrl);
	await expect(seller.getByRole('button', { name: 'Ablehnen' })).toBeVisible();
	await expect(seller.getByRole('button', { name: 'Absagen' })).toHaveCount(0);
	await expectAccessible(seller);
	await seller.getByRole('button', { name: 'Annehmen' }).click();
	await expect(seller.getByRole('button', { name: 'Als erledigt melden' })).toBeVisible();
	await seller.getByRole('button', { name: 'Als erledigt melden' }).click();
	await expect(seller.locator('.badge-state')).toHaveText('erledigt');
	await expectAccessible(seller);

	// Agnieszka is asked to confirm that it is done, not "the hours".
	await page.goto(exchangeUrl);
	await expect(page.getByText(/Die Hilfe ist erledigt\. Bitte bestätige das/)).toBeVisible();
	await expect(page.getByText(/Bitte bestätige die Stunden/)).toHaveCount(0);
	await expect(
		page.getByRole('button', { name: 'Bestätigen, dass es erledigt ist' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Stunden bestätigen' })).toHaveCount(0);
	await expectAccessible(page);

	// From the exchange to a conversation with Emre …
	await page.getByRole('link', { name: /eine Nachricht schreiben$/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nachricht schreiben' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Deine Nachricht').fill('Passt Donnerstag um 15 Uhr für das Display?');
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(page).toHaveURL(/\/messages\/d-nordstadt-/);
	// … and from the conversation back to the exchange.
	const together = page.getByRole('region', { name: 'Eure Tausche' });
	await expect(together.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(page);
	await together.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(new RegExp(`${exchangeUrl}$`));
	await expect(page.getByRole('link', { name: /^Nachrichten mit / })).toBeVisible();
	await expectAccessible(page);

	// Emre finds the same link on his side.
	await seller.goto(exchangeUrl);
	await seller.getByRole('link', { name: /^Nachrichten mit / }).click();
	await expect(seller.getByText('Passt Donnerstag um 15 Uhr für das Display?')).toBeVisible();
	await expectAccessible(seller);
	await seller.context().close();
});
