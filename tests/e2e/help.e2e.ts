// Help in plain language (issue 17 item 8): a visitor finds "Hilfe" in the footer, reads every
// topic, and the English version under /en; the forms link to their help entry with a short
// "Hilfe dazu" (sign-up, notice form, and for a member the time account); the pages work
// without JavaScript. Every page visited is checked with axe (and at phone width).
import { expect, expectAccessible, loggedIn, otherIp, test } from './fixtures';

// Only reads her time account (time-account.e2e.ts changes it; this test looks at no figure).
const MEMBER = 'ingrid.hartmann@nordstadt.example';

const TOPICS: Array<[title: string, path: string]> = [
	['Mitmachen: Konto und Profil', '/hilfe/mitmachen'],
	['So funktioniert die Zeitbank', '/hilfe/zeitbank'],
	['Anbieten und suchen', '/hilfe/anbieten'],
	['So läuft ein Tausch', '/hilfe/tausch'],
	['Was kostet das?', '/hilfe/gebuehr'],
	['Was macht das Quartiersmanagement?', '/hilfe/quartiersmanagement'],
	['Sicher tauschen', '/hilfe/sicherheit']
];

test('eine Besucherin findet die Hilfe im Fuß jeder Seite und liest jedes Thema', async ({
	page
}) => {
	await page.goto('/');
	await page
		.getByRole('contentinfo')
		.getByRole('link', { name: 'Hilfe in einfacher Sprache' })
		.click();
	await expect(page).toHaveURL(/\/hilfe$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Hilfe' })).toBeVisible();
	await expect(page.getByRole('term').filter({ hasText: 'Zeitkonto' })).toBeVisible();
	await expectAccessible(page);

	for (const [title, path] of TOPICS) {
		await page.goto('/hilfe');
		await page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${path}$`));
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expectAccessible(page);
	}

	// The figures are each quarter's own settings, not numbers written into a text.
	await page.goto('/hilfe/gebuehr');
	await expect(
		page.getByText(/^Nordstadt: (keine Gebühr|[\d,]+ % je Kartenzahlung)/)
	).toBeVisible();
	await page.goto('/hilfe/zeitbank');
	await expect(
		page.getByText(/^Nordstadt: von [−-]\d+:\d\d Std\. bis \d+:\d\d Std\.$/)
	).toBeVisible();
	// The steps of an exchange are a numbered list.
	await page.goto('/hilfe/tausch');
	await expect(
		page.getByRole('region', { name: 'Die vier Schritte' }).getByRole('listitem')
	).toHaveCount(4);
	await page.getByRole('link', { name: /^Nächstes Thema: Was kostet das\?$/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Was kostet das?' })).toBeVisible();

	// English, through the same language switch as every page.
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/hilfe\/gebuehr$/);
	await expect(page.getByRole('heading', { level: 1, name: 'What does it cost?' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'All help topics' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
	await expectAccessible(page);

	// An unknown topic is a calm 404.
	const response = await page.goto('/hilfe/gibtsnicht');
	expect(response?.status()).toBe(404);
});

test('Formulare verlinken ihren Hilfe-Eintrag', async ({ page, browser, clientIp }) => {
	await page.goto('/signup');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Hilfe dazu: Mitmachen: Konto und Profil' }).click();
	await expect(page).toHaveURL(/\/hilfe\/mitmachen$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Mitmachen: Konto und Profil' })
	).toBeVisible();
	await expectAccessible(page);

	await page.goto('/meldung');
	await page.getByRole('link', { name: /^Hilfe dazu/ }).click();
	await expect(page).toHaveURL(/\/hilfe\/sicherheit#rechtswidrig$/);
	await expect(
		page.getByRole('heading', { level: 2, name: 'Etwas ist gegen das Gesetz' })
	).toBeInViewport();
	await page.getByRole('main').getByRole('link', { name: 'Rechtswidrigen Inhalt melden' }).click();
	await expect(page).toHaveURL(/\/meldung$/);
	await expectAccessible(page);

	// A member's time account links to the time bank's help, its donation form to the section.
	await loggedIn(page, MEMBER);
	await page
		.getByRole('navigation', { name: 'Hauptmenü' })
		.getByRole('link', { name: 'Zeitkonto' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mein Zeitkonto' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Hilfe dazu: Kontoauszug und Spenden' }).click();
	await expect(page).toHaveURL(/\/hilfe\/zeitbank#kontoauszug$/);
	await expectAccessible(page);

	// Without JavaScript the help is the same page.
	const context = await browser.newContext({
		locale: 'de-DE',
		javaScriptEnabled: false,
		extraHTTPHeaders: { 'x-forwarded-for': otherIp(clientIp, 1) }
	});
	const plain = await context.newPage();
	await plain.goto('/hilfe');
	await plain.getByRole('link', { name: 'So läuft ein Tausch', exact: true }).click();
	await expect(plain.getByRole('heading', { level: 1, name: 'So läuft ein Tausch' })).toBeVisible();
	await expect(plain.getByRole('heading', { level: 2, name: 'Bezahlen in Euro' })).toBeVisible();
	await context.close();
});
