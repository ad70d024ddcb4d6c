import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { listPlatformAdmins } from '$lib/server/services/platform';
import { listQuarters } from '$lib/server/services/quarters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	const [quarters, admins] = await Promise.all([listQuarters(), listPlatformAdmins()]);
	return {
		quarters: quarters.map((q) => ({
			id: q.id,
			name: q.name,
			city: q.city,
			blocks: q.blocks.length,
			categories: q.categories.length
		})),
		admins: admins.map((a) => ({ id: a.id, displayName: a.displayName, email: a.email }))
	};
};
