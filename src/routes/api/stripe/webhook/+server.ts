// Stripe's webhook endpoint. Stripe posts JSON (not a form), so SvelteKit's CSRF origin check,
// which covers form content types only, does not apply; no session is involved (hooks.server.ts
// sets `locals.user` to null without a cookie). The signature over the raw body is the only
// authentication: nothing is stored before it is checked.
import { json } from '@sveltejs/kit';
import { paymentsEnabled } from '$lib/server/payments/stripe';
import { receiveWebhook } from '$lib/server/payments/webhooks';
import type { RequestHandler } from './$types';
import { logger } from '$lib/server/logger.js';

/** Stripe's events are a few kilobytes; anything this large is not one. */
const MAX_BODY = 512 * 1024;

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
	new Response(message, { status, headers: { 'content-type': 'text/plain', ...headers } });

export const POST: RequestHandler = async ({ request }) => {
	if (!paymentsEnabled()) return plain(404, 'Card payments are not set up here.');
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY)
		return plain(413, 'Too large for a Stripe event.');
	const rawBody = await request.text();
	if (rawBody.length > MAX_BODY) return plain(413, 'Too large for a Stripe event.');
	let result;
	try {
		result = await receiveWebhook(rawBody, request.headers.get('stripe-signature'), new Date());
	} catch (err) {
		// The event could not be stored or its outcome not recorded: Stripe delivers it again.
		logger.error({ err }, 'Storing a Stripe event failed');
		return plain(503, 'Temporarily unavailable, please retry.', { 'retry-after': '60' });
	}
	if (result.kind === 'bad_signature') return plain(400, 'Invalid signature.');
	return json({ received: true, event: result.eventId, outcome: result.outcome });
};
