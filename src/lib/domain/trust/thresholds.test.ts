import { describe, expect, it } from 'vitest';
import {
	tableProblems,
	thresholdForYear,
	thresholdOn,
	thresholdValue,
	THRESHOLDS,
	type Threshold
} from './thresholds';

describe('the thresholds table', () => {
	it('has no overlaps, gaps or entries ending before they start', () => {
		expect(tableProblems()).toEqual([]);
	});

	it('names a source with an official address for every entry', () => {
		for (const t of THRESHOLDS) {
			expect(t.source.title, t.id).not.toBe('');
			expect(t.source.url, t.id).toMatch(/^https:\/\//);
		}
	});

	it.each([
		['vat.small_business.previous_year', '2024-12-31', 2_200_000],
		['vat.small_business.previous_year', '2025-01-01', 2_500_000],
		['vat.small_business.current_year', '2024-12-31', 5_000_000],
		['vat.small_business.current_year', '2025-01-01', 10_000_000],
		['dac7.goods_exclusion.sales', '2026-06-30', 30],
		['age.adult', '2026-12-03', 18]
	] as const)('%s on %s is %i', (id, day, value) => {
		expect(thresholdValue(id, day)).toBe(value);
	});

	it('judges a year by the rules of its last day', () => {
		expect(thresholdForYear('vat.small_business.current_year', 2024)).toBe(5_000_000);
		expect(thresholdForYear('vat.small_business.current_year', 2025)).toBe(10_000_000);
	});

	it('refuses a day before the first entry and a malformed day', () => {
		expect(() => thresholdOn('dac7.goods_exclusion.sales', '2022-12-31')).toThrow(/0 entries/);
		expect(() => thresholdOn('age.adult', '3.12.2026')).toThrow(/not a day/);
	});

	it('finds overlaps and gaps in a broken table', () => {
		const row = (from: string, until: string | null): Threshold => ({
			id: 'age.adult',
			value: 18,
			unit: 'years',
			from,
			until,
			source: { title: 'x', url: 'https://example.org' }
		});
		expect(tableProblems([row('2020-01-01', '2020-12-31'), row('2020-12-31', null)])).toEqual([
			'age.adult: 2020-01-01 overlaps 2020-12-31'
		]);
		expect(tableProblems([row('2020-01-01', '2020-12-30'), row('2021-01-01', null)])).toEqual([
			'age.adult: gap after 2020-12-30'
		]);
		expect(tableProblems([row('2020-01-01', '2020-12-31')])).toEqual([
			'age.adult: no entry valid today after 2020-12-31'
		]);
	});
});
