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

import { isExchangeMinutes } from './minutes';

const DAY = 24 * 60 * 60 * 1000;

export const EXCHANGE_STATES = [
	'proposed',
	'accepted',
	'done',
	'confirmed',
	'settled',
	'declined',
	'cancelled',
	'disputed'
] as const;
export type ExchangeState = (typeof EXCHANGE_STATES)[number];

/** No move leads out of these. */
export const FINAL_STATES: readonly ExchangeState[] = ['settled', 'declined', 'cancelled'];

export function isFinalState(state: ExchangeState): boolean {
	return FINAL_STATES.includes(state);
}

export const SETTLEMENT_KINDS = ['hours', 'euros', 'free'] as const;
/** How an exchange is settled: in time-bank hours, in euros, or free neighbourly help (geschenkt). */
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];

interface SettlementRules {
	/** Settling moves the minutes from the receiver's to the provider's time account. */
	transfersHours: boolean;
	/** 0 minutes only make sense when nothing is booked. */
	zeroMinutesAllowed: boolean;
	/** The receiver pays an amount in euros (by card through the platform, or in cash). */
	paysEuros: boolean;
}

// One row per kind: when euros arrive, the compiler points here and nowhere else in this file.
const SETTLEMENT_RULES: Record<SettlementKind, SettlementRules> = {
	hours: { transfersHours: true, zeroMinutesAllowed: false, paysEuros: false },
	// The minutes of a paid exchange are only a record of the time it took.
	euros: { transfersHours: false, zeroMinutesAllowed: true, paysEuros: true },
	free: { transfersHours: false, zeroMinutesAllowed: true, paysEuros: false }
};

export function paysEuros(settlement: SettlementKind): boolean {
	return SETTLEMENT_RULES[settlement].paysEuros;
}

/** The most one exchange may cost: 10,000 €, in cents. */
export const MAX_AMOUNT_CENTS = 1_000_000;

export function isAmountCents(value: unknown): value is number {
	return (
		Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= MAX_AMOUNT_CENTS
	);
}

export type PaymentMethod = 'card' | 'cash';

/** How a euro exchange was paid. Card: `reference` is Stripe's payment intent. */
export interface Payment {
	readonly method: PaymentMethod;
	readonly amountCents: number;
	/** The platform's fee kept from a card payment (0 for cash). */
	readonly feeCents: number;
	readonly reference: string | null;
}

export type Side = 'provider' | 'receiver';

export function otherSide(side: Side): Side {
	return side === 'provider' ? 'receiver' : 'provider';
}

/** A person acting on an exchange. `moderator`: quarter management of the exchange's quarter. */
export interface Actor {
	readonly id: string;
	readonly moderator: boolean;
}

/** `by` of moves nobody pressed a button for (the settle step, the auto-settle job). */
export const SYSTEM = 'system';

export const MOVES = [
	'propose',
	'accept',
	'decline',
	'cancel',
	'markDone',
	'confirm',
	'dispute',
	'settle',
	'autoSettle',
	'moderatorSettle',
	'moderatorCancel',
	'cardPaid',
	'cashPaid',
	'refund'
] as const;
export type Move = (typeof MOVES)[number];

export type PartyMove =
	'accept' | 'decline' | 'cancel' | 'markDone' | 'confirm' | 'dispute' | 'cashPaid';
export type ModeratorMove = 'moderatorSettle' | 'moderatorCancel';
/** `refund` is made by the system for a payment that came too late, or for a moderator. */
export type SystemMove = 'settle' | 'autoSettle' | 'cardPaid' | 'refund';
/** The moves a page can offer as buttons. */
export type PersonMove = PartyMove | ModeratorMove;

export interface TimelineEvent {
	readonly at: Date;
	/** A member id, or `'system'`. */
	readonly by: string;
	readonly move: Move;
	/** `null` only for `propose`. */
	readonly fromState: ExchangeState | null;
	readonly toState: ExchangeState;
	/** Proposed, confirmed or settled minutes, for the moves that are about minutes. */
	readonly minutes?: number;
	readonly reason?: string;
	/** The moderator who recorded the move for an assisted member (`by`); absent otherwise. */
	readonly recordedBy?: string;
	/** `cardPaid`, `cashPaid` (the settling one) and `refund`: the euro amount, in cents. */
	readonly amountCents?: number;
	/** `cardPaid`: the platform fee; `cardPaid` and `refund`: Stripe's reference. */
	readonly feeCents?: number;
	readonly reference?: string;
	/** `refund` asked for by a person: the form's submission key, so a resubmit is recognised. */
	readonly key?: string;
}

/** Whose move the exchange waits for; `null` once it is final. */
export type Turn = Side | 'moderator' | 'system' | null;

export interface Exchange {
	readonly providerId: string;
	readonly receiverId: string;
	/** Either side may propose; the other side accepts or declines. */
	readonly proposedBy: Side;
	/** `null` when agreed directly, not from a listing. */
	readonly listingId: string | null;
	readonly title: string;
	/** When the help is planned, if agreed. */
	readonly date: Date | null;
	/** The proposed minutes. */
	readonly minutes: number;
	readonly settlement: SettlementKind;
	/** The agreed price in cents when settled in euros; otherwise null. */
	readonly amountCents: number | null;
	readonly state: ExchangeState;
	readonly turn: Turn;
	/** When the provider marked it done: the auto-settle clock starts here. */
	readonly doneAt: Date | null;
	/** The minutes the receiver confirmed; differing from `minutes` means a dispute. */
	readonly receiverMinutes: number | null;
	/** Minutes booked from receiver to provider once settled (0 for free help). */
	readonly settledMinutes: number | null;
	/** How a euro exchange was paid, once settled that way. */
	readonly payment: Payment | null;
	/** The sides that said the euros were paid outside the platform (cash or bank transfer). */
	readonly cashPaidBy: readonly Side[];
	/** Refunded cents (of a card payment, or of a payment that came too late). */
	readonly refundedCents: number;
	readonly timeline: readonly TimelineEvent[];
}

export type ExchangeError =
	| 'not_a_party'
	| 'wrong_side'
	| 'wrong_state'
	| 'not_due'
	| 'invalid_minutes'
	| 'reason_required'
	| 'not_moderator'
	/** A moderator does not mediate an exchange they are part of. */
	| 'own_exchange'
	| 'same_member'
	| 'title_required'
	| 'invalid_date'
	/** A euro move on an exchange in hours, or `settle` on one in euros. */
	| 'wrong_settlement'
	| 'invalid_amount'
	/** This side has said so already. */
	| 'already_done';

export type MoveResult<E extends Exchange = Exchange> =
	{ ok: true; exchange: E; event: TimelineEvent } | { ok: false; error: ExchangeError };

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
	refund: { from: ['settled', 'cancelled', 'declined', 'disputed'], who: 'system' }
};

/** The moves a person can press a button for: all but the system's. */
const PERSON_MOVES = (Object.keys(RULES) as Array<keyof typeof RULES>).filter(
	(move): move is PersonMove => RULES[move].who !== 'system'
);

export const DEFAULT_AUTO_SETTLE_AFTER_DAYS = 14;

export function sideOf(exchange: Exchange, memberId: string): Side | null {
	if (memberId === exchange.providerId) return 'provider';
	if (memberId === exchange.receiverId) return 'receiver';
	return null;
}

export function partyId(exchange: Exchange, side: Side): string {
	return side === 'provider' ? exchange.providerId : exchange.receiverId;
}

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

const EURO_ONLY: readonly Move[] = ['cardPaid', 'cashPaid', 'refund'];
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
function refusal(exchange: Exchange, actor: Actor, move: PersonMove): ExchangeError | null {
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
function fromStates(exchange: Exchange, move: Exclude<Move, 'propose'>): readonly ExchangeState[] {
	const from = RULES[move].from;
	if (move === 'dispute' && paysEuros(exchange.settlement)) return [...from, 'confirmed'];
	return from;
}

function fail(error: ExchangeError): { ok: false; error: ExchangeError } {
	return { ok: false, error };
}

function minutesFit(minutes: number, settlement: SettlementKind): boolean {
	return (
		isExchangeMinutes(minutes) && (minutes > 0 || SETTLEMENT_RULES[settlement].zeroMinutesAllowed)
	);
}

function settledMinutesFor(exchange: Exchange, minutes: number): number {
	return SETTLEMENT_RULES[exchange.settlement].transfersHours ? minutes : 0;
}

/** Trimmed reason, or undefined when there is none worth keeping. */
function reasonText(reason: string | undefined): string | undefined {
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
function advance<E extends Exchange>(
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
		...(step.key !== undefined ? { key: step.key } : {})
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
	if (!RULES.settle.from.includes(exchange.state)) return fail('wrong_state');
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
	if (!RULES.autoSettle.from.includes(exchange.state)) return fail('wrong_state');
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
	if (!RULES.cardPaid.from.includes(exchange.state)) return fail('wrong_state');
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
	if (!request.late && !RULES.refund.from.includes(exchange.state)) return fail('wrong_state');
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
export function settlementTransfer(
	exchange: Exchange
): { fromMemberId: string; toMemberId: string; minutes: number } | null {
	if (exchange.state !== 'settled' || !exchange.settledMinutes) return null;
	if (!SETTLEMENT_RULES[exchange.settlement].transfersHours) return null;
	return {
		fromMemberId: exchange.receiverId,
		toMemberId: exchange.providerId,
		minutes: exchange.settledMinutes
	};
}
