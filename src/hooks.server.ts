import { building } from '$app/env';
import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as m from '$lib/paraglide/messages';
import { cookieName, extractLocaleFromUrl, getLocale, localizeHref } from '$lib/paraglide/runtime';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/sessions';
import {
	FORM_LIMIT,
	MULTIPART_LIMIT,
	isMultipart,
	limitBody,
	tooLargeResponse
} from '$lib/server/body-limit';
import { getDb } from '$lib/server/db';
import { assertStartable, devMail, env } from '$lib/server/env';
import { logger, withLogContext } from '$lib/server/logger.js';
import { SEEN_COOKIE, SEEN_MAX_AGE_S, withSeenMarks } from '$lib/server/logs';
import { newId } from '$lib/server/ids';
import { allowStripeFormRedirects } from '$lib/server/payments/stripe';
import { listingBook } from '$lib/server/services/listing-book';
import { announceSetupLink, publicOrigin } from '$lib/server/services/platform';
import { startMaintenance } from '$lib/server/services/maintenance';

/** Connect (starting the embedded database if configured so) and create the indexes before the
 * first request, so a misconfigured database stops the start with a clear message. */
export const init: ServerInit = async () => {
	// build/start.js refuses a bad production configuration before the server loads; this
	// covers other ways of starting (vite preview, build/handler.js in a custom server).
	if (!building) assertStartable();
	// Background work (jobs, snapshots, a library's own timers) must never end the process: a
	// promise that fails with nobody waiting for it is logged, and the server keeps serving.
	process.on('unhandledRejection', (reason, promise) =>
		logger.error(
			{ err: reason, promise: String(promise) },
			'Background work failed (unhandled rejection); the server keeps serving'
		)
	);
	await getDb();
	// A fresh installation prints its one-time setup link (creates the platform administrator).
	await announceSetupLink(publicOrigin());
	startMaintenance();
	// Read the listings now, not on the first search (seconds at tens of thousands of listings);
	// the server answers meanwhile and a search waits for the same load.
	void listingBook.head().catch((err) => logger.error({ err }, 'Loading the listings failed'));
	logger.info(
		{ origin: env.ORIGIN ?? null, nodeEnv: env.NODE_ENV, devMail: devMail },
		'Quartiermarkt is ready'
	);
};

/** Every request gets an id that every log line written for it carries (logger.js), and one
 * line when it ends: method, path (never the query: it may hold a token), status, duration. */
const requestLog: Handle = async ({ event, resolve }) => {
	const requestId = newId();
	event.locals.requestId = requestId;
	const started = performance.now();
	return withLogContext({ reqId: requestId }, async () => {
		const response = await resolve(event);
		logger.info(
			{
				method: event.request.method,
				// A one-time token (32 base32 letters) in a path is not written to the log.
				path: event.url.pathname.replace(/\/[a-z2-7]{32}(?=\/|$)/g, '/…'),
				status: response.status,
				ms: Math.round(performance.now() - started)
			},
			'request'
		);
		return response;
	});
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const origin = env.ORIGIN ? new URL(env.ORIGIN) : null;

/** Locally (ORIGIN on a loopback name) the other loopback spelling leads to ORIGIN: forms are
 * accepted only from there. */
const loopbackRedirect: Handle = ({ event, resolve }) => {
	const host = event.request.headers.get('host');
	if (
		origin &&
		LOOPBACK.has(origin.hostname) &&
		host &&
		/^(GET|HEAD)$/.test(event.request.method)
	) {
		const requested = URL.parse(`http://${host}`);
		if (
			requested &&
			LOOPBACK.has(requested.hostname) &&
			requested.hostname !== origin.hostname &&
			requested.port === origin.port
		) {
			return new Response(null, {
				status: 308,
				headers: { location: origin.origin + event.url.pathname + event.url.search }
			});
		}
	}
	return resolve(event);
};
const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain'
]);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** SvelteKit's check against cross-site form posts (switched off in kit.config.js, it answers
 * in English only), with the reader's language: a form-like request that changes something is
 * accepted only from the app's own origin (ORIGIN). */
const crossSiteForms: Handle = ({ event, resolve }) => {
	const { request } = event;
	if (MUTATING.has(request.method)) {
		const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
		const from = request.headers.get('origin');
		if ((type === '' || FORM_TYPES.has(type)) && from !== event.url.origin) {
			logger.warn({ from, expected: event.url.origin }, 'Cross-site form post refused');
			return crossSiteRefusal(event.url.origin, request);
		}
	}
	return resolve(event);
};

function crossSiteRefusal(self: string, request: Request): Response {
	const message = m.error_cross_site({ origin: self });
	if (
		request.headers.get('x-sveltekit-action') === 'true' ||
		request.headers.get('accept') === 'application/json'
	) {
		// The shape `use:enhance` applies: it shows the error page with this message.
		return Response.json({ type: 'error', error: { message } }, { status: 403 });
	}
	const title = m.error_title_403();
	const esc = (text: string) =>
		text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
	const html =
		`<!doctype html><html lang="${getLocale()}" data-standalone><head><meta charset="utf-8">` +
		'<meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<title>${esc(title)} · Quartiermarkt</title></head><body><main>` +
		`<h1>${esc(title)}</h1><p>${esc(message)}</p>` +
		`<p><a href="${esc(self)}${esc(localizeHref('/'))}">${esc(m.error_home())}</a></p>` +
		'</main></body></html>';
	return new Response(html, {
		status: 403,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
}

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

/** Refuses oversized bodies in the reader's language (adapter-node's own limit, BODY_SIZE_LIMIT,
 * lies above and answers in English): from the declared length before reading anything, and on
 * the bytes read for a body sent without one (server/body-limit.ts). */
const bodyLimit: Handle = ({ event, resolve }) => {
	// The Stripe webhook sends JSON and keeps its own checks.
	if (event.url.pathname.startsWith('/api/') || !event.request.body) return resolve(event);
	const multipart = isMultipart(event.request);
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > (multipart ? MULTIPART_LIMIT : FORM_LIMIT)) return tooLargeResponse(multipart);
	return resolve({ ...event, request: limitBody(event.request) });
};

const securityHeaders: Handle = async ({ event, resolve }) => {
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
	// /healthz is for monitors: no session, no cookie.
	if (event.url.pathname.startsWith('/photos/') || event.url.pathname === '/healthz')
		return resolve(event);
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
	requestLog,
	loopbackRedirect,
	securityHeaders,
	readYourWrites,
	localeRedirect,
	i18n,
	crossSiteForms,
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
	logger.error(
		{ err: caught.error, errorId, method: event.request.method, path: event.url.pathname },
		'Unexpected error while answering a request'
	);
	return { message: m.error_unexpected({ errorId }), errorId };
};
