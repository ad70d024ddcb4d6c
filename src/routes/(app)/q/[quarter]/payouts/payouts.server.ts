import { localizeHref } from '$lib/paraglide/runtime';

/** Members who sell: businesses and residents (the quarter management passes as members too). */
export const SELLERS = ['business', 'resident'] as const;

/** Stripe's onboarding comes back to these pages (in the person's language). */
export function onboardingUrls(origin: string, quarterId: string) {
	return {
		returnUrl: origin + localizeHref(`/q/${quarterId}/payouts/return`),
		refreshUrl: origin + localizeHref(`/q/${quarterId}/payouts/refresh`)
	};
}
