// What each Stripe webhook event does. One entry per event type; types not listed are stored
// and marked "ignored". A handler may run more than once for the same event (a replay after a
// crash, the retry job racing a late delivery), so every effect is an insert under a unique key.
// A handler that throws leaves the event pending: the retry job tries again later.
import type Stripe from 'stripe';
import { accountStatusFrom, type AccountLike } from '../../domain/payments/account-status';
import { PAYMENT_EVENT_TYPES } from '../../domain/payments/payment-events';
import { findAccountOwner, findConnectedAccount, findPaymentIntent } from '../repos/payments';
import { reconcileRefunds, recordCardPayment, recordChargeback } from '../services/exchanges';
import { appendAccountStatus } from './logs';
import { PaymentNotYetKnownError, recordPaymentEvent } from './payment-log';

export type HandlerOutcome = 'done' | 'ignored';
export type WebhookHandler = (event: Stripe.Event, now: Date) => Promise<HandlerOutcome>;

/**
 * The event cannot be applied and waiting will not help by itself: a paid session for an
 * exchange the app does not know, an event without the fields its handling needs. It stays
 * pending (retried at the longest intervals) and is shown to the platform's admins at once
 * (/admin/payments), never marked done: the money it is about needs a person.
 */
export class UnappliableEventError extends Error {
	override name = 'UnappliableEventError';
}

/** The account was created by this app moments ago and its mapping is not stored yet. */
export class AccountNotYetKnownError extends Error {
	override name = 'AccountNotYetKnownError';
}

/** `account.updated`: keep the connected account's status as Stripe reports it. */
async function accountUpdated(event: Stripe.Event, _now: Date): Promise<HandlerOutcome> {
	const account = event.data.object as unknown as AccountLike & {
		id: string;
		metadata?: Record<string, string>;
	};
	const userId = account.metadata?.userId ?? (await findAccountOwner(account.id));
	// Not an account this app created (the platform may have others): nothing to keep.
	if (!userId) return 'ignored';
	const mapping = await findConnectedAccount(userId);
	if (!mapping)
		throw new AccountNotYetKnownError(`account ${account.id} of ${userId} not stored yet`);
	// A second account Stripe made for the same person (lost race past the idempotency window).
	if (mapping.stripeAccountId !== account.id) return 'ignored';
	await appendAccountStatus(account.id, {
		...accountStatusFrom(account),
		observedAt: event.created * 1000,
		source: event.id
	});
	return 'done';
}

/**
 * Payment events are recorded in their exchange's payment log (any order, once each). A
 * Checkout that says the money arrived settles the exchange, or has the payment refunded when the
 * exchange cannot take it (services/exchanges/card-payments.ts, `recordCardPayment`); running
 * this again for the same event changes nothing.
 */
async function paymentEvent(event: Stripe.Event, now: Date): Promise<HandlerOutcome> {
	const result = await recordPaymentEvent(event, now);
	if (!result) {
		throw new UnappliableEventError(
			`${event.type} ${event.id}: not a payment event the app can read`
		);
	}
	const paid =
		(event.type === 'checkout.session.completed' &&
			(event.data.object as Stripe.Checkout.Session).payment_status === 'paid') ||
		event.type === 'checkout.session.async_payment_succeeded';
	if (paid) {
		const session = event.data.object as Stripe.Checkout.Session;
		const intent = session.payment_intent;
		const paymentIntentId = typeof intent === 'string' ? intent : (intent?.id ?? null);
		const fee = Number(session.metadata?.platformFeeCents ?? '0');
		if (!paymentIntentId || session.amount_total === null) {
			throw new UnappliableEventError(
				`${event.type} ${event.id}: paid session ${session.id} without payment intent or amount`
			);
		}
		const recorded = await recordCardPayment(
			result.exchangeId,
			{
				paymentIntentId,
				amountCents: session.amount_total,
				feeCents: Number.isSafeInteger(fee) ? fee : 0
			},
			now
		);
		if (recorded === 'not_found') {
			throw new UnappliableEventError(
				`${event.type} ${event.id}: ${session.amount_total} ct paid (${paymentIntentId}) for exchange ${result.exchangeId}, which this app does not know`
			);
		}
	}
	// A refund Stripe reports is shown on the exchange once, with its status.
	if (
		REFUND_EVENTS.includes(event.type) &&
		(await reconcileRefunds(result.exchangeId, now)) === 'not_found'
	) {
		throw new UnappliableEventError(
			`${event.type} ${event.id}: refund for exchange ${result.exchangeId}, which this app does not know`
		);
	}
	return 'done';
}

const REFUND_EVENTS: readonly string[] = [
	'charge.refunded',
	'charge.refund.updated',
	'refund.created',
	'refund.updated',
	'refund.failed'
];

/**
 * `charge.dispute.created` / `charge.dispute.closed`: the buyer's bank claims the money back,
 * and later decides. Recorded on the exchange whose payment intent it names (the platform
 * carries the loss with destination charges: docs/payments.md).
 */
async function disputeEvent(event: Stripe.Event, now: Date): Promise<HandlerOutcome> {
	const dispute = event.data.object as Stripe.Dispute;
	const intent = dispute.payment_intent;
	const paymentIntentId = typeof intent === 'string' ? intent : (intent?.id ?? null);
	if (!paymentIntentId || !Number.isSafeInteger(dispute.amount) || dispute.amount <= 0) {
		throw new UnappliableEventError(`${event.type} ${event.id}: dispute without payment or amount`);
	}
	const link = await findPaymentIntent(paymentIntentId);
	if (!link) {
		throw new PaymentNotYetKnownError(
			`${event.type} ${event.id}: no exchange known for payment ${paymentIntentId} yet`
		);
	}
	const status =
		event.type === 'charge.dispute.created' ? 'open' : dispute.status === 'lost' ? 'lost' : 'won';
	await recordChargeback(
		link.exchangeId,
		{ reference: dispute.id, status, amountCents: dispute.amount, reason: dispute.reason },
		now
	);
	return 'done';
}

export const WEBHOOK_HANDLERS: Readonly<Record<string, WebhookHandler>> = {
	'account.updated': accountUpdated,
	'charge.dispute.created': disputeEvent,
	'charge.dispute.closed': disputeEvent,
	...Object.fromEntries(PAYMENT_EVENT_TYPES.map((type) => [type, paymentEvent]))
};
