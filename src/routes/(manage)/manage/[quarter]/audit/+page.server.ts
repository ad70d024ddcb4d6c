import { requireRole } from '$lib/server/auth/guards';
import { displayNames } from '$lib/server/services/members';
import { auditPage } from '$lib/server/services/moderation';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const raw = Number(event.url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
	const { total, entries } = await auditPage(quarter.id, {
		offset: (page - 1) * PAGE_SIZE,
		limit: PAGE_SIZE
	});
	const ids = entries.flatMap((e) =>
		e.target.type === 'member' ? [e.actorId, e.target.id] : [e.actorId]
	);
	const names = await displayNames(ids);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		entries: entries.map((e) => ({
			id: e.id,
			at: e.at.toISOString(),
			actor: names.get(e.actorId) ?? e.actorId,
			action: e.action,
			targetType: e.target.type,
			targetId: e.target.id,
			target:
				e.target.type === 'member'
					? (names.get(e.target.id) ?? '—')
					: typeof e.details.title === 'string'
						? e.details.title
						: '',
			reason: e.reason
		}))
	};
};
