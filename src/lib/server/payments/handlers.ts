// What each Stripe webhook event does. One entry per event type; types not listed are stored
// and marked "ignored". A handler may run more than once for the same event (a replay after a
// crash, the retry job racing a late delivery), so every effect is an insert under a unique key.
// A handler that throws leaves the event pending: the retry job tries again later.
import type Stripe from 'stripe';
import { accountStatusFrom, type AccountLike } from '../../domain/payments/account-status';
import { PAYMENT_EVENT_TYPES } from '../../domain/payments/payment-events';
import { appendAccountStatus, findAccountOwner, findConnectedAccount } from '../repos/payments';
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

/** Payment events are recorded in their exchange's payment log. Issue 5, part 2 settles the
 * exchange here: after recording, fold `paymentsOfExchange(exchangeId)` and move the exchange
 * (its settlement record under a unique key makes a second settlement impossible). */
async function paymentEvent(event: Stripe.Event, now: Date): Promise<HandlerOutcome> {
	const result = await recordPaymentEvent(event, now);
	return result ? 'done' : 'ignored';
}

export const WEBHOOK_HANDLERS: Readonly<Record<string, WebhookHandler>> = {
	'account.updated': accountUpdated,
	...Object.fromEntries(PAYMENT_EVENT_TYPES.map((type) => [type, paymentEvent]))
};
