// Trade between two quarters (docs/cross-quarter.md), as people go through it: both quarter
// managements switched trade between Nordstadt and Lindenhof on (demo data, scripts/seed-trade.ts);
// a Lindenhof member proposes an exchange from a Nordstadt offer, the Nordstadt member accepts and
// does the work, and the hours settle through both clearing accounts. A member of both quarters
// switches between them in the header, and a Lindenhof member asks to join Nordstadt.
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

const LINDEN_MEMBER = 'lukas.brandt@lindenhof.example';
const NORD_PROVIDER = 'karl-heinz.brandt@nordstadt.example';
const MEMBER_OF_BOTH = 'olga.petrenko@nordstadt.example';
const LINDEN_MANAGER = 'petra.lindner@lindenhof.example';
const LISTING = 'Rasenmähen und Heckenschnitt';

/** The main menu, opened first where a phone folds it. */
async function menu(page: Page) {
	const nav = page.getByRole('navigation', { name: 'Hauptmenü' });
	if (!(await nav.isVisible())) await page.locator('summary.nav-toggle').click();
	return nav;
}

/** The balance on "Mein Zeitkonto", opened from the menu, in minutes (`−1:30 Std.` → -90). */
async function balance(page: Page): Promise<number> {
	await (await menu(page)).getByRole('link', { name: 'Zeitkonto', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mein Zeitkonto' })).toBeVisible();
	await expectAccessible(page);
	const text = (await page.locator('.balance strong').textContent()) ?? '';
	const match = /^(−?)(\d+):(\d{2}) Std\.$/.exec(text.trim());
	expect(match, text).not.toBeNull();
	return (match![1] ? -1 : 1) * (Number(match![2]) * 60 + Number(match![3]));
}

test('ein Lindenhofer schlägt einem Nordstädter einen Tausch vor, der über die Verrechnungskonten abgerechnet wird', async ({
	page,
	browser,
	clientIp
}) => {
	// Three people and a dozen pages, each checked with axe.
	test.slow();
	const title = `Hecke am Lindenhof ${Date.now().toString(36)}`;
	await loggedIn(page, LINDEN_MEMBER);
	const before = await balance(page);
	await expect(page).toHaveURL(/\/q\/lindenhof\/time-account/);

	// Nordstadt's offer shows its details to a member of the trading quarter.
	await page.goto('/q/nordstadt');
	await page.getByLabel('Suchbegriff').fill('Heckenschnitt');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await page.getByRole('link', { name: LISTING }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: LISTING })).toBeVisible();
	await expect(page.getByText('Die Details sehen nur Mitglieder dieses Quartiers.')).toHaveCount(0);
	await expect(page.getByText(/Du bist Mitglied in Lindenhof/)).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page).toHaveURL(/\/exchanges\/new\?/);
	await expectAccessible(page);
	await page.getByLabel('Was?').fill(title);
	await page.getByLabel('Stunden', { exact: true }).fill('1');
	await page.getByLabel('Stunden (Zeitkonto)').check();
	await page.getByRole('button', { name: 'Tausch vorschlagen' }).click();
	await expect(page).toHaveURL(/\/exchanges\/[0-9a-f]+\?done=propose/);
	const exchangeUrl = new URL(page.url()).pathname;
	await expect(page.getByText('Dein Vorschlag ist verschickt.')).toBeVisible();
	await expectAccessible(page);

	// Karl-Heinz (Nordstadt) accepts and marks it done.
	const provider = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(provider, NORD_PROVIDER);
	const providerBefore = await balance(provider);
	await provider.goto(exchangeUrl);
	await expect(provider.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await provider.getByRole('button', { name: 'Annehmen' }).click();
	await expect(provider.getByText('Gespeichert.')).toBeVisible();
	await provider.getByRole('button', { name: 'Als erledigt melden' }).click();
	await expect(provider.locator('.badge-state')).toHaveText('erledigt');
	await expectAccessible(provider);

	// Lukas confirms: the hour leaves his Lindenhof account and arrives in Karl-Heinz's.
	await page.goto(exchangeUrl);
	await page.getByRole('button', { name: 'Stunden bestätigen' }).click();
	await expect(page.locator('.badge-state')).toHaveText('abgerechnet');
	await expectAccessible(page);
	expect(await balance(page)).toBe(before - 60);
	await expect(page.getByText('Verrechnungskonto Nordstadt').first()).toBeVisible();
	expect(await balance(provider)).toBe(providerBefore + 60);
	await expect(provider.getByText('Verrechnungskonto Lindenhof').first()).toBeVisible();
	await provider.context().close();

	// Lindenhof's management sees trade open and its clearing account.
	const manager = await personPage(browser, otherIp(clientIp, 2));
	await loggedIn(manager, LINDEN_MANAGER);
	await manager.goto('/manage/lindenhof');
	await followAreaLink(manager, 'Quartiersmanagement Lindenhof', 'Tausch mit Quartieren');
	await expect(
		manager.getByRole('heading', { level: 1, name: 'Tausch mit anderen Quartieren' })
	).toBeVisible();
	const nordstadt = manager.getByRole('region', { name: 'Nordstadt' });
	await expect(nordstadt.getByText(/^möglich, Grenze/)).toBeVisible();
	await expectAccessible(manager);
	await manager.context().close();
});

test('wer in zwei Quartieren Mitglied ist, wechselt oben zwischen ihnen', async ({ page }) => {
	await loggedIn(page, MEMBER_OF_BOTH);
	const quarters = (await menu(page)).getByRole('list', { name: 'Deine Quartiere' });
	await quarters.getByRole('link', { name: /^Lindenhof/ }).click();
	await expect(page).toHaveURL(/\/q\/lindenhof$/);
	await expect(page.getByRole('heading', { level: 1, name: /Lindenhof/ })).toBeVisible();
	await expectAccessible(page);
	// The menu's pages now belong to Lindenhof, also after leaving the quarter's pages.
	await page.goto('/exchanges');
	await expect((await menu(page)).getByRole('link', { name: 'Marktplatz' })).toHaveAttribute(
		'href',
		/\/q\/lindenhof$/
	);
	await expect(
		(await menu(page)).getByRole('link', { name: 'Lindenhof (gerade gewählt)' })
	).toBeVisible();

	// On a phone the switcher sits in the folded menu.
	await page.setViewportSize({ width: 375, height: 740 });
	await page.reload();
	const phoneMenu = await menu(page);
	await phoneMenu.getByRole('link', { name: /^Nordstadt/ }).click();
	await expect(page).toHaveURL(/\/q\/nordstadt$/);
	await expect((await menu(page)).getByRole('link', { name: 'Marktplatz' })).toHaveAttribute(
		'href',
		/\/q\/nordstadt$/
	);
	await expectAccessible(page);
});

test('ein Lindenhofer fragt an, auch in der Nordstadt mitzumachen', async ({ page }) => {
	await loggedIn(page, 'jonas.weber@lindenhof.example');
	await page.goto('/q/nordstadt');
	await page.getByRole('link', { name: 'Diesem Quartier beitreten' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nordstadt beitreten' })).toBeVisible();
	await expectAccessible(page);
	await page
		.getByLabel('Was möchtest du dem Quartiersmanagement sagen?')
		.fill('Ich arbeite in der Nordstadt und helfe gern beim Umzug.');
	await page.getByRole('button', { name: 'Mitglied werden' }).click();
	await expect(page.getByText('Deine Anfrage ist angekommen.')).toBeVisible();
	await expectAccessible(page);
});
