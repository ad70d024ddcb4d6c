import { describe, expect, it } from 'vitest';
import {
	acceptedVersion,
	mustAcceptRules,
	nextAcceptance,
	openWithoutAcceptance,
	type RulesAcceptance
} from './acceptance';

const at = new Date('2026-03-01T10:00:00Z');
const entry = (seq: number, version: number): RulesAcceptance => ({
	userId: 'u',
	seq,
	version,
	at,
	via: 'prompt'
});

describe('mustAcceptRules(required, accepted)', () => {
	it.each([
		[0, null, false], // the template; joined before records existed
		[0, 0, false],
		[3, null, true], // a change of substance since
		[3, 2, true],
		[3, 3, false],
		[3, 5, false]
	])('%i, %s → %s', (required, accepted, expected) => {
		expect(mustAcceptRules(required, accepted)).toBe(expected);
	});
});

describe('nextAcceptance', () => {
	it('records a newer version and nothing for one on record or older', () => {
		const entries = [entry(1, 0), entry(2, 3)];
		expect(acceptedVersion(entries)).toBe(3);
		expect(nextAcceptance(entries, { userId: 'u', version: 3, via: 'prompt' }, 3, at)).toBeNull();
		expect(nextAcceptance(entries, { userId: 'u', version: 2, via: 'prompt' }, 3, at)).toBeNull();
		expect(nextAcceptance(entries, { userId: 'u', version: 4, via: 'prompt' }, 3, at)).toEqual({
			userId: 'u',
			seq: 3,
			version: 4,
			at,
			via: 'prompt'
		});
		expect(nextAcceptance([], { userId: 'u', version: 0, via: 'signup' }, 1, at)).toMatchObject({
			version: 0,
			via: 'signup'
		});
	});
});

describe('openWithoutAcceptance: what a person who must accept may still open', () => {
	it.each([
		['/regeln', true],
		['/regeln/zustimmen', true],
		['/impressum', true],
		['/datenschutz', true],
		['/transparenz', true],
		['/logout', true],
		['/language', true],
		['/photos/abc', true],
		['/', false],
		['/account', false],
		['/regelnx', false],
		['/q/nordstadt', false],
		['/admin/legal', false]
	])('%s → %s', (path, expected) => {
		expect(openWithoutAcceptance(path)).toBe(expected);
	});
});
