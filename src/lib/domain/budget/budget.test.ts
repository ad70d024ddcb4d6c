import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../ledger/ledger';
import {
	centsFromEurosInput,
	checkEuroGrant,
	checkHourGrant,
	mayReceiveGrant,
	formatDay,
	isGrantProblem,
	lineState,
	linesForEuroGrant,
	linesForHourGrant,
	minutesFromLineHoursInput,
	sortLines,
	spentCents,
	spentMinutes,
	usageOf,
	validateLine,
	type BudgetLine,
	type LineDraft
} from './budget';

function line(over: Partial<BudgetLine> = {}): BudgetLine {
	return {
		id: 'L1',
		quarterId: 'q',
		name: 'Nachbarschaftshilfe für Ältere',
		minutes: 600,
		cents: null,
		from: '2026-01-01',
		to: '2026-12-31',
		purpose: 'Hilfe',
		decidedBy: 'Sozialraumkonferenz',
		decidedOn: '2025-12-10',
		createdBy: 'mod',
		createdAt: new Date('2025-12-11T10:00:00Z'),
		closedOn: null,
		...over
	};
}

let seq = 0;
function entry(over: Partial<LedgerEntry>): LedgerEntry {
	seq += 1;
	return {
		seq,
		at: new Date('2026-03-01T10:00:00Z'),
		by: 'mod',
		from: 'community',
		to: 'member:a',
		minutes: 60,
		kind: 'grant',
		key: `k${seq}`,
		memo: '',
		...over
	};
}

describe('validateLine', () => {
	const ok: LineDraft = {
		name: 'Sprachcafé',
		minutes: 120,
		cents: null,
		from: '2026-01-01',
		to: '2026-06-30',
		purpose: 'Treffen',
		decidedBy: 'Quartierskonferenz',
		decidedOn: '2025-12-01'
	};
	it.each<[string, Partial<LineDraft>, string[]]>([
		['hours only', {}, []],
		['euros only', { minutes: null, cents: 50000 }, []],
		['both', { cents: 100 }, []],
		['neither', { minutes: null }, ['amount_required']],
		['no name', { name: '  ' }, ['name_required']],
		['zero hours', { minutes: 0 }, ['invalid_amount']],
		['fractional cents', { cents: 1.5 }, ['invalid_amount']],
		['end before start', { to: '2025-12-31' }, ['period_order']],
		['no decision', { decidedBy: '' }, ['decision_required']],
		['one-day period', { to: '2026-01-01' }, []]
	])('%s', (_name, change, problems) => {
		expect(validateLine({ ...ok, ...change })).toEqual(problems);
	});
});

describe('lineState', () => {
	it.each([
		['2025-12-31', null, 'upcoming'],
		['2026-01-01', null, 'open'],
		['2026-12-31', null, 'open'],
		['2027-01-01', null, 'ended'],
		['2026-05-31', '2026-06-01', 'open'],
		['2026-06-01', '2026-06-01', 'closed'],
		['2027-02-01', '2026-06-01', 'closed']
	] as const)('on %s closed %s: %s', (day, closedOn, state) => {
		expect(lineState(line({ closedOn }), day)).toBe(state);
	});
});

describe('spent', () => {
	it('counts grants naming the line minus their reversals, nothing else', () => {
		const g1 = entry({ budgetLineId: 'L1', minutes: 120 });
		const g2 = entry({ budgetLineId: 'L1', minutes: 60 });
		const other = entry({ budgetLineId: 'L2', minutes: 300 });
		const plain = entry({ minutes: 45 }); // a grant from before budget lines
		const partial = entry({
			kind: 'reversal',
			reverses: g1.seq,
			minutes: 30,
			from: 'member:a',
			to: 'community'
		});
		const otherReversal = entry({ kind: 'reversal', reverses: other.seq, minutes: 300 });
		const exchange = entry({ kind: 'exchange', budgetLineId: 'L1', minutes: 999 });
		const entries = [g1, g2, other, plain, partial, otherReversal, exchange];
		expect(spentMinutes('L1', entries)).toBe(150);
		expect(spentMinutes('L2', entries)).toBe(0);
	});
	it('sums euro grants per line', () => {
		const grants = [
			{ lineId: 'L1', cents: 1000 },
			{ lineId: 'L2', cents: 500 },
			{ lineId: 'L1', cents: 250 }
		];
		expect(spentCents('L1', grants)).toBe(1250);
	});
	it('usage: decided, spent, remaining and a percent that never passes 100', () => {
		const l = line({ minutes: 600, cents: 10000 });
		const entries = [entry({ budgetLineId: 'L1', minutes: 150 })];
		const usage = usageOf(l, entries, [{ lineId: 'L1', cents: 12000 }]);
		expect(usage.hours).toEqual({ decided: 600, spent: 150, remaining: 450, over: 0, percent: 25 });
		expect(usage.euros).toEqual({
			decided: 10000,
			spent: 12000,
			remaining: 0,
			over: 2000,
			percent: 100
		});
		expect(usageOf(line(), [], []).euros).toBeNull();
	});
});

describe('checkHourGrant', () => {
	const entries = [entry({ budgetLineId: 'L1', minutes: 540 })];
	it.each<[string, Partial<BudgetLine>, number, string, unknown]>([
		['within', {}, 60, '2026-03-01', null],
		['exactly the rest', {}, 60, '2026-03-01', null],
		['beyond', {}, 61, '2026-03-01', { code: 'exceeds_remaining', remaining: 60 }],
		['before the period', {}, 30, '2025-12-31', { code: 'line_upcoming' }],
		['after the period', {}, 30, '2027-01-01', { code: 'line_ended' }],
		['closed', { closedOn: '2026-02-01' }, 30, '2026-03-01', { code: 'line_closed' }],
		['euros only', { minutes: null, cents: 100 }, 30, '2026-03-01', { code: 'line_no_hours' }]
	])('%s', (_name, change, minutes, day, problem) => {
		expect(checkHourGrant(line(change), entries, minutes, day)).toEqual(problem);
	});
});

describe('checkEuroGrant', () => {
	const l = line({ minutes: null, cents: 50000 });
	it('refuses beyond the rest and on a closed line', () => {
		expect(checkEuroGrant(l, [{ lineId: 'L1', cents: 40000 }], 10000, '2026-03-01')).toBeNull();
		expect(checkEuroGrant(l, [{ lineId: 'L1', cents: 40000 }], 10001, '2026-03-01')).toEqual({
			code: 'exceeds_remaining',
			remaining: 10000
		});
		expect(checkEuroGrant({ ...l, closedOn: '2026-02-01' }, [], 1, '2026-03-01')).toEqual({
			code: 'line_closed'
		});
		expect(checkEuroGrant(line(), [], 1, '2026-03-01')).toEqual({ code: 'line_no_euros' });
	});
});

describe('lines a grant may use', () => {
	const lines = [
		line({ id: 'A', name: 'Sprachcafé', minutes: 120, cents: 1000 }),
		line({ id: 'B', name: 'Altes Jahr', from: '2025-01-01', to: '2025-12-31' }),
		line({ id: 'C', name: 'Material', minutes: null, cents: 5000 }),
		line({ id: 'D', name: 'Aufgebraucht', minutes: 60 }),
		line({ id: 'E', name: 'Geschlossen', closedOn: '2026-02-01' })
	];
	const entries = [entry({ budgetLineId: 'D', minutes: 60 })];
	it('hours: open today with hours left, by name', () => {
		expect(
			linesForHourGrant(lines, entries, '2026-03-01').map((x) => [x.line.id, x.remaining])
		).toEqual([['A', 120]]);
	});
	it('euros: open today with euros left', () => {
		const grants = [{ lineId: 'A', cents: 1000 }];
		expect(linesForEuroGrant(lines, grants, '2026-03-01').map((x) => x.line.id)).toEqual(['C']);
	});
	it('sorts open lines before ended ones', () => {
		expect(sortLines(lines, '2026-03-01').map((l) => l.id)).toEqual(['D', 'C', 'A', 'E', 'B']);
	});
});

describe('centsFromEurosInput', () => {
	it.each([
		['12', 1200],
		['12,5', 1250],
		['12,50 €', 1250],
		['1.234,56', 123456],
		['12.5', 1250],
		['15000', 1500000],
		['', null],
		['abc', null],
		['1,234', null],
		['-5', null]
	] as const)('%s → %s', (text, cents) => {
		expect(centsFromEurosInput(text)).toBe(cents);
	});
});

describe('minutesFromLineHoursInput', () => {
	it.each([
		['120', 7200],
		['120,5', 7230],
		['80.25', 4815],
		['0,75', 45],
		['1,3', null],
		['', null],
		['1234567', null],
		['-3', null]
	] as const)('%s → %s', (text, minutes) => {
		expect(minutesFromLineHoursInput(text)).toBe(minutes);
	});
});

describe('isGrantProblem and formatDay', () => {
	it('tells a budget refusal from a ledger one', () => {
		expect(isGrantProblem({ code: 'exceeds_remaining' })).toBe(true);
		expect(isGrantProblem({ code: 'line_closed' })).toBe(true);
		expect(isGrantProblem({ code: 'above_maximum' })).toBe(false);
		expect(isGrantProblem({ code: 'not_member' })).toBe(false);
	});
	it('shows a calendar day without shifting it by a time zone', () => {
		expect(formatDay('2026-03-12', 'de')).toBe('12.03.2026');
		expect(formatDay('2026-01-01', 'en')).toBe('Jan 1, 2026');
	});
});

describe('mayReceiveGrant', () => {
	it('lets active members other than the granting moderator receive', () => {
		expect(mayReceiveGrant({ userId: 'anna', state: 'active' }, 'mod')).toBe(true);
		expect(mayReceiveGrant({ userId: 'mod', state: 'active' }, 'mod')).toBe(false);
		expect(mayReceiveGrant({ userId: 'anna', state: 'suspended' }, 'mod')).toBe(false);
		expect(mayReceiveGrant({ userId: 'anna', state: null }, 'mod')).toBe(false);
		expect(mayReceiveGrant(null, 'mod')).toBe(false);
	});
});
