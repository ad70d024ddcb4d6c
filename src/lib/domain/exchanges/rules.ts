// Who may make which move in which state, the buttons a person gets, and the one place a new
// exchange value is built (`advance`). Used by the moves in workflow.ts and euro-moves.ts.
import { isExchangeMinutes } from './minutes';
import {
	otherSide,
	sideOf,
	paysEuros,
	transfersHours,
	zeroMinutesAllowed,
	type Actor,
	type Exchange,
	type ExchangeError,
	type ExchangeState,
	type Move,
	type MoveResult,
	type PersonMove,
	type SettlementKind,
	type Side,
	type TimelineEvent,
	type Turn
} from './exchange';

/** Who may make a move: one side, either party, the quarter management or the system. */
export type Who = Side | 'either' | 'moderator' | 'system';

interface Rule {
	from: readonly ExchangeState[];
	/** `responder`: the side that did not propose. */
	who: Side | 'responder' | 'either' | 'moderator' | 'system';
}

const RULES: Record<Exclude<Move, 'propose'>, Rule> = {
	accept: { from: ['proposed'], who: 'responder' },
	decline: { from: ['proposed'], who: 'responder' },
	// After `done` the provider has claimed the help happened: only a dispute undoes that.
	cancel: { from: ['proposed', 'accepted'], who: 'either' },
	markDone: { from: ['accepted'], who: 'provider' },
	confirm: { from: ['done'], who: 'receiver' },
	dispute: { from: ['done'], who: 'either' },
	settle: { from: ['confirmed'], who: 'system' },
	autoSettle: { from: ['done'], who: 'system' },
	moderatorSettle: { from: ['disputed'], who: 'moderator' },
	moderatorCancel: { from: ['disputed'], who: 'moderator' },
	cardPaid: { from: ['confirmed'], who: 'system' },
	cashPaid: { from: ['confirmed'], who: 'either' },
	refund: { from: ['settled', 'cancelled', 'declined', 'disputed'], who: 'system' },
	// What Stripe reports about money that already moved is recorded in any state (euro-moves.ts).
	refundStatus: { from: ['settled', 'cancelled', 'declined', 'disputed'], who: 'system' },
	chargeback: { from: ['settled', 'cancelled', 'declined', 'disputed'], who: 'system' }
};

/** The moves a person can press a button for: all but the system's. */
const PERSON_MOVES = (Object.keys(RULES) as Array<keyof typeof RULES>).filter(
	(move): move is PersonMove => RULES[move].who !== 'system'
);

export function turnFor(
	state: ExchangeState,
	proposedBy: Side,
	euros: { settlement: SettlementKind; cashPaidBy: readonly Side[] } = {
		settlement: 'hours',
		cashPaidBy: []
	}
): Turn {
	if (state === 'confirmed' && paysEuros(euros.settlement)) {
		// Waiting for the money: the receiver pays, or the side that has not confirmed cash yet.
		const [first] = euros.cashPaidBy;
		return first ? otherSide(first) : 'receiver';
	}
	switch (state) {
		case 'proposed':
			return otherSide(proposedBy);
		case 'accepted':
			return 'provider';
		case 'done':
			return 'receiver';
		case 'confirmed':
			return 'system';
		case 'disputed':
			return 'moderator';
		case 'settled':
		case 'declined':
		case 'cancelled':
			return null;
	}
}

/**
 * Every move that can be made from the exchange's current state and by whom, e.g. to explain
 * "waiting for …". `autoSettle` is listed in `done` whether or not it is due yet.
 */
export function whoMayAct(exchange: Exchange): readonly { move: Move; who: Who }[] {
	return (Object.keys(RULES) as (keyof typeof RULES)[])
		.filter((move) => fromStates(exchange, move).includes(exchange.state))
		.filter((move) => belongsTo(move, exchange.settlement))
		.map((move) => {
			const who = RULES[move].who;
			return { move, who: who === 'responder' ? otherSide(exchange.proposedBy) : who };
		});
}

/** The moves `actor` may make now: exactly the buttons to show. Never includes system moves. */
export function allowedMoves(exchange: Exchange, actor: Actor): readonly PersonMove[] {
	return PERSON_MOVES.filter(
		(move) => refusal(exchange, actor, move) === null && notSaidYet(exchange, move, actor)
	);
}

/**
 * The buttons a party sees, one clear action per state: the one who got a proposal may decline
 * it and, by the rules, also cancel it; both end the exchange, so only "decline" is offered (the
 * cancel stays allowed, e.g. from an older page).
 */
export function movesToOffer(moves: readonly PersonMove[]): readonly PersonMove[] {
	return moves.includes('decline') ? moves.filter((move) => move !== 'cancel') : moves;
}

const EURO_ONLY: readonly Move[] = ['cardPaid', 'cashPaid', 'refund', 'refundStatus', 'chargeback'];
// A moderator cannot settle a euro exchange: money changes hands only by card or in cash. A euro
// dispute ends by cancelling (nothing was paid before `confirmed`) or by the two paying.
const NOT_EUROS: readonly Move[] = ['settle', 'autoSettle', 'moderatorSettle'];

/** Whether a move is part of this way of settling at all. */
function belongsTo(move: Move, settlement: SettlementKind): boolean {
	return paysEuros(settlement) ? !NOT_EUROS.includes(move) : !EURO_ONLY.includes(move);
}

/** A side says "paid in cash" once: the button is gone after it did. */
function notSaidYet(exchange: Exchange, move: Move, actor: Actor): boolean {
	if (move !== 'cashPaid') return true;
	const side = sideOf(exchange, actor.id);
	return side !== null && !exchange.cashPaidBy.includes(side);
}

// Order of checks: who the actor is (never changes for an exchange, so a 403 whatever the
// state), then the state (a stale page, 409), then the move's own input (422).
export function refusal(exchange: Exchange, actor: Actor, move: PersonMove): ExchangeError | null {
	const rule = RULES[move];
	const side = sideOf(exchange, actor.id);
	if (rule.who === 'moderator') {
		if (!actor.moderator) return 'not_moderator';
		if (side) return 'own_exchange';
	} else {
		if (!side) return 'not_a_party';
		const needed = rule.who === 'responder' ? otherSide(exchange.proposedBy) : rule.who;
		if (needed !== 'either' && needed !== side) return 'wrong_side';
	}
	if (!fromStates(exchange, move).includes(exchange.state)) return 'wrong_state';
	// A move of the other way of settling (a moderator settling euros in hours, cash for hours).
	return belongsTo(move, exchange.settlement) ? null : 'wrong_settlement';
}

/**
 * The states a move leads out of for this exchange. A confirmed euro exchange waits for money
 * that may never come (or one side says it was paid and the other disagrees): either side may
 * then dispute it, and the quarter management mediates.
 */
export function fromStates(
	exchange: Exchange,
	move: Exclude<Move, 'propose'>
): readonly ExchangeState[] {
	const from = RULES[move].from;
	if (move === 'dispute' && paysEuros(exchange.settlement)) return [...from, 'confirmed'];
	return from;
}

export function fail(error: ExchangeError): { ok: false; error: ExchangeError } {
	return { ok: false, error };
}

export function minutesFit(minutes: number, settlement: SettlementKind): boolean {
	return isExchangeMinutes(minutes) && (minutes > 0 || zeroMinutesAllowed(settlement));
}

export function settledMinutesFor(exchange: Exchange, minutes: number): number {
	return transfersHours(exchange.settlement) ? minutes : 0;
}

/** Trimmed reason, or undefined when there is none worth keeping. */
export function reasonText(reason: string | undefined): string | undefined {
	const text = reason?.trim();
	return text ? text : undefined;
}

type Changes = Partial<
	Pick<
		Exchange,
		'doneAt' | 'receiverMinutes' | 'settledMinutes' | 'payment' | 'cashPaidBy' | 'refundedCents'
	>
>;

// The one place a new exchange value is built: a copy with the new state, turn and one more
// timeline entry. Optional event fields are left out rather than set to undefined, which the
// database would store as null.
export function advance<E extends Exchange>(
	exchange: E,
	step: {
		by: string;
		move: Move;
		to: ExchangeState;
		now: Date;
		minutes?: number;
		reason?: string;
		amountCents?: number;
		feeCents?: number;
		reference?: string;
		key?: string;
		/** Fields only euro moves set (euro-moves.ts). */
		extra?: Pick<TimelineEvent, 'late' | 'refundStatus' | 'chargebackStatus'>;
	},
	changes: Changes = {}
): MoveResult<E> {
	const event: TimelineEvent = {
		at: new Date(step.now.getTime()),
		by: step.by,
		move: step.move,
		fromState: exchange.state,
		toState: step.to,
		...(step.minutes !== undefined ? { minutes: step.minutes } : {}),
		...(step.reason !== undefined ? { reason: step.reason } : {}),
		...(step.amountCents !== undefined ? { amountCents: step.amountCents } : {}),
		...(step.feeCents !== undefined ? { feeCents: step.feeCents } : {}),
		...(step.reference !== undefined ? { reference: step.reference } : {}),
		...(step.key !== undefined ? { key: step.key } : {}),
		...step.extra
	};
	const cashPaidBy = changes.cashPaidBy ?? exchange.cashPaidBy;
	const next: E = {
		...exchange,
		...changes,
		state: step.to,
		turn: turnFor(step.to, exchange.proposedBy, { settlement: exchange.settlement, cashPaidBy }),
		timeline: [...exchange.timeline, event]
	};
	return { ok: true, exchange: next, event };
}
