import { requireRole } from '$lib/server/auth/guards';
import { deletionLog } from '$lib/server/services/deletion';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const log = await deletionLog(quarter.id);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		deletions: log.map((d) => ({
			n: d.n,
			requestedAt: d.requestedAt.toISOString(),
			completedAt: d.completedAt?.toISOString() ?? null
		}))
	};
};
