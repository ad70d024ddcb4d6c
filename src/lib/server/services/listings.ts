// Listing use-cases: create, edit, move through states, moderate, search. Rules come from
// domain/listings; the book stores each change once; moderator moves go to the audit log and
// the author hears about them by mail.
import { dateTimeFormat } from '../../domain/intl';
import {
	allowedMoves,
	applyMove,
	createListing as newListing,
	dueForExpiry,
	dueForReminder,
	isManagementMove,
	mayView,
	suggestsBusinessRole,
	SYSTEM,
	type Listing,
	type ListingActor,
	type ListingContent,
	type ListingPolicy,
	type MoveInput,
	type MoveProblem
} from '../../domain/listings/listing';
import { needsTraderIdentity } from '../../domain/legal/trader';
import { isActiveMember, isManagement } from '../../domain/members/roles';
import { cellKey, cellOf } from '../../domain/search/location';
import { searchTokens } from '../../domain/search/text';
import * as m from '../../paraglide/messages';
import { newId } from '../ids';
import { markdownToPlainText } from '../markdown';
import { appendAudit } from '../repos/audit';
import type { Membership } from '../repos/memberships';
import { claimOnce } from '../repos/tokens';
import type { Quarter } from '../repos/quarters';
import { listQuarters } from '../repos/quarters';
import { findUserById } from '../repos/users';
import type { ListingQuery } from '../search/listing-index';
import { listingBook, type SearchFields } from './listing-book';
import { mayPublish, type TrustRefusal } from '../../domain/trust/listing-rules';
import { assessForAuthor, authorTrust } from './trust';
import { assessListing } from '../../domain/trust/listing-rules';
import { letter, sendMail } from './mail';
import { traderIdentity } from './trader';

export function listingPolicy(quarter: Quarter): ListingPolicy {
	return {
		preModeration: quarter.settings.listingPreModeration,
		expiryDays: quarter.settings.listingExpiryDays
	};
}

/** The person as the listing rules see them; null when signed out. */
export function listingActor(
	userId: string | null,
	membership: Membership | null
): ListingActor | null {
	if (!userId) return null;
	return { id: userId, moderator: isManagement(membership) };
}

export function searchFields(listing: ListingContent, quarter: Quarter): SearchFields {
	const text = markdownToPlainText(listing.description);
	const block = quarter.blocks.find((b) => b.id === listing.blockId);
	return {
		tokens: searchTokens([listing.title, text, listing.tags.join(' ')].join(' ')),
		cell: block ? cellKey(cellOf(block.lat, block.lon)) : null,
		text
	};
}

export type CreateProblem = 'not_member' | TrustRefusal;

/** A listing that the trust rules hold goes to pre-moderation whatever the quarter's setting. */
function trustPolicy(policy: ListingPolicy, holds: readonly string[]): ListingPolicy {
	return holds.length > 0 ? { ...policy, preModeration: true } : policy;
}

export async function createListing(input: {
	quarter: Quarter;
	userId: string;
	membership: Membership | null;
	content: ListingContent;
	submit: boolean;
	now: Date;
	/**
	 * The moderator who creates the listing for an assisted member (`userId`, the author); the
	 * caller has checked the member's consent (services/assisted.ts).
	 */
	recordedBy?: string;
}): Promise<
	| {
			ok: true;
			listing: Listing;
			suggestBusiness: boolean;
			/** A commercial offer was kept as a draft: its author gives their trader identity
			 * first (Art. 30 DSA), then submits it. */
			traderIdentityRequired: boolean;
	  }
	| { ok: false; problem: CreateProblem | 'contention' }
> {
	const { quarter, userId, membership, content, now } = input;
	if (!isActiveMember(membership)) return { ok: false, problem: 'not_member' };
	const id = newId();
	const commercial = membership!.role === 'business';
	const traderIdentityRequired =
		input.submit &&
		needsTraderIdentity({ commercial, kind: content.kind }, await traderIdentity(userId));
	const submit = input.submit && !traderIdentityRequired;
	// Trust rules (issue 16): a refused offer can be kept as a draft, never submitted.
	const trust = await assessForAuthor(quarter, content, userId, commercial, now);
	if (input.submit && trust.refusal) return { ok: false, problem: trust.refusal };
	const created = newListing(
		{ id, quarterId: quarter.id, authorId: userId, commercial },
		content,
		submit,
		trustPolicy(listingPolicy(quarter), trust.holds),
		now
	);
	const recordedBy = input.recordedBy;
	const listing = recordedBy ? { ...created, recordedBy } : created;
	const result = await listingBook.commit<CreateProblem>(
		id,
		(current) =>
			current
				? { ok: false, problem: 'not_member' } // an id is never reused; cannot happen
				: {
						ok: true,
						listing,
						move: 'create',
						by: userId,
						search: searchFields(content, quarter),
						...(recordedBy ? { recordedBy } : {})
					},
		now
	);
	if (!result.ok) return result;
	return {
		ok: true,
		listing: result.listing,
		suggestBusiness: await suggestBusiness(quarter, userId, membership!),
		traderIdentityRequired
	};
}

/** A resident with many paid offers is told about the business role (a quarter setting). */
export async function suggestBusiness(
	quarter: Quarter,
	userId: string,
	membership: Membership
): Promise<boolean> {
	if (membership.role !== 'resident') return false;
	const own = await listingBook.filter((l) => l.quarterId === quarter.id && l.authorId === userId);
	return suggestsBusinessRole(own, quarter.settings.paidOfferHintThreshold);
}

export type ChangeProblem =
	| MoveProblem
	| 'not_found'
	| 'contention'
	/** A commercial offer is submitted before its author gave a trader identity (Art. 30 DSA). */
	| 'trader_identity_required'
	/** Trust rules (issue 16): the offer may not be submitted as it is. */
	| TrustRefusal
	/** An offer in a sensitive activity waits for the Führungszeugnis record. */
	| 'vetting_required';

/**
 * Moves a listing (edit, submit, approve, hide, ...). The move is decided on the latest stored
 * version; a moderator's move is written to the audit log and mailed to the author.
 */
export async function changeListing(input: {
	quarter: Quarter;
	listingId: string;
	userId: string;
	membership: Membership | null;
	move: MoveInput;
	now: Date;
	/** False when the caller tells the author itself (a DSA decision's statement of reasons). */
	mailAuthor?: boolean;
}): Promise<{ ok: true; listing: Listing } | { ok: false; problem: ChangeProblem }> {
	const { quarter, listingId, userId, membership, move, now } = input;
	// Suspended or pending members make no moves; moderators act through their active membership.
	if (!isActiveMember(membership)) return { ok: false, problem: 'not_allowed' };
	const actor = listingActor(userId, membership)!;
	const policy = listingPolicy(quarter);
	// Read before deciding (the decision must not wait): only a submit needs it.
	const identity = move.move === 'submit' ? await traderIdentity(userId) : null;
	// The author's trust records, read before deciding (issue 16).
	const stored = await listingBook.get(listingId);
	const author =
		stored && stored.quarterId === quarter.id
			? await authorTrust(quarter, stored.authorId, stored.commercial, now)
			: null;
	const result = await listingBook.commit<
		MoveProblem | 'not_found' | 'trader_identity_required' | TrustRefusal | 'vetting_required'
	>(
		listingId,
		(current) => {
			if (!current || current.quarterId !== quarter.id || !mayView(current, actor)) {
				return { ok: false, problem: 'not_found' };
			}
			if (
				move.move === 'submit' &&
				current.authorId === userId &&
				needsTraderIdentity(current, identity)
			) {
				return { ok: false, problem: 'trader_identity_required' };
			}
			const content = move.move === 'edit' ? move.content : current;
			const trust = author
				? assessListing(
						content,
						{ ...author, commercial: current.commercial },
						quarter.settings.trust
					)
				: null;
			const goesPublic =
				move.move === 'submit' ||
				(move.move === 'edit' && !['draft', 'rejected'].includes(current.state));
			if (trust?.refusal && goesPublic) return { ok: false, problem: trust.refusal };
			if (trust && move.move === 'approve' && !mayPublish(trust)) {
				return { ok: false, problem: 'vetting_required' };
			}
			const moved = applyMove(current, move, actor, trustPolicy(policy, trust?.holds ?? []), now);
			if (!moved.ok) return moved;
			return {
				ok: true,
				listing: moved.listing,
				move: move.move,
				by: userId,
				search: searchFields(moved.listing, quarter)
			};
		},
		now
	);
	if (!result.ok) return result;
	const { listing, previous } = result;
	if (isManagementMove(move.move)) {
		const reason = 'reason' in move ? (move.reason ?? '') : '';
		await appendAudit({
			id: `listing:${listing.id}:${listing.revision}`,
			quarterId: quarter.id,
			at: now,
			actorId: userId,
			action: `listing.${move.move}`,
			target: { type: 'listing', id: listing.id },
			reason,
			details: { title: listing.title, from: previous?.state ?? null, to: listing.state }
		});
		if (input.mailAuthor !== false) await mailAuthor(quarter, listing, move.move, reason, now);
	}
	return { ok: true, listing };
}

async function mailAuthor(
	quarter: Quarter,
	listing: Listing,
	move: string,
	reason: string,
	now: Date
): Promise<void> {
	const author = await findUserById(listing.authorId);
	if (!author) return;
	const locale = author.locale;
	const params = { title: listing.title, quarter: quarter.name, reason };
	const text =
		move === 'approve'
			? m.mail_listing_approved_body(params, { locale })
			: move === 'reject'
				? m.mail_listing_rejected_body(params, { locale })
				: move === 'requestChanges'
					? m.mail_listing_changes_body(params, { locale })
					: move === 'hide'
						? m.mail_listing_hidden_body(params, { locale })
						: move === 'reinstate'
							? m.mail_listing_reinstated_body(params, { locale })
							: null;
	if (!text) return;
	await sendMail(
		{
			to: author.email,
			subject: m.mail_listing_subject(params, { locale }),
			text: letter(locale, author.displayName, text)
		},
		now
	);
}

/** A listing as this person may see it, or null (missing, other quarter, or not theirs to see). */
export async function findVisibleListing(
	quarterId: string,
	listingId: string,
	actor: ListingActor | null
): Promise<Listing | null> {
	const listing = await listingBook.get(listingId);
	if (!listing || listing.quarterId !== quarterId || !mayView(listing, actor)) return null;
	return listing;
}

export { allowedMoves };

export async function searchListings(query: ListingQuery) {
	return listingBook.search(query);
}

export async function listingsOfAuthor(quarterId: string, authorId: string): Promise<Listing[]> {
	return listingBook.ofAuthor(quarterId, authorId);
}

/** What a profile shows: the author's published listings (no archived one is read). */
export async function publishedListingsOfAuthor(
	quarterId: string,
	authorId: string
): Promise<Listing[]> {
	return listingBook.filter(
		(l) => l.quarterId === quarterId && l.authorId === authorId && l.state === 'published'
	);
}

/** What the quarter management should look at: waiting listings and unreviewed changes. */
export async function reviewQueue(quarterId: string): Promise<Listing[]> {
	const list = await listingBook.filter(
		(l) => l.quarterId === quarterId && (l.state === 'pending' || l.needsReview)
	);
	// Oldest first: whoever waits longest is looked at first.
	return list.reverse();
}

export async function listingsByIds(ids: string[]): Promise<Map<string, Listing>> {
	const found = await Promise.all([...new Set(ids)].map((id) => listingBook.get(id)));
	return new Map(found.filter((l): l is Listing => l !== undefined).map((l) => [l.id, l]));
}

/** Expires due listings and sends reminders a week before; every server may run it. */
export async function runListingExpiry(now: Date): Promise<{ expired: number; reminded: number }> {
	const quarters = new Map((await listQuarters()).map((q) => [q.id, q]));
	const all = await listingBook.filter(() => true);
	let expired = 0;
	for (const listing of dueForExpiry(all, now)) {
		const quarter = quarters.get(listing.quarterId);
		if (!quarter) continue;
		const result = await listingBook.commit<MoveProblem | 'gone'>(
			listing.id,
			(current) => {
				if (!current) return { ok: false, problem: 'gone' };
				const moved = applyMove(
					current,
					{ move: 'expire' },
					{ id: SYSTEM, moderator: false },
					listingPolicy(quarter),
					now
				);
				return moved.ok
					? {
							ok: true,
							listing: moved.listing,
							move: 'expire',
							by: SYSTEM,
							search: searchFields(moved.listing, quarter)
						}
					: moved;
			},
			now
		);
		if (result.ok) expired++;
	}
	let reminded = 0;
	for (const listing of dueForReminder(all, now, 7)) {
		const quarter = quarters.get(listing.quarterId);
		// One reminder per listing and expiry date, whichever server gets there first.
		if (
			!quarter ||
			!(await claimOnce(`listing-reminder:${listing.id}:${listing.expiresAt!.toISOString()}`, now))
		)
			continue;
		const author = await findUserById(listing.authorId);
		if (!author) continue;
		const locale = author.locale;
		const date = dateTimeFormat(locale, {
			dateStyle: 'long',
			timeZone: quarter.settings.timeZone
		}).format(listing.expiresAt!);
		await sendMail(
			{
				to: author.email,
				subject: m.mail_listing_expiry_subject({ title: listing.title }, { locale }),
				text: letter(
					locale,
					author.displayName,
					m.mail_listing_expiry_body(
						{ title: listing.title, quarter: quarter.name, date },
						{ locale }
					)
				)
			},
			now
		);
		reminded++;
	}
	return { expired, reminded };
}

/**
 * Closes a deleted member's listings with their text overwritten (docs/legal.md, "Löschen mit
 * Einfüge-Logs"): one `close` change each by the system; a listing closed and erased already is
 * left alone, so running it again writes nothing.
 */
export async function closeErasedListings(
	listingIds: readonly string[],
	title: string,
	now: Date
): Promise<number> {
	let closed = 0;
	for (const listingId of listingIds) {
		const result = await listingBook.commit<'gone' | 'done'>(
			listingId,
			(current) => {
				if (!current) return { ok: false, problem: 'gone' };
				if (current.state === 'closed' && current.title === title && !current.photoId) {
					return { ok: false, problem: 'done' };
				}
				return {
					ok: true,
					listing: {
						...current,
						title,
						description: '',
						tags: [],
						availability: '',
						photoId: null,
						moderation: null,
						state: 'closed',
						needsReview: false,
						updatedAt: now,
						revision: current.revision + 1
					},
					move: 'close',
					by: SYSTEM,
					search: { tokens: [], cell: null, text: '' }
				};
			},
			now
		);
		if (result.ok) closed++;
	}
	return closed;
}
