import { requireRole } from '$lib/server/auth/guards';
import { lettersOfQuarter } from '$lib/server/services/address-letters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const letters = await lettersOfQuarter(quarter.id);
	const blockName = new Map(quarter.blocks.map((b) => [b.id, b.name]));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		waiting: letters.filter((l) => l.state === 'requested').length,
		letters: letters.map((l) => ({
			userId: l.userId,
			name: l.name,
			state: l.state,
			block: l.blockId ? (blockName.get(l.blockId) ?? '—') : '—',
			requestedAt: l.requestedAt.toISOString(),
			hasAddress: l.hasAddress
		}))
	};
};
