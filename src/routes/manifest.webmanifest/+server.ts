import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** The colours of src/app.css (--green for the browser's bars, --paper behind the splash). */
const THEME_COLOUR = '#1f5f4a';
const BACKGROUND = '#fffdf8';

/**
 * The web app manifest, in the language of its URL (/manifest.webmanifest, /en/manifest.webmanifest):
 * browsers fetch it without cookies, so the layout links the one of the page's language.
 */
export const GET: RequestHandler = ({ locals }) => {
	const locale = locals.locale;
	const manifest = {
		// One app in both languages: the same id, so switching language installs nothing twice.
		id: '/',
		lang: locale,
		name: m.pwa_name({}, { locale }),
		short_name: 'Quartiermarkt',
		description: m.pwa_description({}, { locale }),
		start_url: localizeHref('/', { locale }),
		scope: '/',
		display: 'standalone',
		theme_color: THEME_COLOUR,
		background_color: BACKGROUND,
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{
				src: '/icons/icon-maskable-512.png',
				sizes: '512x512',
				type: 'image/png',
				purpose: 'maskable'
			}
		]
	};
	return new Response(JSON.stringify(manifest), {
		headers: {
			'content-type': 'application/manifest+json; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
