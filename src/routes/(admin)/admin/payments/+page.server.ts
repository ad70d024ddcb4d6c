import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { paymentsEnabled } from '$lib/server/payments/stripe';
import { listAllStuckEvents } from '$lib/server/payments/webhooks';
import type { PageServerLoad } from './$types';

/** Stripe events of every quarter that could not be applied or are stuck, for the platform's
 * admins: a payment for an exchange the app does not know lands here at once. */
export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	const enabled = paymentsEnabled();
	const stuck = enabled ? await listAllStuckEvents(new Date()) : [];
	return {
		enabled,
		stuck: stuck.map((s) => ({
			id: s.id,
			type: s.type,
			quarterId: s.quarterId,
			receivedAt: s.receivedAt.toISOString(),
			failures: s.failures,
			lastError: s.lastError
		}))
	};
};
