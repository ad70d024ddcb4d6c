import { inWords } from '$lib/server/messages';
import { error, fail, redirect } from '@sveltejs/kit';
import { categoryLabel } from '$lib/domain/listings/categories';
import {
	MOVES,
	REASONED_MOVES,
	allowedMoves,
	isManagementMove,
	type Move
} from '$lib/domain/listings/listing';
import { isActiveMember } from '$lib/domain/members/roles';
import { cellOf, distanceMeters, roundedDistance } from '$lib/domain/search/location';
import { parseForm } from '$lib/schemas/form';
import { flagSchema, reasonSchema } from '$lib/schemas/listing';
import { quarterViewer, requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { renderMarkdown } from '$lib/server/markdown';
import { isComplete } from '$lib/domain/legal/trader';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { displayNameOf, homeBlockOf } from '$lib/server/services/members';
import { flagListing } from '$lib/server/services/moderation';
import {
	changeListing,
	findVisibleListing,
	listingActor,
	suggestBusiness
} from '$lib/server/services/listings';
import { traderIdentity } from '$lib/server/services/trader';
import { findQuarterName, tradingMembership } from '$lib/server/services/trade';
import { listingTrustView } from '$lib/server/services/trust';
import type { Actions, PageServerLoad } from './$types';

const MEMBERS = ['resident', 'business'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const actor = listingActor(user?.id ?? null, membership);
	const listing = await findVisibleListing(quarter.id, event.params.id, actor);
	if (!listing) error(404, m.error_listing_not_found());
	const locale = event.locals.locale;
	const category = categoryLabel(quarter.categories, listing.category, locale);
	const base = {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		// The photo is public (/photos/…) and is the picture of a shared link (og:image).
		listing: {
			id: listing.id,
			title: listing.title,
			kind: listing.kind,
			category,
			photoId: listing.photoId
		}
	};
	const isAuthor = user?.id === listing.authorId;
	// A member of a quarter that trades with this one sees the details and may propose
	// (docs/cross-quarter.md).
	const trading =
		user && !isActiveMember(membership) && !isAuthor && listing.state === 'published'
			? await tradingMembership(user.id, quarter.id)
			: null;
	if (!isActiveMember(membership) && !isAuthor && !trading) {
		return { ...base, details: null, signedIn: user !== null };
	}

	const [authorName, recorderName] = await Promise.all([
		displayNameOf(listing.authorId),
		listing.recordedBy ? displayNameOf(listing.recordedBy) : null
	]);
	const viewerBlock = user ? await homeBlockOf(quarter.id, user.id) : null;
	const from = quarter.blocks.find((b) => b.id === viewerBlock);
	const at = quarter.blocks.find((b) => b.id === listing.blockId);
	const distance =
		from && at && !isAuthor
			? roundedDistance(distanceMeters(cellOf(from.lat, from.lon), cellOf(at.lat, at.lon)))
			: null;
	const moves = actor ? allowedMoves(listing, actor, new Date()) : [];
	const trust = await listingTrustView(quarter, listing, actor, new Date());
	const businessHint =
		isAuthor && membership ? await suggestBusiness(quarter, listing.authorId, membership) : false;
	// Art. 30(7) DSA: a commercial offer names the trader where the offer is shown.
	const identity =
		listing.commercial && listing.kind === 'offer' ? await traderIdentity(listing.authorId) : null;
	const trader =
		identity && isComplete(identity)
			? {
					legalName: identity.legalName,
					address: identity.address,
					email: identity.email,
					phone: identity.phone,
					registerNumber: identity.registerNumber
				}
			: null;

	return {
		...base,
		signedIn: true,
		details: {
			descriptionHtml: renderMarkdown(listing.description),
			tags: listing.tags,
			settlement: listing.settlement,
			priceCents: listing.priceCents,
			priceUnit: listing.priceUnit,
			availability: listing.availability,
			commercial: listing.commercial,
			photoId: listing.photoId,
			authorId: listing.authorId,
			authorName: authorName ?? '—',
			// Created by the quarter management for an assisted member.
			recorded: recorderName
				? m.assisted_recorded_by({ moderator: recorderName, member: authorName ?? '—' }, { locale })
				: null,
			// The author sees their own block by name; everyone else only a rounded distance.
			blockName: isAuthor ? (at?.name ?? null) : null,
			distanceMeters: distance,
			state: listing.state,
			needsReview: listing.needsReview,
			moderation:
				isAuthor || actor?.moderator
					? listing.moderation && {
							move: listing.moderation.move,
							reason: listing.moderation.reason,
							at: listing.moderation.at.toISOString()
						}
					: null,
			publishedAt: listing.publishedAt?.toISOString() ?? null,
			expiresAt: isAuthor || actor?.moderator ? (listing.expiresAt?.toISOString() ?? null) : null,
			isAuthor,
			isModerator: actor?.moderator ?? false,
			canContact: !isAuthor && listing.state === 'published' && isActiveMember(membership),
			canFlag: !isAuthor && listing.state === 'published' && isActiveMember(membership),
			canPropose:
				!isAuthor && listing.state === 'published' && (isActiveMember(membership) || !!trading),
			tradingFrom: trading ? await findQuarterName(trading.quarterId) : null,
			authorMoves: moves.filter((mv) => !isManagementMove(mv) && mv !== 'edit'),
			moderatorMoves: moves.filter(isManagementMove),
			canEdit: moves.includes('edit'),
			suggestBusiness: businessHint,
			trader,
			trust
		}
	};
};

function moveOf(value: FormDataEntryValue | null): Move | null {
	return typeof value === 'string' && (MOVES as readonly string[]).includes(value)
		? (value as Move)
		: null;
}

export const actions: Actions = {
	move: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, MEMBERS);
		const form = await readForm(event.request);
		const move = moveOf(form.get('move'));
		if (!move || move === 'create' || move === 'edit' || move === 'expire') {
			return fail(400, { move: null, errors: inWords({ form: 'error_invalid_input' }) });
		}
		let reason: string | undefined;
		if (REASONED_MOVES.includes(move)) {
			const parsed = parseForm(reasonSchema, form, ['reason']);
			if (!parsed.ok) {
				return fail(400, { move, errors: inWords(parsed.errors), values: parsed.values });
			}
			reason = parsed.data.reason;
		}
		const result = await changeListing({
			quarter,
			listingId: event.params.id,
			userId: user.id,
			membership,
			move: { move, reason },
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_listing_not_found());
			if (result.problem === 'not_allowed') error(403, m.error_forbidden());
			if (result.problem === 'trader_identity_required') {
				redirect(303, localizeHref(`/q/${quarter.id}/trader?listing=${event.params.id}`));
			}
			const key =
				result.problem === 'reason_required'
					? 'error_reason_required'
					: `error_listing_${result.problem}`;
			return fail(result.problem === 'reason_required' ? 400 : 409, {
				move,
				errors: inWords({ form: key })
			});
		}
		// A moderator who sent a listing back (a draft again) or rejected it no longer sees it:
		// they go back to the review list, which says what happened.
		const stillVisible = await findVisibleListing(
			quarter.id,
			result.listing.id,
			listingActor(user.id, membership)
		);
		if (!stillVisible && isManagementMove(move)) {
			redirect(303, localizeHref(`/manage/${quarter.id}/listings?done=${move}`));
		}
		redirect(303, localizeHref(`/q/${quarter.id}/listings/${result.listing.id}?done=${move}`));
	},
	flag: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
		const form = await readForm(event.request);
		const parsed = parseForm(flagSchema, form, ['reason', 'note']);
		if (!parsed.ok) {
			return fail(400, { flag: true, errors: inWords(parsed.errors), values: parsed.values });
		}
		const result = await flagListing({
			quarter,
			listingId: event.params.id,
			reporterId: user.id,
			reason: parsed.data.reason,
			note: parsed.data.note,
			now: new Date()
		});
		if (!result.ok) error(404, m.error_listing_not_found());
		return { flagged: true };
	}
};
