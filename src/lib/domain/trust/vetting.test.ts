import { describe, expect, it } from 'vitest';
import { addMonths, isVettingValid, vettingProblem, vettingValidUntil } from './vetting';

describe('Führungszeugnis records', () => {
	it.each([
		['2026-10-01', '2026-12-01', '2026-12-03', null],
		['2026-09-01', '2026-12-01', '2026-12-03', null], // exactly three months old
		['2026-08-31', '2026-12-01', '2026-12-03', 'too_old'],
		['2026-12-02', '2026-12-01', '2026-12-03', 'issued_after_seen'],
		['2026-12-01', '2026-12-04', '2026-12-03', 'seen_in_future'],
		['2026-02-30', '2026-03-01', '2026-12-03', 'bad_day'],
		['gestern', '2026-03-01', '2026-12-03', 'bad_day']
	])('issued %s, seen %s, today %s: %s', (issued, seen, today, problem) => {
		expect(vettingProblem(issued, seen, today)).toBe(problem);
	});

	it('is valid for the quarter months or the table default of five years', () => {
		expect(vettingValidUntil('2026-12-01', 24)).toBe('2028-12-01');
		expect(vettingValidUntil('2026-12-01', null)).toBe('2031-12-01');
	});

	it('counts up to and including its last day', () => {
		expect(isVettingValid({ validUntil: '2026-12-03' }, '2026-12-03')).toBe(true);
		expect(isVettingValid({ validUntil: '2026-12-03' }, '2026-12-04')).toBe(false);
		expect(isVettingValid(null, '2026-12-03')).toBe(false);
	});

	it('adds months clamped to the end of a month', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
	});
});
