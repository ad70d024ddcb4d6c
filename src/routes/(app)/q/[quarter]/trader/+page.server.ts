import { error, fail, redirect } from '@sveltejs/kit';
import { isComplete } from '$lib/domain/legal/trader';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { TRADER_FIELDS, traderSchema } from '$lib/schemas/legal';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { changeListing, findVisibleListing } from '$lib/server/services/listings';
import { saveTraderIdentity, traderIdentity } from '$lib/server/services/trader';
import type { Actions, PageServerLoad } from './$types';

// Business members (the quarter management passes too: it may act as a member).
const BUSINESS = ['business'] as const;
const LISTING_ID = /^[0-9a-f]{24}$/;

/** The offer waiting for the trader identity, when the page was opened for one (own only). */
function listingParam(value: string | null): string | null {
	return value && LISTING_ID.test(value) ? value : null;
}

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, BUSINESS);
	const identity = await traderIdentity(user.id);
	const listingId = listingParam(event.url.searchParams.get('listing'));
	const listing = listingId
		? await findVisibleListing(quarter.id, listingId, { id: user.id, moderator: false })
		: null;
	return {
		quarter: { id: quarter.id, name: quarter.name },
		listing:
			listing && listing.authorId === user.id ? { id: listing.id, title: listing.title } : null,
		complete: isComplete(identity),
		savedAt: identity?.at.toISOString() ?? null,
		values: {
			legalName: identity?.legalName ?? '',
			address: identity?.address ?? '',
			email: identity?.email ?? user.email,
			phone: identity?.phone ?? '',
			registerNumber: identity?.registerNumber ?? '',
			lawful: identity?.lawfulConfirmed ? 'on' : ''
		},
		done: event.url.searchParams.get('done') === 'saved'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, BUSINESS);
		const form = await readForm(event.request);
		const parsed = parseForm(traderSchema, form, TRADER_FIELDS, [], 400);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { legalName, address, email, phone, registerNumber } = parsed.data;
		const now = new Date();
		const saved = await saveTraderIdentity(
			user.id,
			{ legalName, address, email, phone, registerNumber, lawfulConfirmed: true },
			now
		);
		if (!saved.ok) error(503, m.error_unexpected({ errorId: event.locals.requestId ?? '' }));
		// The offer that waited for it goes to publication (or to the quarter management) now.
		const listingId = listingParam(String(form.get('listing') ?? ''));
		if (listingId) {
			const submitted = await changeListing({
				quarter,
				listingId,
				userId: user.id,
				membership,
				move: { move: 'submit' },
				now
			});
			if (submitted.ok) {
				const done = submitted.listing.state === 'pending' ? 'submitted' : 'published';
				redirect(303, localizeHref(`/q/${quarter.id}/listings/${listingId}?done=${done}`));
			}
			redirect(303, localizeHref(`/q/${quarter.id}/listings/${listingId}`));
		}
		redirect(303, localizeHref(`/q/${quarter.id}/trader?done=saved`));
	}
};
