import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as m from '$lib/paraglide/messages';
import { cookieName, extractLocaleFromUrl, localizeHref } from '$lib/paraglide/runtime';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/sessions';
import { getDb } from '$lib/server/db';
import { env } from '$lib/server/env';
import { SEEN_COOKIE, SEEN_MAX_AGE_S, withSeenMarks } from '$lib/server/logs';
import { newId } from '$lib/server/ids';
import { allowStripeFormRedirects } from '$lib/server/payments/stripe';
import { listingBook } from '$lib/server/services/listing-book';
import { announceSetupLink, publicOrigin } from '$lib/server/services/platform';
import { startMaintenance } from '$lib/server/services/maintenance';

/** Connect (starting the embedded database if configured so) and create the indexes before the
 * first request, so a misconfigured database stops the start with a clear message. */
export const init: ServerInit = async () => {
	// Background work (jobs, snapshots, a library's own timers) must never end the process: a
	// promise that fails with nobody waiting for it is logged, and the server keeps serving.
	process.on('unhandledRejection', (reason) =>
		console.error('Background work failed (unhandled rejection):', reason)
	);
	await getDb();
	// A fresh installation prints its one-time setup link (creates the platform administrator).
	await announceSetupLink(publicOrigin());
	startMaintenance();
	// Read the listings now, not on the first search (seconds at tens of thousands of listings);
	// the server answers meanwhile and a search waits for the same load.
	void listingBook.head().catch((err) => console.error('Loading the listings failed:', err));
};

/** Locale from the URL (an /en/ prefix), then the language cookie, then German. An unprefixed
 * page request from someone who chose English is sent to the English URL. */
const localeRedirect: Handle = ({ event, resolve }) => {
	const { pathname, search } = event.url;
	if (
		event.request.method === 'GET' &&
		event.request.headers.get('sec-fetch-dest') === 'document' &&
		extractLocaleFromUrl(event.url) !== 'en' &&
		!pathname.startsWith('/api/') &&
		event.cookies.get(cookieName) === 'en'
	) {
		return new Response(null, {
			status: 307,
			headers: { location: localizeHref(pathname + search, { locale: 'en' }) }
		});
	}
	return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.locals.locale = locale;
		// SvelteKit 3 makes event.request read-only: the rest of the chain gets Paraglide's request.
		return resolve(
			{ ...event, request },
			{
				transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
			}
		);
	});

/** Form posts with a photo may carry 8 MB plus the form; everything else is small. */
const MULTIPART_LIMIT = 9 * 1024 * 1024;
const FORM_LIMIT = 256 * 1024;

/** Refuses oversized bodies from their declared length, before reading them, in the reader's
 * language (adapter-node's own limit, BODY_SIZE_LIMIT, lies above and answers in English). */
const bodyLimit: Handle = ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > 0) {
		const multipart = (event.request.headers.get('content-type') ?? '').startsWith(
			'multipart/form-data'
		);
		const limit = multipart ? MULTIPART_LIMIT : FORM_LIMIT;
		// The Stripe webhook sends JSON and keeps its own checks.
		if (length > limit && !event.url.pathname.startsWith('/api/')) {
			return new Response(multipart ? m.error_upload_too_large() : m.error_body_too_large(), {
				status: 413,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	event.locals.requestId = newId();
	const response = await resolve(event);
	// The CSP itself (with frame-ancestors 'none') comes from csp in kit.config.js, which
	// hashes SvelteKit's inline scripts; these complete it.
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), payment=()'
	);
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	const csp = response.headers.get('Content-Security-Policy');
	if (csp) response.headers.set('Content-Security-Policy', allowStripeFormRedirects(csp));
	else {
		response.headers.set(
			'Content-Security-Policy',
			"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
		);
	}
	return response;
};

/** Read-your-writes behind a balancer (server/logs/read-your-writes.ts): log entries this
 * person's requests appended ride along in a short cookie, so any server reads up to them. */
const readYourWrites: Handle = async ({ event, resolve }) => {
	const { result: response, cookie } = await withSeenMarks(
		event.cookies.get(SEEN_COOKIE),
		async () => resolve(event)
	);
	if (cookie !== null) {
		response.headers.append(
			'set-cookie',
			event.cookies.serialize(SEEN_COOKIE, cookie, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: env.production,
				maxAge: SEEN_MAX_AGE_S
			})
		);
	}
	return response;
};

const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	// Photos are public and cached by shared caches: their responses must never carry a
	// refreshed session cookie, so the session is not even looked at.
	if (event.url.pathname.startsWith('/photos/')) return resolve(event);
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = /^[a-z2-7]{32}$/.test(token)
			? await validateSessionToken(token, new Date())
			: null;
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			setSessionCookie(event.cookies, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

export const handle = sequence(
	securityHeaders,
	readYourWrites,
	localeRedirect,
	i18n,
	bodyLimit,
	auth
);

export const handleError: HandleServerError = (caught) => {
	// SvelteKit 3 passes every error here, expected ones (`error(404)`, an unknown route) too:
	// those keep their status and message, only a not-found reads the same everywhere.
	if (caught.kind !== 'unknown') {
		return caught.error.status === 404 ? { message: m.error_not_found() } : undefined;
	}
	const { event } = caught;
	const errorId = event.locals.requestId ?? newId();
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, caught.error);
	return { message: m.error_unexpected({ errorId }), errorId };
};
