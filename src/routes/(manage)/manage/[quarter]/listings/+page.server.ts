import { categoryLabel } from '$lib/domain/listings/categories';
import { requireRole } from '$lib/server/auth/guards';
import { authorNames } from '$lib/server/listing-view';
import { reviewQueue } from '$lib/server/services/listings';
import { queueReasons } from '$lib/server/services/trust';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const locale = event.locals.locale;
	const queue = await reviewQueue(quarter.id);
	const names = await authorNames(queue);
	const reasons = await queueReasons(quarter, queue, new Date());
	return {
		quarter: { id: quarter.id, name: quarter.name },
		queue: queue.map((l) => ({
			id: l.id,
			title: l.title,
			kind: l.kind,
			category: categoryLabel(quarter.categories, l.category, locale),
			state: l.state,
			authorName: names.get(l.authorId) ?? '—',
			commercial: l.commercial,
			updatedAt: l.updatedAt.toISOString(),
			trust: reasons.get(l.id) ?? null
		}))
	};
};
