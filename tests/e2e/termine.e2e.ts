// The quarter's calendar as people use it, in two flows that run side by side: Thomas Berg
// (Quartiersmanagement) creates a Stadtteilfest, which is public at once; Tobias says "Ich komme",
// sees the count and downloads the event as an .ics file. Then Tobias suggests an event of his
// own, which Anna sees only after Thomas approved it, and three members say they come. Every page
// visited is checked with axe (also at 360 px).
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MODERATOR = 'thomas.berg@nordstadt.example';
const MEMBER = 'tobias.kohler@nordstadt.example';
const NEIGHBOUR = 'anna.becker@nordstadt.example';
const THIRD = 'lena.schulz@nordstadt.example';

/** A day `days` from today as `YYYY-MM-DD` in the quarter's time zone. */
function dayFromNow(days: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
		new Date(Date.now() + days * 24 * 60 * 60 * 1000)
	);
}

async function fillEvent(
	page: Page,
	event: { title: string; kind: string; day: string; place: string; capacity?: string }
) {
	await page.getByLabel('Titel').fill(event.title);
	await page.getByLabel('Art des Termins').selectOption({ label: event.kind });
	await page.getByLabel('Beginn: Tag').fill(event.day);
	await page.getByLabel('Beginn: Uhrzeit').fill('14:00');
	await page.getByLabel('Ende: Tag').fill(event.day);
	await page.getByLabel('Ende: Uhrzeit').fill('20:00');
	await page.getByLabel('Ort (frei)').fill(event.place);
	await page.getByLabel('Beschreibung').fill('Musik, Kuchen und ein Flohmarkt für alle.');
	if (event.capacity) await page.getByLabel('Plätze (optional)').fill(event.capacity);
}

test('the management creates a Stadtteilfest, a member comes and downloads it, a visitor reads the public feed', async ({
	page,
	browser,
	clientIp
}) => {
	const suffix = Date.now().toString(36);
	const fest = `Stadtteilfest Nordstadt ${suffix}`;
	const day = dayFromNow(10);

	// Thomas creates the Stadtteilfest; a wrong end is refused first.
	await loggedIn(page, MODERATOR);
	await page.goto('/q/nordstadt/termine');
	await expect(page.getByRole('heading', { level: 1, name: 'Termine' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Termin anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Termin anlegen' })).toBeVisible();
	await expectAccessible(page);
	await fillEvent(page, {
		title: fest,
		kind: 'Stadtteilfest',
		day,
		place: 'Marktplatz',
		capacity: '50'
	});
	await page.getByLabel('Ende: Uhrzeit').fill('13:00');
	await page.getByRole('button', { name: 'Termin veröffentlichen' }).click();
	await expect(page.getByText('Das Ende muss nach dem Beginn liegen.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Ende: Uhrzeit').fill('20:00');
	await page.getByRole('button', { name: 'Termin veröffentlichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: fest })).toBeVisible();
	await expect(page.getByText('Der Termin ist veröffentlicht.')).toBeVisible();
	await expect(page.getByText('Zusagen: 0 von 50 Plätzen')).toBeVisible();
	await expectAccessible(page);
	const festUrl = new URL(page.url()).pathname;

	// Tobias finds it on the marketplace page and says "Ich komme".
	const tobias = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(tobias, MEMBER);
	await tobias.goto('/q/nordstadt');
	const block = tobias.getByRole('region', { name: 'Nächste Termine' });
	await expect(block).toBeVisible();
	await expectAccessible(tobias);
	await tobias.goto('/q/nordstadt/termine');
	await tobias.getByRole('link', { name: fest }).click();
	await expect(tobias.getByRole('heading', { level: 1, name: fest })).toBeVisible();
	await expect(tobias.getByText('Stadtteilfest', { exact: true })).toBeVisible();
	await expectAccessible(tobias);
	await tobias.getByRole('button', { name: 'Ich komme' }).click();
	await expect(tobias.getByText('Schön, dass du kommst!')).toBeVisible();
	await expect(tobias.getByText('Zusagen: 1 von 50 Plätzen')).toBeVisible();
	await expect(tobias.getByText('Du hast zugesagt.')).toBeVisible();
	await expectAccessible(tobias);

	// The event as a calendar file, in the quarter's time zone.
	const download = tobias.waitForEvent('download');
	await tobias.getByRole('link', { name: /Kalenderdatei \(\.ics\)/ }).click();
	const file = await (await download).path();
	const ics = await readFile(file, 'utf8');
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
	expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${day.replace(/-/g, '')}T140000`);
	expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${fest}`);
	expect(ics).toContain('STATUS:CONFIRMED');

	// A visitor without an account sees the management's event and the public feed.
	const visitor = await personPage(browser, otherIp(clientIp, 2));
	await visitor.goto(festUrl);
	await expect(visitor.getByRole('heading', { level: 1, name: fest })).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'Anmelden, um zuzusagen' })).toBeVisible();
	await expectAccessible(visitor);
	const feed = await visitor.request.get('/q/nordstadt/termine.ics');
	expect(feed.headers()['content-type']).toContain('text/calendar');
	expect((await feed.text()).replace(/\r\n /g, '')).toContain(`SUMMARY:${fest}`);
});

test('a member’s event waits for approval, then three members say they come and the members’ feed lists it', async ({
	page,
	browser,
	clientIp
}) => {
	const suffix = Date.now().toString(36);
	await loggedIn(page, MODERATOR);
	const tobias = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(tobias, MEMBER);
	const visitor = await personPage(browser, otherIp(clientIp, 2));

	// Tobias suggests an event of his own: it waits for the management.
	const spiele = `Spieleabend im Hof ${suffix}`;
	await tobias.goto('/q/nordstadt/termine');
	await tobias.getByRole('link', { name: 'Termin vorschlagen' }).click();
	await expect(tobias.getByRole('heading', { level: 1, name: 'Termin vorschlagen' })).toBeVisible();
	await expectAccessible(tobias);
	await fillEvent(tobias, {
		title: spiele,
		kind: 'Treffen',
		day: dayFromNow(12),
		place: 'Hinterhof Lindenstraße 4'
	});
	await tobias.getByRole('button', { name: 'Vorschlag einreichen' }).click();
	await expect(tobias.getByText('Dein Vorschlag wartet auf die Freigabe')).toBeVisible();
	await expectAccessible(tobias);

	// Anna does not see it yet.
	const anna = await personPage(browser, otherIp(clientIp, 3));
	await loggedIn(anna, NEIGHBOUR);
	await anna.goto('/q/nordstadt/termine');
	await expect(anna.getByRole('heading', { level: 1, name: 'Termine' })).toBeVisible();
	await expect(anna.getByRole('link', { name: spiele })).toHaveCount(0);
	await expectAccessible(anna);

	// Thomas approves it from the cockpit's queue.
	await page.goto('/manage/nordstadt');
	await page.getByRole('link', { name: /^Termine \(\d+\)$/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Terminvorschläge prüfen' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: spiele }).click();
	await expect(page.getByText('Dieser Termin wartet auf die Freigabe')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Freigeben' }).click();
	await expect(page.getByText('Der Termin ist freigegeben.')).toBeVisible();
	await expectAccessible(page);

	// Now Anna sees it, and Tobias reads the news.
	await anna.goto('/q/nordstadt/termine');
	await expect(anna.getByRole('link', { name: spiele })).toBeVisible();
	await expectAccessible(anna);
	await tobias.goto('/exchanges');
	await expect(
		tobias.getByRole('link', { name: `Termin „${spiele}“: dein Vorschlag ist freigegeben` })
	).toBeVisible();
	await expectAccessible(tobias);

	// Three members say they come to Tobias's evening; the count follows, and the members'
	// calendar feed lists it (the public feed does not: it holds the management's events only).
	const lena = await personPage(browser, otherIp(clientIp, 4));
	await loggedIn(lena, THIRD);
	for (const [person, count] of [
		[anna, 1],
		[tobias, 2],
		[lena, 3]
	] as const) {
		await person.goto('/q/nordstadt/termine');
		await person.getByRole('link', { name: spiele }).click();
		await expect(person.getByRole('heading', { level: 1, name: spiele })).toBeVisible();
		await person.getByRole('button', { name: 'Ich komme' }).click();
		await expect(person.getByText('Schön, dass du kommst!')).toBeVisible();
		await expect(person.getByText(`Zusagen: ${count}`, { exact: true })).toBeVisible();
		await expectAccessible(person);
	}
	const memberFeed = await lena.request.get('/q/nordstadt/termine.ics');
	const memberIcs = (await memberFeed.text()).replace(/\r\n /g, '');
	expect(memberIcs).toContain(`SUMMARY:${spiele}`);
	const publicFeed = await visitor.request.get('/q/nordstadt/termine.ics');
	expect((await publicFeed.text()).replace(/\r\n /g, '')).not.toContain(`SUMMARY:${spiele}`);
});
