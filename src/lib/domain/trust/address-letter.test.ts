import { describe, expect, it } from 'vitest';
import {
	addressLines,
	addressNoLongerNeeded,
	checkCode,
	CODE_ALPHABET,
	CODE_LENGTH,
	CODE_TTL_MS,
	codeExpiry,
	codeFromRandom,
	formatCode,
	letterState,
	normalizeCode,
	REQUEST_TTL_MS,
	requestExpiry
} from './address-letter';

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-03-01T10:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);

describe('codes', () => {
	it('are 8 characters of the unambiguous alphabet', () => {
		let n = 0;
		const code = codeFromRandom(() => n++ % 256);
		expect(code).toHaveLength(CODE_LENGTH);
		for (const c of code) expect(CODE_ALPHABET).toContain(c);
	});

	it('skip bytes above the largest multiple of the alphabet (no bias)', () => {
		const bytes = [255, 254, 253, 0, 1, 2, 3, 4, 5, 6, 7];
		expect(codeFromRandom(() => bytes.shift()!)).toBe('ACDEFGHJ');
	});

	it('leave out letters and digits that are mixed up on paper', () => {
		for (const c of '0O1IL5S8B2ZUV') expect(CODE_ALPHABET).not.toContain(c);
	});

	it.each([
		['ACDE-FGHJ', 'ACDEFGHJ'],
		['acde fghj', 'ACDEFGHJ'],
		[' ACDEFGHJ ', 'ACDEFGHJ'],
		['ACDE-FGH', null],
		['ACDE-FGHJK', null],
		['ACDE-FGH0', null],
		['ACDE-FGHI', null],
		['', null]
	])('%j reads as %j', (input, expected) => {
		expect(normalizeCode(input)).toBe(expected);
	});

	it('print as two groups of four', () => {
		expect(formatCode('ACDEFGHJ')).toBe('ACDE-FGHJ');
	});
});

describe('expiry and state', () => {
	it('a request lasts 60 days, a printed code 30 days', () => {
		expect(requestExpiry(t0).getTime() - t0.getTime()).toBe(REQUEST_TTL_MS);
		expect(REQUEST_TTL_MS).toBe(60 * DAY);
		expect(codeExpiry(t0).getTime() - t0.getTime()).toBe(CODE_TTL_MS);
		expect(CODE_TTL_MS).toBe(30 * DAY);
	});

	const printed = {
		requestedAt: t0,
		printedAt: at(1),
		expiresAt: codeExpiry(at(1)),
		verifiedAt: null
	};

	it.each([
		[
			{ requestedAt: t0, printedAt: null, expiresAt: requestExpiry(t0), verifiedAt: null },
			at(59),
			'requested'
		],
		[
			{ requestedAt: t0, printedAt: null, expiresAt: requestExpiry(t0), verifiedAt: null },
			at(60),
			'expired'
		],
		[printed, at(30.99), 'printed'],
		[printed, at(31), 'expired'],
		[{ ...printed, verifiedAt: at(3) }, at(400), 'verified']
	] as const)('%# is %s', (check, now, state) => {
		expect(letterState(check, now)).toBe(state);
	});

	it('keeps the address only while the letter is waiting', () => {
		expect(addressNoLongerNeeded(printed, at(5))).toBe(false);
		expect(addressNoLongerNeeded(printed, at(31))).toBe(true);
		expect(addressNoLongerNeeded({ ...printed, verifiedAt: at(3) }, at(3))).toBe(true);
	});
});

describe('checkCode', () => {
	const letter = {
		requestedAt: t0,
		printedAt: t0,
		expiresAt: codeExpiry(t0),
		verifiedAt: null,
		hasCode: true
	};
	it.each([
		[null, true, at(1), 'no_letter'],
		[{ ...letter, hasCode: false }, true, at(1), 'no_letter'],
		[letter, false, at(1), 'wrong_code'],
		[letter, true, at(1), 'ok'],
		[letter, true, at(30), 'expired'],
		[{ ...letter, verifiedAt: at(2) }, true, at(3), 'used']
	] as const)('%# → %s', (check, matches, now, expected) => {
		expect(checkCode(check, matches, now)).toBe(expected);
	});
});

it('prints the address field in DIN 5008 order, without an empty extra line', () => {
	const address = {
		name: 'Eva Muster',
		extra: '',
		street: 'Lindenstraße 4',
		postcode: '30449',
		city: 'Hannover'
	};
	expect(addressLines(address)).toEqual(['Eva Muster', 'Lindenstraße 4', '30449 Hannover']);
	expect(addressLines({ ...address, extra: 'Hinterhaus' })).toEqual([
		'Eva Muster',
		'Hinterhaus',
		'Lindenstraße 4',
		'30449 Hannover'
	]);
});
