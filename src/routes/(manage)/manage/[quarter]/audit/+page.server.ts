import { requireRole } from '$lib/server/auth/guards';
import { listAudit } from '$lib/server/repos/audit';
import { findUsersByIds } from '$lib/server/repos/users';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const raw = Number(event.url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
	const { total, entries } = await listAudit(quarter.id, {
		offset: (page - 1) * PAGE_SIZE,
		limit: PAGE_SIZE
	});
	const ids = entries.flatMap((e) =>
		e.target.type === 'member' ? [e.actorId, e.target.id] : [e.actorId]
	);
	const names = new Map(
		(await findUsersByIds([...new Set(ids)])).map((u) => [u.id, u.displayName])
	);
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
