import { describe, expect, it } from 'vitest';
import { isComplete, needsTraderIdentity, nextTraderIdentity, type TraderDetails } from './trader';

const complete: TraderDetails = {
	legalName: 'Café Eckbank GmbH',
	address: 'Eckweg 1\n30161 Hannover',
	email: 'cafe@eckbank.example',
	phone: '0511 123456',
	registerNumber: '',
	lawfulConfirmed: true
};

describe('isComplete', () => {
	it('needs name, address, email, phone and the confirmation; the register number only if any', () => {
		expect(isComplete(complete)).toBe(true);
		expect(isComplete(null)).toBe(false);
		expect(isComplete({ ...complete, lawfulConfirmed: false })).toBe(false);
		for (const field of ['legalName', 'address', 'email', 'phone'] as const) {
			expect(isComplete({ ...complete, [field]: ' ' })).toBe(false);
		}
	});
});

describe('needsTraderIdentity: which listings wait for it', () => {
	it.each([
		[{ commercial: true, kind: 'offer' as const }, null, true],
		[{ commercial: true, kind: 'offer' as const }, { ...complete, phone: '' }, true],
		[{ commercial: true, kind: 'offer' as const }, complete, false],
		[{ commercial: true, kind: 'request' as const }, null, false],
		[{ commercial: false, kind: 'offer' as const }, null, false]
	])('%o with %o → %s', (listing, identity, expected) => {
		expect(needsTraderIdentity(listing, identity)).toBe(expected);
	});
});

describe('nextTraderIdentity', () => {
	const at = new Date('2026-03-01T10:00:00Z');
	it('stores nothing when nothing changed, a new version otherwise', () => {
		const first = nextTraderIdentity(null, 'u', complete, 1, at)!;
		expect(first).toEqual({ userId: 'u', seq: 1, ...complete, at });
		expect(nextTraderIdentity(first, 'u', { ...complete }, 2, at)).toBeNull();
		expect(nextTraderIdentity(first, 'u', { ...complete, phone: '0511 999' }, 2, at)).toMatchObject(
			{
				seq: 2,
				phone: '0511 999'
			}
		);
	});
});
