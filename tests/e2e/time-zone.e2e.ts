// One time zone (issue 17, item 4): a time on a page is the quarter's wall-clock time (Nordstadt:
// Europe/Berlin), the same text whether the server rendered it (no JavaScript) or the browser
// re-rendered it after hydration, and whatever zone the browser itself is in. Before, the server
// wrote UTC and the browser its own zone.
import type { Browser, BrowserContext } from '@playwright/test';
import { dateTimeOf } from '../../src/lib/domain/time/zone';
import { DEMO_PASSWORD, expect, expectAccessible, logIn, test, waitForHydration } from './fixtures';

/** A browser far from Berlin: New York is 6 hours behind in winter, 6 in summer too. */
function farAway(browser: Browser, clientIp: string, javaScriptEnabled: boolean) {
	return browser.newContext({
		locale: 'de-DE',
		timezoneId: 'America/New_York',
		javaScriptEnabled,
		extraHTTPHeaders: { 'x-forwarded-for': clientIp }
	});
}

/** "03.12.2026, 09:45" for the instant's Berlin wall clock, built without Intl's date styles. */
function berlinText(iso: string): string {
	const [day, time] = dateTimeOf(new Date(iso), 'Europe/Berlin').split(' ') as [string, string];
	const [y, mo, d] = day.split('-');
	return `${d}.${mo}.${y}, ${time}`;
}

async function timelineTimes(context: BrowserContext, path: string) {
	const page = await context.newPage();
	await page.goto(path);
	const timeline = page.getByRole('region', { name: 'Verlauf' });
	await expect(timeline).toBeVisible();
	const times = timeline.locator('time');
	const count = await times.count();
	const out: Array<{ datetime: string; text: string }> = [];
	for (let i = 0; i < count; i++) {
		out.push({
			datetime: (await times.nth(i).getAttribute('datetime')) ?? '',
			text: (await times.nth(i).innerText()).trim()
		});
	}
	return { page, times: out };
}

test("an exchange's times are Berlin times with and without JavaScript, in a browser in New York", async ({
	browser,
	clientIp
}) => {
	const withJs = await farAway(browser, clientIp, true);
	const page = await withJs.newPage();
	await logIn(page, 'ewa.kowalska@nordstadt.example', DEMO_PASSWORD);
	await expect(page).not.toHaveURL(/\/login/);
	await page.goto('/exchanges');
	await waitForHydration(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Meine Tausche' })).toBeVisible();
	const first = page.getByRole('list', { name: 'Deine Tausche' }).getByRole('link').first();
	const href = await first.getAttribute('href');
	expect(href).toMatch(/\/exchanges\/[0-9a-f]{24}$/);

	// The same session without JavaScript: what the server wrote is what stays on the screen.
	const withoutJs = await farAway(browser, clientIp, false);
	await withoutJs.addCookies(await withJs.cookies());

	const hydrated = await timelineTimes(withJs, href!);
	await waitForHydration(hydrated.page);
	const served = await timelineTimes(withoutJs, href!);

	expect(hydrated.times.length).toBeGreaterThan(0);
	expect(served.times).toEqual(hydrated.times);
	for (const { datetime, text } of hydrated.times) {
		expect(text).toBe(berlinText(datetime));
	}
	// The browser's own clock would have said something else (New York is behind Berlin).
	const newYork = await hydrated.page.evaluate(
		(iso) =>
			new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(
				new Date(iso)
			),
		hydrated.times[0]!.datetime
	);
	expect(newYork).not.toBe(hydrated.times[0]!.text);

	await expectAccessible(hydrated.page);
	await withoutJs.close();
	await withJs.close();
});
