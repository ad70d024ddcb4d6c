// Konto löschen (issue 13 item 7): two new neighbours in Lindenhof (no approval needed) write to
// each other; one deletes their account with the password after reading what happens; the other
// then sees "ehemaliges Mitglied …" and "gelöscht" where the deleted person's name and message
// were, and their own reply as it was. The deleted address no longer logs in. Every page
// visited is checked with axe.
import type { Page } from '@playwright/test';
import {
	expect,
	expectAccessible,
	logIn,
	openMailLink,
	otherIp,
	personPage,
	signUp,
	test,
	uniqueEmail
} from './fixtures';

const PASSWORD = 'Tschüss und danke 2026';

async function newMember(page: Page, name: string, email: string): Promise<void> {
	await signUp(page, { name, email, password: PASSWORD, quarter: 'Lindenhof' });
	await expect(
		page.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	await expectAccessible(page);
	const link = await openMailLink(page, email, /Bitte bestätige deine E-Mail-Adresse/);
	await page.goto(link);
	await expect(page.getByRole('status')).toContainText('Deine E-Mail-Adresse ist bestätigt');
	await expectAccessible(page);
	await logIn(page, email, PASSWORD);
	await expect(page).not.toHaveURL(/\/login/);
}

test('a member deletes their account; the other party sees the pseudonym', async ({
	page,
	browser,
	clientIp
}) => {
	// Two people, a conversation, a deletion and every page checked with axe: long on a busy machine.
	test.setTimeout(300_000);
	const stamp = Date.now().toString(36);
	const bruno = { name: `Bruno Bleibt ${stamp}`, email: uniqueEmail('bruno') };
	const alma = { name: `Alma Abschied ${stamp}`, email: uniqueEmail('alma') };
	const question = `Hallo Bruno, leihst du mir deine Leiter? Alma (${stamp})`;
	const answer = `Gern, komm am Samstag vorbei. (${stamp})`;

	// Bruno joins and finds the address of his profile.
	const brunoPage = await personPage(browser, otherIp(clientIp, 1));
	await newMember(brunoPage, bruno.name, bruno.email);
	await brunoPage.goto('/q/lindenhof/profile');
	await expectAccessible(brunoPage);
	const profileHref = await brunoPage
		.getByRole('link', { name: 'So sehen andere dein Profil' })
		.getAttribute('href');
	expect(profileHref).toMatch(/\/members\/[a-f0-9]{24}$/);

	// Alma joins and writes to him from his profile.
	await newMember(page, alma.name, alma.email);
	await page.goto(profileHref!);
	await expectAccessible(page);
	await page.getByLabel('Nachricht', { exact: true }).fill(question);
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(page.getByText(question)).toBeVisible();
	await expectAccessible(page);
	const conversationUrl = new URL(page.url()).pathname;

	// Bruno answers.
	await brunoPage.goto(conversationUrl);
	await expect(brunoPage.getByText(question)).toBeVisible();
	await brunoPage.getByLabel('Deine Nachricht').fill(answer);
	await brunoPage.getByRole('button', { name: 'Senden' }).click();
	await expect(brunoPage.getByText(answer)).toBeVisible();
	await expectAccessible(brunoPage);

	// Alma reads what deleting does and deletes her account with her password.
	await page.goto('/account');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Konto löschen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Konto löschen' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Was beim Löschen passiert' })).toBeVisible();
	await expect(page.getByText('Deine Nachrichten werden durch „gelöscht“ ersetzt')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Was das Löschen noch verhindert' })).toHaveCount(
		0
	);
	await expectAccessible(page);
	await page.getByLabel('Dein Passwort').fill('nicht mein Passwort');
	await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(page.getByText('Das aktuelle Passwort stimmt nicht.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Dein Passwort').fill(PASSWORD);
	await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Dein Konto ist gelöscht' })
	).toBeVisible();
	await expectAccessible(page);

	// She is signed out, and her address no longer opens an account.
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login/);
	await logIn(page, alma.email, PASSWORD);
	await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort stimmen nicht');
	await expectAccessible(page);

	// Bruno sees the pseudonym and "gelöscht"; his own answer stays.
	await brunoPage.goto('/messages');
	await expect(brunoPage.getByText(/ehemaliges Mitglied \d+/).first()).toBeVisible();
	await expect(brunoPage.getByText(alma.name)).toHaveCount(0);
	await expectAccessible(brunoPage);
	await brunoPage.goto(conversationUrl);
	await expect(
		brunoPage.getByRole('heading', { level: 1, name: /ehemaliges Mitglied \d+/ })
	).toBeVisible();
	await expect(brunoPage.getByText(question)).toHaveCount(0);
	await expect(brunoPage.getByText('gelöscht', { exact: true })).toBeVisible();
	await expect(brunoPage.getByText(answer)).toBeVisible();
	await expect(
		brunoPage.getByText('Dieses Konto wurde gelöscht; hier kann niemand mehr antworten.')
	).toBeVisible();
	await expectAccessible(brunoPage);
});
