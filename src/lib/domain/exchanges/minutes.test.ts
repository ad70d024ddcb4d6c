import { describe, expect, it } from 'vitest';
import {
	formatMinutes,
	isExchangeMinutes,
	MAX_EXCHANGE_MINUTES,
	minutesFromHoursInput,
	type HoursInputError
} from './minutes';
import type { Locale } from '../locale';

describe('minutesFromHoursInput', () => {
	// [input, minutes]
	it.each<[string, number]>([
		['1,5', 90],
		['1.5', 90],
		['1', 60],
		['2', 120],
		['0', 0],
		['0,0', 0],
		['0,25', 15],
		['0.75', 45],
		[',5', 30],
		['.25', 15],
		['1,50', 90],
		['1,500', 90],
		['01,5', 90],
		['007', 420],
		['  2,5  ', 150],
		['23,75', 1425],
		['24', 1440],
		['24,0', 1440],
		['1:30', 90],
		['0:15', 15],
		['0:00', 0],
		['24:00', 1440],
		['10:45', 645]
	])('%j -> %d minutes', (input, minutes) => {
		expect(minutesFromHoursInput(input)).toEqual({ ok: true, minutes });
	});

	// [input, error]
	it.each<[string, HoursInputError]>([
		['', 'empty'],
		['   ', 'empty'],
		['abc', 'invalid'],
		['1,5h', 'invalid'],
		['1 Std.', 'invalid'],
		['-1', 'invalid'],
		['+1', 'invalid'],
		['1e1', 'invalid'],
		['1,5,0', 'invalid'],
		['1,', 'invalid'],
		[',', 'invalid'],
		['.', 'invalid'],
		['1 5', 'invalid'],
		['1:60', 'invalid'],
		['1:5', 'invalid'],
		[':30', 'invalid'],
		['0,1', 'not_quarter_hour'],
		['1,2', 'not_quarter_hour'],
		['1,333', 'not_quarter_hour'],
		['0,125', 'not_quarter_hour'],
		['1:10', 'not_quarter_hour'],
		['24,25', 'too_large'],
		['25', 'too_large'],
		['100', 'too_large'],
		['99999999999999999999', 'too_large'],
		['24:15', 'too_large'],
		['48:00', 'too_large']
	])('%j -> %s', (input, error) => {
		expect(minutesFromHoursInput(input)).toEqual({ ok: false, error });
	});

	it('every quarter hour up to the maximum reads back, in both languages', () => {
		for (let minutes = 0; minutes <= MAX_EXCHANGE_MINUTES; minutes += 15) {
			const hours = String(minutes / 60);
			expect(minutesFromHoursInput(hours)).toEqual({ ok: true, minutes });
			expect(minutesFromHoursInput(hours.replace('.', ','))).toEqual({ ok: true, minutes });
			const clock = formatMinutes(minutes, 'de').replace(' Std.', '');
			expect(minutesFromHoursInput(clock)).toEqual({ ok: true, minutes });
		}
	});
});

describe('isExchangeMinutes', () => {
	it.each<[number, boolean]>([
		[0, true],
		[15, true],
		[90, true],
		[1440, true],
		[1455, false],
		[-15, false],
		[10, false],
		[15.5, false],
		[Number.NaN, false],
		[Infinity, false]
	])('%s -> %s', (minutes, expected) => {
		expect(isExchangeMinutes(minutes)).toBe(expected);
	});
});

describe('formatMinutes', () => {
	// [minutes, locale, text]
	it.each<[number, Locale, string]>([
		[90, 'de', '1:30 Std.'],
		[90, 'en', '1:30 h'],
		[0, 'de', '0:00 Std.'],
		[0, 'en', '0:00 h'],
		[15, 'de', '0:15 Std.'],
		[45, 'en', '0:45 h'],
		[60, 'de', '1:00 Std.'],
		[605, 'de', '10:05 Std.'],
		[1440, 'en', '24:00 h'],
		[60_000, 'de', '1000:00 Std.'],
		[-90, 'de', '−1:30 Std.'],
		[-15, 'en', '−0:15 h'],
		[89.6, 'de', '1:30 Std.'],
		[-0.2, 'de', '0:00 Std.']
	])('%d in %s -> %j', (minutes, locale, text) => {
		expect(formatMinutes(minutes, locale)).toBe(text);
	});

	it.each([Number.NaN, Infinity, -Infinity])('%s -> RangeError', (minutes) => {
		expect(() => formatMinutes(minutes, 'de')).toThrow(RangeError);
	});

	// Statement lines: in with +, out with the typographic minus, nothing on zero; never '-'.
	it.each<[number, string]>([
		[120, '+2:00 Std.'],
		[-90, '−1:30 Std.'],
		[0, '0:00 Std.']
	])('signed %d -> %j', (minutes, text) => {
		expect(formatMinutes(minutes, 'de', { signed: true })).toBe(text);
	});

	it('uses one minus sign, the typographic one, for balances and amounts alike', () => {
		const texts = [formatMinutes(-120, 'de'), formatMinutes(-90, 'de', { signed: true })];
		expect(texts.every((text) => text.startsWith('−') && !text.includes('-'))).toBe(true);
	});
});
