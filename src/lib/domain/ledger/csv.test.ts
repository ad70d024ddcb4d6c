import type { Locale } from '../locale';
import { describe, expect, it } from 'vitest';
import { csvCell, minutesToDecimalHours, toCsv } from './csv';

describe('csvCell', () => {
	it.each<[string | number, Locale, string]>([
		['Fahrrad', 'de', 'Fahrrad'],
		['Garten; Hecke', 'de', '"Garten; Hecke"'],
		['Garten; Hecke', 'en', 'Garten; Hecke'],
		['a, b', 'en', '"a, b"'],
		['Sie sagte "danke"', 'de', '"Sie sagte ""danke"""'],
		['zwei\nZeilen', 'de', '"zwei\nZeilen"'],
		['=HYPERLINK("http://x")', 'de', `"'=HYPERLINK(""http://x"")"`],
		['+49 511', 'de', "'+49 511"],
		['@SUM(A1)', 'en', "'@SUM(A1)"],
		[-1.5, 'de', '-1,5'],
		[-1.5, 'en', '-1.5'],
		[240, 'de', '240']
	])('%j (%s) -> %j', (value, dialect, expected) => {
		expect(csvCell(value, dialect)).toBe(expected);
	});
});

describe('toCsv', () => {
	it('starts with a BOM and ends lines with CRLF', () => {
		expect(
			toCsv(
				[
					['Datum', 'Stunden'],
					['2026-03-01', 1.25]
				],
				'de'
			)
		).toBe('\uFEFFDatum;Stunden\r\n2026-03-01;1,25\r\n');
	});
});

describe('minutesToDecimalHours', () => {
	it.each([
		[90, 1.5],
		[-45, -0.75],
		[20, 0.33],
		[0, 0]
	])('%i minutes -> %d hours', (minutes, hours) => {
		expect(minutesToDecimalHours(minutes)).toBe(hours);
	});
});
