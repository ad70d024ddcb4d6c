// The service worker: makes Quartiermarkt installable and says so calmly when the network is gone.
//
// What it keeps is only what is the same for everyone: the build's files (scripts, styles), the
// static files (icons, favicon) and the offline page in both languages. Pages, their data
// (__data.json), photos, forms and downloads always go to the network and are never stored, so
// that after a logout nothing of a person's private pages can be served from here. A page that
// cannot be loaded shows the offline page of its language instead.
import { version } from '$app/env';
import { assets, immutable } from '$app/manifest';
import { self } from '$app/service-worker';

const CACHE = `quartiermarkt-${version}`;
const OFFLINE = { de: '/offline', en: '/en/offline' } as const;
// Static files (favicon, icons) and the build's hashed files; robots.txt is for crawlers only.
// Their paths are relative to the app's root ("_app/…", "favicon.svg").
const SHELL = [...immutable, ...assets]
	.map(({ path }) => `/${path.replace(/^\//, '')}`)
	.filter((path) => path !== '/robots.txt');
const CACHED = new Set<string>([...SHELL, OFFLINE.de, OFFLINE.en]);

self.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(SHELL);
			// Without cookies: the offline page must not depend on who was signed in.
			await cache.addAll(
				[OFFLINE.de, OFFLINE.en].map((url) => new Request(url, { credentials: 'omit' }))
			);
			await self.skipWaiting();
		})()
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			// The browser loads a page itself, with its own navigation headers (the server's
			// language redirect answers only a document request), while this worker starts.
			await self.registration.navigationPreload?.enable();
			await self.clients.claim();
		})()
	);
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;

	if (request.mode === 'navigate') {
		// Pages always from the network; only when that fails, the offline page.
		event.respondWith(
			(async () => {
				try {
					return (await event.preloadResponse) ?? (await fetch(request));
				} catch {
					const english = url.pathname === '/en' || url.pathname.startsWith('/en/');
					const offline = await caches.match(english ? OFFLINE.en : OFFLINE.de);
					return offline ?? Response.error();
				}
			})()
		);
		return;
	}

	if (CACHED.has(url.pathname)) {
		// The same bytes for everyone, and (for the build's files) never changed under a name.
		event.respondWith((async () => (await caches.match(url.pathname)) ?? fetch(request))());
	}
	// Everything else is left to the browser, untouched by this worker.
});
