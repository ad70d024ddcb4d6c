import { createHash } from 'node:crypto';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// The page the service worker (src/service-worker.ts) shows when a page cannot be loaded: one
// static page per language (/offline, /en/offline), cached when the worker is installed. It is
// plain HTML without the app's layout, so that it holds nothing of the person who was signed in
// when it was cached, and needs no script. Its few styles repeat app.css's colours.
const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;
line-height:1.5;color:#1d1d1b;background:#fffdf8}
header{background:#1f5f4a;color:#fff;padding:.75rem 1rem;font-weight:700;font-size:1.15rem;
display:flex;align-items:center;gap:.5rem}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 1rem}
a{display:inline-block;font-weight:600;padding:.6rem 1.1rem;min-height:44px;box-sizing:border-box;
border-radius:6px;background:#1f5f4a;color:#fff;text-decoration:none}
a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1d1d1b}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

const esc = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const GET: RequestHandler = ({ locals }) => {
	const locale = locals.locale;
	const title = m.offline_title({}, { locale });
	const html =
		`<!doctype html><html lang="${locale}" data-standalone><head><meta charset="utf-8">` +
		'<meta name="viewport" content="width=device-width, initial-scale=1">' +
		'<meta name="theme-color" content="#1f5f4a"><meta name="robots" content="noindex">' +
		`<title>${esc(title)} · Quartiermarkt</title><style>${STYLE}</style></head><body>` +
		'<header><img src="/favicon.svg" alt="" width="28" height="28">Quartiermarkt</header>' +
		`<main><h1>${esc(title)}</h1><p>${esc(m.offline_text({}, { locale }))}</p>` +
		`<p>${esc(m.offline_hint({}, { locale }))}</p>` +
		// An empty href is the page's own address: the page the person asked for, loaded again.
		`<p><a href="">${esc(m.offline_retry({}, { locale }))}</a></p>` +
		'</main></body></html>';
	return new Response(html, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-cache',
			'content-security-policy':
				`default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; ` +
				"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
		}
	});
};
