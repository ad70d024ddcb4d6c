import { describe, expect, it } from 'vitest';
import {
	checkTimeBankLimits,
	DEFAULT_QUARTER_SETTINGS,
	MAX_LIMIT_MINUTES,
	slugify,
	withDefaults,
	type LimitsProblem,
	type QuarterSettings
} from './settings';

describe('checkTimeBankLimits', () => {
	it('limit is 1000 hours', () => {
		expect(MAX_LIMIT_MINUTES).toBe(60_000);
	});

	it('accepts the default settings', () => {
		expect(DEFAULT_QUARTER_SETTINGS.timeBank).toEqual({
			minBalanceMinutes: -600,
			maxBalanceMinutes: 2400
		});
		expect(checkTimeBankLimits(DEFAULT_QUARTER_SETTINGS.timeBank)).toBeNull();
	});

	// [min, max, expected]
	it.each<[number, number, LimitsProblem | null]>([
		[0, 0, null],
		[-0, 0, null],
		[-600, 2400, null],
		[-60_000, 60_000, null],
		[-60_000, 0, null],
		[0, 60_000, null],
		[-60_001, 0, 'too_large'],
		[0, 60_001, 'too_large'],
		[-60_001, 60_001, 'too_large'],
		[1, 10, 'min_positive'],
		[60_001, 60_002, 'min_positive'],
		[0, -1, 'max_negative'],
		[-10, -1, 'max_negative'],
		[1, -1, 'min_positive'],
		[-0.5, 10, 'not_integer'],
		[-10, 2.5, 'not_integer'],
		[0.1, -0.1, 'not_integer'],
		[Number.NaN, 10, 'not_integer'],
		[-10, Number.NaN, 'not_integer'],
		[-Infinity, 10, 'not_integer'],
		[0, Infinity, 'not_integer']
	])('min %d, max %d -> %s', (minBalanceMinutes, maxBalanceMinutes, expected) => {
		expect(checkTimeBankLimits({ minBalanceMinutes, maxBalanceMinutes })).toBe(expected);
	});
});

describe('slugify', () => {
	it.each<[string, string]>([
		['Nordstadt', 'nordstadt'],
		['Bochum Ehrenfeld', 'bochum-ehrenfeld'],
		['  Am   Kanal  ', 'am-kanal'],
		['Südviertel', 'suedviertel'],
		['Ölmühle Übersee', 'oelmuehle-uebersee'],
		['ÄÖÜäöü', 'aeoeueaeoeue'],
		['Große Straße', 'grosse-strasse'],
		['Café Crème', 'cafe-creme'],
		['São Tomé à la Française', 'sao-tome-a-la-francaise'],
		['Ñandú Çelik', 'nandu-celik'],
		['Zoë', 'zoe'],
		// decomposed input gives the same slug as precomposed
		['Su\u0308dviertel', 'suedviertel'],
		['Kiez 36 / Wrangelstraße!', 'kiez-36-wrangelstrasse'],
		['--Altstadt--', 'altstadt'],
		['Quartier_Nord.Ost', 'quartier-nord-ost'],
		['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
		['', ''],
		['!!!', '']
	])('%j -> %j', (name, expected) => {
		expect(slugify(name)).toBe(expected);
	});

	it('cuts long names to 48 characters', () => {
		const slug = slugify('a'.repeat(100));
		expect(slug).toBe('a'.repeat(48));
	});

	it.each([
		'Wohnquartier rund um den Bahnhof und die alte Zeche Holland',
		'Ein sehr langer Quartiersname mit Straßen und Plätzen und Höfen',
		'x'.repeat(30) + ' ' + 'ü'.repeat(30)
	])('produces only lowercase ASCII, digits and dashes for %j', (name) => {
		const slug = slugify(name);
		expect(slug.length).toBeGreaterThan(0);
		expect(slug.length).toBeLessThanOrEqual(48);
		expect(slug).toMatch(/^[a-z0-9-]+$/);
	});

	it('is stable: slugifying a slug changes nothing', () => {
		const slug = slugify('Große Straße am Ölhafen');
		expect(slugify(slug)).toBe(slug);
	});

	// A name whose 48th character is a separator must not end in a dash after the cut.
	it('never ends in a dash after cutting a long name', () => {
		const slug = slugify('a'.repeat(47) + ' Nord');
		expect(slug).toBe('a'.repeat(47));
	});

	// The capital sharp s (U+1E9E) is used in names written in capitals.
	it('spells the capital sharp s ẞ as ss', () => {
		expect(slugify('GROẞE STRAẞE')).toBe('grosse-strasse');
	});
});

describe('platform fee settings', () => {
	it('default to no fee with a 5 € cap, also for quarters saved before they existed', () => {
		expect(DEFAULT_QUARTER_SETTINGS.platformFeeBasisPoints).toBe(0);
		expect(DEFAULT_QUARTER_SETTINGS.platformFeeCapCents).toBe(500);
		const saved: Partial<QuarterSettings> = { ...DEFAULT_QUARTER_SETTINGS };
		delete saved.platformFeeBasisPoints;
		delete saved.platformFeeCapCents;
		expect(withDefaults(saved)).toMatchObject({
			platformFeeBasisPoints: 0,
			platformFeeCapCents: 500
		});
	});
});
