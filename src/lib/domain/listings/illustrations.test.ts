import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from './categories';
import { illustrationOf, type Illustration } from './illustrations';

describe('illustrationOf', () => {
	it.each<[string, Illustration]>([
		['haushalt', 'home'],
		['garten', 'garden'],
		['reparatur', 'tools'],
		['handwerk', 'tools'],
		['kinder-familie', 'family'],
		['senioren', 'care'],
		['gesundheit-wohlbefinden', 'care'],
		['nachhilfe-sprachen', 'learning'],
		['computer-technik', 'tech'],
		['transport', 'transport'],
		['kultur-freizeit', 'leisure'],
		['sonstiges', 'other'],
		// A quarter's own categories.
		['urban-gardening', 'garden'],
		['fahrradwerkstatt', 'transport'],
		['xyz', 'other']
	])('%s -> %s', (id, expected) => {
		expect(illustrationOf(id)).toBe(expected);
	});

	it('gives every default category but "sonstiges" a drawing of its own kind', () => {
		const general = DEFAULT_CATEGORIES.filter((c) => illustrationOf(c.id) === 'other');
		expect(general.map((c) => c.id)).toEqual(['sonstiges']);
	});
});
