import { describe, expect, it } from 'vitest';
import { readImpactPeriod } from './impact';

const now = new Date('2026-11-26T10:00:00Z');
const read = (query: string) => readImpactPeriod(new URLSearchParams(query), now, 'Europe/Berlin');

describe('readImpactPeriod', () => {
	it.each([
		['', { from: '2025-12', to: '2026-11' }],
		['from=2026-01&to=2026-03', { from: '2026-01', to: '2026-03' }],
		['from=2026-05', { from: '2026-05', to: '2026-11' }]
	])('%s', (query, period) => {
		expect(read(query).period).toEqual(period);
	});

	it.each([
		['from=2026-13', 'from', 'impact_error_month_invalid'],
		['from=$gt', 'from', 'impact_error_month_invalid'],
		['from=2026-05&to=2026-01', 'to', 'impact_error_period_order'],
		['from=2020-01&to=2026-01', 'from', 'impact_error_period_long']
	])('refuses %s', (query, field, key) => {
		const result = read(query);
		expect(result.period).toBeNull();
		expect(result.errors[field]).toBe(key);
	});
});
