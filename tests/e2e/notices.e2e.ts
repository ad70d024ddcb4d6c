// DSA notice and action and an internal complaint as the four people involved see them, at phone
// width for the visitor and the author: a visitor without an account reports Gisela's listing
// through "Rechtswidrigen Inhalt melden" (the good-faith statement is required), Katrin from the
// quarter management removes it with a legal ground, Gisela reads the statement of reasons and
// contests it from the mail's link without logging in, Katrin may not decide the complaint
// (four eyes), Nina reverses it and the listing is back, and the visitor hears each step. Every
// mail is read from the outbox, every page is checked with axe.
import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	followAreaLink,
	loggedIn,
	otherIp,
	personPage,
	test,
	uniqueEmail
} from './fixtures';

// The demo's quarter management (scripts/seed-data/nordstadt.ts): two people for four eyes.
const FIRST = 'katrin.vogt@nordstadt.example';
const SECOND = 'nina.kraus@nordstadt.example';
// A listing no other test touches (scripts/seed-data/marketplace.ts).
const AUTHOR = 'gisela.neumann@nordstadt.example';
const TITLE = 'Socken stricken auf Bestellung';
const PHONE = { width: 390, height: 844 };

/** The newest mail to `to` whose subject matches, read in the development outbox. */
async function readMail(page: Page, to: string, subject: RegExp): Promise<string> {
	const link = page.getByRole('link', { name: subject }).first();
	await expect(async () => {
		await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
		await expect(link).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 10_000 });
	await expectAccessible(page);
	await link.click();
	await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
	await expectAccessible(page);
	return (await page.locator('pre.mail').textContent()) ?? '';
}

function complaintPath(text: string): string {
	const match = /https?:\/\/\S+\/beschwerde\?token=[a-z2-7]{32}/.exec(text);
	expect(match, text).not.toBeNull();
	const url = new URL(match![0]);
	return url.pathname + url.search;
}

async function openNotices(page: Page): Promise<void> {
	await page.goto('/manage/nordstadt');
	await expectAccessible(page);
	await followAreaLink(
		page,
		'Quartiersmanagement Nordstadt',
		/^Hinweise auf rechtswidrige Inhalte \(\d+\)$/
	);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Hinweise auf rechtswidrige Inhalte' })
	).toBeVisible();
	await expectAccessible(page);
}

test('a visitor’s notice, a removal with reasons, the author’s complaint and its reversal', async ({
	page,
	browser,
	clientIp
}) => {
	test.setTimeout(240_000);
	await page.setViewportSize(PHONE);
	const notifier = uniqueEmail('melderin');

	// A visitor without an account finds the listing and follows the link beside it.
	await page.goto('/q/nordstadt');
	await page.getByLabel('Suchbegriff').fill('Socken stricken');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: TITLE }).click();
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	await expectAccessible(page);
	const listingUrl = page.url();
	await page.getByRole('link', { name: 'Rechtswidrigen Inhalt melden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Rechtswidrigen Inhalt melden' })
	).toBeVisible();
	await expect(page.getByLabel('Wo ist der Inhalt? (Adresse der Seite)')).toHaveValue(listingUrl);
	await expectAccessible(page);
	await page
		.getByLabel('Warum ist der Inhalt rechtswidrig?')
		.fill('Die Socken tragen ein nachgemachtes Logo einer bekannten Sportmarke.');
	await page.getByLabel('Deine E-Mail-Adresse').fill(notifier);
	// Without the good-faith statement nothing is sent.
	await page.getByRole('button', { name: 'Hinweis senden' }).click();
	await expect(
		page.getByText('Bitte bestätige, dass deine Angaben richtig und vollständig sind.')
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel(/in gutem Glauben/).check();
	await page.getByRole('button', { name: 'Hinweis senden' }).click();
	await expect(page.getByText(/dein Hinweis ist eingegangen/)).toBeVisible();
	await expectAccessible(page);
	const receipt = await readMail(page, notifier, /Dein Hinweis ist eingegangen/);
	expect(receipt).toContain(listingUrl);
	expect(receipt).toContain('nachgemachtes Logo');

	// Katrin removes the listing with a legal ground.
	const first = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(first, FIRST);
	await openNotices(first);
	const card = first.getByRole('article', { name: `Eintrag: ${TITLE}` });
	await expect(card.getByText(/^seit (weniger als einer Stunde|\d+ Std\.)$/)).toBeVisible();
	await card.getByRole('radio', { name: 'Inhalt entfernt' }).check();
	await card
		.getByLabel('Grund der Maßnahme')
		.selectOption({ label: 'Marken- oder Wettbewerbsrecht (MarkenG, UWG)' });
	await card
		.getByLabel('Tatsachen und Begründung')
		.fill('Das Foto zeigt ein nachgemachtes Markenlogo auf den Socken.');
	await card.getByRole('button', { name: 'Entscheiden' }).click();
	await expect(
		first.getByText('Entschieden. Die meldende und die betroffene Person')
	).toBeVisible();
	await expect(first.getByRole('row').filter({ hasText: TITLE })).toContainText('Inhalt entfernt');
	await expectAccessible(first);
	await page.goto(listingUrl);
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toHaveCount(0);
	await expectAccessible(page);

	// The visitor hears the decision; Gisela reads the statement of reasons and contests it.
	const decision = await readMail(page, notifier, /Entscheidung über deinen Hinweis/);
	expect(decision).toContain('Inhalt entfernt');
	const statement = await readMail(page, AUTHOR, /Begründung/);
	expect(statement).toContain(`dein Eintrag „${TITLE}“`);
	expect(statement).toContain('Das Foto zeigt ein nachgemachtes Markenlogo');
	expect(statement).toContain('Gesetz: Marken- oder Wettbewerbsrecht (MarkenG, UWG)');
	expect(statement).toContain('automatisierte Mittel wurden weder');
	await page.goto(complaintPath(statement));
	await expect(
		page.getByRole('heading', { level: 1, name: 'Beschwerde gegen eine Entscheidung' })
	).toBeVisible();
	await expect(page.getByText('Inhalt entfernt')).toBeVisible();
	await expectAccessible(page);
	await page
		.getByLabel('Warum ist die Entscheidung falsch?')
		.fill('Das Muster habe ich selbst gestrickt, es ist kein Markenlogo.');
	await page.getByRole('button', { name: 'Beschwerde einlegen' }).click();
	await expect(page.getByText('Deine Beschwerde ist eingegangen.')).toBeVisible();
	await expectAccessible(page);

	// Four eyes: Katrin decided, so she cannot decide the complaint.
	await openNotices(first);
	const mine = first.getByRole('article', {
		name: `Beschwerde der betroffenen Person: ${TITLE}`
	});
	await expect(mine.getByText(/Vier-Augen-Prinzip/)).toBeVisible();
	await expect(mine.getByRole('button', { name: 'Beschwerde entscheiden' })).toHaveCount(0);

	// Nina reverses the decision: the listing is back.
	const second = await personPage(browser, otherIp(clientIp, 2));
	await loggedIn(second, SECOND);
	await openNotices(second);
	const complaint = second.getByRole('article', {
		name: `Beschwerde der betroffenen Person: ${TITLE}`
	});
	await expect(complaint.getByText('kein Markenlogo')).toBeVisible();
	await complaint
		.getByRole('radio', { name: 'Entscheidung aufheben und Maßnahme zurücknehmen' })
		.check();
	await complaint
		.getByLabel('Begründung')
		.fill('Auf dem Foto ist ein eigenes Strickmuster zu sehen, kein geschütztes Zeichen.');
	await complaint.getByRole('button', { name: 'Beschwerde entscheiden' }).click();
	await expect(second.getByText('Die Beschwerde ist entschieden')).toBeVisible();
	await expect(second.getByRole('row').filter({ hasText: TITLE })).toContainText('Inhalt bleibt');
	await expectAccessible(second);
	await page.goto(listingUrl);
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	await expectAccessible(page);

	// Both sides are told.
	const toNotifier = await readMail(page, notifier, /Entscheidung über die Beschwerde/);
	expect(toNotifier).toContain('Entscheidung aufgehoben');
	expect(toNotifier).toContain('Es gilt jetzt: Inhalt bleibt');
	const toAuthor = await readMail(page, AUTHOR, /Entscheidung über die Beschwerde/);
	expect(toAuthor).toContain('eigenes Strickmuster');

	// The transparency report counts notices, their decisions and complaints (small cells hidden).
	await page.goto('/transparenz');
	await expect(
		page.getByRole('heading', {
			name: 'Hinweise auf rechtswidrige Inhalte (Art. 16 DSA, auch ohne Konto)'
		})
	).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Beschwerden gegen Entscheidungen (Art. 20 DSA)' })
	).toBeVisible();
	await expect(
		page.getByRole('rowheader', { name: 'Zeit bis zur Entscheidung (Median, in Stunden)' })
	).toBeVisible();
	await expectAccessible(page);

	await first.context().close();
	await second.context().close();
});
