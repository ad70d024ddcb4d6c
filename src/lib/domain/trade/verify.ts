// The cross-check of one trading pair behind `npm run ledger:verify`: the pair's log against
// both quarters' ledgers. Pure: the script reads, this decides.
import { clearingAccount, type LedgerEntry } from '../ledger/ledger';
import {
	applyTradeEntry,
	emptyPair,
	netChange,
	tradeLimit,
	type Pair,
	type PairState,
	type TradeEntry
} from './pair';

export type PairProblem =
	| { code: 'sequence_gap'; expected: number; found: number }
	| { code: 'net_mismatch'; seq: number; net: number; expected: number }
	| { code: 'limit_breached'; seq: number; net: number; limit: number | null }
	| { code: 'leg_missing'; key: string; quarterId: string }
	| { code: 'leg_twice'; key: string; quarterId: string; count: number }
	| { code: 'leg_mismatch'; key: string; quarterId: string; seq: number }
	| { code: 'leg_without_transfer'; key: string; quarterId: string; seq: number }
	| { code: 'not_mirrored'; a: number; b: number };

export interface PairReport {
	pair: Pair;
	transfers: number;
	/** Transfers whose legs are not both booked yet: a settlement in progress, finished by the
	 * next run of the settle job. */
	pending: string[];
	/** Clearing balances: a's for b, b's for a; they mirror each other (a = -b). */
	clearingA: number;
	clearingB: number;
	problems: PairProblem[];
}

/** The legs a transfer books: in the paying quarter member → clearing, in the other clearing → member. */
function legsOf(entries: readonly LedgerEntry[], partnerId: string): Map<string, LedgerEntry[]> {
	const clearing = clearingAccount(partnerId);
	const legs = new Map<string, LedgerEntry[]>();
	for (const e of entries) {
		if (e.kind !== 'trade' || (e.from !== clearing && e.to !== clearing)) continue;
		const list = legs.get(e.key) ?? [];
		list.push(e);
		legs.set(e.key, list);
	}
	return legs;
}

function clearingBalance(entries: readonly LedgerEntry[], partnerId: string): number {
	const clearing = clearingAccount(partnerId);
	let balance = 0;
	for (const e of entries) {
		if (e.to === clearing) balance += e.minutes;
		if (e.from === clearing) balance -= e.minutes;
	}
	return balance;
}

export function verifyPair(
	pair: Pair,
	log: readonly TradeEntry[],
	ledgers: { a: readonly LedgerEntry[]; b: readonly LedgerEntry[] }
): PairReport {
	const problems: PairProblem[] = [];
	const state: PairState = emptyPair(pair);
	log.forEach((entry, index) => {
		if (entry.seq !== index + 1) {
			problems.push({ code: 'sequence_gap', expected: index + 1, found: entry.seq });
		}
		if (entry.kind === 'transfer') {
			const expected = state.net + netChange(pair, entry.fromQuarterId, entry.minutes);
			if (entry.net !== expected) {
				problems.push({ code: 'net_mismatch', seq: entry.seq, net: entry.net, expected });
			}
			const limit = tradeLimit(state);
			if (
				limit === null ||
				(Math.abs(expected) > limit && Math.abs(expected) > Math.abs(state.net))
			) {
				problems.push({ code: 'limit_breached', seq: entry.seq, net: expected, limit });
			}
		}
		if (entry.kind === 'release') {
			const released = state.active.get(entry.key);
			const expected = released
				? state.net - netChange(pair, released.fromQuarterId, released.minutes)
				: state.net;
			if (entry.net !== expected) {
				problems.push({ code: 'net_mismatch', seq: entry.seq, net: entry.net, expected });
			}
		}
		applyTradeEntry(state, entry);
	});

	const legs = { a: legsOf(ledgers.a, pair.b), b: legsOf(ledgers.b, pair.a) };
	const pending: string[] = [];
	for (const transfer of state.active.values()) {
		let missing = 0;
		for (const side of ['a', 'b'] as const) {
			const quarterId = pair[side];
			const found = legs[side].get(transfer.key) ?? [];
			if (found.length === 0) {
				missing++;
				continue;
			}
			if (found.length > 1) {
				problems.push({ code: 'leg_twice', key: transfer.key, quarterId, count: found.length });
			}
			const leg = found[0]!;
			const paying = quarterId === transfer.fromQuarterId;
			const clearing = clearingAccount(pair[side === 'a' ? 'b' : 'a']);
			const fits =
				leg.minutes === transfer.minutes && (paying ? leg.to === clearing : leg.from === clearing);
			if (!fits)
				problems.push({ code: 'leg_mismatch', key: transfer.key, quarterId, seq: leg.seq });
		}
		if (missing > 0) pending.push(transfer.key);
	}
	for (const side of ['a', 'b'] as const) {
		for (const [key, found] of legs[side]) {
			if (!state.active.has(key)) {
				problems.push({
					code: 'leg_without_transfer',
					key,
					quarterId: pair[side],
					seq: found[0]!.seq
				});
			}
		}
	}
	const clearingA = clearingBalance(ledgers.a, pair.b);
	const clearingB = clearingBalance(ledgers.b, pair.a);
	if (pending.length === 0 && clearingA !== -clearingB) {
		problems.push({ code: 'not_mirrored', a: clearingA, b: clearingB });
	}
	return { pair, transfers: state.active.size, pending, clearingA, clearingB, problems };
}
