// Listings (Einträge): offers ("Ich biete") and requests ("Ich suche") in a quarter, their states
// and who may move them. Pure: time is passed in; the listing store saves what a move returns,
// and re-runs the move when another server changed the listing first.
//
//   draft ─submit→ pending ─approve→ published ─pause→ paused ─resume→ published
//   draft ─submit (no pre-moderation)→ published (still in the moderators' review list)
//   pending ─reject(reason)→ rejected ─edit/submit→ pending
//   pending, published ─requestChanges(note)→ draft
//   published, paused ─hide(reason)→ hidden ─reinstate→ published
//   published, paused ─expire (when due)→ expired ─renew→ published
//   any but closed ─close→ closed

const DAY = 24 * 60 * 60 * 1000;

export const LISTING_KINDS = ['offer', 'request'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

/** How an exchange from this listing may be settled (glossary: Ausgleich). */
export const LISTING_SETTLEMENTS = ['hours', 'euros', 'either', 'free'] as const;
export type ListingSettlement = (typeof LISTING_SETTLEMENTS)[number];

export const PRICE_UNITS = ['hour', 'job'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

export const LISTING_STATES = [
	'draft',
	'pending',
	'published',
	'paused',
	'expired',
	'closed',
	'rejected',
	'hidden'
] as const;
export type ListingState = (typeof LISTING_STATES)[number];

export interface ListingContent {
	kind: ListingKind;
	title: string;
	/** Markdown subset as typed; rendered and sanitised on the server. */
	description: string;
	category: string;
	tags: string[];
	settlement: ListingSettlement;
	/** Integer cents; set exactly when the settlement allows euros. */
	priceCents: number | null;
	priceUnit: PriceUnit | null;
	availability: string;
	/** A block (street section) of the quarter; shown only as a rounded distance. */
	blockId: string | null;
	photoId: string | null;
}

export interface Listing extends ListingContent {
	id: string;
	quarterId: string;
	authorId: string;
	/** The author was a business member when the listing was created: a commercial offer. */
	commercial: boolean;
	state: ListingState;
	/** A moderator has not looked at the latest submitted version yet. */
	needsReview: boolean;
	/** The reason or note of the latest moderator move, shown to the author. */
	moderation: { move: Move; reason: string; by: string; at: Date } | null;
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
	expiresAt: Date | null;
	/** Changes so far; the store numbers them and refuses two changes of the same revision. */
	revision: number;
	/** Created by the quarter management for an assisted member (the author): the moderator's id. */
	recordedBy?: string;
}

export const MOVES = [
	'create',
	'edit',
	'submit',
	'approve',
	'reject',
	'requestChanges',
	'hide',
	'reinstate',
	'pause',
	'resume',
	'renew',
	'close',
	'expire'
] as const;
export type Move = (typeof MOVES)[number];

/** Moves of the quarter management; each is written to the audit log. */
export const MODERATOR_MOVES = [
	'approve',
	'reject',
	'requestChanges',
	'hide',
	'reinstate'
] as const satisfies readonly Move[];
export type ModeratorMove = (typeof MODERATOR_MOVES)[number];
/** Moves that need a reason the author will read. */
/** Why a member reports a listing to the quarter management, in the order the form offers them. */
export const FLAG_REASONS = [
	'spam',
	'inappropriate',
	'commercial',
	'wrong_category',
	'other'
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const REASONED_MOVES: readonly Move[] = ['reject', 'requestChanges', 'hide'];

const FROM: Record<Exclude<Move, 'create'>, readonly ListingState[]> = {
	edit: ['draft', 'pending', 'published', 'paused', 'rejected', 'expired'],
	submit: ['draft', 'rejected'],
	approve: ['pending', 'published', 'paused'],
	reject: ['pending'],
	requestChanges: ['pending', 'published', 'paused'],
	hide: ['published', 'paused', 'pending'],
	reinstate: ['hidden'],
	pause: ['published'],
	resume: ['paused'],
	renew: ['published', 'paused', 'expired'],
	close: ['draft', 'pending', 'published', 'paused', 'expired', 'rejected', 'hidden'],
	expire: ['published', 'paused']
};

export interface ListingActor {
	id: string;
	/** Quarter management of the listing's quarter. */
	moderator: boolean;
}

export const SYSTEM = 'system';

export interface ListingPolicy {
	preModeration: boolean;
	expiryDays: number;
}

export type MoveProblem = 'not_allowed' | 'wrong_state' | 'reason_required' | 'not_expired';

export type MoveInput =
	| { move: 'edit'; content: ListingContent }
	| { move: Exclude<Move, 'create' | 'edit'>; reason?: string };

export type MoveResult = { ok: true; listing: Listing } | { ok: false; problem: MoveProblem };

export const REASON_MAX = 1000;

export function isManagementMove(move: Move): move is ModeratorMove {
	return (MODERATOR_MOVES as readonly Move[]).includes(move);
}

export function expiryFrom(now: Date, policy: ListingPolicy): Date {
	return new Date(now.getTime() + policy.expiryDays * DAY);
}

/** A new listing, as a draft or submitted at once. */
export function createListing(
	init: { id: string; quarterId: string; authorId: string; commercial: boolean },
	content: ListingContent,
	submit: boolean,
	policy: ListingPolicy,
	now: Date
): Listing {
	const draft: Listing = {
		...init,
		...content,
		state: 'draft',
		needsReview: false,
		moderation: null,
		createdAt: now,
		updatedAt: now,
		publishedAt: null,
		expiresAt: null,
		revision: 1
	};
	return submit ? submitted(draft, policy, now) : draft;
}

function submitted(listing: Listing, policy: ListingPolicy, now: Date): Listing {
	return policy.preModeration
		? { ...listing, state: 'pending', needsReview: true }
		: published(listing, policy, now, true);
}

function published(listing: Listing, policy: ListingPolicy, now: Date, needsReview: boolean) {
	return {
		...listing,
		state: 'published' as const,
		needsReview,
		publishedAt: listing.publishedAt ?? now,
		expiresAt:
			listing.expiresAt && listing.expiresAt > now ? listing.expiresAt : expiryFrom(now, policy)
	};
}

/** Which moves this actor may make now; the page shows exactly these buttons. */
export function allowedMoves(listing: Listing, actor: ListingActor, now: Date): Move[] {
	return MOVES.filter(
		(move) =>
			move !== 'create' &&
			move !== 'expire' &&
			mayAct(listing, actor, move) &&
			FROM[move].includes(listing.state) &&
			!(move === 'resume' && isDue(listing, now))
	);
}

function mayAct(listing: Listing, actor: ListingActor, move: Move): boolean {
	if (move === 'expire') return actor.id === SYSTEM;
	// Nobody approves or hides their own listing: a colleague does (four eyes).
	if (isManagementMove(move)) return actor.moderator && actor.id !== listing.authorId;
	return actor.id === listing.authorId;
}

export function isDue(listing: Listing, now: Date): boolean {
	return listing.expiresAt !== null && listing.expiresAt <= now;
}

/** Applies one move; the result has the next revision number. */
export function applyMove(
	listing: Listing,
	input: MoveInput,
	actor: ListingActor,
	policy: ListingPolicy,
	now: Date
): MoveResult {
	const { move } = input;
	if (!mayAct(listing, actor, move)) return { ok: false, problem: 'not_allowed' };
	if (!FROM[move].includes(listing.state)) return { ok: false, problem: 'wrong_state' };
	const reason = input.move === 'edit' ? '' : (input.reason ?? '').trim();
	if (REASONED_MOVES.includes(move) && !reason) return { ok: false, problem: 'reason_required' };

	const base: Listing = { ...listing, updatedAt: now, revision: listing.revision + 1 };
	// Capped by code points, so an emoji at the limit is not cut in half.
	const capped = Array.from(reason).slice(0, REASON_MAX).join('');
	const note = (m: Move) => ({ move: m, reason: capped, by: actor.id, at: now });
	let next: Listing;
	switch (input.move) {
		case 'edit': {
			next = { ...base, ...input.content };
			// A changed public listing is looked at again: before it shows under pre-moderation,
			// afterwards otherwise.
			if (
				listing.state === 'published' ||
				listing.state === 'paused' ||
				listing.state === 'expired'
			) {
				next = policy.preModeration
					? { ...next, state: 'pending', needsReview: true }
					: { ...next, needsReview: true };
			} else if (listing.state === 'pending') next = { ...next, needsReview: true };
			break;
		}
		case 'submit':
			next = submitted({ ...base, moderation: null }, policy, now);
			break;
		case 'approve':
			next =
				listing.state === 'pending'
					? published({ ...base, moderation: null }, policy, now, false)
					: { ...base, needsReview: false };
			break;
		case 'reject':
			next = { ...base, state: 'rejected', needsReview: false, moderation: note('reject') };
			break;
		case 'requestChanges':
			next = {
				...base,
				state: 'draft',
				needsReview: false,
				moderation: note('requestChanges')
			};
			break;
		case 'hide':
			next = { ...base, state: 'hidden', needsReview: false, moderation: note('hide') };
			break;
		case 'reinstate':
			next = published({ ...base, moderation: null }, policy, now, false);
			if (listing.publishedAt === null) next = { ...next, publishedAt: now };
			break;
		case 'pause':
			next = { ...base, state: 'paused' };
			break;
		case 'resume':
			if (isDue(listing, now)) return { ok: false, problem: 'not_expired' };
			next = { ...base, state: 'published' };
			break;
		case 'renew':
			next = {
				...base,
				state: listing.state === 'expired' ? 'published' : listing.state,
				expiresAt: expiryFrom(now, policy)
			};
			break;
		case 'close':
			next = { ...base, state: 'closed', needsReview: false };
			break;
		case 'expire':
			if (!isDue(listing, now)) return { ok: false, problem: 'not_expired' };
			next = { ...base, state: 'expired' };
			break;
	}
	return { ok: true, listing: next };
}

/** Listings whose expiry has come; the maintenance job expires them. */
export function dueForExpiry(listings: Iterable<Listing>, now: Date): Listing[] {
	return [...listings].filter((l) => FROM.expire.includes(l.state) && isDue(l, now));
}

/** Published listings expiring within `days`, for the reminder mail (sent once per expiry date). */
export function dueForReminder(listings: Iterable<Listing>, now: Date, days: number): Listing[] {
	const horizon = new Date(now.getTime() + days * DAY);
	return [...listings].filter(
		(l) =>
			(l.state === 'published' || l.state === 'paused') &&
			l.expiresAt !== null &&
			l.expiresAt > now &&
			l.expiresAt <= horizon
	);
}

/** Whether people other than the author (and moderators) can see it. */
export function isPublic(listing: Pick<Listing, 'state'>): boolean {
	return listing.state === 'published';
}

/** Who may open a listing: everyone for published ones; the author always; moderators of the
 * quarter everything but drafts (a draft is the author's own notebook). */
export function mayView(listing: Listing, viewer: ListingActor | null): boolean {
	if (isPublic(listing)) return true;
	if (!viewer) return false;
	if (viewer.id === listing.authorId) return true;
	return viewer.moderator && listing.state !== 'draft';
}

export function allowsHours(settlement: ListingSettlement): boolean {
	return settlement === 'hours' || settlement === 'either';
}

export function allowsEuros(settlement: ListingSettlement): boolean {
	return settlement === 'euros' || settlement === 'either';
}

/**
 * Residents who offer many paid services are told about the business role (Gewerbe). Counts the
 * resident's live offers that charge euros, including the one being saved.
 */
export function suggestsBusinessRole(
	liveListings: Iterable<Pick<Listing, 'kind' | 'settlement' | 'state'>>,
	threshold: number
): boolean {
	if (threshold <= 0) return false;
	let paid = 0;
	for (const l of liveListings) {
		if (
			l.kind === 'offer' &&
			allowsEuros(l.settlement) &&
			['pending', 'published', 'paused'].includes(l.state)
		) {
			paid++;
		}
	}
	return paid >= threshold;
}
