// What an exchange (Tausch) is: its states, ways of settling, sides, moves, timeline and the
// errors a move can give. The moves themselves are in workflow.ts and euro-moves.ts, who may
// make which move in rules.ts.

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

/** Whether settling books hours in the time bank. */
export function transfersHours(settlement: SettlementKind): boolean {
	return SETTLEMENT_RULES[settlement].transfersHours;
}

/** Whether an exchange of 0 minutes is allowed (free help, a euro sale). */
export function zeroMinutesAllowed(settlement: SettlementKind): boolean {
	return SETTLEMENT_RULES[settlement].zeroMinutesAllowed;
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
	'refund',
	'refundStatus',
	'chargeback'
] as const;
export type Move = (typeof MOVES)[number];

export type PartyMove =
	'accept' | 'decline' | 'cancel' | 'markDone' | 'confirm' | 'dispute' | 'cashPaid';
export type ModeratorMove = 'moderatorSettle' | 'moderatorCancel';
/** `refund` is made by the system for a payment that came too late, or for a moderator;
 * `refundStatus` and `chargeback` record what Stripe reports about a refund or a card dispute. */
export type SystemMove =
	'settle' | 'autoSettle' | 'cardPaid' | 'refund' | 'refundStatus' | 'chargeback';

/** Where a refund is at Stripe: money on its way, arrived, or sent back by the bank. */
export type RefundState = 'pending' | 'succeeded' | 'failed';

/** A card dispute (chargeback) the buyer's bank opened: open until the bank decides. */
export type ChargebackStatus = 'open' | 'won' | 'lost';
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
	/** `refund` of a payment that came when the exchange could not take it any more. */
	readonly late?: boolean;
	/** `refund` (absent: succeeded) and `refundStatus`: where the refund is at Stripe. */
	readonly refundStatus?: RefundState;
	/** `chargeback`: the card dispute's status; `reason` is Stripe's reason code. */
	readonly chargebackStatus?: ChargebackStatus;
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

export const DEFAULT_AUTO_SETTLE_AFTER_DAYS = 14;

export function sideOf(exchange: Exchange, memberId: string): Side | null {
	if (memberId === exchange.providerId) return 'provider';
	if (memberId === exchange.receiverId) return 'receiver';
	return null;
}

export function partyId(exchange: Exchange, side: Side): string {
	return side === 'provider' ? exchange.providerId : exchange.receiverId;
}
