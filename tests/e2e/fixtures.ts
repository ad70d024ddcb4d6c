import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { expectLegalFooter } from './legal-footer';
import { expectNoSideScroll } from './phone-width';

export const DEMO_PASSWORD = 'nordstadt-demo';

let counter = 0;

/** A unique address per test, so tests never share an account or a rate-limit budget. */
export function uniqueEmail(prefix: string): string {
	counter++;
	return `${prefix}.${Date.now().toString(36)}${process.pid}${counter}@beispiel.de`;
}

/**
 * Each test acts from its own client address (the e2e server trusts X-Forwarded-For, as a
 * deployment behind a reverse proxy does), so per-IP limits count per test.
 */
export const test = base.extend<{ clientIp: string }>({
	// Playwright requires the object pattern for fixtures without dependencies.
	// eslint-disable-next-line no-empty-pattern
	clientIp: async ({}, use, testInfo) => {
		const n =
			testInfo.workerIndex * 1000 + (testInfo.repeatEachIndex + 1) * 100 + (Date.now() % 97);
		await use(`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
	},
	context: async ({ context, clientIp }, use) => {
		await context.setExtraHTTPHeaders({ 'x-forwarded-for': clientIp });
		await use(context);
	},
	page: async ({ page }, use) => {
		// Interact only once Svelte has taken over the page, as a person whose phone has loaded it.
		const goto = page.goto.bind(page);
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			await waitForHydration(page);
			return response;
		};
		await use(page);
	}
});

export { expect };

export async function waitForHydration(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Zero axe violations (WCAG 2.1 A and AA) on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	await expectNoSideScroll(page);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		// One axe.run in the page itself. The default runs axe per frame and finishes in a new blank
		// page, which took half of each check (2.1 s → 1.1 s per page, 19 checks of termine.e2e.ts
		// measured); our pages have no frames, so the result is the same.
		.setLegacyMode(true)
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
	await expectLegalFooter(page);
}

/** Opens the newest mail to `to` in the development outbox and returns the first link in it. */
export async function openMailLink(page: Page, to: string, subject: RegExp): Promise<string> {
	// Some mails are written just after the answer (so that its duration tells nothing): look
	// again until it is there.
	const mailLink = page.getByRole('link', { name: subject }).first();
	await expect(async () => {
		await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
		await expect(mailLink).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 10_000 });
	await expectAccessible(page);
	await mailLink.click();
	await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
	await expectAccessible(page);
	const link = page.locator('pre.mail a').first();
	const href = await link.getAttribute('href');
	expect(href).toBeTruthy();
	return new URL(href!).pathname + new URL(href!).search;
}

export async function signUp(
	page: Page,
	person: {
		name: string;
		email: string;
		password: string;
		quarter?: string;
		business?: boolean;
		birthYear?: string;
	}
): Promise<void> {
	await page.goto('/signup');
	await waitForHydration(page);
	await page.getByLabel('Name, der anderen angezeigt wird').fill(person.name);
	await page.getByLabel('E-Mail-Adresse').fill(person.email);
	await page.getByLabel('Passwort', { exact: true }).fill(person.password);
	await page.getByLabel('Passwort wiederholen').fill(person.password);
	await page.getByLabel('Geburtsjahr').fill(person.birthYear ?? '1990');
	if (person.quarter)
		await page.getByLabel('Dein Quartier').selectOption({ label: person.quarter });
	if (person.business) await page.getByLabel(/Betrieb/).check();
	await page.getByLabel(/Ich halte mich an die Regeln/).check();
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
}

export async function logIn(
	page: Page,
	email: string,
	password: string,
	origin = ''
): Promise<void> {
	await page.goto(`${origin}/login`);
	await waitForHydration(page);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** A second person at the same time: their own browser context and client address. */
export async function personPage(browser: Browser, ip: string): Promise<Page> {
	const context = await browser.newContext({
		locale: 'de-DE',
		extraHTTPHeaders: { 'x-forwarded-for': ip }
	});
	const page = await context.newPage();
	const goto = page.goto.bind(page);
	page.goto = async (url, options) => {
		const response = await goto(url, options);
		await waitForHydration(page);
		return response;
	};
	return page;
}

/** Another address near the test's own, so each person has their own rate-limit budget. */
export function otherIp(ip: string, k: number): string {
	const parts = ip.split('.').map(Number);
	parts[3] = (parts[3]! + k * 37) % 256;
	return parts.join('.');
}

/** Logs a demo person in and checks it worked. */
/** Follows a link of an area's menu (the cockpit, the admin area), opening the menu first where a
 * phone folds it behind one control. */
export async function followAreaLink(page: Page, area: string, link: string | RegExp) {
	const nav = page.getByRole('navigation', { name: area });
	const target = nav.getByRole('link', { name: link });
	if (!(await target.isVisible())) await nav.locator('summary').click();
	await target.click();
}

/** After a login (which lands on the page asked for or the member's marketplace): open the
 * account page. */
export async function openAccount(page: Page, origin = ''): Promise<void> {
	await expect(page).not.toHaveURL(/\/login/);
	await page.goto(`${origin}/account`);
	await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
}

export async function loggedIn(page: Page, email: string): Promise<void> {
	await logIn(page, email, DEMO_PASSWORD);
	await expect(page).not.toHaveURL(/\/login/);
}
