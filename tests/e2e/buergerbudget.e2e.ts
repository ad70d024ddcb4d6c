// A Bürgerbudget round as people run it: Stefan Roth (Quartiersmanagement) opens a round with 20
// hours; Felix and Laura propose, Laura comments; Stefan closes the proposals, marks both
// feasible with a reason and starts the vote; Felix, Laura and Jan vote (a choice over the amount
// is refused); Stefan ends the vote, the result shows the counts, the winner becomes a budget
// line, and Stefan grants hours against it. Every page visited is checked with axe (also at
// 360 px).
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

const MODERATOR = 'stefan.roth@nordstadt.example';
const FELIX = 'felix.wolf@nordstadt.example';
const LAURA = 'laura.meier@nordstadt.example';
const JAN = 'jan.schwarz@nordstadt.example';

/** A day `days` from today as `YYYY-MM-DD` in the quarter's time zone. */
function dayFromNow(days: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
		new Date(Date.now() + days * 24 * 60 * 60 * 1000)
	);
}

async function propose(page: Page, round: string, title: string, hours: string, check = true) {
	await page.goto('/q/nordstadt/buergerbudget');
	await expect(page.getByRole('heading', { level: 1, name: 'Bürgerbudget' })).toBeVisible();
	await page.getByRole('link', { name: round }).click();
	await expect(page.getByRole('heading', { level: 1, name: round })).toBeVisible();
	if (check) await expectAccessible(page);
	await page.getByRole('link', { name: 'Vorschlag machen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Vorschlag machen' })).toBeVisible();
	if (check) await expectAccessible(page);
	await page.getByLabel('Titel').fill(title);
	await page
		.getByLabel('Was soll passieren?')
		.fill(`${title}: Material und Hilfe von Nachbar:innen.`);
	await page.getByLabel('Wem nützt es?').fill('Allen im Block');
	await page.getByLabel('Kosten in Stunden').fill(hours);
	await page.getByRole('button', { name: 'Vorschlag einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Danke! Dein Vorschlag ist eingereicht.')).toBeVisible();
	if (check) await expectAccessible(page);
}

async function vote(page: Page, roundUrl: string, choose: string[]) {
	await page.goto(roundUrl);
	const ballot = page.getByRole('group', { name: 'Welche Vorschläge willst du?' });
	for (const title of choose)
		await ballot.getByRole('checkbox', { name: new RegExp(title) }).check();
	await page.getByRole('button', { name: 'Stimme abgeben' }).click();
	await expect(page.getByText('Deine Stimme ist gespeichert.', { exact: true })).toBeVisible();
	await expectAccessible(page);
}

test('a Bürgerbudget round runs from proposals to the vote to the result, and the winner becomes a budget line a grant can draw on', async ({
	page,
	browser,
	clientIp
}) => {
	// Four people, a dozen pages, each checked with axe at two widths: slow on a shared machine.
	test.setTimeout(900_000);
	const suffix = Date.now().toString(36);
	const round = `Bürgerbudget Test ${suffix}`;
	const garden = `Kräuterbeet ${suffix}`;
	const benches = `Bänke im Hof ${suffix}`;

	// Stefan opens the round from the cockpit; a wrong order of days is refused first.
	await loggedIn(page, MODERATOR);
	await page.goto('/manage/nordstadt');
	await followAreaLink(page, 'Quartiersmanagement Nordstadt', 'Bürgerbudget');
	await expect(page.getByRole('heading', { level: 1, name: 'Bürgerbudget-Runden' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Name der Runde').fill(round);
	await page.getByLabel('Stunden für die Runde').fill('20');
	await page.getByLabel('Vorschläge ab').fill(dayFromNow(0));
	await page.getByLabel('Prüfung ab').fill(dayFromNow(7));
	await page.getByLabel('Abstimmung ab').fill(dayFromNow(5));
	await page.getByLabel('Abstimmung bis (einschließlich)').fill(dayFromNow(20));
	await page.getByLabel('Budgetposten der Gewinner gelten bis').fill(dayFromNow(90));
	await page.getByRole('button', { name: 'Runde öffnen' }).click();
	await expect(page.getByText('Die Tage müssen in dieser Reihenfolge kommen')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Abstimmung ab').fill(dayFromNow(14));
	await page.getByRole('button', { name: 'Runde öffnen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: round })).toBeVisible();
	await expect(page.getByText('Die Runde ist geöffnet.')).toBeVisible();
	await expectAccessible(page);
	const manageUrl = new URL(page.url()).pathname;

	// Felix and Laura propose; Laura comments on Felix's proposal.
	const felix = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(felix, FELIX);
	await propose(felix, round, garden, '12');
	const gardenUrl = new URL(felix.url()).pathname;
	const roundUrl = gardenUrl.split('/').slice(0, -1).join('/');
	const laura = await personPage(browser, otherIp(clientIp, 2));
	await loggedIn(laura, LAURA);
	await propose(laura, round, benches, '15', false);
	await laura.goto(gardenUrl);
	await laura.getByLabel('Dein Kommentar').fill('Gute Idee, ich gieße mit!');
	await laura.getByRole('button', { name: 'Kommentieren' }).click();
	await expect(laura.getByText('Dein Kommentar ist gespeichert.')).toBeVisible();
	await expect(laura.getByText('Gute Idee, ich gieße mit!')).toBeVisible();
	await expectAccessible(laura);

	// Stefan closes the proposals and marks both feasible, each with a reason.
	await page.goto(manageUrl);
	await page.getByRole('button', { name: 'Vorschläge schließen' }).click();
	await expect(page.getByText('Die Phase ist beendet. Die nächste hat begonnen.')).toBeVisible();
	await expectAccessible(page);
	for (const title of [garden, benches]) {
		await page.goto(manageUrl);
		await page.getByRole('link', { name: title }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await page.getByRole('radio', { name: 'Machbar', exact: true }).check();
		await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
		await expect(page.getByText('Bitte gib eine Begründung an.')).toBeVisible();
		if (title === garden) await expectAccessible(page);
		await page.getByRole('radio', { name: 'Machbar', exact: true }).check();
		await page
			.getByLabel('Begründung', { exact: true })
			.fill('Der Hof ist frei, der Vermieter ist einverstanden.');
		await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
		await expect(page.getByText('Die Entscheidung ist gespeichert.')).toBeVisible();
		await expect(page.getByText('Begründung: Der Hof ist frei')).toBeVisible();
		if (title === garden) await expectAccessible(page);
	}
	await page.goto(manageUrl);
	await page.getByRole('button', { name: 'Abstimmung starten' }).click();
	await expect(page.getByText('Bisher haben 0 Mitglieder abgestimmt.')).toBeVisible();
	await expectAccessible(page);

	// Felix chooses both (more than the 20 hours): refused; then his own. Laura and Jan vote.
	await felix.goto(roundUrl);
	await expect(felix.getByRole('heading', { level: 2, name: 'Deine Stimme' })).toBeVisible();
	await expectAccessible(felix);
	const ballot = felix.getByRole('group', { name: 'Welche Vorschläge willst du?' });
	await ballot.getByRole('checkbox', { name: new RegExp(garden) }).check();
	await ballot.getByRole('checkbox', { name: new RegExp(benches) }).check();
	await felix.getByRole('button', { name: 'Stimme abgeben' }).click();
	await expect(felix.getByText('Das ist mehr, als die Runde hat.')).toBeVisible();
	await expectAccessible(felix);
	await felix
		.getByRole('group', { name: 'Welche Vorschläge willst du?' })
		.getByRole('checkbox', { name: new RegExp(benches) })
		.uncheck();
	await felix.getByRole('button', { name: 'Stimme abgeben' }).click();
	await expect(felix.getByText('Deine Stimme ist gespeichert.', { exact: true })).toBeVisible();
	await expect(felix.getByText('Deine Stimme ist gespeichert: 1 Vorschlag.')).toBeVisible();
	await vote(laura, roundUrl, [benches]);
	const jan = await personPage(browser, otherIp(clientIp, 3));
	await loggedIn(jan, JAN);
	await vote(jan, roundUrl, [garden]);

	// Stefan sees only the count, then ends the vote.
	await page.goto(manageUrl);
	await expect(page.getByText('Bisher haben 3 Mitglieder abgestimmt.')).toBeVisible();
	await page.getByRole('button', { name: 'Abstimmung beenden' }).click();
	await expect(page.getByText('Die Phase ist beendet. Die nächste hat begonnen.')).toBeVisible();
	await expectAccessible(page);

	// The result with the counts; a few seconds later the winner is a budget line.
	await page.goto(roundUrl);
	const result = page.getByRole('table', { name: `Ergebnis von „${round}“` });
	await expect(
		result.getByRole('row', { name: new RegExp(`${garden}.*2.*Gewonnen`) })
	).toBeVisible();
	await expect(
		result.getByRole('row', { name: new RegExp(`${benches}.*1.*Passte nicht mehr in den Betrag`) })
	).toBeVisible();
	await expect(page.getByText('3 Mitglieder haben abgestimmt.')).toBeVisible();
	await expectAccessible(page);
	const lineLink = page.getByRole('link', { name: `Budgetposten „${garden}“ ansehen` });
	await expect(async () => {
		await page.reload();
		await expect(lineLink).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 30_000 });
	// Felix sees the result too, and that he voted, but not how others voted.
	await felix.goto(roundUrl);
	await expect(felix.getByText('Du hast abgestimmt. Danke!')).toBeVisible();
	await expectAccessible(felix);

	// The line is in the Sozialraumbudget, and a grant draws on it.
	await page.goto('/manage/nordstadt/budget');
	await expect(page.getByRole('link', { name: garden })).toBeVisible();
	await page.goto(roundUrl);
	await lineLink.click();
	await expect(page.getByRole('heading', { level: 1, name: garden })).toBeVisible();
	await expect(page.getByText('Aus diesem Posten gab es noch keine Zuwendung.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Stunden aus einem Budgetposten zuwenden' }).click();
	await page.getByLabel('Mitglied').selectOption({ label: 'Felix W.' });
	await page.getByLabel('Stunden', { exact: true }).fill('3');
	await page.getByLabel('Zweck', { exact: true }).fill('Kräuterbeet anlegen');
	await page.getByRole('button', { name: 'Zuwendung buchen' }).click();
	await expect(page.getByText('Die Zuwendung ist gebucht.')).toBeVisible();
	await expectAccessible(page);
});
