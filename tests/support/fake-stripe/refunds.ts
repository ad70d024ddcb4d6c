// Refunds as Stripe makes them: of a payment intent's charge, never more than is left, with the
// transfer reversed and the application fee refunded in proportion when asked (and refused when
// the charge has no fee). A refund may stay pending and later succeed or fail; every change is
// announced (`refund.created`, `charge.refunded`, `refund.updated`, `refund.failed`). Refunds made
// in Stripe's Dashboard carry none of the app's metadata.
import { integer, invalid, need, newId, now, type Obj } from './http';
import type { FakeState } from './state';

export type RefundOutcome = 'succeeded' | 'pending' | 'failed';

export function createRefund(s: FakeState, params: Obj, status: RefundOutcome = 'succeeded'): Obj {
	const piId = need(params, 'payment_intent');
	const pi = s.paymentIntents.get(piId);
	if (!pi) throw invalid(`No such payment_intent: '${piId}'`, 'payment_intent', 'resource_missing');
	const charge = pi.latest_charge ? s.charges.get(pi.latest_charge as string) : undefined;
	if (!charge)
		throw invalid(
			`This PaymentIntent (${piId}) does not have a successful charge to refund.`,
			'payment_intent'
		);
	const disputed = [...s.disputes.values()].some(
		(d) => d.charge === charge.id && d.status !== 'won' && d.status !== 'lost'
	);
	if (disputed)
		throw invalid(
			`Charge ${charge.id as string} has been charged back; cannot issue a refund.`,
			'payment_intent',
			'charge_disputed'
		);
	const left = (charge.amount as number) - (charge.amount_refunded as number);
	const amount = params.amount === undefined ? left : integer(params.amount, 'amount');
	if (amount <= 0 || amount > left)
		throw invalid(
			`Refund amount (€${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (€${(left / 100).toFixed(2)})`,
			'amount',
			left === 0 ? 'charge_already_refunded' : 'amount_too_large'
		);
	const fee = charge.application_fee
		? s.applicationFees.get(charge.application_fee as string)
		: null;
	if (params.refund_application_fee === 'true' && !fee)
		throw invalid(
			`Attempting to refund_application_fee on ${charge.id as string}, but it has no application fee.`,
			'refund_application_fee'
		);
	const id = newId('re');
	const refund: Obj = {
		id,
		object: 'refund',
		amount,
		charge: charge.id,
		created: now(),
		currency: 'eur',
		failure_reason: null,
		metadata: params.metadata ?? {},
		payment_intent: piId,
		reason: params.reason ?? null,
		status: status === 'failed' ? 'pending' : status,
		transfer_reversal: params.reverse_transfer === 'true' ? newId('trr') : null,
		// How much of the application fee this refund gave back (kept for a failure).
		fee_refunded: 0
	};
	if (fee && params.refund_application_fee === 'true') {
		const part = Math.round(((fee.amount as number) * amount) / (charge.amount as number));
		refund.fee_refunded = part;
		fee.amount_refunded = (fee.amount_refunded as number) + part;
		fee.refunded = fee.amount_refunded === fee.amount;
	}
	s.refunds.set(id, refund);
	charge.amount_refunded = (charge.amount_refunded as number) + amount;
	charge.refunded = charge.amount_refunded === charge.amount;
	s.outbox.announce('refund.created', publicRefund(refund));
	s.outbox.announce('charge.refunded', charge);
	if (status === 'failed') settleRefund(s, id, 'failed');
	return publicRefund(refund);
}

/** A pending refund ends: the money reached the buyer, or the bank sent it back (then the
 * charge counts it as not refunded again, and the fee refund is undone). */
export function settleRefund(s: FakeState, refundId: string, to: 'succeeded' | 'failed'): Obj {
	const refund = s.refunds.get(refundId);
	if (!refund) throw new Error(`no refund ${refundId}`);
	if (refund.status !== 'pending')
		throw new Error(`refund ${refundId} is ${String(refund.status)}`);
	refund.status = to;
	if (to === 'failed') {
		refund.failure_reason = 'expired_or_canceled_card';
		const charge = s.charges.get(refund.charge as string)!;
		charge.amount_refunded = (charge.amount_refunded as number) - (refund.amount as number);
		charge.refunded = false;
		const fee = charge.application_fee
			? s.applicationFees.get(charge.application_fee as string)
			: null;
		if (fee) {
			fee.amount_refunded = (fee.amount_refunded as number) - (refund.fee_refunded as number);
			fee.refunded = false;
		}
		s.outbox.announce('refund.failed', publicRefund(refund));
	}
	s.outbox.announce('refund.updated', publicRefund(refund));
	return publicRefund(refund);
}

function publicRefund(refund: Obj): Obj {
	const { fee_refunded: _kept, ...rest } = refund;
	void _kept;
	return structuredClone(rest);
}
