// Stripe sends the person here when their onboarding link has expired or was used: a new link,
// straight back to Stripe.
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { startOnboarding } from '$lib/server/payments/connect';
import { paymentsEnabled, stripePageOrigins } from '$lib/server/payments/stripe';
import { onboardingUrls, SELLERS } from '../payouts.server';
import type { RequestHandler } from './$types';
import { logger } from '$lib/server/logger.js';

export const GET: RequestHandler = async (event) => {
	const { user, quarter } = await requireRole(event, event.params.quarter, SELLERS);
	const page = localizeHref(`/q/${quarter.id}/payouts`);
	if (!paymentsEnabled()) redirect(303, page);
	let url: string;
	try {
		url = await startOnboarding(
			user.id,
			quarter.id,
			onboardingUrls(event.url.origin, quarter.id),
			new Date()
		);
	} catch (err) {
		logger.error({ err }, 'Renewing the Stripe onboarding link failed');
		redirect(303, `${page}?returned=failed`);
	}
	redirect(303, url, { external: stripePageOrigins() });
};
