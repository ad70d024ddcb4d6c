import { describe, expect, it } from 'vitest';
import { refMatches, valuesAt } from './refs';

const person = { userId: 'u1', email: 'a@b.de' };
const none = () => new Set<unknown>();

describe('valuesAt', () => {
	it('follows dotted paths and arrays by element', () => {
		expect(valuesAt({ a: { b: 'x' } }, 'a.b')).toEqual(['x']);
		expect(valuesAt({ p: ['u1', 'u2'] }, 'p')).toEqual(['u1', 'u2']);
		expect(valuesAt({ l: [{ id: 'a' }, { id: 'b' }] }, 'l.id')).toEqual(['a', 'b']);
		expect(valuesAt({ a: null }, 'a.b')).toEqual([]);
	});
});

describe('refMatches', () => {
	it.each([
		[{ _id: 'u1' }, { idIs: true as const }, true],
		[{ _id: 'u1:000001' }, { idPrefix: true as const }, true],
		[{ _id: 'u10:000001' }, { idPrefix: true as const }, false],
		[{ _id: 'x', to: 'member:u1' }, { account: 'to' }, true],
		[{ _id: 'x', to: 'a@b.de' }, { email: 'to' }, true],
		[{ _id: 'x', participants: ['u2', 'u1'] }, { field: 'participants' }, true],
		[{ _id: 'x', listing: { authorId: 'u2' } }, { field: 'listing.authorId' }, false]
	])('%j by %j', (doc, ref, expected) => {
		expect(refMatches(doc, ref, person, none)).toBe(expected);
	});

	it('follows a parent through `via`', () => {
		const parents = () => new Set<unknown>(['c1']);
		const ref = { via: 'conversations', parentField: '_id', field: 'conversationId' };
		expect(refMatches({ _id: 'm', conversationId: 'c1' }, ref, person, parents)).toBe(true);
		expect(refMatches({ _id: 'm', conversationId: 'c2' }, ref, person, parents)).toBe(false);
	});
});
