import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { payoutStatus, startOnboarding } from '$lib/server/payments/connect';
import { paymentsEnabled, stripePageOrigins } from '$lib/server/payments/stripe';
import type { Actions, PageServerLoad } from './$types';
import { onboardingUrls, SELLERS } from './payouts.server';
import { logger } from '$lib/server/logger.js';

export const load: PageServerLoad = async (event) => {
	const { user, quarter } = await requireRole(event, event.params.quarter, SELLERS);
	const status = await payoutStatus(user.id);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		enabled: status.enabled,
		stage: status.stage,
		chargesEnabled: status.status?.chargesEnabled ?? false,
		payoutsEnabled: status.status?.payoutsEnabled ?? false,
		dueCount: status.status?.currentlyDue.length ?? 0,
		fee: {
			basisPoints: quarter.settings.platformFeeBasisPoints,
			capCents: quarter.settings.platformFeeCapCents
		},
		returned: event.url.searchParams.get('returned')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, quarter } = await requireRole(event, event.params.quarter, SELLERS);
		if (!paymentsEnabled()) return fail(409, { error: 'pay_disabled_text' });
		let url: string;
		try {
			url = await startOnboarding(
				user.id,
				quarter.id,
				onboardingUrls(event.url.origin, quarter.id),
				new Date()
			);
		} catch (err) {
			logger.error({ err }, 'Starting Stripe onboarding failed');
			return fail(502, { error: 'pay_stripe_unavailable' });
		}
		redirect(303, url, { external: stripePageOrigins() });
	}
};
