import { describe, expect, it } from 'vitest';
import type { ListingSettlement } from '../listings/listing';
import { defaultSettlement, settlementFits, sidesDirect, sidesFromListing } from './proposal';
import type { SettlementKind } from './workflow';

describe('sides', () => {
	it.each([
		['offer', { providerId: 'author', receiverId: 'me' }],
		['request', { providerId: 'me', receiverId: 'author' }]
	] as const)('from a listing that is an %s', (kind, sides) => {
		expect(sidesFromListing({ kind, authorId: 'author' }, 'me')).toEqual(sides);
	});

	it.each([
		['provider', { providerId: 'me', receiverId: 'them' }],
		['receiver', { providerId: 'them', receiverId: 'me' }]
	] as const)('directly, proposing as %s', (side, sides) => {
		expect(sidesDirect('me', side, 'them')).toEqual(sides);
	});
});

describe('settlement and listing', () => {
	// [exchange settlement, listing settlement, fits]
	it.each<[SettlementKind, ListingSettlement, boolean]>([
		['hours', 'hours', true],
		['hours', 'either', true],
		['hours', 'euros', false],
		['hours', 'free', false],
		['free', 'hours', true],
		['free', 'either', true],
		['free', 'euros', true],
		['free', 'free', true],
		['euros', 'euros', true],
		['euros', 'either', true],
		['euros', 'hours', false],
		['euros', 'free', false]
	])('%s for a %s listing -> %s', (kind, listing, fits) => {
		expect(settlementFits(kind, listing)).toBe(fits);
	});

	it.each<[ListingSettlement, SettlementKind]>([
		['hours', 'hours'],
		['either', 'hours'],
		['euros', 'euros'],
		['free', 'free']
	])('default for a %s listing: %s', (listing, kind) => {
		expect(defaultSettlement(listing)).toBe(kind);
		expect(settlementFits(kind, listing)).toBe(true);
	});
});
