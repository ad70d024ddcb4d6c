// Each exchange's payment events, stored once per Stripe event and folded into the payment state
// whatever order they arrived in (domain/payments/payment-events.ts). Settling the exchange from
// this state is issue 5, part 2: it reads `paymentsOfExchange` (see handlers.ts).
import type Stripe from 'stripe';
import {
	exchangeMoney,
	paymentFact,
	paymentRefs,
	summarizePayments,
	type PaymentEventLike,
	type PaymentSummary
} from '../../domain/payments/payment-events';
import { findPaymentIntent, insertPaymentIntent } from '../repos/payments';
import { appendPaymentEvent, listPaymentEvents } from './logs';

/** The event cannot be placed yet: it names a payment intent no Checkout event has named. It is
 * retried later, by which time the `checkout.session.*` event has usually been processed. */
export class PaymentNotYetKnownError extends Error {
	override name = 'PaymentNotYetKnownError';
}

export async function recordPaymentEvent(
	event: Stripe.Event,
	now: Date
): Promise<{ exchangeId: string; recorded: boolean } | null> {
	const like = event as unknown as PaymentEventLike;
	const fact = paymentFact(like);
	if (!fact) return null;
	const refs = paymentRefs(like);
	let exchangeId = refs.exchangeId;
	let quarterId = refs.quarterId;
	if (exchangeId && refs.paymentIntentId) {
		await insertPaymentIntent({ _id: refs.paymentIntentId, exchangeId, quarterId, at: now });
	}
	if (!exchangeId && refs.paymentIntentId) {
		const link = await findPaymentIntent(refs.paymentIntentId);
		exchangeId = link?.exchangeId ?? null;
		quarterId = link?.quarterId ?? null;
	}
	if (!exchangeId) {
		throw new PaymentNotYetKnownError(
			`${event.type} ${event.id}: no exchange known for payment ${refs.paymentIntentId ?? '?'} yet`
		);
	}
	const recorded = await appendPaymentEvent({
		exchangeId,
		quarterId,
		eventId: event.id,
		type: event.type,
		fact,
		at: now
	});
	return { exchangeId, recorded };
}

export interface ExchangePayments {
	payments: PaymentSummary[];
	paidCents: number;
	refundedCents: number;
	/** More than one: the buyer paid twice (e.g. two tabs); one payment should be refunded. */
	paidPayments: number;
}

export async function paymentsOfExchange(exchangeId: string): Promise<ExchangePayments> {
	const entries = await listPaymentEvents(exchangeId);
	const payments = summarizePayments(entries.map((e) => e.fact));
	const money = exchangeMoney(payments);
	return {
		payments,
		paidCents: money.paidCents,
		refundedCents: money.refundedCents,
		paidPayments: money.payments
	};
}
