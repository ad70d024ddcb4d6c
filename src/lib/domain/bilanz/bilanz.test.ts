import { describe, expect, it } from 'vitest';
import type { Cell, ExchangeFact, MembershipFact } from '../impact/impact';
import {
	BILANZ_FIGURES,
	bilanzMonths,
	computeBilanz,
	type Bilanz,
	type BilanzFigureId,
	type BilanzInput,
	type EventFact,
	type GrantLedgerFact
} from './bilanz';

const TZ = 'Europe/Berlin';
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const v = (value: number): Cell => ({ kind: 'value', value });
const S: Cell = { kind: 'suppressed' };
const NOW = at('2026-12-03');

let n = 0;
function exchange(provider: string, receiver: string, settledAt: string): ExchangeFact {
	n++;
	return {
		id: `x${String(n).padStart(3, '0')}`,
		providerId: provider,
		receiverId: receiver,
		listingId: null,
		settlement: 'hours',
		state: 'settled',
		proposedAt: at(settledAt),
		proposedBy: receiver,
		settledAt: at(settledAt),
		payment: null,
		refundedCents: 0
	};
}

function hours(
	seq: number,
	from: string,
	to: string,
	minutes: number,
	day: string
): GrantLedgerFact {
	return {
		seq,
		kind: 'exchange',
		from: `member:${from}`,
		to: `member:${to}`,
		minutes,
		at: at(day)
	};
}

function grant(
	seq: number,
	to: string,
	minutes: number,
	day: string,
	line: string
): GrantLedgerFact {
	return {
		seq,
		kind: 'grant',
		from: 'community',
		to: `member:${to}`,
		minutes,
		at: at(day),
		budgetLineId: line
	};
}

const member = (userId: string, since: string): MembershipFact => ({
	userId,
	role: 'resident',
	state: 'active',
	since: at(since)
});

const event = (id: string, kind: string, day: string, attendees: string[], status = 'published') =>
	({ id, kind, status, startsAt: at(day), attendees }) satisfies EventFact;

function input(extra: Partial<BilanzInput>): BilanzInput {
	return {
		year: 2026,
		now: NOW,
		timeZone: TZ,
		publicFigures: BILANZ_FIGURES,
		ledger: [],
		exchanges: [],
		memberships: [],
		events: [],
		budgetLines: [],
		euroGrants: [],
		rounds: [],
		...extra
	};
}

function figure(b: Bilanz, id: BilanzFigureId): Cell | undefined {
	return b.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.cell;
}

const people = (k: number) => Array.from({ length: k }, (_, i) => `p${i}`);

describe('bilanzMonths', () => {
	it('shows the twelve months of a past year and the current year up to now', () => {
		expect(bilanzMonths(2025, NOW, TZ)).toHaveLength(12);
		expect(bilanzMonths(2026, NOW, TZ)).toEqual([
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06',
			'2026-07',
			'2026-08',
			'2026-09',
			'2026-10',
			'2026-11',
			'2026-12'
		]);
		expect(bilanzMonths(2026, at('2026-03-10'), TZ)).toEqual(['2026-01', '2026-02', '2026-03']);
		expect(bilanzMonths(2027, NOW, TZ)).toEqual([]);
	});
});

describe('computeBilanz: suppression below 5 people', () => {
	it('hides hours, exchanges and new contacts built from 4 people and shows them from 5', () => {
		// Four people: p0↔p1, p2↔p3.
		const four = input({
			ledger: [hours(1, 'p0', 'p1', 60, '2026-03-01'), hours(2, 'p2', 'p3', 90, '2026-04-01')],
			exchanges: [exchange('p0', 'p1', '2026-03-01'), exchange('p2', 'p3', '2026-04-01')]
		});
		const b4 = computeBilanz(four);
		expect(figure(b4, 'hours')).toEqual(S);
		expect(figure(b4, 'exchanges')).toEqual(S);
		expect(figure(b4, 'newContacts')).toEqual(S);

		const five = input({
			ledger: [...four.ledger, hours(3, 'p4', 'p0', 30, '2026-05-01')],
			exchanges: [...four.exchanges, exchange('p4', 'p0', '2026-05-01')]
		});
		const b5 = computeBilanz(five);
		expect(figure(b5, 'hours')).toEqual(v(3));
		expect(figure(b5, 'exchanges')).toEqual(v(3));
		expect(figure(b5, 'newContacts')).toEqual(v(3));
	});

	it('counts only the year, and a pair that met before the year is no new contact', () => {
		const ps = people(6);
		const b = computeBilanz(
			input({
				exchanges: [
					exchange('p0', 'p1', '2025-06-01'),
					exchange('p0', 'p1', '2026-02-01'),
					exchange('p2', 'p3', '2026-02-01'),
					exchange('p4', 'p5', '2026-03-01'),
					exchange('p1', 'p2', '2026-03-01')
				],
				memberships: ps.map((p) => member(p, '2025-01-01'))
			})
		);
		expect(figure(b, 'exchanges')).toEqual(v(4));
		expect(figure(b, 'newContacts')).toEqual(v(3));
	});

	it('suppresses member counts below 5 and shows them from 5', () => {
		const b4 = computeBilanz(input({ memberships: people(4).map((p) => member(p, '2026-02-01')) }));
		expect(figure(b4, 'members')).toEqual(S);
		expect(figure(b4, 'newMembers')).toEqual(S);
		const b = computeBilanz(
			input({
				memberships: [
					...people(5).map((p) => member(p, '2024-02-01')),
					...['n0', 'n1', 'n2', 'n3', 'n4'].map((p) => member(p, '2026-05-01')),
					member('later', '2026-12-24')
				]
			})
		);
		expect(figure(b, 'members')).toEqual(v(10));
		expect(figure(b, 'newMembers')).toEqual(v(5));
		// Last year's count stops at its end: the five old members only.
		expect(
			figure(
				computeBilanz({
					...input({}),
					year: 2025,
					memberships: [
						...people(5).map((p) => member(p, '2024-02-01')),
						member('n0', '2026-05-01')
					]
				}),
				'members'
			)
		).toEqual(v(5));
	});

	it('never hides the number of events, and hides attendance from fewer than 5 people', () => {
		const b = computeBilanz(
			input({
				events: [
					event('e1', 'festival', '2026-06-20', people(4)),
					event('e2', 'repair_cafe', '2026-07-04', ['p0', 'p1', 'p2', 'p3', 'p4']),
					event('e3', 'repair_cafe', '2026-07-18', ['p0']),
					event('e4', 'meeting', '2026-08-01', people(9), 'cancelled'),
					event('e5', 'meeting', '2026-12-20', people(9)),
					event('e6', 'meeting', '2025-12-20', people(9))
				]
			})
		);
		expect(figure(b, 'events')).toEqual(v(3));
		expect(figure(b, 'attendance')).toEqual(v(10));
		const events = b.sections.find((s) => s.id === 'events')!;
		const kinds = events.tables[0]!;
		expect(kinds.rows.map((r) => [r.key, ...r.cells])).toEqual([
			['festival', v(1), S],
			['repair_cafe', v(2), v(6)]
		]);
		const monthly = events.monthly.find((m) => m.id === 'attendance')!;
		expect(monthly.cells[5]).toEqual(S); // June: 4 people
		expect(monthly.cells[6]).toEqual(v(6)); // July: 5 people, 6 seats
		expect(monthly.cells[0]).toEqual(S); // nobody
		expect(events.monthly.find((m) => m.id === 'events')!.cells[0]).toEqual(v(0));
	});

	it('budget per line: hides sums 1 to 4 members received, shows project payments and zero', () => {
		const b = computeBilanz(
			input({
				budgetLines: [
					{ id: 'L1', name: 'Nachbarschaftshilfe' },
					{ id: 'L2', name: 'Repair-Café Material' },
					{ id: 'L3', name: 'Sprachcafé' },
					{ id: 'L4', name: 'Winterhilfe' }
				],
				ledger: [
					...people(5).map((p, i) => grant(i + 1, p, 120, '2026-04-01', 'L1')),
					grant(6, 'p0', 60, '2026-04-02', 'L3'),
					{ ...grant(7, 'p1', 600, '2025-12-01', 'L4') },
					{
						seq: 8,
						kind: 'reversal',
						from: 'member:p0',
						to: 'community',
						minutes: 60,
						at: at('2026-04-10'),
						reverses: 1
					}
				],
				euroGrants: [
					{ lineId: 'L2', cents: 12_000, paidOn: '2026-05-03', userId: null },
					{ lineId: 'L2', cents: 3_050, paidOn: '2026-06-03', userId: null },
					{ lineId: 'L2', cents: 9_999, paidOn: '2025-06-03', userId: null },
					{ lineId: 'L3', cents: 2_000, paidOn: '2026-06-03', userId: 'p2' }
				]
			})
		);
		const table = b.sections.find((s) => s.id === 'budget')!.tables[0]!;
		expect(table.columns).toEqual(['budgetHours', 'budgetEuros']);
		expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
			['Nachbarschaftshilfe', v(9), v(0)],
			['Repair-Café Material', v(0), v(150.5)],
			['Sprachcafé', S, S],
			['Winterhilfe', v(0), v(0)]
		]);
		expect(figure(b, 'budgetHours')).toEqual(v(10));
		// One person received euros: the total is hidden too.
		expect(figure(b, 'budgetEuros')).toEqual(S);
	});
});

describe('computeBilanz: the figures the quarter management chose', () => {
	it('leaves out figures, columns and whole sections that are not public', () => {
		const b = computeBilanz(
			input({
				publicFigures: ['hours', 'events', 'budgetEuros'],
				budgetLines: [{ id: 'L1', name: 'A' }]
			})
		);
		expect(b.sections.map((s) => s.id)).toEqual(['exchange', 'events', 'budget']);
		const ids = b.sections.flatMap((s) => [
			...s.figures.map((f) => f.id),
			...s.monthly.map((f) => f.id),
			...s.tables.flatMap((t) => t.columns)
		]);
		expect(new Set(ids)).toEqual(new Set(['hours', 'events', 'budgetEuros']));
		expect(b.sections.find((s) => s.id === 'budget')!.tables[0]!.rows[0]!.cells).toHaveLength(1);
	});

	it('shows no section when nothing is public', () => {
		expect(computeBilanz(input({ publicFigures: [] })).sections).toEqual([]);
	});
});

describe('computeBilanz: the Bürgerbudget rounds of the year', () => {
	const round = (id: string, voters: number, winners: { title: string; votes: number }[]) => ({
		id,
		title: `Runde ${id}`,
		proposals: 4,
		voters,
		winners
	});

	it('counts proposals, suppresses fewer than 5 voters and lists the winners with their votes', () => {
		const b = computeBilanz(
			input({
				rounds: [
					round('frühling', 22, [
						{ title: 'Bank am Spielplatz', votes: 14 },
						{ title: 'Lastenrad', votes: 3 }
					]),
					round('herbst', 4, [])
				]
			})
		);
		expect(figure(b, 'roundProposals')).toEqual({ kind: 'value', value: 8 });
		expect(figure(b, 'roundVoters')).toEqual({ kind: 'value', value: 26 });
		const section = b.sections.find((s) => s.id === 'budgetRounds')!;
		expect(section.tables[0]!.rows.map((r) => [r.label, r.cells[0]])).toEqual([
			['Runde frühling: Bank am Spielplatz', { kind: 'value', value: 14 }],
			['Runde frühling: Lastenrad', { kind: 'suppressed' }]
		]);
		expect(
			figure(computeBilanz(input({ rounds: [round('herbst', 4, [])] })), 'roundVoters')
		).toEqual({ kind: 'suppressed' });
	});

	it('leaves the section out when the management shows none of its figures', () => {
		const b = computeBilanz(
			input({
				publicFigures: BILANZ_FIGURES.filter((f) => !f.startsWith('round')),
				rounds: [round('frühling', 22, [{ title: 'Bank', votes: 14 }])]
			})
		);
		expect(b.sections.map((s) => s.id)).not.toContain('budgetRounds');
	});
});
