import { categoryLabel } from '$lib/domain/listings/categories';
import { requireRole } from '$lib/server/auth/guards';
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
			id: l.id,
			title: l.title,
			kind: l.kind,
			category: categoryLabel(quarter.categories, l.category, locale),
			state: l.state,
			reason: l.moderation?.reason ?? '',
			expiresAt: l.expiresAt?.toISOString() ?? null,
			updatedAt: l.updatedAt.toISOString()
		}))
	};
};
