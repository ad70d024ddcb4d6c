// Listings look like listings (issue 17, item 3): cards with a photo or a drawing of the
// category, the settlement and distance at a glance, on every page that lists listings; and a
// marketplace that invites a visitor in. Every page visited is checked with axe and at 360 px.
import type { Locator } from '@playwright/test';
import { expect, expectAccessible, loggedIn, test } from './fixtures';

const QUARTER = '/q/nordstadt';
// Nobody else in the e2e files uses him.
const MEMBER = 'lukas.schmitt@nordstadt.example';

/** A card has one link (its title) and a picture that is a photo without alt text or a drawing
 * hidden from screen readers: the title says what it shows. */
async function expectCard(card: Locator) {
	await expect(card.getByRole('link')).toHaveCount(1);
	await expect(card.getByRole('heading')).toHaveCount(1);
	const pictures = card.locator('img[alt=""], svg[aria-hidden="true"]');
	await expect(pictures).toHaveCount(1);
}

test('a visitor sees newest listings as cards, what Quartiermarkt is and how to join', async ({
	page
}) => {
	await page.goto('/');
	const recent = page.getByRole('list', { name: 'Neu auf dem Marktplatz Nordstadt' });
	await expect(recent.getByRole('article')).toHaveCount(3);
	await expectCard(recent.getByRole('article').first());
	await expectAccessible(page);

	await page.goto(QUARTER);
	await expect(page.getByRole('heading', { name: 'Was ist der Quartiermarkt?' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'So machst du mit' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Jetzt mitmachen' })).toBeVisible();
	const cards = page.getByRole('list', { name: /\d+ Einträge?$/ }).getByRole('article');
	await expect(cards.first()).toBeVisible();
	await expectCard(cards.first());
	// Only what is public: no author, no settlement, no distance.
	await expect(cards.filter({ hasText: /^von |ca\. .* entfernt/ })).toHaveCount(0);
	await expect(page.locator('.listing-glance')).toHaveCount(0);
	await expectAccessible(page);

	// A filter that makes no sense is named in words, in the page's language, and not applied.
	await page.goto(`${QUARTER}?near=nirgendwo`);
	await expect(page.getByRole('alert')).toContainText('Entfernung von: ungültiger Wert');
	await expect(cards.first()).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/en${QUARTER}?near=nowhere`);
	await expect(page.getByRole('alert')).toContainText('Distance from: invalid value');
});

test('a member sees settlement and distance on the card, and cards on the profile and in "Meine Einträge"', async ({
	page
}) => {
	await loggedIn(page, MEMBER);
	await page.goto(`${QUARTER}?q=Handy-Displays`);
	const card = page.getByRole('article').filter({ hasText: 'Handy-Displays tauschen' }).first();
	await expectCard(card);
	await expect(card).toContainText('Euro · 69,00 € pro Auftrag');
	// Distances are measured from the member's own block.
	await expect(card).toContainText(/ca\. [\d,]+ k?m entfernt/);
	await expectAccessible(page);

	// The author's profile lists the listing as a card.
	await card.getByRole('link').click();
	await page
		.getByRole('link', { name: /^Emre / })
		.first()
		.click();
	const listings = page.getByRole('list', { name: 'Aktive Einträge' });
	await expectCard(listings.getByRole('article').first());
	await expectAccessible(page);

	// "Meine Einträge": cards with the state.
	await page.goto(`${QUARTER}/mine`);
	await expect(page.getByRole('heading', { level: 1, name: 'Meine Einträge' })).toBeVisible();
	const own = page.getByRole('article');
	if ((await own.count()) > 0) {
		await expectCard(own.first());
		await expect(own.first()).toContainText('Stand:');
	}
	await expectAccessible(page);
});
