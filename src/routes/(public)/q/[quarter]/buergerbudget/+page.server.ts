import { isManagement } from '$lib/domain/members/roles';
import { quarterViewer } from '$lib/server/auth/guards';
import { participation } from '$lib/server/services/participation';
import { roundCard } from '$lib/server/services/participation/views';
import type { PageServerLoad } from './$types';

// The quarter's Bürgerbudget rounds, newest first; each round has its own page.
export const load: PageServerLoad = async (event) => {
	const { quarter, membership } = await quarterViewer(event, event.params.quarter);
	const now = new Date();
	const rounds = await participation.rounds(quarter);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		moderator: isManagement(membership),
		rounds: rounds.map((r) => roundCard(quarter, r, now))
	};
};
