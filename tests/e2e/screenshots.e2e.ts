// Screenshots at 390 px (an everyday phone) of the pages residents and the quarter management use
// most (issue 17): the marketplace, a listing, an exchange, the time account and the cockpit's
// members page, plus the open menu. Written to test-results/screenshots/ (not committed) for a
// person to look at; every page is also checked with axe and for sideways scrolling.
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

const PHONE = { width: 390, height: 844 };
const DIR = 'test-results/screenshots';
const MEMBER = 'ewa.kowalska@nordstadt.example';
const MODERATOR = 'admin@quartiermarkt.example';

async function shoot(page: Page, name: string): Promise<void> {
	await expectAccessible(page);
	await page.screenshot({ path: `${DIR}/${name}.png`, animations: 'disabled' });
}

test('screenshots at 390 px of the pages people use most', async ({ page, browser, clientIp }) => {
	await page.setViewportSize(PHONE);
	await loggedIn(page, MEMBER);

	await page.goto('/q/nordstadt');
	await expect(page.getByRole('heading', { level: 1, name: 'Marktplatz Nordstadt' })).toBeVisible();
	// On a phone the filters are folded behind one control, the results start on the first screen.
	await expect(page.getByLabel('Kategorie')).toBeHidden();
	await shoot(page, '390-marktplatz');
	await page.locator('summary', { hasText: 'Filter' }).click();
	await expect(page.getByLabel('Kategorie')).toBeVisible();
	await shoot(page, '390-marktplatz-filter');

	// The menu: one control, the links open as a panel; Escape closes it again.
	const menu = page.locator('summary', { hasText: 'Menü' });
	await expect(page.getByRole('link', { name: 'Zeitkonto' })).toBeHidden();
	await menu.click();
	await expect(page.getByRole('link', { name: 'Zeitkonto' })).toBeVisible();
	await shoot(page, '390-menue');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('link', { name: 'Zeitkonto' })).toBeHidden();

	await page.locator('.card-list a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await shoot(page, '390-eintrag');

	await page.goto('/exchanges');
	await page.getByRole('link', { name: 'Begleitung zur Ausländerbehörde' }).first().click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Begleitung zur Ausländerbehörde' })
	).toBeVisible();
	await shoot(page, '390-tausch');

	await page.goto('/q/nordstadt/time-account');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// Every column of the statement is on the screen: the hours and the balance too.
	const firstRow = page.locator('table tbody tr').first();
	await firstRow.scrollIntoViewIfNeeded();
	for (const cell of await firstRow.locator('td').all()) {
		const box = (await cell.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
	}
	await shoot(page, '390-zeitkonto');

	const moderator = await personPage(browser, otherIp(clientIp, 1));
	await moderator.setViewportSize(PHONE);
	await loggedIn(moderator, MODERATOR);
	await moderator.goto('/manage/nordstadt');
	// The cockpit's 14 pages fold behind one control that names the current page.
	const cockpit = moderator.getByRole('navigation', { name: 'Quartiersmanagement Nordstadt' });
	await expect(cockpit.getByRole('link', { name: /^Anträge/ })).toBeHidden();
	const menuBox = (await cockpit.boundingBox())!;
	expect(menuBox.height).toBeLessThan(80);
	await moderator.getByRole('heading', { level: 2, name: 'Mitglieder' }).scrollIntoViewIfNeeded();
	await shoot(moderator, '390-cockpit-mitglieder');
	await followAreaLink(moderator, 'Quartiersmanagement Nordstadt', /^Anträge/);
	await expect(moderator).toHaveURL(/\/manage\/nordstadt\/applications$/);
	await expect(cockpit.getByRole('link', { name: /^Anträge/ })).toBeHidden();
	await expectAccessible(moderator);
});
