// Trade between two quarters as pure rules (docs/cross-quarter.md). Each pair of quarters has one
// insert-only log, numbered 1, 2, 3 … like a ledger: a quarter management switching trade on or
// off (with its limit in hours), and each cross-quarter settlement with the pair's running net
// after it. Appending entry n+1 is an insert of its number, so two settlements racing for the
// same pair serialise on the number: the second decides again on a state that holds the first,
// and the limit holds under any race (FerretDB v1 has no transactions and no conditional update).
//
// Sign: `net` is the first quarter's (`pair.a`) clearing balance for the second. A member of `a`
// who receives help from a member of `b` pays hours into a's clearing account (net grows); help
// the other way makes it shrink. b's clearing balance for a is always -net (the mirror).

export interface Pair {
	/** The smaller quarter id. */
	a: string;
	b: string;
}

/** A pair's stream name: the two ids in order, so both sides find the same log. */
export function pairOf(quarterId: string, otherQuarterId: string): Pair {
	return quarterId < otherQuarterId
		? { a: quarterId, b: otherQuarterId }
		: { a: otherQuarterId, b: quarterId };
}

export function pairKey(pair: Pair): string {
	return `${pair.a}~${pair.b}`;
}

export function parsePairKey(key: string): Pair | null {
	const [a, b, ...rest] = key.split('~');
	return a && b && rest.length === 0 && a < b ? { a, b } : null;
}

export function partnerOf(pair: Pair, quarterId: string): string {
	return pair.a === quarterId ? pair.b : pair.a;
}

/** One quarter management's choice: trade on with a limit, or off. Audited by the service. */
export interface SwitchEntry {
	seq: number;
	kind: 'switch';
	quarterId: string;
	on: boolean;
	/** The most hours (in minutes) this quarter lets the pair's net reach in either direction. */
	limitMinutes: number;
	by: string;
	at: Date;
}

/**
 * One cross-quarter settlement: `minutes` go from a member of `fromQuarterId` (who received the
 * help) to a member of `toQuarterId` (who gave it). Its key is the exchange id: an exchange
 * holds at most one active transfer. Written before either ledger leg: it reserves the limit.
 */
export interface TransferEntry {
	seq: number;
	kind: 'transfer';
	key: string;
	fromQuarterId: string;
	toQuarterId: string;
	minutes: number;
	/** The pair's net after this entry (see the sign above). */
	net: number;
	memo: string;
	by: string;
	at: Date;
}

/** Gives a reservation back when the receiving member's ledger refused the hours. */
export interface ReleaseEntry {
	seq: number;
	kind: 'release';
	key: string;
	/** The transfer given back. */
	releases: number;
	net: number;
	reason: string;
	by: string;
	at: Date;
}

export type TradeEntry = SwitchEntry | TransferEntry | ReleaseEntry;

export interface Side {
	on: boolean;
	limitMinutes: number;
	since: Date;
	by: string;
}

export interface PairState {
	pair: Pair;
	sides: Map<string, Side>;
	net: number;
	/** The active transfer of each key (released ones are gone). */
	active: Map<string, TransferEntry>;
	transfers: TransferEntry[];
	releases: ReleaseEntry[];
	switches: SwitchEntry[];
}

export function emptyPair(pair: Pair): PairState {
	return {
		pair,
		sides: new Map(),
		net: 0,
		active: new Map(),
		transfers: [],
		releases: [],
		switches: []
	};
}

export function applyTradeEntry(state: PairState, entry: TradeEntry): void {
	switch (entry.kind) {
		case 'switch':
			state.sides.set(entry.quarterId, {
				on: entry.on,
				limitMinutes: entry.limitMinutes,
				since: entry.at,
				by: entry.by
			});
			state.switches.push(entry);
			return;
		case 'transfer':
			state.net = entry.net;
			state.active.set(entry.key, entry);
			state.transfers.push(entry);
			return;
		case 'release':
			state.net = entry.net;
			state.active.delete(entry.key);
			state.releases.push(entry);
			return;
	}
}

/** The minutes by which a transfer changes the net (see the sign above). */
export function netChange(pair: Pair, fromQuarterId: string, minutes: number): number {
	return fromQuarterId === pair.a ? minutes : -minutes;
}

/** Trade is open when both managements have switched it on; the smaller limit counts. */
export function tradeLimit(state: PairState): number | null {
	const a = state.sides.get(state.pair.a);
	const b = state.sides.get(state.pair.b);
	if (!a?.on || !b?.on) return null;
	return Math.min(a.limitMinutes, b.limitMinutes);
}

export type TradeProblem =
	| { code: 'trade_closed' }
	| { code: 'invalid_minutes' }
	| { code: 'not_in_pair' }
	| { code: 'over_trade_limit'; netAfter: number; limit: number };

export interface TransferDraft {
	key: string;
	fromQuarterId: string;
	toQuarterId: string;
	minutes: number;
	memo: string;
}

/** Whether the pair may take the transfer now: open, and the net stays within the limit. */
export function checkTradeTransfer(state: PairState, draft: TransferDraft): TradeProblem | null {
	const { a, b } = state.pair;
	const quarters = [draft.fromQuarterId, draft.toQuarterId].sort();
	if (quarters[0] !== a || quarters[1] !== b) return { code: 'not_in_pair' };
	if (!Number.isSafeInteger(draft.minutes) || draft.minutes <= 0) {
		return { code: 'invalid_minutes' };
	}
	const limit = tradeLimit(state);
	if (limit === null) return { code: 'trade_closed' };
	const netAfter = state.net + netChange(state.pair, draft.fromQuarterId, draft.minutes);
	// A transfer that brings the net back towards zero is always welcome.
	if (Math.abs(netAfter) > limit && Math.abs(netAfter) > Math.abs(state.net)) {
		return { code: 'over_trade_limit', netAfter, limit };
	}
	return null;
}

export type TradeDecision<E> =
	| { ok: true; entry: Omit<E, 'seq'> }
	| { ok: true; existing: E }
	| { ok: false; problem: TradeProblem };

/** The transfer entry to append, or the one this key holds already (a retry, a resume). */
export function decideTransfer(
	state: PairState,
	draft: TransferDraft,
	by: string,
	at: Date
): TradeDecision<TransferEntry> {
	const existing = state.active.get(draft.key);
	if (existing) return { ok: true, existing };
	const problem = checkTradeTransfer(state, draft);
	if (problem) return { ok: false, problem };
	return {
		ok: true,
		entry: {
			kind: 'transfer',
			...draft,
			net: state.net + netChange(state.pair, draft.fromQuarterId, draft.minutes),
			by,
			at
		}
	};
}

/** Gives back the key's active transfer; nothing to give back is not an error (a resume). */
export function decideRelease(
	state: PairState,
	key: string,
	reason: string,
	by: string,
	at: Date
): { entry: Omit<ReleaseEntry, 'seq'> } | null {
	const transfer = state.active.get(key);
	if (!transfer) return null;
	return {
		entry: {
			kind: 'release',
			key,
			releases: transfer.seq,
			net: state.net - netChange(state.pair, transfer.fromQuarterId, transfer.minutes),
			reason,
			by,
			at
		}
	};
}

export type SwitchProblem = 'not_in_pair' | 'invalid_limit' | 'unchanged';

/** The most a limit may be: 10,000 hours, far beyond any quarter's trade. */
export const MAX_TRADE_LIMIT_MINUTES = 10_000 * 60;

export function decideSwitch(
	state: PairState,
	change: { quarterId: string; on: boolean; limitMinutes: number },
	by: string,
	at: Date
): { ok: true; entry: Omit<SwitchEntry, 'seq'> } | { ok: false; problem: SwitchProblem } {
	if (change.quarterId !== state.pair.a && change.quarterId !== state.pair.b) {
		return { ok: false, problem: 'not_in_pair' };
	}
	if (
		!Number.isSafeInteger(change.limitMinutes) ||
		change.limitMinutes < 0 ||
		change.limitMinutes > MAX_TRADE_LIMIT_MINUTES
	) {
		return { ok: false, problem: 'invalid_limit' };
	}
	const side = state.sides.get(change.quarterId);
	if (side && side.on === change.on && side.limitMinutes === change.limitMinutes) {
		return { ok: false, problem: 'unchanged' };
	}
	if (!side && !change.on) return { ok: false, problem: 'unchanged' };
	return { ok: true, entry: { kind: 'switch', ...change, by, at } };
}

/** A quarter's clearing balance for its partner, as the pair's log says it should be. */
export function expectedClearingBalance(state: PairState, quarterId: string): number {
	return quarterId === state.pair.a ? state.net : -state.net;
}
