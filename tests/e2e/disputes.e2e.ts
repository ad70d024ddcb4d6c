// A dispute about hours as the three people involved see it: the receiver confirms fewer hours
// than the provider reported, both see the exchange "in Klärung", the provider learns of it under
// "Neuigkeiten", and the quarter management settles it from its list of disputes with hours and
// a reason. And a newcomer in a quarter without approval finds the start credit under
// "Neuigkeiten" once the address is confirmed. Every page visited is checked with axe.
import {
	expect,
	expectAccessible,
	loggedIn,
	logIn,
	openMailLink,
	otherIp,
	personPage,
	signUp,
	test,
	uniqueEmail
} from './fixtures';

const QUARTER = '/q/nordstadt';
const PROVIDER = 'yusuf.ozturk@nordstadt.example';
const RECEIVER = 'aylin.celik@nordstadt.example';
// Not used by the other exchange tests: logins are rate-limited per person.
const MODERATOR = 'murat.kaya@nordstadt.example';
const LISTING = 'Starthilfe und Reifenwechsel am Auto';

test('a dispute about hours reaches the quarter management, who settles it with a reason', async ({
	page,
	browser,
	clientIp
}) => {
	// Three people and some twenty pages, each checked with axe: minutes on a busy machine.
	test.setTimeout(240_000);
	const title = `Reifenwechsel ${Date.now().toString(36)}`;
	// Aylin asks Yusuf for help with her tyres: 2 hours from his offer.
	await loggedIn(page, RECEIVER);
	await page.goto(QUARTER);
	await page.getByLabel('Suchbegriff').fill('Reifenwechsel');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await page.getByRole('link', { name: LISTING }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: LISTING })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tausch vorschlagen' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Was?').fill(title);
	await page.getByLabel('Stunden', { exact: true }).fill('2');
	await page.getByLabel('Stunden (Zeitkonto)').check();
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page).toHaveURL(/\/exchanges\/[0-9a-f]+\?done=propose/);
	const exchangeUrl = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectAccessible(page);

	// Yusuf sees the new notification on "Meine Tausche"; his exchanges list it under "Neuigkeiten".
	const provider = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(provider, PROVIDER);
	const menu = provider.getByRole('navigation', { name: 'Hauptmenü' });
	await expect(menu.getByRole('link', { name: /^Meine Tausche, \d+ neu$/ })).toBeVisible();
	await menu.getByRole('link', { name: /^Meine Tausche/ }).click();
	await expect(provider.getByRole('heading', { level: 1, name: 'Meine Tausche' })).toBeVisible();
	const news = provider.getByRole('list', { name: 'Neuigkeiten, die neueste zuerst' });
	const proposal = news.getByRole('listitem').filter({ hasText: title });
	await expect(proposal.getByText('neu', { exact: true })).toBeVisible();
	await expect(
		proposal.getByRole('link', { name: 'Aylin Ç. schlägt einen Tausch vor' })
	).toBeVisible();
	// Seen once, the badge is gone at once.
	await expect(menu.getByRole('link', { name: 'Meine Tausche', exact: true })).toBeVisible();
	await expectAccessible(provider);

	await proposal.getByRole('link', { name: 'Aylin Ç. schlägt einen Tausch vor' }).click();
	await expect(provider).toHaveURL(new RegExp(`${exchangeUrl}$`));
	await provider.getByRole('button', { name: 'Annehmen' }).click();
	await expect(provider.getByText('Gespeichert.')).toBeVisible();
	await provider.getByRole('button', { name: 'Als erledigt melden' }).click();
	await expect(provider.locator('.badge-state')).toHaveText('erledigt');
	await expectAccessible(provider);

	// Aylin thinks it took one hour: confirming fewer hours makes it a dispute.
	await page.goto(exchangeUrl);
	await expect(page.getByLabel('Geleistete Stunden')).toHaveValue('2');
	await expectAccessible(page);
	await page.getByLabel('Geleistete Stunden').fill('1');
	await page.getByRole('button', { name: 'Stunden bestätigen' }).click();
	await expect(page.locator('.badge-state')).toHaveText('in Klärung');
	await expect(page.getByText('Aylin Ç. gibt 1:00 Std. statt 2:00 Std. an.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Stunden bestätigen' })).toHaveCount(0);
	await expectAccessible(page);

	// Yusuf is told, under "Neuigkeiten" with the badge, and sees the exchange in Klärung.
	await provider.goto(QUARTER);
	await expect(menu.getByRole('link', { name: 'Meine Tausche, 1 neu' })).toBeVisible();
	await expectAccessible(provider);
	await menu.getByRole('link', { name: /^Meine Tausche/ }).click();
	const disputed = news.getByRole('listitem').filter({ hasText: 'statt 2:00 Std.' });
	await expect(disputed.getByText('neu', { exact: true })).toBeVisible();
	await expect(disputed).toContainText(`Tausch „${title}“`);
	await expect(disputed).toContainText('Das Quartiersmanagement vermittelt');
	await expect(menu.getByRole('link', { name: 'Meine Tausche', exact: true })).toBeVisible();
	await expectAccessible(provider);
	await disputed.getByRole('link').click();
	await expect(provider.locator('.badge-state')).toHaveText('in Klärung');
	await expectAccessible(provider);

	// Murat from the quarter management finds it among the disputes, oldest first.
	const moderator = await personPage(browser, otherIp(clientIp, 2));
	await loggedIn(moderator, MODERATOR);
	await moderator
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Quartiersmanagement' })
		.click();
	await expect(moderator.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(moderator);
	await moderator
		.getByRole('navigation', { name: 'Quartiersmanagement Nordstadt' })
		.getByRole('link', { name: /^Strittige Tausche \(\d+\)$/ })
		.click();
	await expect(
		moderator.getByRole('heading', { level: 1, name: 'Strittige Tausche' })
	).toBeVisible();
	const card = moderator
		.getByRole('list', { name: 'Offene strittige Tausche, der älteste zuerst' })
		.getByRole('listitem')
		.filter({ hasText: title });
	await expect(card.getByText('Yusuf Ö.')).toBeVisible();
	// Aylin is the receiver and the one who disagreed.
	await expect(card.getByText('Aylin Ç.', { exact: true })).toHaveCount(2);
	await expect(card.getByText('Vorgeschlagene Stunden')).toBeVisible();
	await expect(card.getByText('2:00 Std.')).toBeVisible();
	await expect(card.getByText('Stunden laut Aylin Ç.')).toBeVisible();
	await expect(card.getByText('1:00 Std.')).toBeVisible();
	await expect(card.getByText('In Klärung seit')).toBeVisible();
	await expectAccessible(moderator);

	await card.getByRole('link', { name: title }).click();
	await expect(moderator).toHaveURL(new RegExp(`${exchangeUrl}$`));
	await expect(
		moderator.getByRole('heading', { level: 2, name: 'Vermitteln (Quartiersmanagement)' })
	).toBeVisible();
	await expectAccessible(moderator);
	await moderator.getByLabel('Stunden', { exact: true }).fill('1,5');
	await moderator
		.getByLabel('Begründung (Abschließen und buchen)')
		.fill('Nach Rücksprache mit beiden: Reifen gewechselt, Starthilfe ging schnell.');
	await moderator.getByRole('button', { name: 'Abschließen und buchen' }).click();
	await expect(moderator.locator('.badge-state')).toHaveText('abgerechnet');
	await expect(moderator.getByText(/1:30 Std\. wurden gebucht/)).toBeVisible();
	await expectAccessible(moderator);
	await moderator.goto('/manage/nordstadt/disputes');
	await expect(
		moderator.getByRole('heading', { level: 1, name: 'Strittige Tausche' })
	).toBeVisible();
	await expect(moderator.getByRole('link', { name: title })).toHaveCount(0);
	await expectAccessible(moderator);

	// Both see it settled with the hours the quarter management chose, and the reason.
	for (const person of [page, provider]) {
		await person.goto(exchangeUrl);
		await expect(person.locator('.badge-state')).toHaveText('abgerechnet');
		await expect(person.getByText('Reifen gewechselt, Starthilfe ging schnell.')).toBeVisible();
		await expect(person.getByText(/1:30 Std\. wurden gebucht/)).toBeVisible();
		await expectAccessible(person);
	}
	await provider.context().close();
	await moderator.context().close();
});

test('a newcomer in Lindenhof finds the start credit under Neuigkeiten', async ({ page }) => {
	const email = uniqueEmail('startguthaben');
	const password = 'ein gutes Passwort 12';
	await signUp(page, { name: 'Nora Neumann', email, password, quarter: 'Lindenhof' });
	await expect(
		page.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	await expectAccessible(page);

	const link = await openMailLink(page, email, /Bitte bestätige deine E-Mail-Adresse/);
	await page.goto(link);
	await expect(page.getByRole('status')).toContainText('Deine E-Mail-Adresse ist bestätigt');
	await expectAccessible(page);

	await logIn(page, email, password);
	await expect(page).not.toHaveURL(/\/login/);
	await expectAccessible(page);
	const menu = page.getByRole('navigation', { name: 'Hauptmenü' });
	await expect(menu.getByRole('link', { name: 'Meine Tausche, 1 neu' })).toBeVisible();
	await menu.getByRole('link', { name: /^Meine Tausche/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Meine Tausche' })).toBeVisible();
	const welcome = page
		.getByRole('list', { name: 'Neuigkeiten, die neueste zuerst' })
		.getByRole('listitem');
	await expect(welcome).toHaveCount(1);
	await expect(welcome.getByText('neu', { exact: true })).toBeVisible();
	await expect(
		welcome.getByRole('link', {
			name: 'Willkommen in Lindenhof! Du hast 2:00 Std. Startguthaben aus dem Gemeinschaftskonto bekommen'
		})
	).toBeVisible();
	await expect(menu.getByRole('link', { name: 'Meine Tausche', exact: true })).toBeVisible();
	await expectAccessible(page);

	// Read once, it stays in the list without the mark.
	await page.reload();
	await expect(welcome).toHaveCount(1);
	await expect(welcome.getByText('neu', { exact: true })).toHaveCount(0);
	await expectAccessible(page);
});
