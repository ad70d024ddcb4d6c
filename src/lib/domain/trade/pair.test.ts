import { describe, expect, it } from 'vitest';
import { clearingAccount, memberAccount, type LedgerEntry } from '../ledger/ledger';
import {
	applyTradeEntry,
	decideRelease,
	decideSwitch,
	decideTransfer,
	emptyPair,
	pairKey,
	pairOf,
	parsePairKey,
	tradeLimit,
	type PairState,
	type TradeEntry
} from './pair';
import { verifyPair } from './verify';

const AT = new Date('2026-12-03T10:00:00Z');
const pair = pairOf('nordstadt', 'lindenhof');

function open(limitA: number, limitB: number): PairState {
	const state = emptyPair(pair);
	let seq = 0;
	for (const [quarterId, limitMinutes] of [
		[pair.a, limitA],
		[pair.b, limitB]
	] as const) {
		const d = decideSwitch(state, { quarterId, on: true, limitMinutes }, 'm', AT);
		if (!d.ok) throw new Error(d.problem);
		applyTradeEntry(state, { ...d.entry, seq: ++seq });
	}
	return state;
}

function transfer(state: PairState, key: string, from: string, minutes: number) {
	const to = from === pair.a ? pair.b : pair.a;
	const d = decideTransfer(
		state,
		{ key, fromQuarterId: from, toQuarterId: to, minutes, memo: '' },
		'system',
		AT
	);
	if (d.ok && !('existing' in d)) {
		const entry = {
			...d.entry,
			seq: state.switches.length + state.transfers.length + state.releases.length + 1
		} as TradeEntry;
		applyTradeEntry(state, entry);
		return entry;
	}
	return d;
}

describe('trade between two quarters', () => {
	it('names the pair the same from both sides', () => {
		expect(pairOf('nordstadt', 'lindenhof')).toEqual(pairOf('lindenhof', 'nordstadt'));
		expect(parsePairKey(pairKey(pair))).toEqual(pair);
		expect(parsePairKey('b~a')).toBeNull();
		expect(parsePairKey('a')).toBeNull();
	});

	it('opens only when both sides are on; the smaller limit counts', () => {
		const state = emptyPair(pair);
		expect(tradeLimit(state)).toBeNull();
		expect(decideSwitch(state, { quarterId: 'x', on: true, limitMinutes: 60 }, 'm', AT)).toEqual({
			ok: false,
			problem: 'not_in_pair'
		});
		expect(
			decideSwitch(state, { quarterId: pair.a, on: true, limitMinutes: -1 }, 'm', AT)
		).toMatchObject({ ok: false, problem: 'invalid_limit' });
		expect(tradeLimit(open(300, 600))).toBe(300);
		expect(
			decideTransfer(
				emptyPair(pair),
				{ key: 'x', fromQuarterId: pair.a, toQuarterId: pair.b, minutes: 60, memo: '' },
				's',
				AT
			)
		).toEqual({ ok: false, problem: { code: 'trade_closed' } });
	});

	it('keeps the net within the limit, but always lets it move back towards zero', () => {
		const state = open(120, 600);
		expect(transfer(state, 'e1', pair.a, 60)).toMatchObject({ net: 60 });
		expect(transfer(state, 'e2', pair.a, 60)).toMatchObject({ net: 120 });
		expect(transfer(state, 'e3', pair.a, 15)).toEqual({
			ok: false,
			problem: { code: 'over_trade_limit', netAfter: 135, limit: 120 }
		});
		expect(transfer(state, 'e4', pair.b, 180)).toMatchObject({ net: -60 });
		// The same key again is the transfer booked first.
		expect(transfer(state, 'e1', pair.a, 60)).toMatchObject({ ok: true, existing: { key: 'e1' } });
	});

	it('gives a reservation back once', () => {
		const state = open(600, 600);
		transfer(state, 'e1', pair.b, 90);
		const released = decideRelease(state, 'e1', 'below_minimum', 's', AT);
		expect(released?.entry).toMatchObject({ kind: 'release', net: 0 });
		applyTradeEntry(state, { ...released!.entry, seq: 4 });
		expect(decideRelease(state, 'e1', 'again', 's', AT)).toBeNull();
		expect(state.net).toBe(0);
	});
});

describe('verifyPair', () => {
	const leg = (
		seq: number,
		from: LedgerEntry['from'],
		to: LedgerEntry['to'],
		key: string,
		minutes = 60
	): LedgerEntry => ({ seq, from, to, key, minutes, kind: 'trade', memo: '', at: AT, by: 's' });

	function log(): TradeEntry[] {
		const state = open(600, 600);
		transfer(state, 'e1', pair.a, 60);
		return [...state.switches, ...state.transfers];
	}

	it('finds the legs once on each side and the clearing balances mirrored', () => {
		const report = verifyPair(pair, log(), {
			a: [leg(1, memberAccount('u1'), clearingAccount(pair.b), 'e1')],
			b: [leg(1, clearingAccount(pair.a), memberAccount('u2'), 'e1')]
		});
		expect(report.problems).toEqual([]);
		expect(report.clearingA).toBe(60);
		expect(report.clearingB).toBe(-60);
	});

	it('reports a missing leg as in progress, a doubled or stray leg as a problem', () => {
		const a = [leg(1, memberAccount('u1'), clearingAccount(pair.b), 'e1')];
		expect(verifyPair(pair, log(), { a, b: [] }).pending).toEqual(['e1']);
		const twice = verifyPair(pair, log(), {
			a: [...a, leg(2, memberAccount('u1'), clearingAccount(pair.b), 'e1')],
			b: [leg(1, clearingAccount(pair.a), memberAccount('u2'), 'e1')]
		});
		expect(twice.problems.map((p) => p.code)).toEqual(['leg_twice', 'not_mirrored']);
		const stray = verifyPair(pair, log(), {
			a,
			b: [
				leg(1, clearingAccount(pair.a), memberAccount('u2'), 'e1'),
				leg(2, clearingAccount(pair.a), memberAccount('u2'), 'e9')
			]
		});
		expect(stray.problems.map((p) => p.code)).toEqual(['leg_without_transfer', 'not_mirrored']);
	});
});
