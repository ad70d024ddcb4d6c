// Quartiermarkt as an installable app (issue 17, item 2): the manifest in both languages, its
// icons, a service worker that shows the offline page when the network is gone and never keeps
// a person's private pages, and link previews (OpenGraph) of public pages and of a listing.
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectAccessible, loggedIn, otherIp, personPage, test } from './fixtures';

const MEMBER = 'fatma.demir@nordstadt.example';
const MODERATOR = 'admin@quartiermarkt.example';

/** Only files that are the same for everyone may be in the service worker's cache. */
const SHARED =
	/^\/(_app\/.+|offline|en\/offline|favicon\.(svg|ico)|apple-touch-icon\.png|icons\/.+)$/;

async function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys())
				paths.push(new URL(request.url).pathname);
		}
		return paths;
	});
}

test('manifest, icons and head links in German and English', async ({ page, request }) => {
	for (const [locale, prefix, name] of [
		['de', '', 'Quartiermarkt – dein Quartier'],
		['en', '/en', 'Quartiermarkt – your neighbourhood']
	] as const) {
		await page.goto(`${prefix}/`);
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBe(`${prefix}/manifest.webmanifest`);
		const response = await request.get(href!);
		expect(response.headers()['content-type']).toContain('application/manifest+json');
		const manifest = await response.json();
		expect(manifest).toMatchObject({
			id: '/',
			lang: locale,
			name,
			short_name: 'Quartiermarkt',
			start_url: `${prefix}/`,
			scope: '/',
			display: 'standalone',
			// --green and --paper in src/app.css
			theme_color: '#1f5f4a',
			background_color: '#fffdf8'
		});
		expect(manifest.description.length).toBeGreaterThan(20);
		const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => [
			i.sizes,
			i.purpose
		]);
		expect(sizes).toEqual([
			['192x192', 'any'],
			['512x512', 'any'],
			['512x512', 'maskable']
		]);
		for (const icon of manifest.icons) {
			const file = await request.get(icon.src);
			expect(file.headers()['content-type']).toBe('image/png');
			const { width, height } = await sharp(await file.body()).metadata();
			expect(`${width}x${height}`).toBe(icon.sizes);
		}
	}
	await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#1f5f4a');
	const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
	expect((await sharp(await (await request.get(touch!)).body()).metadata()).width).toBe(180);
	const ico = await request.get('/favicon.ico');
	expect(ico.ok()).toBe(true);
	// An ICO header: reserved 0, type 1 (icon), three images.
	expect([...(await ico.body()).subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0]);
});

test('the service worker shows the offline page and keeps nothing private, also after logout', async ({
	page,
	context
}) => {
	await loggedIn(page, MEMBER);
	await page.goto('/account');
	await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
	// `ready` resolves once a worker is active, which may still be finishing its activation.
	await expect
		.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
			timeout: 30_000
		})
		.toBe('activated');
	// The worker takes over the open page (clients.claim), at the latest the next page loaded: a
	// busy machine may take a while to hand the open page over, and a reload always is controlled.
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			timeout: 30_000
		})
		.toBe(true);
	// Browsing caches nothing but shared files.
	await page.goto('/exchanges');
	await page.goto('/q/nordstadt/time-account');
	const cached = await cachedPaths(page);
	expect(cached).toContain('/offline');
	expect(cached.filter((p) => !SHARED.test(p))).toEqual([]);

	// The network is gone: a page shows the offline page of its language, calmly. (The offline
	// page has no script, so it is opened in a tab without the fixture's wait for hydration.)
	await context.setOffline(true);
	const offline = await context.newPage();
	await offline.goto('/q/nordstadt/time-account');
	await expect(offline.getByRole('heading', { level: 1, name: 'Keine Verbindung' })).toBeVisible();
	await expect(offline.getByRole('link', { name: 'Erneut laden' })).toBeVisible();
	await expect(offline.getByText('Zeitkonto')).toHaveCount(0);
	await expectAccessible(offline);
	await offline.goto('/en/account');
	await expect(offline.getByRole('heading', { level: 1, name: 'No connection' })).toBeVisible();
	await expect(offline.locator('html')).toHaveAttribute('lang', 'en');

	// Back online, signed out: the private pages are gone, from the network and from the cache.
	await context.setOffline(false);
	await page.goto('/account');
	await page.getByRole('button', { name: 'Abmelden' }).click();
	await expect(page).toHaveURL(/\/login/);
	await context.setOffline(true);
	await offline.goto('/account');
	await expect(offline.getByRole('heading', { level: 1, name: 'Keine Verbindung' })).toBeVisible();
	await expect(offline.getByText('Mein Konto')).toHaveCount(0);
	await context.setOffline(false);
	await offline.goto('/account');
	await expect(offline).toHaveURL(/\/login/);
	expect((await cachedPaths(offline)).filter((p) => !SHARED.test(p))).toEqual([]);
	await offline.close();
});

test('a shared listing shows its title, quarter and photo; public pages describe themselves', async ({
	page,
	browser,
	clientIp,
	baseURL
}) => {
	const title = `Lastenrad leihen ${Date.now().toString(36)}`;
	// A photo as a phone would take it (wider than tall), drawn here.
	const photo = await sharp(
		Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500">' +
				'<rect width="800" height="500" fill="#cfe3d8"/>' +
				'<circle cx="230" cy="360" r="90" fill="none" stroke="#1f5f4a" stroke-width="18"/>' +
				'<circle cx="600" cy="360" r="90" fill="none" stroke="#1f5f4a" stroke-width="18"/>' +
				'<rect x="280" y="200" width="220" height="110" fill="#a4161a"/></svg>'
		)
	)
		.jpeg()
		.toBuffer();
	await loggedIn(page, MEMBER);
	await page.goto('/q/nordstadt/listings/new');
	await page.getByLabel('Ich biete (Angebot)').check();
	await page.getByLabel('Titel').fill(title);
	await page
		.getByLabel('Beschreibung')
		.fill('Unser Lastenrad steht im Hof und kann geliehen werden.');
	await page.getByLabel('Kategorie').selectOption({ label: 'Garten' });
	await page.getByRole('radio', { name: /^Stunden \(Zeitbank/ }).check();
	await page.getByLabel('Foto (freiwillig)').setInputFiles({
		name: 'lastenrad.jpg',
		mimeType: 'image/jpeg',
		buffer: photo
	});
	await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const path = new URL(page.url()).pathname;
	const src = await page.getByRole('img', { name: `Foto zu „${title}“` }).getAttribute('src');

	const moderator = await personPage(browser, otherIp(clientIp, 1));
	await loggedIn(moderator, MODERATOR);
	await moderator.goto(path);
	await moderator.getByRole('button', { name: 'Freigeben' }).click();
	await expect(moderator.getByText('Freigegeben.').first()).toBeVisible();

	// A messenger's preview fetches the page without an account.
	const visitor = await personPage(browser, otherIp(clientIp, 2));
	await visitor.goto(path);
	const og = async (property: string) =>
		visitor.locator(`meta[property="og:${property}"]`).getAttribute('content');
	expect(await og('title')).toBe(title);
	expect(await og('type')).toBe('article');
	expect(await og('url')).toBe(`${baseURL}${path}`);
	expect(await og('description')).toBe('Angebot (Garten) im Quartier Nordstadt auf Quartiermarkt');
	expect(src).toMatch(/^\/photos\/.+\?size=full$/);
	expect(await og('image')).toBe(`${baseURL}${src}`);
	const image = await visitor.request.get((await og('image'))!);
	expect(image.headers()['content-type']).toMatch(/^image\//);
	await expect(visitor.locator('meta[name="description"]')).toHaveAttribute('content', /Nordstadt/);
	await expectAccessible(visitor);

	for (const [url, heading] of [
		['/', null],
		['/q/nordstadt', 'Marktplatz Nordstadt']
	] as const) {
		await visitor.goto(url);
		if (heading) expect(await og('title')).toBe(heading);
		expect(await og('image')).toBe(`${baseURL}/icons/icon-512.png`);
		expect(await og('url')).toBe(`${baseURL}${url}`);
		expect((await og('description'))!.length).toBeGreaterThan(40);
		await expect(visitor.locator('meta[name="description"]')).toHaveCount(1);
	}
});
