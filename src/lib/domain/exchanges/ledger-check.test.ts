import { describe, expect, it } from 'vitest';
import { memberAccount, type LedgerEntry } from '../ledger/ledger';
import { checkSettlements } from './ledger-check';
import type { LogEvent, Proposal } from './log';

const T0 = new Date('2031-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function proposal(settlement: Proposal['settlement'] = 'hours'): Proposal {
	return {
		providerId: 'prov',
		receiverId: 'recv',
		listingId: null,
		title: 'Einkaufen',
		date: null,
		minutes: 90,
		settlement
	};
}

function confirmed(settlement: Proposal['settlement'] = 'hours'): LogEvent[] {
	return [
		{ n: 1, move: 'propose', by: 'recv', at: T0, minutes: 90, proposal: proposal(settlement) },
		{ n: 2, move: 'accept', by: 'prov', at: at(1) },
		{ n: 3, move: 'markDone', by: 'prov', at: at(2) },
		{ n: 4, move: 'confirm', by: 'recv', at: at(3), minutes: 90 }
	];
}

const settling: LogEvent = {
	n: 5,
	move: 'settling',
	settling: 'settle',
	by: 'system',
	at: at(4),
	minutes: 90,
	holder: 'server-a'
};

function settled(seq: number): LogEvent[] {
	return [
		...confirmed(),
		settling,
		{ n: 6, move: 'settle', by: 'system', at: at(5), minutes: 90, ledgerSeq: seq }
	];
}

function entry(seq: number, key: string, minutes = 90, kind: LedgerEntry['kind'] = 'exchange') {
	return {
		seq,
		key,
		kind,
		from: memberAccount('recv'),
		to: memberAccount('prov'),
		minutes,
		memo: 'Einkaufen',
		at: at(5),
		by: 'system'
	} satisfies LedgerEntry;
}

describe('checkSettlements', () => {
	const cases: Array<{
		name: string;
		logs: Record<string, LogEvent[]>;
		entries: LedgerEntry[];
		problems: string[];
		withHours?: number;
		pending?: string[];
	}> = [
		{
			name: 'a settled exchange with its one transfer is sound',
			logs: { ex1: settled(3) },
			entries: [entry(3, 'ex1')],
			problems: [],
			withHours: 1
		},
		{
			name: 'settled without a transfer',
			logs: { ex1: settled(3) },
			entries: [],
			problems: ['settled_without_transfer'],
			withHours: 1
		},
		{
			name: 'a transfer of other minutes than settled',
			logs: { ex1: settled(3) },
			entries: [entry(3, 'ex1', 60)],
			problems: ['transfer_mismatch']
		},
		{
			name: 'the log names another entry number than the ledger holds',
			logs: { ex1: settled(4) },
			entries: [entry(3, 'ex1')],
			problems: ['recorded_seq_mismatch']
		},
		{
			name: 'a transfer whose exchange is not settled',
			logs: { ex1: confirmed() },
			entries: [entry(3, 'ex1')],
			problems: ['transfer_without_settlement']
		},
		{
			name: 'a transfer for an exchange that does not exist',
			logs: {},
			entries: [entry(3, 'ghost')],
			problems: ['transfer_without_settlement']
		},
		{
			name: 'other kinds of entries are not exchange transfers',
			logs: {},
			entries: [entry(1, 'start-credit:recv', 120, 'start-credit')],
			problems: []
		},
		{
			name: 'a pending settlement (booked, not yet recorded) is reported, not a problem',
			logs: { ex1: [...confirmed(), settling] },
			entries: [entry(3, 'ex1')],
			problems: [],
			pending: ['ex1']
		},
		{
			name: 'a log with a gap is unreadable',
			logs: { ex1: [confirmed()[0]!, confirmed()[2]!] },
			entries: [],
			problems: ['unreadable_log']
		}
	];

	it.each(cases)('$name', ({ logs, entries, problems, withHours, pending }) => {
		const report = checkSettlements(new Map(Object.entries(logs)), entries);
		expect(report.problems.map((p) => p.code)).toEqual(problems);
		if (withHours !== undefined) expect(report.settledWithHours).toBe(withHours);
		expect(report.pending).toEqual(pending ?? []);
	});

	it('free help settles without hours and needs no transfer', () => {
		const events: LogEvent[] = [
			...confirmed('free'),
			{ ...settling, minutes: 90 },
			{ n: 6, move: 'settle', by: 'system', at: at(5), minutes: 90 }
		];
		const report = checkSettlements(new Map([['ex1', events]]), []);
		expect(report.problems).toEqual([]);
		expect(report).toMatchObject({ settledWithHours: 0, settledWithoutHours: 1 });
	});

	it('reads events in any order', () => {
		const report = checkSettlements(new Map([['ex1', [...settled(3)].reverse()]]), [
			entry(3, 'ex1')
		]);
		expect(report.problems).toEqual([]);
	});
});
