// The moves of exchanges settled in euros: a card payment (recorded from Stripe's webhook),
// cash or bank transfer confirmed by both sides, and refunds of a card payment.
import {
	SYSTEM,
	isAmountCents,
	paysEuros,
	sideOf,
	type Actor,
	type Exchange,
	type MoveResult
} from './exchange';
import { advance, fail, fromStates, reasonText, refusal } from './rules';

/**
 * Stripe said the card payment for this exchange succeeded (the webhook, never the redirect):
 * a confirmed euro exchange is settled. In any other state the payment is not taken: the
 * service refunds it, and records that with `refund`.
 */
export function cardPaid<E extends Exchange>(
	exchange: E,
	now: Date,
	payment: { amountCents: number; feeCents: number; reference: string }
): MoveResult<E> {
	if (!paysEuros(exchange.settlement)) return fail('wrong_settlement');
	if (!fromStates(exchange, 'cardPaid').includes(exchange.state)) return fail('wrong_state');
	// Someone said it was paid in cash: a card payment now would be paid twice.
	if (exchange.cashPaidBy.length > 0) return fail('wrong_state');
	// The checkout charged what the exchange says, or it is not this exchange's payment.
	if (payment.amountCents !== exchange.amountCents) return fail('invalid_amount');
	if (!Number.isSafeInteger(payment.feeCents) || payment.feeCents < 0) {
		return fail('invalid_amount');
	}
	if (payment.feeCents > payment.amountCents) return fail('invalid_amount');
	return advance(
		exchange,
		{
			by: SYSTEM,
			move: 'cardPaid',
			to: 'settled',
			now,
			amountCents: payment.amountCents,
			feeCents: payment.feeCents,
			reference: payment.reference
		},
		{
			settledMinutes: 0,
			payment: {
				method: 'card',
				amountCents: payment.amountCents,
				feeCents: payment.feeCents,
				reference: payment.reference
			}
		}
	);
}

/**
 * A party says the euros were paid outside the platform (cash or bank transfer). The exchange
 * is settled when both sides have said so, in either order; no fee is taken.
 */
export function cashPaid<E extends Exchange>(exchange: E, actor: Actor, now: Date): MoveResult<E> {
	const refused = refusal(exchange, actor, 'cashPaid');
	if (refused) return fail(refused);
	const side = sideOf(exchange, actor.id)!;
	if (exchange.cashPaidBy.includes(side)) return fail('already_done');
	const cashPaidBy = [...exchange.cashPaidBy, side];
	if (cashPaidBy.length < 2) {
		return advance(
			exchange,
			{ by: actor.id, move: 'cashPaid', to: 'confirmed', now },
			{ cashPaidBy }
		);
	}
	const amountCents = exchange.amountCents ?? 0;
	return advance(
		exchange,
		{ by: actor.id, move: 'cashPaid', to: 'settled', now, amountCents },
		{
			cashPaidBy,
			settledMinutes: 0,
			payment: { method: 'cash', amountCents, feeCents: 0, reference: null }
		}
	);
}

/**
 * Money given back through Stripe: part or all of a card payment (a moderator's decision), or
 * a payment that arrived when the exchange could no longer take it (`late`, the system's). The
 * state does not change; the timeline and `refundedCents` show it.
 */
export function refund<E extends Exchange>(
	exchange: E,
	by: string,
	now: Date,
	request: { amountCents: number; reference: string; reason?: string; late?: boolean; key?: string }
): MoveResult<E> {
	if (!paysEuros(exchange.settlement)) return fail('wrong_settlement');
	// A payment that came when it could not be taken is given back whatever the state; a
	// refund of the exchange's own card payment follows the rule.
	if (!request.late && !fromStates(exchange, 'refund').includes(exchange.state))
		return fail('wrong_state');
	if (!isAmountCents(request.amountCents)) return fail('invalid_amount');
	if (!request.late && request.amountCents > refundableCents(exchange)) {
		return fail('invalid_amount');
	}
	const reason = reasonText(request.reason);
	return advance(
		exchange,
		{
			by,
			move: 'refund',
			to: exchange.state,
			now,
			amountCents: request.amountCents,
			reference: request.reference,
			...(reason !== undefined ? { reason } : {}),
			...(request.key !== undefined ? { key: request.key } : {})
		},
		// A late payment was never part of the exchange: refunding it changes nothing owed.
		request.late ? {} : { refundedCents: exchange.refundedCents + request.amountCents }
	);
}

/** A confirmed euro exchange nobody has said was paid in cash: the receiver may pay by card. */
export function awaitsCardPayment(
	exchange: Pick<Exchange, 'settlement' | 'state' | 'cashPaidBy'>
): boolean {
	return (
		paysEuros(exchange.settlement) &&
		exchange.state === 'confirmed' &&
		exchange.cashPaidBy.length === 0
	);
}

/** What is left of the exchange's card payment to give back (0 without one). */
export function refundableCents(exchange: Pick<Exchange, 'payment' | 'refundedCents'>): number {
	return exchange.payment?.method === 'card'
		? exchange.payment.amountCents - exchange.refundedCents
		: 0;
}
