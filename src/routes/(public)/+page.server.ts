import { listQuarters } from '$lib/server/services/quarters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const quarters = await listQuarters();
	return {
		quarters: quarters.map((q) => ({
			id: q.id,
			name: q.name,
			city: q.city,
			description: q.description
		}))
	};
};
