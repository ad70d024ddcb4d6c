// Mediation as the three people involved see it: Nina from the quarter management turns Heike's
// dispute about the kitchen into a case, writes a private note, gives back one hour of the shelf
// Rainer booked six weeks ago (a partial reversal), settles the kitchen with two hours and closes
// the case; Heike and Rainer each find the case under "Meine Tausche", read the outcome and the summary,
// never the private note; and a member gets 403 in the cockpit. Every page is checked with axe.
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

// Seeded for this test only (scripts/seed-cases.ts): logins are rate-limited per person.
const MODERATOR = 'nina.kraus@nordstadt.example';
const RECEIVER = 'heike.sommerfeld@nordstadt.example';
const PROVIDER = 'rainer.voss@nordstadt.example';
const NOTE = 'Rainer am Telefon: Beim Regal musste er zweimal in den Baumarkt.';

test('a dispute becomes a case, settled with a partial reversal both parties see', async ({
	page,
	browser,
	clientIp
}) => {
	test.setTimeout(240_000);
	await loggedIn(page, MODERATOR);
	await page
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Quartiersmanagement' })
		.click();
	await page
		.getByRole('navigation', { name: 'Quartiersmanagement Nordstadt' })
		.getByRole('link', { name: /^Strittige Tausche \(\d+\)$/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Strittige Tausche' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Vermittlungsfall eröffnen: Küche streichen' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Vermittlungsfall: Küche streichen' })
	).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Der Vermittlungsfall ist eröffnet');
	await expect(page.locator('.badge-state')).toHaveText('offen');
	await expect(page.getByText('Rainer V., Heike S.')).toBeVisible();
	// The dispute's reason opens the timeline.
	await expect(page.getByText(/Es waren zwei Stunden, nicht drei/)).toBeVisible();
	await expectAccessible(page);

	// A private note, for the quarter management only.
	await page.getByLabel('Notiz', { exact: true }).fill(NOTE);
	await page.getByRole('button', { name: 'Notiz speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Die Notiz ist gespeichert.');
	const note = page.getByRole('listitem').filter({ hasText: NOTE });
	await expect(note.getByText('Private Notiz – nur Quartiersmanagement')).toBeVisible();
	await expectAccessible(page);

	// The shelf six weeks ago: three hours booked, two were fair. One hour goes back.
	const transfers = page.getByRole('table', { name: /Buchungen, die dieser Fall betreffen kann/ });
	const shelf = transfers.getByRole('row').filter({ hasText: 'Regal im Flur aufbauen' });
	await expect(shelf.getByRole('cell', { name: '3:00 Std.' })).toBeVisible();
	const seq = (await shelf.getByRole('rowheader').textContent())!.trim();
	await page.getByLabel('Buchung', { exact: true }).selectOption(seq);
	await page.getByLabel('Stunden, die storniert werden').fill('1');
	await page
		.getByRole('form', { name: 'Buchung ganz oder teilweise stornieren' })
		.getByLabel('Begründung (für die Beteiligten sichtbar)')
		.fill('Das Regal hat zwei Stunden gedauert, eine Stunde geht an Heike zurück.');
	await page.getByRole('button', { name: 'Stornieren' }).click();
	await expect(page.getByRole('status')).toContainText('Die Stornobuchung ist gebucht.');
	await expect(
		page.getByText(new RegExp(`1:00 Std\\. von Buchung Nr\\. ${seq} storniert`))
	).toBeVisible();
	await expect(shelf.getByText('1:00 Std. storniert')).toBeVisible();
	await expect(page.locator('.badge-state')).toHaveText('in Vermittlung');
	// The form is empty again: one more click cannot reverse the next booking by mistake.
	const reverseForm = page.getByRole('form', { name: 'Buchung ganz oder teilweise stornieren' });
	await expect(reverseForm.getByLabel('Buchung', { exact: true })).toHaveValue('');
	await expect(reverseForm.getByLabel('Stunden, die storniert werden')).toHaveValue('');
	await expect(reverseForm.getByLabel('Begründung (für die Beteiligten sichtbar)')).toHaveValue('');
	await expectAccessible(page);

	// The kitchen: two hours, as Heike said.
	await page.getByLabel('Stunden', { exact: true }).fill('2');
	await page
		.getByRole('form', { name: 'Tausch mit Stunden abrechnen' })
		.getByLabel('Begründung (für die Beteiligten sichtbar)')
		.fill('Zwei Stunden für die Küche, darauf habt ihr euch am Telefon geeinigt.');
	await page.getByRole('button', { name: 'Abrechnen' }).click();
	await expect(page.getByRole('status')).toContainText('Der Tausch ist abgerechnet.');
	await expect(page.getByText('Tausch mit 2:00 Std. abgerechnet')).toBeVisible();
	await expectAccessible(page);

	await page
		.getByLabel('Zusammenfassung (für die Beteiligten sichtbar)')
		.fill('Geeinigt: eine Stunde vom Regal zurück, zwei Stunden für die Küche.');
	await page.getByRole('button', { name: 'Fall abschließen' }).click();
	await expect(page.getByRole('status')).toContainText('Der Fall ist abgeschlossen.');
	await expect(page.locator('.badge-state')).toHaveText('abgeschlossen');
	await expect(page.getByRole('button', { name: 'Notiz speichern' })).toHaveCount(0);
	await expectAccessible(page);

	// The cockpit lists it among the closed cases now.
	await page
		.getByRole('navigation', { name: 'Quartiersmanagement Nordstadt' })
		.getByRole('link', { name: /^Vermittlungsfälle \(\d+\)$/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Vermittlungsfälle' })).toBeVisible();
	await expect(
		page
			.getByRole('list', { name: 'Abgeschlossene Vermittlungsfälle, die neuesten zuerst' })
			.getByRole('link', { name: 'Küche streichen' })
	).toBeVisible();
	await expectAccessible(page);

	// Both parties find the case under "Meine Tausche" and read the outcome, never the private note.
	for (const [k, email] of [RECEIVER, PROVIDER].entries()) {
		const party = await personPage(browser, otherIp(clientIp, k + 1));
		await loggedIn(party, email);
		await party
			.getByRole('navigation', { name: 'Hauptmenü' })
			.getByRole('link', { name: /^Meine Tausche/ })
			.click();
		await expect(party.getByRole('heading', { level: 1, name: 'Meine Tausche' })).toBeVisible();
		await expect(
			party.getByRole('link', {
				name: /Vermittlungsfall „Küche streichen“: Der Fall ist abgeschlossen/
			})
		).toBeVisible();
		await expectAccessible(party);
		await party
			.getByRole('region', { name: 'Vermittlungsfälle' })
			.getByRole('link', { name: 'Küche streichen' })
			.click();
		await expect(
			party.getByRole('heading', { level: 1, name: 'Vermittlungsfall: Küche streichen' })
		).toBeVisible();
		await expect(party.locator('.badge-state')).toHaveText('abgeschlossen');
		await expect(
			party.getByText(new RegExp(`1:00 Std\\. von Buchung Nr\\. ${seq} storniert`))
		).toBeVisible();
		await expect(party.getByText('Tausch mit 2:00 Std. abgerechnet')).toBeVisible();
		await expect(
			party
				.getByRole('region', { name: 'Ergebnis' })
				.getByText('Geeinigt: eine Stunde vom Regal zurück, zwei Stunden für die Küche.')
		).toBeVisible();
		await expect(party.getByText(NOTE)).toHaveCount(0);
		await expect(party.getByText('Private Notiz – nur Quartiersmanagement')).toHaveCount(0);
		await expectAccessible(party);

		// A member does not reach the cockpit's cases.
		const response = await party.goto('/manage/nordstadt/cases');
		expect(response?.status()).toBe(403);
		await expectAccessible(party);
		await party.context().close();
	}
});
