import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../audit/actions';
import {
	countCell,
	DECISION_KIND_OF_ACTION,
	DECISION_KINDS,
	decisionKind,
	transparencyTable,
	yearOf
} from './transparency';

describe('countCell: small counts are not given out', () => {
	it.each([
		[0, { kind: 'value', value: 0 }],
		[1, { kind: 'suppressed' }],
		[4, { kind: 'suppressed' }],
		[5, { kind: 'value', value: 5 }],
		[120, { kind: 'value', value: 120 }]
	])('%i', (n, cell) => {
		expect(countCell(n)).toEqual(cell);
	});
});

describe('yearOf', () => {
	it('counts in German time: New Year’s Eve 23:30 UTC is already the next year', () => {
		expect(yearOf(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
		expect(yearOf(new Date('2025-12-31T22:30:00Z'))).toBe(2025);
	});
});

describe('transparencyTable', () => {
	const facts = (source: string, kind: string, n: number, iso: string) =>
		Array.from({ length: n }, () => ({ source, kind, at: new Date(iso) }));

	it('counts per source, kind and year, newest year first, with totals', () => {
		const table = transparencyTable(
			[
				{ source: 'reports', kinds: ['listing', 'member'] },
				{ source: 'decisions', kinds: ['listingRemoved'] }
			],
			[
				...facts('reports', 'listing', 7, '2025-05-01T10:00:00Z'),
				...facts('reports', 'member', 2, '2025-06-01T10:00:00Z'),
				...facts('reports', 'listing', 3, '2026-02-01T10:00:00Z'),
				...facts('decisions', 'listingRemoved', 6, '2026-02-02T10:00:00Z'),
				// Unknown sources and kinds, and the future, are not counted.
				...facts('notices', 'listing', 9, '2026-02-02T10:00:00Z'),
				...facts('reports', 'other', 9, '2026-02-02T10:00:00Z'),
				...facts('reports', 'listing', 9, '2027-02-02T10:00:00Z')
			],
			new Date('2026-06-01T10:00:00Z')
		);
		expect(table.years).toEqual([2026, 2025]);
		const [reports, decisions] = table.sections;
		expect(reports!.rows).toEqual([
			{ kind: 'listing', cells: [{ kind: 'suppressed' }, { kind: 'value', value: 7 }] },
			{ kind: 'member', cells: [{ kind: 'value', value: 0 }, { kind: 'suppressed' }] }
		]);
		// 3 + 0 in 2026 stays hidden, 7 + 2 in 2025 is shown.
		expect(reports!.total).toEqual([{ kind: 'suppressed' }, { kind: 'value', value: 9 }]);
		expect(decisions!.rows[0]!.cells).toEqual([
			{ kind: 'value', value: 6 },
			{ kind: 'value', value: 0 }
		]);
	});

	it('shows the current year even without any fact', () => {
		const table = transparencyTable(
			[{ source: 'reports', kinds: ['listing'] }],
			[],
			new Date('2026-06-01T10:00:00Z')
		);
		expect(table.years).toEqual([2026]);
		expect(table.sections[0]!.total).toEqual([{ kind: 'value', value: 0 }]);
		expect(table.sections[0]!.medianHours).toBeNull();
	});

	it('gives the median time in hours where the source asks for it, suppressed under five', () => {
		const took = (hours: number[], iso: string) =>
			hours.map((h) => ({
				source: 'notice_decisions',
				kind: 'remove',
				at: new Date(iso),
				durationMs: h * 3_600_000
			}));
		const table = transparencyTable(
			[{ source: 'notice_decisions', kinds: ['remove'], median: true }],
			[...took([1, 30, 2.5, 4, 100], '2025-05-01T10:00:00Z'), ...took([3], '2024-05-01T10:00:00Z')],
			new Date('2026-06-01T10:00:00Z')
		);
		expect(table.years).toEqual([2026, 2025, 2024]);
		// 2026 had no decision; 2025 has five (median 4 h); 2024 only one.
		expect(table.sections[0]!.medianHours).toEqual([
			{ kind: 'unknown' },
			{ kind: 'value', value: 4 },
			{ kind: 'suppressed' }
		]);
	});
});

describe('decision kinds', () => {
	it('come from audit actions that exist, and each kind is listed', () => {
		for (const [action, kind] of Object.entries(DECISION_KIND_OF_ACTION)) {
			expect(AUDIT_ACTIONS as readonly string[]).toContain(action);
			expect(DECISION_KINDS as readonly string[]).toContain(kind);
		}
		expect(new Set(Object.values(DECISION_KIND_OF_ACTION)).size).toBe(DECISION_KINDS.length);
		expect(decisionKind('listing.approve')).toBeNull();
		expect(decisionKind('flag.hidden')).toBe('reportUpheld');
	});
});
