// Who is who when an exchange is proposed, and which settlement a listing allows.
import type { ListingKind, ListingSettlement } from '../listings/listing';
import type { SettlementKind, Side } from './workflow';

/**
 * The sides of an exchange proposed from a listing by someone other than its author: an offer's
 * author provides the help, a request's author receives it.
 */
export function sidesFromListing(
	listing: { kind: ListingKind; authorId: string },
	proposerId: string
): { providerId: string; receiverId: string } {
	return listing.kind === 'offer'
		? { providerId: listing.authorId, receiverId: proposerId }
		: { providerId: proposerId, receiverId: listing.authorId };
}

/** The sides of an exchange proposed directly to a member, from the proposer's side. */
export function sidesDirect(
	proposerId: string,
	proposerSide: Side,
	memberId: string
): { providerId: string; receiverId: string } {
	return proposerSide === 'provider'
		? { providerId: proposerId, receiverId: memberId }
		: { providerId: memberId, receiverId: proposerId };
}

/**
 * Whether an exchange may be settled this way under the listing's terms. Hours need a listing
 * that takes hours, euros one that takes euros; a listing that takes either lets the two sides
 * choose when they agree. Help given for free is always possible (the other side may decline).
 */
export function settlementFits(kind: SettlementKind, listing: ListingSettlement): boolean {
	switch (kind) {
		case 'free':
			return true;
		case 'hours':
			return listing === 'hours' || listing === 'either';
		case 'euros':
			return listing === 'euros' || listing === 'either';
	}
}

/** The settlement an exchange from this listing starts with when the form offers a default. */
export function defaultSettlement(listing: ListingSettlement): SettlementKind {
	if (listing === 'hours' || listing === 'either') return 'hours';
	return listing === 'euros' ? 'euros' : 'free';
}
