import { error, fail, redirect } from '@sveltejs/kit';
import { allowedMoves } from '$lib/domain/listings/listing';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { readListingForm } from '$lib/server/listing-form';
import { formValues, isTrustRefusal } from '$lib/server/trust-form';
import { changeListing, findVisibleListing } from '$lib/server/services/listings';
import type { Actions, PageServerLoad } from './$types';

const MEMBERS = ['resident', 'business'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
	const listing = await findVisibleListing(quarter.id, event.params.id, {
		id: user.id,
		moderator: false
	});
	// Someone else's listing: the same answer as a missing one, drafts stay private.
	if (!listing || listing.authorId !== user.id) error(404, m.error_listing_not_found());
	if (!allowedMoves(listing, { id: user.id, moderator: false }, new Date()).includes('edit')) {
		error(409, m.error_listing_wrong_state());
	}
	const locale = event.locals.locale;
	const cents = listing.priceCents;
	return {
		quarter: {
			id: quarter.id,
			name: quarter.name,
			preModeration: quarter.settings.listingPreModeration,
			categories: quarter.categories.map((c) => ({ id: c.id, label: c.label[locale] })),
			blocks: quarter.blocks.map((b) => ({ id: b.id, label: b.name }))
		},
		listing: {
			id: listing.id,
			state: listing.state,
			photoId: listing.photoId,
			values: {
				kind: listing.kind,
				title: listing.title,
				description: listing.description,
				category: listing.category,
				tags: listing.tags.join(', '),
				settlement: listing.settlement,
				price:
					cents === null
						? ''
						: locale === 'de'
							? (cents / 100).toFixed(2).replace('.', ',')
							: (cents / 100).toFixed(2),
				priceUnit: listing.priceUnit ?? 'hour',
				availability: listing.availability,
				blockId: listing.blockId ?? ''
			}
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, MEMBERS);
		const current = await findVisibleListing(quarter.id, event.params.id, {
			id: user.id,
			moderator: false
		});
		if (!current || current.authorId !== user.id) error(404, m.error_listing_not_found());
		const read = await readListingForm(await readForm(event.request), quarter);
		if (!read.ok) return fail(400, { errors: read.errors, values: read.values });
		const now = new Date();
		const photoId =
			read.photo.kind === 'new'
				? await read.photo.save(user.id, now)
				: read.photo.kind === 'remove'
					? null
					: current.photoId;
		const base = { quarter, listingId: current.id, userId: user.id, membership, now };
		const edited = await changeListing({
			...base,
			move: { move: 'edit', content: { ...read.content, photoId } }
		});
		if (!edited.ok) {
			if (edited.problem === 'not_found') error(404, m.error_listing_not_found());
			if (edited.problem === 'not_allowed') error(403, m.error_forbidden());
			if (isTrustRefusal(edited.problem)) {
				return fail(409, {
					errors: { form: `error_listing_${edited.problem}` },
					values: formValues(read.content)
				});
			}
			return fail(409, { errors: { form: 'error_listing_wrong_state' }, values: {} });
		}
		let listing = edited.listing;
		// A draft (or a rejected listing) goes to the quarter management when the author says so.
		if (read.submit && (listing.state === 'draft' || listing.state === 'rejected')) {
			const submitted = await changeListing({ ...base, move: { move: 'submit' } });
			if (submitted.ok) listing = submitted.listing;
			else if (submitted.problem === 'trader_identity_required') {
				redirect(303, localizeHref(`/q/${quarter.id}/trader?listing=${listing.id}`));
			} else if (isTrustRefusal(submitted.problem)) {
				// Kept as a draft with the changes; the notice says why it was not submitted.
				return fail(409, {
					errors: { form: `error_listing_${submitted.problem}` },
					values: formValues(read.content)
				});
			}
		}
		const done =
			listing.state === 'pending' ? 'submitted' : listing.state === 'draft' ? 'draft' : 'edited';
		redirect(303, localizeHref(`/q/${quarter.id}/listings/${listing.id}?done=${done}`));
	}
};
