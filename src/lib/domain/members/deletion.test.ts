import { describe, expect, it } from 'vitest';
import {
	closingTransfer,
	deletionBlockers,
	DELETION_STEPS,
	needlePattern,
	needlesOf,
	scrub
} from './deletion';

describe('deletionBlockers', () => {
	it('lists exchanges that are not over; euro ones as open payments', () => {
		const facts = [
			{ id: 'a', quarterId: 'q', title: 'Umzug', final: true, settlement: 'hours' as const },
			{ id: 'b', quarterId: 'q', title: 'Regal', final: false, settlement: 'hours' as const },
			{ id: 'c', quarterId: 'q', title: 'Fliesen', final: false, settlement: 'euros' as const },
			{ id: 'd', quarterId: 'q', title: 'Kuchen', final: false, settlement: 'free' as const }
		];
		expect(deletionBlockers(facts).map((b) => [b.exchangeId, b.kind])).toEqual([
			['b', 'open_exchange'],
			['c', 'open_payment'],
			['d', 'open_exchange']
		]);
	});
});

describe('closingTransfer', () => {
	it.each([
		[0, null],
		[90, { direction: 'to-community', minutes: 90 }],
		[-45, { direction: 'from-community', minutes: 45 }],
		[Number.NaN, null]
	])('balance %s', (balance, expected) => {
		expect(closingTransfer(balance)).toEqual(expected);
	});
});

describe('needles and scrub', () => {
	it('keeps needles of four characters or more, longest first, without duplicates', () => {
		expect(needlesOf(['Anna Beispiel', ' Tom ', null, 'anna@x.de', 'Anna Beispiel'])).toEqual([
			'Anna Beispiel',
			'anna@x.de'
		]);
	});

	it('replaces needles in nested strings, case-insensitively, and keeps other values', () => {
		const at = new Date('2026-01-01T00:00:00Z');
		const pattern = needlePattern(['Anna Beispiel', 'anna@x.de'])!;
		const { value, changed } = scrub(
			{ a: 'Hallo anna beispiel!', b: ['ANNA@X.DE', 3], c: { d: at, e: 'nichts' } },
			pattern,
			'ehemaliges Mitglied 1'
		);
		expect(changed).toBe(true);
		expect(value).toEqual({
			a: 'Hallo ehemaliges Mitglied 1!',
			b: ['ehemaliges Mitglied 1', 3],
			c: { d: at, e: 'nichts' }
		});
		expect(scrub(value, pattern, '').changed).toBe(false);
	});

	it('has no pattern without needles', () => {
		expect(needlePattern([])).toBeNull();
	});
});

describe('DELETION_STEPS', () => {
	it('looks for the address and name before the account is erased', () => {
		expect(DELETION_STEPS.indexOf('sweep')).toBeLessThan(DELETION_STEPS.indexOf('account'));
		expect(DELETION_STEPS.indexOf('records')).toBeLessThan(DELETION_STEPS.indexOf('account'));
		expect(DELETION_STEPS.at(-1)).toBe('caches');
	});
});
