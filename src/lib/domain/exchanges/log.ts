// An exchange as an insert-only log of events. Event 1 is the proposal with everything the
// exchange is about; every later event is one move. The exchange is never stored as a document
// that moves update: it is the fold of its events through the workflow (workflow.ts), and a
// move is the insert of event n+1, decided on the fold of events 1..n. Two writers deciding on
// the same n cannot both store their event, so the loser re-reads and decides again.
//
// Settling books hours in the ledger, which is a second insert elsewhere. So that nothing can
// come between the decision and the booking (a party disputing while the auto-settle job books,
// two moderators settling and cancelling at once), a settlement first takes its place in the log
// with a `settling` event that holds the decided move. While it is the last event every other
// move waits. The transfer is then booked under the exchange id as idempotency key, and the
// settling move itself is recorded with the ledger's sequence number; if the ledger refuses (a
// balance would leave its limits), `settlementRefused` gives the place back and the exchange is
// where it was. A writer that dies after `settling` leaves it for the next one to finish: the
// booking is idempotent, so finishing it twice books once.
import { memberAccount, type TransferDraft } from '../ledger/ledger';
import {
	accept,
	autoSettle,
	cancel,
	cardPaid,
	cashPaid,
	chargeback,
	confirm,
	decline,
	dispute,
	expectedTransfer,
	isFinalState,
	markDone,
	moderatorCancel,
	moderatorSettle,
	paysEuros,
	propose,
	refund,
	refundStatus,
	settle,
	settlementTransfer,
	SYSTEM,
	type Actor,
	type ChargebackStatus,
	type Exchange,
	type RefundRequest,
	type Move,
	type MoveResult,
	type PartyMove,
	type SettlementKind,
	type TimelineEvent
} from './workflow';

/** The moves that book hours; each goes through a `settling` event first. */
export type SettlingMove = 'settle' | 'autoSettle' | 'moderatorSettle';

export const SETTLING_MOVES: readonly SettlingMove[] = ['settle', 'autoSettle', 'moderatorSettle'];

export function isSettlingMove(move: string): move is SettlingMove {
	return (SETTLING_MOVES as readonly string[]).includes(move);
}

/** Everything event 1 says about the exchange. */
export interface Proposal {
	providerId: string;
	receiverId: string;
	listingId: string | null;
	title: string;
	date: Date | null;
	minutes: number;
	settlement: SettlementKind;
	/** Euros only: the agreed price in cents. */
	amountCents?: number | null;
}

export type LogMove = Move | 'settling' | 'settlementRefused';

export interface LogEvent {
	/** 1, 2, 3 … without gaps. */
	n: number;
	move: LogMove;
	/** A member id, or `'system'`. */
	by: string;
	at: Date;
	minutes?: number;
	reason?: string;
	/** Event 1 only. */
	proposal?: Proposal;
	/** `autoSettle` (and its `settling`): the quarter's delay the move was decided with. */
	afterDays?: number;
	/** A settling move that booked hours: the ledger entry's sequence number. */
	ledgerSeq?: number;
	/** `settling`: the move it holds the place for. */
	settling?: SettlingMove;
	/** `settling`: the app server that took the place (it may finish at once; others wait). */
	holder?: string;
	/** `cardPaid`, the settling `cashPaid`, `refund`: euros in cents. */
	amountCents?: number;
	/** `cardPaid`: the platform fee in cents. */
	feeCents?: number;
	/** `cardPaid`, `refund`: Stripe's payment intent or refund id. */
	reference?: string;
	/** `refund` of a payment that came when the exchange could not take it any more. */
	late?: boolean;
	/** `refund` asked for by a person: the form's submission key. */
	key?: string;
	/** `refund` Stripe reported that was not recorded when it was made (Dashboard, lost answer). */
	observed?: boolean;
	/** `refund` (absent: succeeded) and `refundStatus`: the refund's status at Stripe. */
	refundStatus?: 'pending' | 'succeeded' | 'failed';
	/** `chargeback`: the card dispute's status. */
	chargebackStatus?: ChargebackStatus;
	/** `settlementRefused`: the ledger's problem code. */
	problem?: string;
	/**
	 * A move recorded by the quarter management for an assisted member (`by`): the moderator's id.
	 * Only a mark for people; the rules see the move as the member's.
	 */
	recordedBy?: string;
}

/** A settlement that has taken its place in the log and is not finished yet. */
export interface PendingSettlement {
	n: number;
	move: SettlingMove;
	by: string;
	at: Date;
	minutes: number;
	reason?: string;
	afterDays?: number;
	holder: string;
}

export interface ExchangeRecord {
	exchange: Exchange;
	/** The number of the last event. */
	version: number;
	pending: PendingSettlement | null;
	/** The transfer that settled the exchange, when hours were booked. */
	ledgerSeq: number | null;
	/** Settlements the ledger refused, oldest first (for the timeline and the job's back-off). */
	refusals: { at: Date; move: SettlingMove; problem: string }[];
}

/** What a move asks for; also how a stored event is replayed. */
export type MoveRequest =
	| { move: 'accept' | 'markDone' }
	| { move: 'decline' | 'cancel' | 'dispute'; reason?: string }
	| { move: 'confirm'; minutes?: number }
	| { move: 'settle' }
	| { move: 'autoSettle'; afterDays: number }
	| { move: 'moderatorSettle'; minutes: number; reason: string }
	| { move: 'moderatorCancel'; reason: string }
	| { move: 'cashPaid' }
	| { move: 'cardPaid'; amountCents: number; feeCents: number; reference: string }
	| ({ move: 'refund' } & RefundRequest)
	| { move: 'refundStatus'; reference: string; status: 'succeeded' | 'failed' }
	| {
			move: 'chargeback';
			reference: string;
			status: ChargebackStatus;
			amountCents: number;
			reason?: string;
	  };

export type PartyMoveRequest = Extract<MoveRequest, { move: PartyMove }>;

/** Applies one move through the workflow's rules. */
export function runMove(
	exchange: Exchange,
	actor: Actor,
	request: MoveRequest,
	now: Date
): MoveResult {
	switch (request.move) {
		case 'accept':
			return accept(exchange, actor, now);
		case 'markDone':
			return markDone(exchange, actor, now);
		case 'decline':
			return decline(exchange, actor, now, request.reason);
		case 'cancel':
			return cancel(exchange, actor, now, request.reason);
		case 'dispute':
			return dispute(exchange, actor, now, request.reason);
		case 'confirm':
			return confirm(exchange, actor, now, request.minutes);
		case 'settle':
			return settle(exchange, now);
		case 'autoSettle':
			return autoSettle(exchange, now, request.afterDays);
		case 'moderatorSettle':
			return moderatorSettle(exchange, actor, now, request.minutes, request.reason);
		case 'moderatorCancel':
			return moderatorCancel(exchange, actor, now, request.reason);
		case 'cashPaid':
			return cashPaid(exchange, actor, now);
		case 'cardPaid':
			return cardPaid(exchange, now, request);
		case 'refund': {
			const { move: _move, ...rest } = request;
			void _move;
			return refund(exchange, actor.id, now, rest);
		}
		case 'refundStatus':
			return refundStatus(exchange, now, request);
		case 'chargeback':
			return chargeback(exchange, now, request);
	}
}

/** The log event for a move the workflow accepted, as number `n`. */
export function logEventOf(
	event: TimelineEvent,
	n: number,
	extra: Pick<LogEvent, 'afterDays' | 'ledgerSeq' | 'late' | 'observed'> = {}
): LogEvent {
	return {
		n,
		move: event.move,
		by: event.by,
		at: event.at,
		...(event.minutes !== undefined ? { minutes: event.minutes } : {}),
		...(event.reason !== undefined ? { reason: event.reason } : {}),
		...(event.amountCents !== undefined ? { amountCents: event.amountCents } : {}),
		...(event.feeCents !== undefined ? { feeCents: event.feeCents } : {}),
		...(event.reference !== undefined ? { reference: event.reference } : {}),
		...(event.key !== undefined ? { key: event.key } : {}),
		...(event.recordedBy !== undefined ? { recordedBy: event.recordedBy } : {}),
		...(extra.afterDays !== undefined ? { afterDays: extra.afterDays } : {}),
		...(extra.ledgerSeq !== undefined ? { ledgerSeq: extra.ledgerSeq } : {}),
		...(extra.late || event.late ? { late: true } : {}),
		...(extra.observed ? { observed: true } : {}),
		...(event.refundStatus !== undefined ? { refundStatus: event.refundStatus } : {}),
		...(event.chargebackStatus !== undefined ? { chargebackStatus: event.chargebackStatus } : {})
	};
}

/** The `settling` event that holds the place for an accepted settling move. */
export function settlingEventOf(
	event: TimelineEvent,
	n: number,
	holder: string,
	afterDays?: number
): LogEvent {
	const move = event.move;
	if (!isSettlingMove(move)) throw new Error(`${move} does not book hours`);
	return {
		n,
		move: 'settling',
		settling: move,
		by: event.by,
		at: event.at,
		minutes: event.minutes ?? 0,
		...(event.reason !== undefined ? { reason: event.reason } : {}),
		...(afterDays !== undefined ? { afterDays } : {}),
		holder
	};
}

/** The request a pending settlement stands for, and who makes it. */
export function pendingRequest(pending: PendingSettlement): { actor: Actor; request: MoveRequest } {
	switch (pending.move) {
		case 'settle':
			return { actor: { id: SYSTEM, moderator: false }, request: { move: 'settle' } };
		case 'autoSettle':
			return {
				actor: { id: SYSTEM, moderator: false },
				request: { move: 'autoSettle', afterDays: pending.afterDays ?? 0 }
			};
		case 'moderatorSettle':
			return {
				actor: { id: pending.by, moderator: true },
				request: { move: 'moderatorSettle', minutes: pending.minutes, reason: pending.reason ?? '' }
			};
	}
}

/** Who made a stored move, as the workflow sees them. */
function actorOf(event: LogEvent): Actor {
	return {
		id: event.by,
		moderator: event.move === 'moderatorSettle' || event.move === 'moderatorCancel'
	};
}

function requestOf(event: LogEvent): MoveRequest | null {
	switch (event.move) {
		case 'accept':
		case 'markDone':
		case 'settle':
			return { move: event.move };
		case 'decline':
		case 'cancel':
		case 'dispute':
			return { move: event.move, ...(event.reason !== undefined ? { reason: event.reason } : {}) };
		case 'confirm':
			return {
				move: 'confirm',
				...(event.minutes !== undefined ? { minutes: event.minutes } : {})
			};
		case 'autoSettle':
			return { move: 'autoSettle', afterDays: event.afterDays ?? 0 };
		case 'moderatorSettle':
			return { move: 'moderatorSettle', minutes: event.minutes ?? -1, reason: event.reason ?? '' };
		case 'moderatorCancel':
			return { move: 'moderatorCancel', reason: event.reason ?? '' };
		case 'cashPaid':
			return { move: 'cashPaid' };
		case 'cardPaid':
			return {
				move: 'cardPaid',
				amountCents: event.amountCents ?? -1,
				feeCents: event.feeCents ?? -1,
				reference: event.reference ?? ''
			};
		case 'refund':
			return {
				move: 'refund',
				amountCents: event.amountCents ?? -1,
				reference: event.reference ?? '',
				...(event.reason !== undefined ? { reason: event.reason } : {}),
				...(event.late ? { late: true } : {}),
				...(event.key !== undefined ? { key: event.key } : {}),
				...(event.observed ? { observed: true } : {}),
				...(event.refundStatus === 'pending' || event.refundStatus === 'failed'
					? { status: event.refundStatus }
					: {})
			};
		case 'refundStatus':
			return event.refundStatus === 'succeeded' || event.refundStatus === 'failed'
				? { move: 'refundStatus', reference: event.reference ?? '', status: event.refundStatus }
				: null;
		case 'chargeback':
			return event.chargebackStatus
				? {
						move: 'chargeback',
						reference: event.reference ?? '',
						status: event.chargebackStatus,
						amountCents: event.amountCents ?? -1,
						...(event.reason !== undefined ? { reason: event.reason } : {})
					}
				: null;
		default:
			return null;
	}
}

export type FoldResult =
	{ ok: true; record: ExchangeRecord } | { ok: false; n: number; why: string };

/**
 * The exchange after its events, checking every step against the rules again: a log that a
 * correct writer could not have produced (a gap, an illegal move, a booking that does not match
 * its place holder) is reported, never silently repaired.
 */
export function foldExchangeLog(events: readonly LogEvent[]): FoldResult {
	let record: ExchangeRecord | null = null;
	for (const event of events) {
		const step = applyLogEvent(record, event);
		if (!step.ok) return step;
		record = step.record;
	}
	if (!record) return { ok: false, n: 1, why: 'empty log' };
	return { ok: true, record };
}

export function applyLogEvent(record: ExchangeRecord | null, event: LogEvent): FoldResult {
	const bad = (why: string): FoldResult => ({ ok: false, n: event.n, why });
	const expected = (record?.version ?? 0) + 1;
	if (event.n !== expected) return bad(`expected event ${expected}`);

	if (!record) {
		if (event.move !== 'propose' || !event.proposal) return bad('the first event must propose');
		const proposed = propose(event.proposal, { id: event.by, moderator: false }, event.at);
		if (!proposed.ok) return bad(proposed.error);
		return {
			ok: true,
			record: {
				exchange: markRecorded(proposed.exchange, event.recordedBy),
				version: 1,
				pending: null,
				ledgerSeq: null,
				refusals: []
			}
		};
	}

	const { pending } = record;
	if (event.move === 'settling') {
		if (pending) return bad('a settlement is pending already');
		if (!event.settling || event.minutes === undefined || !event.holder) {
			return bad('incomplete settling event');
		}
		const next: PendingSettlement = {
			n: event.n,
			move: event.settling,
			by: event.by,
			at: event.at,
			minutes: event.minutes,
			holder: event.holder,
			...(event.reason !== undefined ? { reason: event.reason } : {}),
			...(event.afterDays !== undefined ? { afterDays: event.afterDays } : {})
		};
		const { actor, request } = pendingRequest(next);
		const tried = runMove(record.exchange, actor, request, event.at);
		if (!tried.ok) return bad(tried.error);
		return { ok: true, record: { ...record, version: event.n, pending: next } };
	}
	if (event.move === 'settlementRefused') {
		if (!pending) return bad('no settlement to refuse');
		return {
			ok: true,
			record: {
				...record,
				version: event.n,
				pending: null,
				refusals: [
					...record.refusals,
					{ at: event.at, move: pending.move, problem: event.problem ?? 'refused' }
				]
			}
		};
	}
	if (pending && event.move !== pending.move) return bad(`${pending.move} is pending`);
	if (!pending && isSettlingMove(event.move)) return bad('a settlement needs its place first');
	if (pending && (event.minutes !== pending.minutes || event.by !== pending.by)) {
		return bad('the settlement differs from its place holder');
	}

	const request = requestOf(event);
	if (!request) return bad(`unknown move ${event.move}`);
	const moved = runMove(record.exchange, actorOf(event), request, event.at);
	if (!moved.ok) return bad(moved.error);
	const books = settlementTransfer(moved.exchange) !== null;
	if (books !== (event.ledgerSeq !== undefined)) return bad('booking and ledger entry disagree');
	return {
		ok: true,
		record: {
			...record,
			exchange: markRecorded(moved.exchange, event.recordedBy),
			version: event.n,
			pending: null,
			ledgerSeq: event.ledgerSeq ?? record.ledgerSeq
		}
	};
}

/** The exchange with its latest timeline event marked as recorded by a moderator. */
function markRecorded(exchange: Exchange, recordedBy: string | undefined): Exchange {
	if (!recordedBy) return exchange;
	const last = exchange.timeline[exchange.timeline.length - 1];
	if (!last) return exchange;
	return { ...exchange, timeline: [...exchange.timeline.slice(0, -1), { ...last, recordedBy }] };
}

/** The transfer that settles `settled` (receiver → provider), keyed by the exchange id. */
export function settlementDraft(exchangeId: string, settled: Exchange): TransferDraft | null {
	return transferDraft(exchangeId, settlementTransfer(settled), settled.title);
}

/** The booking an exchange in hours would make if settled as proposed (expectedTransfer). */
export function expectedSettlementDraft(
	exchangeId: string,
	exchange: Exchange
): TransferDraft | null {
	return transferDraft(exchangeId, expectedTransfer(exchange), exchange.title);
}

function transferDraft(
	exchangeId: string,
	transfer: ReturnType<typeof settlementTransfer>,
	title: string
): TransferDraft | null {
	if (!transfer) return null;
	return {
		from: memberAccount(transfer.fromMemberId),
		to: memberAccount(transfer.toMemberId),
		minutes: transfer.minutes,
		kind: 'exchange',
		key: exchangeId,
		memo: title
	};
}

/** After this long a settlement's place holder is taken to have died, and others finish it. */
export const SETTLING_TIMEOUT_MS = 60 * 1000;

/** Whether `holder` may finish a pending settlement now. */
export function mayFinish(pending: PendingSettlement, holder: string, now: Date): boolean {
	return pending.holder === holder || now.getTime() - pending.at.getTime() >= SETTLING_TIMEOUT_MS;
}

/** The auto-settle job tries a refused settlement again after this long, not on every run. */
export const RETRY_REFUSED_AFTER_MS = 24 * 60 * 60 * 1000;

export function mayRetrySettlement(record: ExchangeRecord, now: Date): boolean {
	const last = record.refusals.at(-1);
	return !last || now.getTime() - last.at.getTime() >= RETRY_REFUSED_AFTER_MS;
}

/**
 * Whether no event can follow: a final exchange in hours or as free help, with no settlement
 * pending. Servers need not look for newer events of such an exchange. An exchange in euros
 * never is: a refund may be recorded in any final state (and a late one for a payment that came
 * when the exchange could no longer take it).
 */
export function takesNoMoreEvents(record: ExchangeRecord): boolean {
	const { exchange } = record;
	return isFinalState(exchange.state) && !record.pending && !paysEuros(exchange.settlement);
}

/** The event id: `<exchangeId>:<n, 4 digits>`, so an exchange's events are found by `_id`. */
export function exchangeEventId(exchangeId: string, n: number): string {
	return `${exchangeId}:${String(n).padStart(4, '0')}`;
}

/** A move repeated by the same person (a double click, a second tab) that is already made. */
export function alreadyMade(exchange: Exchange, by: string, move: Move): boolean {
	return exchange.timeline.some((e) => e.by === by && e.move === move);
}
