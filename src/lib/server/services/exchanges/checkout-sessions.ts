// The stored Checkout Sessions of an exchange that are still open, and expiring them at Stripe
// once the exchange no longer waits for a card payment. Apart from checkout.ts so that the
// moves (cash, cancel) can call it without depending on the paying side.
import { listCheckoutSessions, listPaymentEvents } from '../../payments/logs';
import { expireCheckoutSession } from '../../payments/stripe';
import { logger } from '../../logger.js';

/** Sessions that completed or expired, from the exchange's payment events. */
export async function closedSessions(exchangeId: string): Promise<Set<string>> {
	const closed = new Set<string>();
	for (const e of await listPaymentEvents(exchangeId)) {
		if (e.fact.kind === 'checkout' || e.fact.kind === 'async') closed.add(e.fact.sessionId);
	}
	return closed;
}

/**
 * Expires the exchange's open sessions at Stripe once it no longer waits for a card payment
 * (paid in cash, cancelled, disputed): a page left open cannot pay it any more. A payment that
 * gets through anyway is refunded by `recordCardPayment`, so a failure here is only logged.
 */
export async function closeCheckouts(exchangeId: string, now = new Date()): Promise<number> {
	const sessions = await listCheckoutSessions(exchangeId);
	if (sessions.length === 0) return 0;
	const closed = await closedSessions(exchangeId);
	let expired = 0;
	for (const s of sessions) {
		if (closed.has(s.sessionId) || s.expiresAt.getTime() <= now.getTime()) continue;
		try {
			if ((await expireCheckoutSession(s.sessionId)) === 'expired') expired++;
		} catch (err) {
			logger.warn({ err }, `Checkout Session ${s.sessionId} of ${exchangeId} not expired`);
		}
	}
	return expired;
}
