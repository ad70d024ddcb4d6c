import { requireRole } from '$lib/server/auth/guards';
import { paymentsEnabled } from '$lib/server/payments/stripe';
import { listStuckEvents } from '$lib/server/payments/webhooks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, membership } = await requireRole(event, event.params.quarter, ['moderator']);
	const enabled = paymentsEnabled();
	const stuck = enabled
		? await listStuckEvents(quarter.id, new Date(), {
				unassigned: membership.role === 'admin'
			})
		: [];
	return {
		quarter: { id: quarter.id, name: quarter.name },
		enabled,
		stuck: stuck.map((s) => ({
			id: s.id,
			type: s.type,
			receivedAt: s.receivedAt.toISOString(),
			failures: s.failures,
			lastError: s.lastError
		}))
	};
};
