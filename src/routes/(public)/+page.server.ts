import { teaser } from '$lib/server/listing-view';
import { searchListings } from '$lib/server/services/listings';
import { listQuarters } from '$lib/server/services/quarters';
import type { PageServerLoad } from './$types';

/** A few of each quarter's newest listings: what a visitor sees of the marketplace first. */
const RECENT = 3;

export const load: PageServerLoad = async ({ locals }) => {
	const quarters = await listQuarters();
	// Only the public teaser (title, kind, category, photo), as on the marketplace page signed out.
	const recent = await Promise.all(
		quarters.map((q) =>
			searchListings({ quarterId: q.id, sort: 'newest', page: 1, pageSize: RECENT })
		)
	);
	return {
		quarters: quarters.map((q, i) => ({
			id: q.id,
			name: q.name,
			city: q.city,
			description: q.description,
			recent: (recent[i]?.hits ?? []).map((hit) => teaser(hit.listing, q, locals.locale))
		}))
	};
};
