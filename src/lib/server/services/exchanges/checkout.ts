// Paying a euro exchange by card through Stripe Checkout: one open session per exchange, handed
// out again while it is open (a second tab, a reload, another language), none while a payment
// is processing, and open ones expired when the exchange is paid in cash or cancelled.
import type { ExchangeProblem } from '../../../domain/exchanges/problems';
import { awaitsCardPayment, paysEuros, sideOf } from '../../../domain/exchanges/workflow';
import { isActiveMember } from '../../../domain/members/roles';
import type { PaymentSummary } from '../../../domain/payments/payment-events';
import type { Locale } from '../../../domain/locale';
import { localizeUrl } from '../../../paraglide/runtime';
import { appendCheckoutSession, listCheckoutSessions } from '../../payments/logs';
import { paymentsOfExchange } from '../../payments/payment-log';
import { createCheckoutSession, isIdempotencyConflict } from '../../payments/stripe';
import { findMembership } from '../../repos/memberships';
import type { CheckoutSessionEntry } from '../../repos/payments';
import { offerOf, type CardProblem } from './card-payments';
import { closedSessions } from './checkout-sessions';
import type { ExchangeContext } from './context';
import { loadExchange } from './read-model';

/** How long a Checkout Session stays open: long enough to pay, short enough that a stale page
 * cannot pay an exchange that has moved on (Stripe's default is 24 hours). */
export const CHECKOUT_OPEN_MS = 60 * 60 * 1000;
/** A session closer to its end than this is not handed out again: the buyer needs time. */
const REUSE_MARGIN_MS = 10 * 60 * 1000;

/** Where the card payment of an exchange is, from Stripe's events: `processing` while a slow
 * method's money is on its way (no second payment then), `failed` when the last one failed. */
export type CardPaymentState = 'processing' | 'failed' | null;

export function cardPaymentStateOf(payments: readonly PaymentSummary[]): CardPaymentState {
	if (payments.some((p) => p.state === 'processing' || p.state === 'paid')) return 'processing';
	return payments.some((p) => p.state === 'failed') ? 'failed' : null;
}

/** The card payment state of an exchange that still waits for its money (null otherwise). */
export async function cardPaymentState(
	ctx: ExchangeContext,
	exchangeId: string
): Promise<CardPaymentState> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded || !awaitsCardPayment(loaded.record.exchange)) return null;
	return cardPaymentStateOf((await paymentsOfExchange(exchangeId)).payments);
}

/**
 * The receiver pays a confirmed euro exchange by card: a Checkout Session as a destination
 * charge to the provider's connected account, with the quarter's platform fee. The exchange is
 * settled only when Stripe's webhook reports the payment (`recordCardPayment`), never on the
 * way back from Stripe. An open session of the same terms is handed out again.
 */
export async function startCardPayment(
	ctx: ExchangeContext,
	actorId: string,
	exchangeId: string,
	context: { origin: string; locale: Locale },
	now = new Date()
): Promise<{ ok: true; url: string } | { ok: false; problem: ExchangeProblem | CardProblem }> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded) return { ok: false, problem: 'not_found' };
	const e = loaded.record.exchange;
	const side = sideOf(e, actorId);
	if (!side) return { ok: false, problem: 'not_found' };
	if (!isActiveMember(await findMembership(loaded.quarterId, actorId))) {
		return { ok: false, problem: 'not_member' };
	}
	if (!paysEuros(e.settlement) || e.amountCents === null) {
		return { ok: false, problem: 'wrong_settlement' };
	}
	if (side !== 'receiver') return { ok: false, problem: 'wrong_side' };
	if (!awaitsCardPayment(e)) return { ok: false, problem: 'wrong_state' };
	// A slow payment on its way (or one whose webhook is being processed): no second one.
	if (cardPaymentStateOf((await paymentsOfExchange(exchangeId)).payments) === 'processing') {
		return { ok: false, problem: 'payment_processing' };
	}
	const offered = await offerOf(loaded);
	if (!offered) return { ok: false, problem: 'not_configured' };
	const { offer, sellerAccountId } = offered;
	if (offer.card !== 'available') return { ok: false, problem: offer.card };

	const sessions = await listCheckoutSessions(exchangeId);
	const closed = await closedSessions(exchangeId);
	const open = sessions.findLast(
		(s) =>
			!closed.has(s.sessionId) &&
			s.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS &&
			s.amountCents === e.amountCents &&
			s.feeCents === offer.platformFeeCents &&
			s.destination === sellerAccountId
	);
	if (open) return { ok: true, url: open.url };

	const n = (sessions.at(-1)?.n ?? 0) + 1;
	const path = localizeUrl(new URL(`/exchanges/${exchangeId}`, context.origin), {
		locale: context.locale
	}).href;
	let session: Awaited<ReturnType<typeof createCheckoutSession>>;
	try {
		session = await createCheckoutSession({
			exchangeId,
			quarterId: loaded.quarterId,
			description: e.title,
			amountCents: e.amountCents,
			platformFeeCents: offer.platformFeeCents,
			destinationAccountId: sellerAccountId!,
			successUrl: `${path}?paid=1`,
			cancelUrl: `${path}?paid=0`,
			locale: context.locale,
			expiresAt: new Date(now.getTime() + CHECKOUT_OPEN_MS),
			// One key per session number: a double click, a second tab or a second server opening
			// session n at once get one session at Stripe.
			idempotencyKey: `checkout:${exchangeId}:s${n}`
		});
	} catch (err) {
		// Another tab (in another language: other parameters) is opening session n right now:
		// its session, once stored, is this one's answer too.
		if (!isIdempotencyConflict(err)) throw err;
		const theirs = await waitForSession(exchangeId, n);
		if (!theirs) throw err;
		return { ok: true, url: theirs.url };
	}
	const stored = await appendCheckoutSession({
		exchangeId,
		n,
		sessionId: session.id,
		url: session.url,
		amountCents: e.amountCents,
		feeCents: offer.platformFeeCents,
		destination: sellerAccountId!,
		expiresAt: session.expiresAt,
		createdAt: now
	});
	return { ok: true, url: stored.entry.url };
}

async function waitForSession(exchangeId: string, n: number): Promise<CheckoutSessionEntry | null> {
	for (let i = 0; i < 25; i++) {
		const found = (await listCheckoutSessions(exchangeId)).find((s) => s.n === n);
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return null;
}
