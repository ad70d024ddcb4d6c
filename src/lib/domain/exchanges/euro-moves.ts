// The moves of exchanges settled in euros: a card payment (recorded from Stripe's webhook),
// cash or bank transfer confirmed by both sides, and refunds of a card payment.
import {
	SYSTEM,
	isAmountCents,
	paysEuros,
	sideOf,
	type Actor,
	type ChargebackStatus,
	type Exchange,
	type MoveResult,
	type RefundState
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

/** A refund as the move asks for it. `observed`: a refund Stripe reports that the app did not
 * record when it was made (made in Stripe's Dashboard, or its answer was lost): Stripe has
 * carried it out, so it is recorded whatever the state and amount left. */
export interface RefundRequest {
	amountCents: number;
	reference: string;
	reason?: string;
	late?: boolean;
	key?: string;
	/** Absent: succeeded. A pending refund counts as given back until Stripe says it failed. */
	status?: 'pending' | 'failed';
	observed?: boolean;
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
	request: RefundRequest
): MoveResult<E> {
	if (!paysEuros(exchange.settlement)) return fail('wrong_settlement');
	if (refundStates(exchange).has(request.reference)) return fail('already_done');
	const checked = !request.late && !request.observed;
	// A payment that came when it could not be taken is given back whatever the state; a
	// refund of the exchange's own card payment follows the rule.
	if (checked && !fromStates(exchange, 'refund').includes(exchange.state))
		return fail('wrong_state');
	if (!isAmountCents(request.amountCents)) return fail('invalid_amount');
	if (checked && request.amountCents > refundableCents(exchange)) {
		return fail('invalid_amount');
	}
	const reason = reasonText(request.reason);
	// A late payment was never part of the exchange, and a failed refund gave nothing back.
	const counts = !request.late && request.status !== 'failed';
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
			...(request.key !== undefined ? { key: request.key } : {}),
			extra: {
				...(request.late ? { late: true } : {}),
				...(request.status ? { refundStatus: request.status } : {})
			}
		},
		counts ? { refundedCents: exchange.refundedCents + request.amountCents } : {}
	);
}

export interface RefundInTimeline {
	amountCents: number;
	late: boolean;
	state: RefundState;
}

/** Each refund in the timeline by Stripe's id, with the state Stripe reported last. */
export function refundStates(exchange: Pick<Exchange, 'timeline'>): Map<string, RefundInTimeline> {
	const refunds = new Map<string, RefundInTimeline>();
	for (const t of exchange.timeline) {
		if (t.move === 'refund' && t.reference) {
			refunds.set(t.reference, {
				amountCents: t.amountCents ?? 0,
				late: t.late === true,
				state: t.refundStatus ?? 'succeeded'
			});
		}
		const known = t.reference ? refunds.get(t.reference) : undefined;
		if (t.move === 'refundStatus' && known && t.refundStatus) known.state = t.refundStatus;
	}
	return refunds;
}

/**
 * Stripe reports a refund's new status: a pending refund succeeded or failed, or (rarely) a
 * succeeded one failed after all. A failed refund no longer counts as given back, so that
 * amount may be refunded again. A failure is final.
 */
export function refundStatus<E extends Exchange>(
	exchange: E,
	now: Date,
	update: { reference: string; status: 'succeeded' | 'failed' }
): MoveResult<E> {
	if (!paysEuros(exchange.settlement)) return fail('wrong_settlement');
	const known = refundStates(exchange).get(update.reference);
	if (!known) return fail('wrong_state');
	if (known.state === update.status) return fail('already_done');
	if (known.state === 'failed') return fail('wrong_state');
	const uncounted = update.status === 'failed' && !known.late;
	return advance(
		exchange,
		{
			by: SYSTEM,
			move: 'refundStatus',
			to: exchange.state,
			now,
			amountCents: known.amountCents,
			reference: update.reference,
			extra: { refundStatus: update.status }
		},
		uncounted ? { refundedCents: exchange.refundedCents - known.amountCents } : {}
	);
}

/**
 * The buyer's bank disputes the card payment (a chargeback), or decides a dispute. Recorded as
 * Stripe reports it, in whatever state the exchange is: with destination charges the platform
 * carries the loss (docs/payments.md), so the quarter management must see it. Each status of a
 * dispute is recorded once; an `open` that arrives after the decision adds nothing.
 */
export function chargeback<E extends Exchange>(
	exchange: E,
	now: Date,
	report: { reference: string; status: ChargebackStatus; amountCents: number; reason?: string }
): MoveResult<E> {
	if (!paysEuros(exchange.settlement)) return fail('wrong_settlement');
	if (!isAmountCents(report.amountCents)) return fail('invalid_amount');
	const seen = exchange.timeline.filter(
		(t) => t.move === 'chargeback' && t.reference === report.reference
	);
	if (seen.some((t) => t.chargebackStatus === report.status)) return fail('already_done');
	if (report.status === 'open' && seen.length > 0) return fail('already_done');
	const reason = reasonText(report.reason);
	return advance(exchange, {
		by: SYSTEM,
		move: 'chargeback',
		to: exchange.state,
		now,
		amountCents: report.amountCents,
		reference: report.reference,
		...(reason !== undefined ? { reason } : {}),
		extra: { chargebackStatus: report.status }
	});
}

/** The card dispute of an exchange whose bank has not decided yet, if any. */
export function openChargeback(
	exchange: Pick<Exchange, 'timeline'>
): { reference: string; amountCents: number } | null {
	const status = new Map<string, { status: ChargebackStatus; amountCents: number }>();
	for (const t of exchange.timeline) {
		if (t.move !== 'chargeback' || !t.reference || !t.chargebackStatus) continue;
		if (t.chargebackStatus !== 'open' || !status.has(t.reference))
			status.set(t.reference, { status: t.chargebackStatus, amountCents: t.amountCents ?? 0 });
	}
	for (const [reference, s] of status) {
		if (s.status === 'open') return { reference, amountCents: s.amountCents };
	}
	return null;
}

/** Stripe's minimum charge in euros: a card payment of less fails at Checkout. */
export const MIN_CARD_AMOUNT_CENTS = 50;

/** Whether an amount in euros can be paid by card at all. */
export function payableByCard(amountCents: number): boolean {
	return amountCents >= MIN_CARD_AMOUNT_CENTS;
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

/** What is left of the exchange's card payment to give back (0 without one). Nothing while
 * the buyer's bank disputes the payment: Stripe refuses refunds of a disputed charge. */
export function refundableCents(
	exchange: Pick<Exchange, 'payment' | 'refundedCents' | 'timeline'>
): number {
	if (exchange.payment?.method !== 'card' || openChargeback(exchange)) return 0;
	return exchange.payment.amountCents - exchange.refundedCents;
}
