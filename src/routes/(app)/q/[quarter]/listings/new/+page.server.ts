import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { readListingForm } from '$lib/server/listing-form';
import { homeBlockOf } from '$lib/server/services/members';
import { createListing } from '$lib/server/services/listings';
import { formValues } from '$lib/server/trust-form';
import type { Actions, PageServerLoad } from './$types';

const MEMBERS = ['resident', 'business'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
	const locale = event.locals.locale;
	const blockId = await homeBlockOf(quarter.id, user.id);
	return {
		quarter: {
			id: quarter.id,
			name: quarter.name,
			preModeration: quarter.settings.listingPreModeration,
			categories: quarter.categories.map((c) => ({ id: c.id, label: c.label[locale] })),
			blocks: quarter.blocks.map((b) => ({ id: b.id, label: b.name }))
		},
		defaults: { blockId: blockId ?? '', kind: event.url.searchParams.get('kind') ?? '' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, MEMBERS);
		const read = await readListingForm(await readForm(event.request), quarter);
		if (!read.ok) return fail(400, { errors: read.errors, values: read.values });
		const now = new Date();
		const photoId = read.photo.kind === 'new' ? await read.photo.save(user.id, now) : null;
		const result = await createListing({
			quarter,
			userId: user.id,
			membership,
			content: { ...read.content, photoId },
			submit: read.submit,
			now
		});
		if (!result.ok && result.problem !== 'not_member' && result.problem !== 'contention') {
			// Trust rules (issue 16): nothing is saved; the notice says why.
			return fail(409, {
				errors: { form: `error_listing_${result.problem}` },
				values: formValues(read.content)
			});
		}
		if (!result.ok) error(result.problem === 'not_member' ? 403 : 503, m.error_forbidden());
		// Saved as a draft: the trader identity comes first, then the offer is submitted.
		if (result.traderIdentityRequired) {
			redirect(303, localizeHref(`/q/${quarter.id}/trader?listing=${result.listing.id}`));
		}
		const done =
			result.listing.state === 'draft'
				? 'draft'
				: result.listing.state === 'pending'
					? 'submitted'
					: 'published';
		redirect(303, localizeHref(`/q/${quarter.id}/listings/${result.listing.id}?done=${done}`));
	}
};
