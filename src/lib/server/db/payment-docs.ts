// The stored shapes of card payments (server/payments): connected accounts, their status log,
// Stripe's events and what became of them, an exchange's payment events. Split from
// collections.ts, which re-exports them.
import type { AccountStatus } from '../../domain/payments/account-status';
import type { PaymentFact } from '../../domain/payments/payment-events';

/** A member's Stripe connected account, created once: `_id` is the user id, so two "connect"
 * clicks racing on two servers store one mapping (see server/payments/connect.ts). */
export interface ConnectedAccountDoc {
	_id: string;
	stripeAccountId: string;
	/** The quarter the member connected from (also in the account's Stripe metadata). */
	quarterId: string;
	createdAt: Date;
}

/** Who owns a Stripe account; `_id` is the `acct_…` id. Written after the mapping above. */
export interface ConnectedAccountOwnerDoc {
	_id: string;
	userId: string;
}

/** One snapshot of a connected account's status, insert-only: `_id` is `<acct>:<n, 4 digits>`,
 * `source` (event id or `retrieve:…`, unique) makes a replayed event store nothing. */
export interface AccountStatusDoc extends AccountStatus {
	_id: string;
	accountId: string;
	n: number;
	source: string;
	observedAt: Date;
}

/** A verified Stripe webhook event, stored before it is processed; `_id` is Stripe's event id,
 * so a replay stores nothing. The body is kept verbatim (keys in Stripe objects may contain
 * characters FerretDB refuses in field names). */
export interface StripeEventDoc {
	_id: string;
	type: string;
	/** The event's `created` at Stripe. */
	created: Date;
	/** The connected account for Connect events. */
	account: string | null;
	/** From our metadata when the object carries it: whose moderators see it if it is stuck. */
	quarterId: string | null;
	payload: string;
	receivedAt: Date;
}

/** An event not yet processed; `_id` is the event id. Deleted once processed: the retry job reads
 * only these. */
export interface StripeEventPendingDoc {
	_id: string;
	type: string;
	quarterId: string | null;
	receivedAt: Date;
}

/** How processing an event went, insert-only: `_id` is `<eventId>:done` (once) or
 * `<eventId>:fail:<n, 3 digits>` per failed attempt. */
export interface StripeEventOutcomeDoc {
	_id: string;
	eventId: string;
	outcome: 'done' | 'ignored' | 'failed';
	error: string | null;
	at: Date;
}

/** A payment event of one exchange, insert-only: `_id` is `<exchangeId>:<n, 4 digits>`, the
 * Stripe event id is unique. The exchange's payment state is the fold of these facts
 * (domain/payments/payment-events.ts), whatever order they came in. */
export interface PaymentEventDoc {
	_id: string;
	exchangeId: string;
	quarterId: string | null;
	n: number;
	eventId: string;
	type: string;
	fact: PaymentFact;
	at: Date;
}

/** Which exchange a payment intent pays; `_id` is the `pi_…` id. Lets refund and charge events,
 * which may not carry our metadata, find their exchange. */
export interface PaymentIntentDoc {
	_id: string;
	exchangeId: string;
	quarterId: string | null;
	at: Date;
}

/** A Checkout Session opened for an exchange, insert-only: `_id` is `<exchangeId>:<n, 4 digits>`.
 * The newest one still open is handed out again (a second tab, a reload), so one exchange has
 * one open session at a time; it is expired at Stripe when the exchange is paid in cash or
 * cancelled. */
export interface CheckoutSessionDoc {
	_id: string;
	exchangeId: string;
	n: number;
	sessionId: string;
	url: string;
	amountCents: number;
	feeCents: number;
	destination: string;
	expiresAt: Date;
	createdAt: Date;
}
