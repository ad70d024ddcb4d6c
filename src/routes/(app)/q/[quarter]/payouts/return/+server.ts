// Stripe's onboarding sends the person back here. The account is read once, so the page shows
// the new status even before Stripe's `account.updated` event arrives; then on to the page.
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { refreshAccountStatus } from '$lib/server/payments/connect';
import { paymentsEnabled } from '$lib/server/payments/stripe';
import { SELLERS } from '../payouts.server';
import type { RequestHandler } from './$types';
import { logger } from '$lib/server/logger.js';

export const GET: RequestHandler = async (event) => {
	const { user, quarter } = await requireRole(event, event.params.quarter, SELLERS);
	let outcome = 'ok';
	if (paymentsEnabled()) {
		try {
			await refreshAccountStatus(user.id, new Date());
		} catch (err) {
			logger.error({ err }, 'Reading the Stripe account failed');
			outcome = 'failed';
		}
	}
	redirect(303, localizeHref(`/q/${quarter.id}/payouts?returned=${outcome}`));
};
