// The state of a payment from the Stripe events seen so far, whatever order they arrived in.
// Stripe does not deliver webhooks in order and retries them for days, so a `charge.refunded`
// may be processed before the `checkout.session.completed` of the same payment. Each event is
// reduced to a fact, and the state is a function of the SET of facts (duplicates and order make
// no difference): "paid" is an OR over the facts that prove a payment, refunds are counted per
// refund id with its most advanced status, cumulative amounts are taken at their maximum.

/** The Stripe event types that say something about a payment. */
export const PAYMENT_EVENT_TYPES = [
	'checkout.session.completed',
	'checkout.session.async_payment_succeeded',
	'checkout.session.async_payment_failed',
	'checkout.session.expired',
	'charge.refunded',
	'charge.refund.updated',
	'refund.created',
	'refund.updated',
	'refund.failed'
] as const;
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

export function isPaymentEventType(type: string): type is PaymentEventType {
	return (PAYMENT_EVENT_TYPES as readonly string[]).includes(type);
}

export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

interface FactBase {
	/** The Stripe event id: a fact is counted once however often its event was stored. */
	eventId: string;
	/** The event's `created`, seconds since 1970 (Stripe's clock). */
	created: number;
	paymentIntentId: string | null;
}

export type PaymentFact =
	| (FactBase & {
			kind: 'checkout';
			sessionId: string;
			status: 'complete' | 'expired';
			paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
			amountCents: number | null;
	  })
	| (FactBase & { kind: 'async'; sessionId: string; succeeded: boolean })
	| (FactBase & { kind: 'charge'; chargeId: string; amountCents: number; refundedCents: number })
	| (FactBase & {
			kind: 'refund';
			refundId: string;
			amountCents: number;
			status: RefundStatus;
			/** Made by this app (our metadata on the refund): a late refund, or asked for by a
			 * moderator; null for a refund made elsewhere (Stripe's Dashboard). */
			app?: { late: boolean; requestedBy: string | null } | null;
			/** The refund's own `created`, seconds. */
			refundCreated?: number;
	  });

/** What the app reads from a payment event; the rest stays in the stored raw event. */
export interface PaymentEventLike {
	id: string;
	type: string;
	created: number;
	data: { object: Record<string, unknown> };
}

export interface PaymentRefs {
	exchangeId: string | null;
	quarterId: string | null;
	paymentIntentId: string | null;
	sessionId: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (Number.isInteger(v) ? (v as number) : null);
/** An id field that may be expanded into an object. */
const idOf = (v: unknown): string | null =>
	str(v) ?? (typeof v === 'object' && v !== null ? str((v as { id?: unknown }).id) : null);
const metadataOf = (o: Record<string, unknown>): Record<string, unknown> =>
	typeof o.metadata === 'object' && o.metadata !== null
		? (o.metadata as Record<string, unknown>)
		: {};

/** The ids a payment event carries: the exchange from our metadata where Stripe copies it. */
export function paymentRefs(event: PaymentEventLike): PaymentRefs {
	const o = event.data.object;
	const meta = metadataOf(o);
	const isSession = event.type.startsWith('checkout.session.');
	return {
		exchangeId: str(meta.exchangeId) ?? (isSession ? str(o.client_reference_id) : null),
		quarterId: str(meta.quarterId),
		paymentIntentId: idOf(o.payment_intent),
		sessionId: isSession ? str(o.id) : null
	};
}

/** The fact an event states, or null when the event is not about a payment (or malformed). */
export function paymentFact(event: PaymentEventLike): PaymentFact | null {
	if (!isPaymentEventType(event.type)) return null;
	const o = event.data.object;
	const base = {
		eventId: event.id,
		created: event.created,
		paymentIntentId: idOf(o.payment_intent)
	};
	const id = str(o.id);
	if (!id) return null;
	switch (event.type) {
		case 'checkout.session.completed':
		case 'checkout.session.expired': {
			const paymentStatus = o.payment_status;
			if (
				paymentStatus !== 'paid' &&
				paymentStatus !== 'unpaid' &&
				paymentStatus !== 'no_payment_required'
			)
				return null;
			return {
				...base,
				kind: 'checkout',
				sessionId: id,
				status: event.type === 'checkout.session.completed' ? 'complete' : 'expired',
				paymentStatus,
				amountCents: int(o.amount_total)
			};
		}
		case 'checkout.session.async_payment_succeeded':
		case 'checkout.session.async_payment_failed':
			return {
				...base,
				kind: 'async',
				sessionId: id,
				succeeded: event.type === 'checkout.session.async_payment_succeeded'
			};
		case 'charge.refunded': {
			const amount = int(o.amount);
			const refunded = int(o.amount_refunded);
			if (amount === null || refunded === null) return null;
			return {
				...base,
				kind: 'charge',
				chargeId: id,
				amountCents: amount,
				refundedCents: refunded
			};
		}
		default: {
			const amount = int(o.amount);
			const status = o.status;
			if (amount === null || !isRefundStatus(status)) return null;
			const meta = metadataOf(o);
			return {
				...base,
				kind: 'refund',
				refundId: id,
				amountCents: amount,
				status,
				app: str(meta.exchangeId)
					? { late: meta.late === 'true', requestedBy: str(meta.requestedBy) }
					: null,
				refundCreated: int(o.created) ?? event.created
			};
		}
	}
}

function isRefundStatus(v: unknown): v is RefundStatus {
	return (
		v === 'pending' ||
		v === 'requires_action' ||
		v === 'succeeded' ||
		v === 'failed' ||
		v === 'canceled'
	);
}

export type PaymentState =
	'open' | 'expired' | 'processing' | 'failed' | 'paid' | 'partially_refunded' | 'refunded';

export interface PaymentSummary {
	/** The payment intent (or, before there is one, the Checkout Session) this is about. */
	key: string;
	state: PaymentState;
	/** The amount paid, when known from any fact; null until then. */
	amountCents: number | null;
	refundedCents: number;
	/** Refunds Stripe has accepted but not finished. */
	pendingRefundCents: number;
}

/** A refund's most advanced status: a final status beats a pending one; among equals the later
 * event wins; ties are broken by the event id so the result never depends on arrival order. */
const REFUND_RANK: Record<RefundStatus, number> = {
	pending: 0,
	requires_action: 0,
	succeeded: 1,
	failed: 2,
	canceled: 2
};

function laterRefund(
	a: Extract<PaymentFact, { kind: 'refund' }>,
	b: Extract<PaymentFact, { kind: 'refund' }>
) {
	if (a.created !== b.created) return a.created > b.created ? a : b;
	if (REFUND_RANK[a.status] !== REFUND_RANK[b.status])
		return REFUND_RANK[a.status] > REFUND_RANK[b.status] ? a : b;
	return a.eventId > b.eventId ? a : b;
}

/** The state of ONE payment (facts sharing a payment intent or session) from a set of facts. */
export function summarizePayment(key: string, facts: readonly PaymentFact[]): PaymentSummary {
	const unique = new Map(facts.map((f) => [f.eventId, f]));
	let complete = false;
	let paid = false;
	let failed = false;
	let expired = false;
	let amount: number | null = null;
	let chargeRefunded = 0;
	const refunds = new Map<string, Extract<PaymentFact, { kind: 'refund' }>>();
	for (const fact of unique.values()) {
		switch (fact.kind) {
			case 'checkout':
				if (fact.status === 'complete') {
					complete = true;
					if (fact.paymentStatus !== 'unpaid') paid = true;
				} else expired = true;
				if (fact.amountCents !== null) amount = Math.max(amount ?? 0, fact.amountCents);
				break;
			case 'async':
				if (fact.succeeded) paid = true;
				else failed = true;
				break;
			case 'charge':
				// A charge that can be refunded was paid.
				paid = true;
				amount = Math.max(amount ?? 0, fact.amountCents);
				chargeRefunded = Math.max(chargeRefunded, fact.refundedCents);
				break;
			case 'refund': {
				const seen = refunds.get(fact.refundId);
				refunds.set(fact.refundId, seen ? laterRefund(seen, fact) : fact);
				break;
			}
		}
	}
	let refundedBySum = 0;
	let pendingRefundCents = 0;
	for (const refund of refunds.values()) {
		if (refund.status === 'succeeded') refundedBySum += refund.amountCents;
		if (refund.status === 'pending' || refund.status === 'requires_action')
			pendingRefundCents += refund.amountCents;
		if (refund.status !== 'failed' && refund.status !== 'canceled') paid = true;
	}
	const refundedCents = Math.max(chargeRefunded, refundedBySum);
	let state: PaymentState;
	if (paid) {
		if (refundedCents > 0 && amount !== null && refundedCents >= amount) state = 'refunded';
		else if (refundedCents > 0) state = 'partially_refunded';
		else state = 'paid';
	} else if (failed) state = 'failed';
	else if (complete) state = 'processing';
	else if (expired) state = 'expired';
	else state = 'open';
	return { key, state, amountCents: amount, refundedCents, pendingRefundCents };
}

/**
 * All payments of one exchange: facts are grouped by payment intent; a session's facts without
 * one (an expired session, or a completed one Stripe sent without it) join the payment intent
 * another fact of the same session names, or stand alone under the session id.
 */
export function summarizePayments(facts: readonly PaymentFact[]): PaymentSummary[] {
	const intentOfSession = new Map<string, string>();
	for (const f of facts) {
		if ((f.kind === 'checkout' || f.kind === 'async') && f.paymentIntentId)
			intentOfSession.set(f.sessionId, f.paymentIntentId);
	}
	const groups = new Map<string, PaymentFact[]>();
	for (const f of facts) {
		const session = f.kind === 'checkout' || f.kind === 'async' ? f.sessionId : null;
		const key = f.paymentIntentId ?? (session ? (intentOfSession.get(session) ?? session) : null);
		if (!key) continue;
		groups.set(key, [...(groups.get(key) ?? []), f]);
	}
	return [...groups.entries()]
		.map(([key, group]) => summarizePayment(key, group))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const SETTLED_STATES: readonly PaymentState[] = ['paid', 'partially_refunded', 'refunded'];

/** Money received for an exchange, net of refunds; `payments > 1` means someone paid twice. */
export function exchangeMoney(summaries: readonly PaymentSummary[]): {
	paidCents: number;
	refundedCents: number;
	payments: number;
} {
	const paid = summaries.filter((s) => SETTLED_STATES.includes(s.state));
	return {
		paidCents: paid.reduce((sum, s) => sum + (s.amountCents ?? 0), 0),
		refundedCents: paid.reduce((sum, s) => sum + s.refundedCents, 0),
		payments: paid.length
	};
}

/** A refund as Stripe last reported it, from all the events about it. */
export interface StripeRefund {
	refundId: string;
	paymentIntentId: string | null;
	amountCents: number;
	/** Most advanced: `requires_action` counts as pending, `canceled` as failed. */
	status: 'pending' | 'succeeded' | 'failed';
	app: { late: boolean; requestedBy: string | null } | null;
	/** Seconds since 1970, when Stripe made it. */
	created: number;
}

/** Every refund the facts name, once each, with its most advanced status, oldest first. */
export function stripeRefunds(facts: readonly PaymentFact[]): StripeRefund[] {
	const latest = new Map<string, Extract<PaymentFact, { kind: 'refund' }>>();
	const app = new Map<string, StripeRefund['app']>();
	for (const fact of facts) {
		if (fact.kind !== 'refund') continue;
		const seen = latest.get(fact.refundId);
		latest.set(fact.refundId, seen ? laterRefund(seen, fact) : fact);
		if (fact.app) app.set(fact.refundId, fact.app);
	}
	return [...latest.values()]
		.map((f) => ({
			refundId: f.refundId,
			paymentIntentId: f.paymentIntentId,
			amountCents: f.amountCents,
			status:
				f.status === 'succeeded'
					? ('succeeded' as const)
					: f.status === 'failed' || f.status === 'canceled'
						? ('failed' as const)
						: ('pending' as const),
			app: app.get(f.refundId) ?? null,
			created: f.refundCreated ?? f.created
		}))
		.sort((a, b) => a.created - b.created || (a.refundId < b.refundId ? -1 : 1));
}
