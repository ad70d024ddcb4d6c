import { describe, expect, it } from 'vitest';
import { tagKey, uniqueTags } from './tags';

describe('uniqueTags', () => {
	it.each<[string[], string[]]>([
		[['Straßenrad'], ['Straßenrad']],
		[
			['Straßenrad', 'straßenrad', 'STRASSENRAD'],
			['Straßenrad', 'STRASSENRAD']
		],
		[
			['Fahrrad', '', 'Reparatur', 'fahrrad'],
			['Fahrrad', 'Reparatur']
		],
		[['iPhone', 'IPHONE'], ['iPhone']]
	])('%j -> %j', (tags, expected) => {
		expect(uniqueTags(tags)).toEqual(expected);
	});

	it('compares without regard to case', () => {
		expect(tagKey('Straßenrad')).toBe(tagKey('STRAßENRAD'));
	});
});
