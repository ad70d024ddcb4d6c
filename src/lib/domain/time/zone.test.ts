import { describe, expect, it } from 'vitest';
import {
	addMonths,
	dateTimeOf,
	dayOf,
	DEFAULT_TIME_ZONE,
	isCalendarDate,
	isTimeZone,
	monthEnd,
	monthOf,
	monthStart,
	nextDay,
	startOfDay
} from './zone';

const BERLIN = 'Europe/Berlin';

describe('isTimeZone', () => {
	it.each<[string, boolean]>([
		['Europe/Berlin', true],
		['Europe/Vienna', true],
		['America/New_York', true],
		['UTC', true],
		['Europe/Hannover', false],
		['europe/berlin ', false],
		['', false],
		['+01:00', false]
	])('%j → %s', (zone, known) => {
		expect(isTimeZone(zone)).toBe(known);
	});

	it('defaults to Berlin', () => {
		expect(DEFAULT_TIME_ZONE).toBe('Europe/Berlin');
	});
});

describe('isCalendarDate', () => {
	it.each<[string, boolean]>([
		['2026-11-26', true],
		['2028-02-29', true],
		['2026-02-29', false],
		['2026-13-01', false],
		['2026-04-31', false],
		['2026-1-5', false],
		['26.11.2026', false],
		['1999-12-31', false],
		['', false],
		['2026-11-26T00:00', false]
	])('%j → %s', (text, valid) => {
		expect(isCalendarDate(text)).toBe(valid);
	});
});

describe('startOfDay', () => {
	it.each<[string, string, string]>([
		// winter (CET, UTC+1) and summer (CEST, UTC+2)
		[BERLIN, '2026-01-15', '2026-01-14T23:00:00.000Z'],
		[BERLIN, '2026-07-15', '2026-07-14T22:00:00.000Z'],
		// the days the clocks change (02:00 → 03:00 and 03:00 → 02:00) begin before the change
		[BERLIN, '2026-03-29', '2026-03-28T23:00:00.000Z'],
		[BERLIN, '2026-03-30', '2026-03-29T22:00:00.000Z'],
		[BERLIN, '2026-10-25', '2026-10-24T22:00:00.000Z'],
		[BERLIN, '2026-10-26', '2026-10-25T23:00:00.000Z'],
		// other zones, with their own switch dates
		['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z'],
		['America/New_York', '2026-03-09', '2026-03-09T04:00:00.000Z'],
		['America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z'],
		['UTC', '2026-10-25', '2026-10-25T00:00:00.000Z'],
		// Santiago switches at midnight: the day begins at 01:00 after the gap
		['America/Santiago', '2026-09-06', '2026-09-06T04:00:00.000Z']
	])('%s: %s begins at %s', (zone, day, instant) => {
		expect(startOfDay(day, zone).toISOString()).toBe(instant);
		expect(dayOf(startOfDay(day, zone), zone)).toBe(day);
	});

	it('makes the switch days 23 and 25 hours long in Berlin', () => {
		const hours = (day: string) =>
			(startOfDay(nextDay(day), BERLIN).getTime() - startOfDay(day, BERLIN).getTime()) / 3600e3;
		expect([hours('2026-03-29'), hours('2026-10-25'), hours('2026-11-26')]).toEqual([23, 25, 24]);
	});
});

describe('nextDay', () => {
	it.each<[string, string]>([
		['2026-11-26', '2026-11-27'],
		['2026-12-31', '2027-01-01'],
		['2028-02-28', '2028-02-29'],
		['2026-03-29', '2026-03-30']
	])('the day after %s is %s', (day, next) => {
		expect(nextDay(day)).toBe(next);
	});
});

describe('dayOf and dateTimeOf', () => {
	it.each<[string, string, string]>([
		['2026-11-26T08:05:00Z', BERLIN, '2026-11-26 09:05'],
		['2026-06-30T22:30:00Z', BERLIN, '2026-07-01 00:30'],
		// the hour before and after each switch
		['2026-03-29T00:59:00Z', BERLIN, '2026-03-29 01:59'],
		['2026-03-29T01:00:00Z', BERLIN, '2026-03-29 03:00'],
		['2026-10-25T00:30:00Z', BERLIN, '2026-10-25 02:30'],
		['2026-10-25T01:30:00Z', BERLIN, '2026-10-25 02:30'],
		['2026-10-25T02:00:00Z', BERLIN, '2026-10-25 03:00'],
		['2026-11-26T03:30:00Z', 'America/New_York', '2026-11-25 22:30'],
		['2026-11-26T03:30:00Z', 'UTC', '2026-11-26 03:30']
	])('%s in %s is %s', (iso, zone, text) => {
		expect(dateTimeOf(new Date(iso), zone)).toBe(text);
		expect(dayOf(new Date(iso), zone)).toBe(text.slice(0, 10));
	});
});

describe('months', () => {
	it.each<[string, string, string]>([
		// 23:30 on 30 November in UTC is 00:30 on 1 December in Berlin
		['2026-11-30T23:30:00Z', BERLIN, '2026-12'],
		['2026-11-30T22:59:59Z', BERLIN, '2026-11'],
		['2026-11-30T23:00:00Z', BERLIN, '2026-12'],
		['2026-03-31T21:59:59Z', BERLIN, '2026-03'],
		['2026-03-31T22:00:00Z', BERLIN, '2026-04'],
		['2026-12-31T23:00:00Z', BERLIN, '2027-01'],
		['2026-11-30T23:30:00Z', 'UTC', '2026-11'],
		['2026-12-01T03:00:00Z', 'America/New_York', '2026-11']
	])('%s in %s belongs to %s', (iso, zone, month) => {
		expect(monthOf(new Date(iso), zone)).toBe(month);
	});

	it.each<[string, string, string, string]>([
		[BERLIN, '2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
		[BERLIN, '2026-10', '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
		[BERLIN, '2026-12', '2026-11-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
		['UTC', '2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']
	])('%s: %s runs from %s to %s', (zone, month, start, end) => {
		expect(monthStart(month, zone).toISOString()).toBe(start);
		expect(monthEnd(month, zone).toISOString()).toBe(end);
	});

	it.each<[string, number, string]>([
		['2026-11', 1, '2026-12'],
		['2026-12', 1, '2027-01'],
		['2026-01', -1, '2025-12'],
		['2026-03', -11, '2025-04'],
		['2026-03', 24, '2028-03']
	])('%s plus %i months is %s', (month, n, expected) => {
		expect(addMonths(month, n)).toBe(expected);
	});
});
