// The exchange (Tausch) workflow: which move leads from which state to which, who may make it,
// and what the timeline records. Pure: time is passed in and nothing is stored or sent from
// here. The repository saves the returned value only if the stored exchange is still the one the
// move started from, and the ledger service performs `settle` (the one move that books hours).
//
//   proposed ─accept→ accepted ─markDone→ done ─confirm→ confirmed ─settle→ settled
//   proposed ─decline→ declined                done ─autoSettle (when due)→ settled
//   proposed, accepted ─cancel→ cancelled      done ─dispute, or confirm with other minutes→ disputed
//   disputed ─moderatorSettle→ settled         disputed ─moderatorCancel→ cancelled
//
// Exchanges settled in euros (issue 5) end differently: `confirmed` waits for the money, not for
// the ledger. A card payment (`cardPaid`, recorded by the system when Stripe's webhook says it
// succeeded) or both sides saying it was paid in cash or by bank transfer (`cashPaid`, once each)
// settle them; a refund (`refund`) is recorded on a card-paid exchange without changing its state.
//
//   confirmed ─cardPaid→ settled               confirmed ─cashPaid (the second side)→ settled

export * from './exchange';
export * from './euro-moves';
export { allowedMoves, movesToOffer, turnFor, whoMayAct, type Who } from './rules';
import { isExchangeMinutes } from './minutes';
import {
	DEFAULT_AUTO_SETTLE_AFTER_DAYS,
	SYSTEM,
	isAmountCents,
	otherSide,
	partyId,
	paysEuros,
	sideOf,
	transfersHours,
	type Actor,
	type Exchange,
	type ExchangeState,
	type ModeratorMove,
	type Move,
	type MoveResult,
	type SettlementKind,
	type Side,
	type TimelineEvent
} from './exchange';
import {
	advance,
	fail,
	fromStates,
	minutesFit,
	reasonText,
	refusal,
	settledMinutesFor,
	turnFor
} from './rules';

const DAY = 24 * 60 * 60 * 1000;

export interface ExchangeDraft {
	providerId: string;
	receiverId: string;
	listingId?: string | null;
	title: string;
	date?: Date | null;
	minutes: number;
	settlement: SettlementKind;
	/** Required (1 cent to 10,000 €) when settled in euros; ignored otherwise. */
	amountCents?: number | null;
}

/** A new exchange, proposed by `proposer`, who must be its provider or its receiver. */
export function propose(draft: ExchangeDraft, proposer: Actor, now: Date): MoveResult<Exchange> {
	if (draft.providerId === draft.receiverId) return fail('same_member');
	const proposedBy: Side | null =
		proposer.id === draft.providerId
			? 'provider'
			: proposer.id === draft.receiverId
				? 'receiver'
				: null;
	if (!proposedBy) return fail('not_a_party');
	const title = draft.title.trim();
	if (!title) return fail('title_required');
	const date = draft.date ?? null;
	if (date && Number.isNaN(date.getTime())) return fail('invalid_date');
	if (!minutesFit(draft.minutes, draft.settlement)) return fail('invalid_minutes');
	const euros = paysEuros(draft.settlement);
	if (euros && !isAmountCents(draft.amountCents)) return fail('invalid_amount');
	const amountCents = euros ? (draft.amountCents as number) : null;

	const event: TimelineEvent = {
		at: new Date(now.getTime()),
		by: proposer.id,
		move: 'propose',
		fromState: null,
		toState: 'proposed',
		minutes: draft.minutes,
		...(amountCents !== null ? { amountCents } : {})
	};
	const exchange: Exchange = {
		providerId: draft.providerId,
		receiverId: draft.receiverId,
		proposedBy,
		listingId: draft.listingId ?? null,
		title,
		date: date && new Date(date.getTime()),
		minutes: draft.minutes,
		settlement: draft.settlement,
		amountCents,
		state: 'proposed',
		turn: turnFor('proposed', proposedBy),
		doneAt: null,
		receiverMinutes: null,
		settledMinutes: null,
		payment: null,
		cashPaidBy: [],
		refundedCents: 0,
		timeline: [event]
	};
	return { ok: true, exchange, event };
}

/** A party's move that ends or stops the exchange and may say why (decline, cancel, dispute). */
function reasonedPartyMove<E extends Exchange>(
	exchange: E,
	actor: Actor,
	now: Date,
	move: 'decline' | 'cancel' | 'dispute',
	to: ExchangeState,
	reason: string | undefined
): MoveResult<E> {
	const refused = refusal(exchange, actor, move);
	if (refused) return fail(refused);
	return advance(exchange, { by: actor.id, move, to, now, reason: reasonText(reason) });
}

export function accept<E extends Exchange>(exchange: E, actor: Actor, now: Date): MoveResult<E> {
	const refused = refusal(exchange, actor, 'accept');
	if (refused) return fail(refused);
	return advance(exchange, { by: actor.id, move: 'accept', to: 'accepted', now });
}

export function decline<E extends Exchange>(
	exchange: E,
	actor: Actor,
	now: Date,
	reason?: string
): MoveResult<E> {
	return reasonedPartyMove(exchange, actor, now, 'decline', 'declined', reason);
}

/** Either party, before the help is marked done; the proposer withdrawing is a cancel too. */
export function cancel<E extends Exchange>(
	exchange: E,
	actor: Actor,
	now: Date,
	reason?: string
): MoveResult<E> {
	return reasonedPartyMove(exchange, actor, now, 'cancel', 'cancelled', reason);
}

export function markDone<E extends Exchange>(exchange: E, actor: Actor, now: Date): MoveResult<E> {
	const refused = refusal(exchange, actor, 'markDone');
	if (refused) return fail(refused);
	return advance(
		exchange,
		{ by: actor.id, move: 'markDone', to: 'done', now },
		{ doneAt: new Date(now.getTime()) }
	);
}

/**
 * The receiver confirms the hours. The proposed minutes (the default) make it `confirmed`, ready
 * for `settle`; other minutes mean the two disagree, so it goes to the quarter management as
 * `disputed`. The same rule holds for free help, where the minutes are only a record.
 */
export function confirm<E extends Exchange>(
	exchange: E,
	actor: Actor,
	now: Date,
	minutes: number = exchange.minutes
): MoveResult<E> {
	const refused = refusal(exchange, actor, 'confirm');
	if (refused) return fail(refused);
	// 0 is a valid claim here ("it took no time"): it disputes, it is never booked.
	if (!isExchangeMinutes(minutes)) return fail('invalid_minutes');
	const to = minutes === exchange.minutes ? 'confirmed' : 'disputed';
	return advance(
		exchange,
		{ by: actor.id, move: 'confirm', to, now, minutes },
		{ receiverMinutes: minutes }
	);
}

/** Either party in `done`, e.g. the receiver says the help never happened. */
export function dispute<E extends Exchange>(
	exchange: E,
	actor: Actor,
	now: Date,
	reason?: string
): MoveResult<E> {
	return reasonedPartyMove(exchange, actor, now, 'dispute', 'disputed', reason);
}

/**
 * The system move that books a confirmed exchange. There are no transactions on the embedded
 * database, so exactly-once comes from the ledger: the transfer's idempotency key is the
 * exchange id, a repeated settlement finds the entry booked first, and the state change is
 * recorded afterwards (a crash in between is resumed by settling again). Because the move only
 * leaves `confirmed`, a stale copy is refused with `wrong_state`.
 */
export function settle<E extends Exchange>(exchange: E, now: Date): MoveResult<E> {
	if (!fromStates(exchange, 'settle').includes(exchange.state)) return fail('wrong_state');
	// A confirmed euro exchange waits for its money (cardPaid, cashPaid).
	if (paysEuros(exchange.settlement)) return fail('wrong_settlement');
	return advance(
		exchange,
		{ by: SYSTEM, move: 'settle', to: 'settled', now, minutes: exchange.minutes },
		{ settledMinutes: settledMinutesFor(exchange, exchange.minutes) }
	);
}

/** When a `done` exchange settles by itself if the receiver neither confirms nor disputes. */
export function autoSettleDueAt(
	exchange: Exchange,
	days: number = DEFAULT_AUTO_SETTLE_AFTER_DAYS
): Date | null {
	if (!Number.isFinite(days) || days < 0) {
		throw new RangeError(`auto-settle days must be a finite number >= 0, got ${days}`);
	}
	if (exchange.state !== 'done' || !exchange.doneAt) return null;
	// Silence may settle hours, never a bill: a euro exchange waits for the receiver.
	if (paysEuros(exchange.settlement)) return null;
	// Elapsed days of 24 hours, not calendar days: a clock change does not shift the deadline.
	return new Date(exchange.doneAt.getTime() + days * DAY);
}

export function autoSettleDue(
	exchange: Exchange,
	now: Date,
	days: number = DEFAULT_AUTO_SETTLE_AFTER_DAYS
): boolean {
	const dueAt = autoSettleDueAt(exchange, days);
	return dueAt !== null && now.getTime() >= dueAt.getTime();
}

/**
 * Silence counts as consent: a receiver who neither confirms nor disputes within `days` (the
 * quarter's setting) settles the proposed minutes. The system makes this move, not a person.
 */
export function autoSettle<E extends Exchange>(
	exchange: E,
	now: Date,
	days: number = DEFAULT_AUTO_SETTLE_AFTER_DAYS
): MoveResult<E> {
	if (!fromStates(exchange, 'autoSettle').includes(exchange.state)) return fail('wrong_state');
	if (!autoSettleDue(exchange, now, days)) return fail('not_due');
	return advance(
		exchange,
		{ by: SYSTEM, move: 'autoSettle', to: 'settled', now, minutes: exchange.minutes },
		{ settledMinutes: settledMinutesFor(exchange, exchange.minutes) }
	);
}

/**
 * The quarter management ends a dispute with the minutes it found fair (0 when nothing
 * happened). The reason is required: it is the record both parties and the audit log see.
 */
export function moderatorSettle<E extends Exchange>(
	exchange: E,
	actor: Actor,
	now: Date,
	minutes: number,
	reason: string
): MoveResult<E> {
	const refused = refusal(exchange, actor, 'moderatorSettle');
	if (refused) return fail(refused);
	if (!isExchangeMinutes(minutes)) return fail('invalid_minutes');
	const text = reasonText(reason);
	if (!text) return fail('reason_required');
	return advance(
		exchange,
		{ by: actor.id, move: 'moderatorSettle', to: 'settled', now, minutes, reason: text },
		{ settledMinutes: settledMinutesFor(exchange, minutes) }
	);
}

export function moderatorCancel<E extends Exchange>(
	exchange: E,
	actor: Actor,
	now: Date,
	reason: string
): MoveResult<E> {
	const refused = refusal(exchange, actor, 'moderatorCancel');
	if (refused) return fail(refused);
	const text = reasonText(reason);
	if (!text) return fail('reason_required');
	return advance(exchange, {
		by: actor.id,
		move: 'moderatorCancel',
		to: 'cancelled',
		now,
		reason: text
	});
}

/**
 * Whom to tell about an event: the other party after a party's move, both parties after a
 * system or moderator move (neither of them pressed the button).
 */
export function notifyWhom(event: TimelineEvent, exchange: Exchange): readonly string[] {
	const both = [exchange.providerId, exchange.receiverId];
	const side = sideOf(exchange, event.by);
	if (!side || event.by === SYSTEM || isModeratorMove(event.move)) return both;
	return [partyId(exchange, otherSide(side))];
}

function isModeratorMove(move: Move): move is ModeratorMove {
	return move === 'moderatorSettle' || move === 'moderatorCancel';
}

/**
 * The hours a settled exchange books: from the receiver's time account to the provider's.
 * `null` when nothing is booked (free help, 0 minutes, not settled).
 */
/**
 * The transfer an exchange in hours would book if it were settled as proposed: checked against
 * the limits when it is proposed and accepted, so that nobody agrees to hours that could never
 * be booked (the check at settlement stays the authority: balances move meanwhile).
 */
export function expectedTransfer(
	exchange: Pick<Exchange, 'receiverId' | 'providerId' | 'minutes' | 'settlement'>
): { fromMemberId: string; toMemberId: string; minutes: number } | null {
	if (!transfersHours(exchange.settlement) || exchange.minutes <= 0) return null;
	return {
		fromMemberId: exchange.receiverId,
		toMemberId: exchange.providerId,
		minutes: exchange.minutes
	};
}

export function settlementTransfer(
	exchange: Exchange
): { fromMemberId: string; toMemberId: string; minutes: number } | null {
	if (exchange.state !== 'settled' || !exchange.settledMinutes) return null;
	if (!transfersHours(exchange.settlement)) return null;
	return {
		fromMemberId: exchange.receiverId,
		toMemberId: exchange.providerId,
		minutes: exchange.settledMinutes
	};
}
