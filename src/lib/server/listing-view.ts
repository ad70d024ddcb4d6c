// What listing pages show, built from a listing: only the fields a page needs, and nothing a
// signed-out visitor should not see.
import type { Locale } from '../domain/locale';
import { categoryLabel } from '../domain/listings/categories';
import type { Listing } from '../domain/listings/listing';
import { roundedDistance } from '../domain/search/location';
import type { Quarter } from './repos/quarters';
import { findUsersByIds } from './repos/users';

/** What anyone may see of a published listing, also signed out: what is offered, not who or
 * where. The photo is public too (/photos/…, the picture of a shared link). */
export interface ListingTeaser {
	id: string;
	title: string;
	kind: Listing['kind'];
	category: string;
	/** For the card's drawing when there is no photo. */
	categoryId: string;
	photoId: string | null;
}

export interface ListingSummary extends ListingTeaser {
	excerpt: string;
	settlement: Listing['settlement'];
	priceCents: number | null;
	priceUnit: Listing['priceUnit'];
	commercial: boolean;
	authorId: string;
	authorName: string;
	/** Rounded to 100 m, so nobody's address can be worked out. */
	distanceMeters: number | null;
	publishedAt: string | null;
	state: Listing['state'];
}

export function teaser(listing: Listing, quarter: Quarter, locale: Locale): ListingTeaser {
	return {
		id: listing.id,
		title: listing.title,
		kind: listing.kind,
		category: categoryLabel(quarter.categories, listing.category, locale),
		categoryId: listing.category,
		photoId: listing.photoId
	};
}

export async function authorNames(listings: Listing[]): Promise<Map<string, string>> {
	const ids = [...new Set(listings.map((l) => l.authorId))];
	return new Map((await findUsersByIds(ids)).map((u) => [u.id, u.displayName]));
}

export function summary(
	listing: Listing,
	quarter: Quarter,
	locale: Locale,
	names: Map<string, string>,
	distanceMeters: number | null,
	excerpt: string
): ListingSummary {
	return {
		...teaser(listing, quarter, locale),
		excerpt,
		settlement: listing.settlement,
		priceCents: listing.priceCents,
		priceUnit: listing.priceUnit,
		commercial: listing.commercial,
		authorId: listing.authorId,
		authorName: names.get(listing.authorId) ?? '—',
		distanceMeters: distanceMeters === null ? null : roundedDistance(distanceMeters),
		publishedAt: listing.publishedAt?.toISOString() ?? null,
		state: listing.state
	};
}
