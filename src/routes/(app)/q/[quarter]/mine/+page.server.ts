import { requireRole } from '$lib/server/auth/guards';
import { teaser } from '$lib/server/listing-view';
import { listingsOfAuthor } from '$lib/server/services/listings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, [
		'resident',
		'business'
	]);
	const locale = event.locals.locale;
	const own = await listingsOfAuthor(quarter.id, user.id);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		listings: own.map((l) => ({
			...teaser(l, quarter, locale),
			settlement: l.settlement,
			priceCents: l.priceCents,
			priceUnit: l.priceUnit,
			commercial: l.commercial,
			state: l.state,
			reason: l.moderation?.reason ?? '',
			expiresAt: l.expiresAt?.toISOString() ?? null,
			updatedAt: l.updatedAt.toISOString()
		}))
	};
};
