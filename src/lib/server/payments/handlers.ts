// What each Stripe webhook event does. One entry per event type; types not listed are stored
// and marked "ignored". A handler may run more than once for the same event (a replay after a
// crash, the retry job racing a late delivery), so every effect is an insert under a unique key.
// A handler that throws leaves the event pending: the retry job tries again later.
import type Stripe from 'stripe';
import { accountStatusFrom, type AccountLike } from '../../domain/payments/account-status';
import { PAYMENT_EVENT_TYPES } from '../../domain/payments/payment-events';
import { findAccountOwner, findConnectedAccount } from '../repos/payments';
import { recordCardPayment } from '../services/exchanges';
import { appendAccountStatus } from './logs';
import { recordPaymentEvent } from './payment-log';

export type HandlerOutcome = 'done' | 'ignored';
export type WebhookHandler = (event: Stripe.Event, now: Date) => Promise<HandlerOutcome>;

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
	if (!result) return 'ignored';
	const paid =
		(event.type === 'checkout.session.completed' &&
			(event.data.object as Stripe.Checkout.Session).payment_status === 'paid') ||
		event.type === 'checkout.session.async_payment_succeeded';
	if (paid) {
		const session = event.data.object as Stripe.Checkout.Session;
		const intent = session.payment_intent;
		const paymentIntentId = typeof intent === 'string' ? intent : (intent?.id ?? null);
		const fee = Number(session.metadata?.platformFeeCents ?? '0');
		if (paymentIntentId && session.amount_total !== null) {
			await recordCardPayment(
				result.exchangeId,
				{
					paymentIntentId,
					amountCents: session.amount_total,
					feeCents: Number.isSafeInteger(fee) ? fee : 0
				},
				now
			);
		}
	}
	return 'done';
}

export const WEBHOOK_HANDLERS: Readonly<Record<string, WebhookHandler>> = {
	'account.updated': accountUpdated,
	...Object.fromEntries(PAYMENT_EVENT_TYPES.map((type) => [type, paymentEvent]))
};
