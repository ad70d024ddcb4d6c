import { describe, expect, it } from 'vitest';
import {
	admissionProblem,
	ageRange,
	ageStatus,
	isMinor,
	mayReceiveEuros,
	plausibleBirthYear
} from './age';

const DAY = '2026-12-03';

describe('age rules', () => {
	it('knows an age from the year of birth only as a range', () => {
		expect(ageRange(2010, DAY)).toEqual({ youngest: 15, oldest: 16 });
	});

	it.each([
		// birth year, confirmed adult, status
		[1990, false, 'adult'],
		[2007, false, 'adult'], // 18 or 19: adult either way
		[2008, false, 'minor'], // 17 or 18: minor unless they confirm
		[2008, true, 'adult'],
		[2010, false, 'minor'], // 16: the demo member in Lindenhof
		[2011, false, 'minor'], // 14 or 15
		[2012, false, 'too_young'], // 13 or 14: not yet 14 for sure
		[2012, true, 'too_young'], // confirming adulthood does not help a 14-year-old
		[2020, false, 'too_young']
	] as const)('born %i, confirmed %s: %s', (birthYear, adultConfirmed, status) => {
		expect(ageStatus({ birthYear, adultConfirmed }, DAY)).toBe(status);
	});

	it('grows up with the calendar: the same record is adult two years later', () => {
		const record = { birthYear: 2008, adultConfirmed: false };
		expect(isMinor(record, '2026-12-31')).toBe(true);
		expect(isMinor(record, '2027-01-01')).toBe(false);
	});

	it('treats accounts from before the question as adults', () => {
		expect(isMinor(null, DAY)).toBe(false);
		expect(mayReceiveEuros(null, DAY)).toBe(true);
	});

	it('never lets a minor receive euros', () => {
		expect(mayReceiveEuros({ birthYear: 2010, adultConfirmed: false }, DAY)).toBe(false);
		expect(mayReceiveEuros({ birthYear: 1980, adultConfirmed: false }, DAY)).toBe(true);
	});

	it.each([
		[1990, false, null],
		[1990, true, null],
		[2010, false, 'minors_not_admitted'],
		[2010, true, null],
		[2013, true, 'too_young']
	] as const)('admission of someone born %i where minors are admitted=%s: %s', (y, admits, p) => {
		expect(admissionProblem({ birthYear: y, adultConfirmed: false }, admits, DAY)).toBe(p);
	});

	it.each([
		[2026, true],
		[1906, true],
		[1905, false],
		[2027, false],
		[1990.5, false]
	])('year of birth %s is plausible: %s', (year, ok) => {
		expect(plausibleBirthYear(year, DAY)).toBe(ok);
	});
});
