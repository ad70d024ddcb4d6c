import { describe, expect, it } from 'vitest';
import {
	hasControlCharacters,
	hasLoneSurrogate,
	normalizeDisplayName,
	normalizeEmail
} from './text';

describe('normalizeEmail', () => {
	it.each<[string, string]>([
		['anna@example.org', 'anna@example.org'],
		['  anna@example.org  ', 'anna@example.org'],
		['\tAnna@Example.org\n', 'anna@example.org'],
		['Anna.Becker@Example.ORG ', 'anna.becker@example.org'],
		['ANNA@EXAMPLE.ORG', 'anna@example.org'],
		['J\u00dcRGEN@example.org', 'jürgen@example.org'],
		['ju\u0308rgen@example.org', 'jürgen@example.org'],
		['JU\u0308RGEN@example.org', 'jürgen@example.org']
	])('%j -> %j', (input, expected) => {
		expect(normalizeEmail(input)).toBe(expected);
	});

	it('makes decomposed and precomposed ü the same address', () => {
		expect('u\u0308').not.toBe('ü');
		expect(normalizeEmail('u\u0308@example.org')).toBe(normalizeEmail('\u00fc@example.org'));
		expect(normalizeEmail('u\u0308')).toBe('\u00fc');
		expect(normalizeEmail('u\u0308')).toHaveLength(1);
	});

	it('is idempotent', () => {
		const once = normalizeEmail('  Ju\u0308rgen.Müller@Example.ORG ');
		expect(normalizeEmail(once)).toBe(once);
	});
});

describe('normalizeDisplayName', () => {
	it.each<[string, string]>([
		['Anna B.', 'Anna B.'],
		['  Anna   B.  ', 'Anna B.'],
		['Anna\tB.', 'Anna B.'],
		['Anna\n\nB.', 'Anna B.'],
		['Anna\u00a0B.', 'Anna B.'],
		['Anna\u3000B.', 'Anna B.'],
		['Zoe\u0308 🌻', 'Zoë 🌻'],
		['O\u0308mer C\u0327elik', 'Ömer Çelik'],
		['', ''],
		['   ', '']
	])('%j -> %j', (input, expected) => {
		expect(normalizeDisplayName(input)).toBe(expected);
	});

	it('keeps case', () => {
		expect(normalizeDisplayName('ANNA becker')).toBe('ANNA becker');
	});
});

describe('hasControlCharacters', () => {
	it.each<[string, string, boolean]>([
		['plain text', 'Anna Becker', false],
		['umlauts', 'Jürgen Ölmüller', false],
		['emoji', 'Zoë 🌻', false],
		['no-break space', 'Anna\u00a0B.', false],
		['empty string', '', false],
		['NUL', 'Anna\u0000', true],
		['NUL alone', '\u0000', true],
		['newline', 'Anna\nBecker', true],
		['carriage return', 'Anna\rBecker', true],
		['tab', 'Anna\tBecker', true],
		['unit separator U+001F', 'a\u001fb', true],
		['DEL U+007F', 'a\u007fb', true],
		['NEL U+0085', 'a\u0085b', true],
		['C1 U+009F', 'a\u009fb', true],
		['U+00A0 just past C1', '\u00a0', false],
		['U+0020 space', ' ', false]
	])('%s -> %s', (_label, text, expected) => {
		expect(hasControlCharacters(text)).toBe(expected);
	});
});

describe('hasLoneSurrogate', () => {
	it.each<[string, string, boolean]>([
		['high surrogate alone', '\ud800', true],
		['low surrogate alone', '\udc00', true],
		['high surrogate at the end', 'abc\ud83c', true],
		['low surrogate at the start', '\udf3babc', true],
		['two high surrogates', '\ud83c\ud83c', true],
		['reversed pair', '\udf3b\ud83c', true],
		['emoji', '🌻', false],
		['emoji as escaped pair', '\ud83c\udf3b', false],
		['text with emoji', 'Zoë 🌻 und 👩‍👩‍👧', false],
		['plain text', 'Anna', false],
		['empty string', '', false],
		['emoji followed by a lone high surrogate', '🌻\ud83c', true]
	])('%s -> %s', (_label, text, expected) => {
		expect(hasLoneSurrogate(text)).toBe(expected);
	});
});
