// "Meine Daten herunterladen" (Art. 15, 20 GDPR, issue 13 item 6): a demo business with
// listings, a conversation, exchanges and transfers downloads their data from "Mein Konto"; the
// ZIP holds data.json with all of that and a readable data.html without anything from elsewhere.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, expectAccessible, loggedIn, openAccount, test } from './fixtures';

const MEMBER = 'eckbank@nordstadt.example';

interface Download {
	person: { id: string; email: string };
	collections: Record<string, Array<Record<string, unknown>>>;
}

test('ein Mitglied lädt seine Daten herunter', async ({ page }) => {
	await loggedIn(page, MEMBER);
	await openAccount(page);
	await expect(
		page.getByRole('heading', { level: 2, name: 'Meine Daten herunterladen' })
	).toBeVisible();
	await expectAccessible(page);

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Meine Daten herunterladen (ZIP)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^quartiermarkt-daten-\d{4}-\d{2}-\d{2}\.zip$/);
	const files = unzipSync(readFileSync((await download.path())!));

	const data = JSON.parse(strFromU8(files['data.json']!)) as Download;
	expect(data.person.email).toBe(MEMBER);
	const me = data.person.id;
	const c = data.collections;
	// Their listings with their history.
	const listings = c.listing_revisions!.filter(
		(r) => (r.listing as { authorId: string }).authorId === me
	);
	expect(listings.length).toBeGreaterThan(0);
	// Messages of both parties of their conversations.
	expect(c.conversations!.length).toBeGreaterThan(0);
	expect(c.chat_messages!.some((m) => m.senderId === me)).toBe(true);
	expect(c.chat_messages!.some((m) => m.senderId !== me)).toBe(true);
	// Exchanges and ledger entries.
	expect(c.exchange_events!.some((e) => e.n === 1)).toBe(true);
	expect(c.ledger!.length).toBeGreaterThan(0);
	expect(c.ledger!.every((e) => e.from === `member:${me}` || e.to === `member:${me}`)).toBe(true);
	// No secrets.
	const json = strFromU8(files['data.json']!);
	expect(json).not.toContain('passwordHash');
	expect(c.sessions!.every((s) => s._id === undefined)).toBe(true);

	// The readable page: German, no script or asset from elsewhere, accessible.
	const html = strFromU8(files['data.html']!);
	expect(html).toContain('<html lang="de">');
	expect(html).not.toMatch(/<script|<link|src="http/);
	await page.setContent(html);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Deine Daten bei Quartiermarkt' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: /Buchungen deines Zeitkontos/ })).toBeVisible();
	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
});
