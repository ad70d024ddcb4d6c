import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from '../auth/text';
import {
	allowedMoves,
	allowsEuros,
	allowsHours,
	applyMove,
	createListing,
	dueForExpiry,
	dueForReminder,
	expiryFrom,
	isDue,
	isManagementMove,
	isPublic,
	LISTING_KINDS,
	LISTING_SETTLEMENTS,
	LISTING_STATES,
	mayView,
	MOVES,
	REASON_MAX,
	REASONED_MOVES,
	suggestsBusinessRole,
	SYSTEM,
	type Listing,
	type ListingActor,
	type ListingContent,
	type ListingKind,
	type ListingPolicy,
	type ListingSettlement,
	type ListingState,
	type Move,
	type MoveInput,
	type MoveProblem,
	type MoveResult
} from './listing';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date('2025-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const shift = (date: Date, ms: number) => new Date(date.getTime() + ms);

const EXPIRY_DAYS = 30;
const PRE: ListingPolicy = { preModeration: true, expiryDays: EXPIRY_DAYS };
const POST: ListingPolicy = { preModeration: false, expiryDays: EXPIRY_DAYS };

const author: ListingActor = { id: 'anna', moderator: false };
const other: ListingActor = { id: 'ben', moderator: false };
const moderator: ListingActor = { id: 'mod', moderator: true };
const system: ListingActor = { id: SYSTEM, moderator: false };
const authorModerator: ListingActor = { id: 'anna', moderator: true };

const ACTORS = { author, other, moderator, system } as const;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

const init = { id: 'listing-1', quarterId: 'nordstadt', authorId: 'anna', commercial: false };

const content: ListingContent = {
	kind: 'offer',
	title: 'Fahrrad reparieren',
	description: 'Ich repariere **Fahrräder** und Lastenräder.',
	category: 'reparatur',
	tags: ['fahrrad'],
	settlement: 'hours',
	priceCents: null,
	priceUnit: null,
	availability: 'abends',
	blockId: 'marktplatz',
	photoId: null
};

const changedContent: ListingContent = {
	...content,
	title: 'Fahrräder und Roller reparieren',
	tags: ['fahrrad', 'roller'],
	settlement: 'either',
	priceCents: 1250,
	priceUnit: 'hour'
};

const REASON = 'Bitte beschreibe genauer, was du anbietest.';

type LaterMove = Exclude<Move, 'create'>;
const LATER_MOVES = MOVES.filter((m): m is LaterMove => m !== 'create');

/** A valid input for every move, so only actor, state and time decide the outcome. */
function inputFor(move: LaterMove, reason: string | null = REASON): MoveInput {
	if (move === 'edit') return { move, content: changedContent };
	return reason === null ? { move } : { move, reason };
}

function unwrap(result: MoveResult): Listing {
	if (!result.ok) throw new Error(`move refused: ${result.problem}`);
	return result.listing;
}

function outcomeOf(result: MoveResult): MoveProblem | 'ok' {
	return result.ok ? 'ok' : result.problem;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

function move(
	listing: Listing,
	name: LaterMove,
	actor: ListingActor,
	now: Date,
	policy: ListingPolicy = PRE
): Listing {
	return unwrap(applyMove(listing, inputFor(name), actor, policy, now));
}

// Reached the way people reach them, under pre-moderation: created at T0, approved at at(10).
const PUBLISHED_AT = at(10);
const EXPIRES = expiryFrom(PUBLISHED_AT, PRE);
/** Well before expiry. */
const EARLY = at(60);

function buildStates(): Record<ListingState, Listing> {
	const draft = createListing(init, content, false, PRE, T0);
	const pending = createListing(init, content, true, PRE, T0);
	const published = move(pending, 'approve', moderator, PUBLISHED_AT);
	return {
		draft,
		pending,
		published,
		paused: move(published, 'pause', author, at(20)),
		expired: move(published, 'expire', system, EXPIRES),
		closed: move(published, 'close', author, at(20)),
		rejected: move(pending, 'reject', moderator, at(10)),
		hidden: move(published, 'hide', moderator, at(20))
	};
}

/** Frozen, so any move that wrote to its input would throw. */
const STATES = deepFreeze(buildStates());
const inState = (state: ListingState): Listing => STATES[state];

// Written out again rather than taken from the module, so a changed rule breaks a test.
const ALLOWED_FROM: Record<LaterMove, readonly ListingState[]> = {
	edit: ['draft', 'pending', 'published', 'paused', 'rejected', 'expired'],
	submit: ['draft', 'rejected'],
	approve: ['pending', 'published', 'paused'],
	reject: ['pending'],
	requestChanges: ['pending', 'published', 'paused'],
	hide: ['pending', 'published', 'paused'],
	reinstate: ['hidden'],
	pause: ['published'],
	resume: ['paused'],
	renew: ['published', 'paused', 'expired'],
	close: ['draft', 'pending', 'published', 'paused', 'expired', 'rejected', 'hidden'],
	expire: ['published', 'paused']
};

/** The only actor (of author, other member, moderator, system) who may make each move. */
const MOVER: Record<LaterMove, ActorName> = {
	edit: 'author',
	submit: 'author',
	approve: 'moderator',
	reject: 'moderator',
	requestChanges: 'moderator',
	hide: 'moderator',
	reinstate: 'moderator',
	pause: 'author',
	resume: 'author',
	renew: 'author',
	close: 'author',
	expire: 'system'
};

/** Checked in this order: who, then state, then time. */
function expectedOutcome(
	name: LaterMove,
	state: ListingState,
	actor: ActorName,
	due: boolean
): MoveProblem | 'ok' {
	if (MOVER[name] !== actor) return 'not_allowed';
	if (!ALLOWED_FROM[name].includes(state)) return 'wrong_state';
	if (name === 'resume' && due) return 'not_expired';
	if (name === 'expire' && !due) return 'not_expired';
	return 'ok';
}

const TIMINGS = [
	['not due', EARLY, false],
	['due', EXPIRES, true]
] as const;

describe('the fixtures', () => {
	it.each(LISTING_STATES)('%s is reached', (state) => {
		expect(inState(state).state).toBe(state);
	});

	it('all expire at the same moment, or never', () => {
		for (const state of LISTING_STATES) {
			const { expiresAt } = inState(state);
			if (expiresAt !== null) expect(expiresAt).toEqual(EXPIRES);
		}
	});
});

describe('createListing', () => {
	it.each([
		['with', PRE],
		['without', POST]
	])('as a draft (%s pre-moderation): private, nothing to review', (_name, policy) => {
		expect(createListing(init, content, false, policy, T0)).toEqual({
			...init,
			...content,
			state: 'draft',
			needsReview: false,
			moderation: null,
			createdAt: T0,
			updatedAt: T0,
			publishedAt: null,
			expiresAt: null,
			revision: 1
		});
	});

	it('submitted under pre-moderation: pending and waiting for review, not yet published', () => {
		expect(createListing(init, content, true, PRE, T0)).toEqual({
			...init,
			...content,
			state: 'pending',
			needsReview: true,
			moderation: null,
			createdAt: T0,
			updatedAt: T0,
			publishedAt: null,
			expiresAt: null,
			revision: 1
		});
	});

	it('submitted without pre-moderation: published at once, still in the review list', () => {
		expect(createListing(init, content, true, POST, T0)).toEqual({
			...init,
			...content,
			state: 'published',
			needsReview: true,
			moderation: null,
			createdAt: T0,
			updatedAt: T0,
			publishedAt: T0,
			expiresAt: new Date(T0.getTime() + EXPIRY_DAYS * DAY),
			revision: 1
		});
	});

	it.each([1, 7, 30, 90, 365])('expires %i days after it is published', (days) => {
		const listing = createListing(
			init,
			content,
			true,
			{ preModeration: false, expiryDays: days },
			T0
		);
		expect(listing.expiresAt).toEqual(new Date(T0.getTime() + days * DAY));
		expect(expiryFrom(T0, { preModeration: true, expiryDays: days })).toEqual(listing.expiresAt);
	});

	it('keeps who wrote it and whether it is commercial', () => {
		const listing = createListing({ ...init, commercial: true }, content, true, PRE, T0);
		expect(listing).toMatchObject({ id: 'listing-1', quarterId: 'nordstadt', authorId: 'anna' });
		expect(listing.commercial).toBe(true);
	});
});

describe('every move × every state × every actor', () => {
	const cases = TIMINGS.flatMap(([timing, now, due]) =>
		LATER_MOVES.flatMap((name) =>
			LISTING_STATES.flatMap((state) =>
				ACTOR_NAMES.map(
					(actor) =>
						[name, state, actor, timing, expectedOutcome(name, state, actor, due), now] as const
				)
			)
		)
	);

	it('covers the whole matrix', () => {
		expect(cases.length).toBe(2 * 12 * 8 * 4);
		// Allowed (move, state) pairs, once by their rightful actor, minus resume when due and
		// expire when not due.
		const pairs = Object.values(ALLOWED_FROM).reduce((sum, states) => sum + states.length, 0);
		expect(pairs).toBe(33);
		expect(cases.filter((c) => c[4] === 'ok').length).toBe(2 * pairs - 2 - 1);
	});

	it.each(cases)('%s in %s by %s (%s) -> %s', (name, state, actor, _timing, expected, now) => {
		const listing = inState(state);
		const before = structuredClone(listing);
		const result = applyMove(listing, inputFor(name), ACTORS[actor], PRE, now);
		expect(outcomeOf(result)).toBe(expected);
		expect(listing).toEqual(before);
		if (result.ok) {
			expect(result.listing.revision).toBe(listing.revision + 1);
			expect(result.listing.updatedAt).toEqual(now);
			expect(result.listing).not.toBe(listing);
		}
	});
});

describe('where each move leads', () => {
	// [move, from, to with pre-moderation, to without]
	const TRANSITIONS: [LaterMove, ListingState, ListingState, ListingState][] = [
		['edit', 'draft', 'draft', 'draft'],
		['edit', 'pending', 'pending', 'pending'],
		['edit', 'published', 'pending', 'published'],
		['edit', 'paused', 'pending', 'paused'],
		['edit', 'rejected', 'rejected', 'rejected'],
		['edit', 'expired', 'pending', 'expired'],
		['submit', 'draft', 'pending', 'published'],
		['submit', 'rejected', 'pending', 'published'],
		['approve', 'pending', 'published', 'published'],
		['approve', 'published', 'published', 'published'],
		['approve', 'paused', 'paused', 'paused'],
		['reject', 'pending', 'rejected', 'rejected'],
		['requestChanges', 'pending', 'draft', 'draft'],
		['requestChanges', 'published', 'draft', 'draft'],
		['requestChanges', 'paused', 'draft', 'draft'],
		['hide', 'pending', 'hidden', 'hidden'],
		['hide', 'published', 'hidden', 'hidden'],
		['hide', 'paused', 'hidden', 'hidden'],
		['reinstate', 'hidden', 'published', 'published'],
		['pause', 'published', 'paused', 'paused'],
		['resume', 'paused', 'published', 'published'],
		['renew', 'published', 'published', 'published'],
		['renew', 'paused', 'paused', 'paused'],
		['renew', 'expired', 'published', 'published'],
		['close', 'draft', 'closed', 'closed'],
		['close', 'pending', 'closed', 'closed'],
		['close', 'published', 'closed', 'closed'],
		['close', 'paused', 'closed', 'closed'],
		['close', 'expired', 'closed', 'closed'],
		['close', 'rejected', 'closed', 'closed'],
		['close', 'hidden', 'closed', 'closed'],
		['expire', 'published', 'expired', 'expired'],
		['expire', 'paused', 'expired', 'expired']
	];

	it('lists every allowed move once', () => {
		const listed = TRANSITIONS.map(([name, from]) => `${name}:${from}`).sort();
		const allowed = LATER_MOVES.flatMap((name) =>
			ALLOWED_FROM[name].map((from) => `${name}:${from}`)
		).sort();
		expect(listed).toEqual(allowed);
	});

	it.each(TRANSITIONS)(
		'%s from %s -> %s (pre-moderation) / %s (without)',
		(name, from, pre, post) => {
			const now = name === 'expire' ? EXPIRES : EARLY;
			const actor = ACTORS[MOVER[name]];
			expect(move(inState(from), name, actor, now, PRE).state).toBe(pre);
			expect(move(inState(from), name, actor, now, POST).state).toBe(post);
		}
	);
});

describe('allowedMoves', () => {
	const cases = TIMINGS.flatMap(([timing, now]) =>
		LISTING_STATES.flatMap((state) =>
			ACTOR_NAMES.map((actor) => [state, actor, timing, now] as const)
		)
	);

	it.each(cases)(
		'in %s for %s (%s): exactly the moves applyMove accepts',
		(state, actor, _timing, now) => {
			const listing = inState(state);
			// Expiry is the maintenance job's, never a button.
			const accepted = LATER_MOVES.filter(
				(name) =>
					name !== 'expire' && applyMove(listing, inputFor(name), ACTORS[actor], PRE, now).ok
			);
			expect(allowedMoves(listing, ACTORS[actor], now)).toEqual(accepted);
		}
	);

	it.each(cases)(
		'in %s for %s (%s): a reasoned move without a reason asks for one exactly when offered',
		(state, actor, _timing, now) => {
			const listing = inState(state);
			const offered = allowedMoves(listing, ACTORS[actor], now);
			for (const name of REASONED_MOVES as LaterMove[]) {
				const result = applyMove(listing, inputFor(name, null), ACTORS[actor], PRE, now);
				expect(outcomeOf(result) === 'reason_required').toBe(offered.includes(name));
			}
		}
	);

	it.each<[ListingState, ActorName, Date, Move[]]>([
		['draft', 'author', EARLY, ['edit', 'submit', 'close']],
		['draft', 'moderator', EARLY, []],
		['pending', 'author', EARLY, ['edit', 'close']],
		['pending', 'moderator', EARLY, ['approve', 'reject', 'requestChanges', 'hide']],
		['published', 'author', EARLY, ['edit', 'pause', 'renew', 'close']],
		['published', 'moderator', EARLY, ['approve', 'requestChanges', 'hide']],
		['published', 'other', EARLY, []],
		['published', 'system', EXPIRES, []],
		['paused', 'author', EARLY, ['edit', 'resume', 'renew', 'close']],
		['paused', 'author', EXPIRES, ['edit', 'renew', 'close']],
		['expired', 'author', EXPIRES, ['edit', 'renew', 'close']],
		['rejected', 'author', EARLY, ['edit', 'submit', 'close']],
		['hidden', 'author', EARLY, ['close']],
		['hidden', 'moderator', EARLY, ['reinstate']],
		['closed', 'author', EARLY, []],
		['closed', 'moderator', EARLY, []]
	])('in %s for %s at %s: %j', (state, actor, now, expected) => {
		expect(allowedMoves(inState(state), ACTORS[actor], now)).toEqual(expected);
	});

	it('a moderator who wrote the listing gets the author moves too', () => {
		expect(allowedMoves(inState('published'), authorModerator, EARLY)).toEqual(
			expect.arrayContaining(['edit', 'pause', 'renew', 'close'])
		);
		expect(move(inState('published'), 'pause', authorModerator, EARLY).state).toBe('paused');
	});
});

describe('order of checks: who, then state, then reason, then time', () => {
	it.each<[string, () => MoveResult, MoveProblem]>([
		[
			'a member approves a closed listing',
			() => applyMove(inState('closed'), { move: 'approve' }, other, PRE, EARLY),
			'not_allowed'
		],
		[
			'a moderator edits a closed listing',
			() => applyMove(inState('closed'), inputFor('edit'), moderator, PRE, EARLY),
			'not_allowed'
		],
		[
			'the author hides without a reason',
			() => applyMove(inState('published'), { move: 'hide' }, author, PRE, EARLY),
			'not_allowed'
		],
		[
			'a moderator rejects a published listing without a reason',
			() => applyMove(inState('published'), { move: 'reject' }, moderator, PRE, EARLY),
			'wrong_state'
		],
		[
			'the system expires a draft before it is due',
			() => applyMove(inState('draft'), { move: 'expire' }, system, PRE, EARLY),
			'wrong_state'
		],
		[
			'a moderator expires a due listing',
			() => applyMove(inState('published'), { move: 'expire' }, moderator, PRE, EXPIRES),
			'not_allowed'
		],
		[
			'the author expires a due listing',
			() => applyMove(inState('published'), { move: 'expire' }, author, PRE, EXPIRES),
			'not_allowed'
		],
		[
			'the author resumes a closed listing when due',
			() => applyMove(inState('closed'), { move: 'resume' }, author, PRE, EXPIRES),
			'wrong_state'
		]
	])('%s -> %s', (_name, run, expected) => {
		expect(outcomeOf(run())).toBe(expected);
	});
});

describe('edit', () => {
	it.each<[ListingState, ListingPolicy, ListingState, boolean]>([
		['published', PRE, 'pending', true],
		['published', POST, 'published', true],
		['paused', PRE, 'pending', true],
		['paused', POST, 'paused', true],
		['pending', PRE, 'pending', true],
		['draft', PRE, 'draft', false],
		['rejected', PRE, 'rejected', false]
	])(
		'of a %s listing (pre-moderation: %o) -> %s, needsReview %s',
		(from, policy, state, review) => {
			const edited = move(inState(from), 'edit', author, EARLY, policy);
			expect(edited.state).toBe(state);
			expect(edited.needsReview).toBe(review);
		}
	);

	it('replaces the content and keeps who, where, when it was published and when it expires', () => {
		const listing = inState('published');
		const edited = move(listing, 'edit', author, EARLY, PRE);
		expect(edited).toEqual({
			...listing,
			...changedContent,
			state: 'pending',
			needsReview: true,
			updatedAt: EARLY,
			revision: listing.revision + 1
		});
		expect(edited.publishedAt).toEqual(PUBLISHED_AT);
		expect(edited.expiresAt).toEqual(EXPIRES);
	});

	it('keeps the moderator note while the author works on it; submitting clears it', () => {
		const returned = unwrap(
			applyMove(
				inState('published'),
				{ move: 'requestChanges', reason: REASON },
				moderator,
				PRE,
				EARLY
			)
		);
		const edited = move(returned, 'edit', author, at(70));
		expect(edited.moderation).toEqual(returned.moderation);
		expect(edited.moderation?.reason).toBe(REASON);
		expect(move(edited, 'submit', author, at(80)).moderation).toBeNull();
	});

	it('an edited listing approved again is published with its old dates', () => {
		const edited = move(inState('published'), 'edit', author, EARLY, PRE);
		const approved = move(edited, 'approve', moderator, at(70));
		expect(approved).toMatchObject({
			state: 'published',
			needsReview: false,
			publishedAt: PUBLISHED_AT,
			expiresAt: EXPIRES
		});
	});

	it('an edited listing approved after its old expiry gets a new one', () => {
		const edited = move(inState('published'), 'edit', author, EARLY, PRE);
		const later = shift(EXPIRES, DAY);
		const approved = move(edited, 'approve', moderator, later);
		expect(approved.publishedAt).toEqual(PUBLISHED_AT);
		expect(approved.expiresAt).toEqual(expiryFrom(later, PRE));
	});

	// An expired listing edited and renewed must not go public unseen (found by these tests).
	it('an expired listing edited and renewed is not public before review (pre-moderation)', () => {
		const edited = move(inState('expired'), 'edit', author, shift(EXPIRES, DAY), PRE);
		const renewed = applyMove(edited, { move: 'renew' }, author, PRE, shift(EXPIRES, 2 * DAY));
		const final = renewed.ok ? renewed.listing : edited;
		expect(final.needsReview).toBe(true);
		expect(isPublic(final)).toBe(false);
	});

	it('an expired listing edited and renewed is in the review list (no pre-moderation)', () => {
		const edited = move(inState('expired'), 'edit', author, shift(EXPIRES, DAY), POST);
		const renewed = move(edited, 'renew', author, shift(EXPIRES, 2 * DAY), POST);
		expect(renewed.state).toBe('published');
		expect(renewed.needsReview).toBe(true);
	});
});

describe('submit', () => {
	it('without pre-moderation: published, in the review list, expiring after expiryDays', () => {
		const submitted = move(inState('draft'), 'submit', author, EARLY, POST);
		expect(submitted).toMatchObject({
			state: 'published',
			needsReview: true,
			publishedAt: EARLY,
			expiresAt: expiryFrom(EARLY, POST)
		});
	});

	it('under pre-moderation: pending, not yet published', () => {
		const submitted = move(inState('draft'), 'submit', author, EARLY, PRE);
		expect(submitted).toMatchObject({
			state: 'pending',
			needsReview: true,
			publishedAt: null,
			expiresAt: null
		});
	});

	it('a rejected listing resubmitted loses the rejection note', () => {
		expect(inState('rejected').moderation?.move).toBe('reject');
		const resubmitted = move(inState('rejected'), 'submit', author, EARLY, PRE);
		expect(resubmitted).toMatchObject({ state: 'pending', needsReview: true, moderation: null });
	});
});

describe('approve', () => {
	it('of a pending listing publishes it and clears the review flag', () => {
		const approved = move(inState('pending'), 'approve', moderator, EARLY);
		expect(approved).toMatchObject({
			state: 'published',
			needsReview: false,
			moderation: null,
			publishedAt: EARLY,
			expiresAt: expiryFrom(EARLY, PRE)
		});
	});

	it('of a published listing (no pre-moderation) only clears the review flag', () => {
		const published = createListing(init, content, true, POST, T0);
		expect(published.needsReview).toBe(true);
		const approved = move(published, 'approve', moderator, EARLY, POST);
		expect(approved).toEqual({
			...published,
			needsReview: false,
			updatedAt: EARLY,
			revision: published.revision + 1
		});
	});

	it('of an edited paused listing (no pre-moderation) keeps it paused', () => {
		const edited = move(inState('paused'), 'edit', author, EARLY, POST);
		const approved = move(edited, 'approve', moderator, at(70), POST);
		expect(approved).toMatchObject({ state: 'paused', needsReview: false });
	});
});

describe('reasoned moves: reject, requestChanges, hide', () => {
	const REASONED: [LaterMove, ListingState, ListingState][] = [
		['reject', 'pending', 'rejected'],
		['requestChanges', 'pending', 'draft'],
		['requestChanges', 'published', 'draft'],
		['requestChanges', 'paused', 'draft'],
		['hide', 'pending', 'hidden'],
		['hide', 'published', 'hidden'],
		['hide', 'paused', 'hidden']
	];

	it('the list matches the module', () => {
		expect([...REASONED_MOVES].sort()).toEqual(['hide', 'reject', 'requestChanges']);
	});

	const blanks: [string, string | null][] = [
		['no reason', null],
		['an empty reason', ''],
		['spaces', '   '],
		['line breaks and tabs', '\n\t \r\n']
	];

	it.each(
		REASONED.flatMap(([name, from]) =>
			blanks.map(([label, reason]) => [name, from, label, reason] as const)
		)
	)('%s of a %s listing with %s -> reason_required', (name, from, _label, reason) => {
		const listing = inState(from);
		const result = applyMove(listing, inputFor(name, reason), moderator, PRE, EARLY);
		expect(outcomeOf(result)).toBe('reason_required');
	});

	it.each(REASONED)(
		'%s of a %s listing stores the trimmed reason, by and at -> %s',
		(name, from, to) => {
			const result = move(inState(from), name, moderator, EARLY);
			const moved = unwrap(
				applyMove(inState(from), inputFor(name, `  ${REASON}\n `), moderator, PRE, EARLY)
			);
			expect(moved.state).toBe(to);
			expect(moved.needsReview).toBe(false);
			expect(moved.moderation).toEqual({ move: name, reason: REASON, by: 'mod', at: EARLY });
			expect(result.moderation).toEqual(moved.moderation);
		}
	);

	it.each<[string, number, number]>([
		['exactly REASON_MAX', REASON_MAX, REASON_MAX],
		['one over', REASON_MAX + 1, REASON_MAX],
		['far over', REASON_MAX * 5, REASON_MAX]
	])('a reason of %s characters is capped', (_label, length, stored) => {
		const reason = 'x'.repeat(length);
		const moved = unwrap(
			applyMove(inState('pending'), inputFor('reject', reason), moderator, PRE, EARLY)
		);
		expect(moved.moderation?.reason).toBe('x'.repeat(stored));
	});

	it('keeps line breaks inside the reason', () => {
		const reason = 'Erstens: Preis fehlt.\nZweitens: Foto fehlt.';
		const moved = unwrap(
			applyMove(inState('pending'), inputFor('reject', reason), moderator, PRE, EARLY)
		);
		expect(moved.moderation?.reason).toBe(reason);
	});

	// The cap counts code points: a lone surrogate could not be stored faithfully.
	it('capping never leaves half an emoji', () => {
		const reason = 'x'.repeat(REASON_MAX - 1) + '🌻';
		const moved = unwrap(
			applyMove(inState('pending'), inputFor('reject', reason), moderator, PRE, EARLY)
		);
		expect(hasLoneSurrogate(moved.moderation?.reason ?? '')).toBe(false);
	});

	it('non-reasoned moves ignore a reason', () => {
		const approved = unwrap(
			applyMove(inState('pending'), { move: 'approve', reason: 'passt' }, moderator, PRE, EARLY)
		);
		expect(approved.moderation).toBeNull();
		const paused = unwrap(
			applyMove(inState('published'), { move: 'pause', reason: 'Urlaub' }, author, PRE, EARLY)
		);
		expect(paused.moderation).toBeNull();
	});
});

describe('reinstate', () => {
	it('publishes a hidden listing and clears the note and the review flag', () => {
		const reinstated = move(inState('hidden'), 'reinstate', moderator, EARLY);
		expect(reinstated).toMatchObject({
			state: 'published',
			needsReview: false,
			moderation: null,
			publishedAt: PUBLISHED_AT,
			expiresAt: EXPIRES
		});
	});

	it('gives a new expiry when the old one has passed', () => {
		const later = shift(EXPIRES, DAY);
		expect(move(inState('hidden'), 'reinstate', moderator, later).expiresAt).toEqual(
			expiryFrom(later, PRE)
		);
	});

	it('a listing hidden while pending is published now', () => {
		const hidden = move(inState('pending'), 'hide', moderator, at(20));
		const reinstated = move(hidden, 'reinstate', moderator, EARLY);
		expect(reinstated).toMatchObject({
			state: 'published',
			publishedAt: EARLY,
			expiresAt: expiryFrom(EARLY, PRE)
		});
	});
});

describe('pause, resume, renew, expire', () => {
	it('renew of an expired listing publishes it and moves the expiry', () => {
		const now = shift(EXPIRES, 3 * DAY);
		const renewed = move(inState('expired'), 'renew', author, now);
		expect(renewed.state).toBe('published');
		expect(renewed.expiresAt).toEqual(expiryFrom(now, PRE));
		expect(renewed.publishedAt).toEqual(PUBLISHED_AT);
	});

	it.each<ListingState>(['published', 'paused'])(
		'renew of a %s listing moves the expiry only',
		(from) => {
			const renewed = move(inState(from), 'renew', author, EARLY);
			expect(renewed.state).toBe(from);
			expect(renewed.expiresAt).toEqual(expiryFrom(EARLY, PRE));
		}
	);

	it.each<[string, Date, MoveProblem | 'ok']>([
		['one ms before expiry', shift(EXPIRES, -1), 'ok'],
		['exactly at expiry', EXPIRES, 'not_expired'],
		['a day after expiry', shift(EXPIRES, DAY), 'not_expired']
	])('resume %s -> %s', (_label, now, expected) => {
		const result = applyMove(inState('paused'), { move: 'resume' }, author, PRE, now);
		expect(outcomeOf(result)).toBe(expected);
		expect(allowedMoves(inState('paused'), author, now).includes('resume')).toBe(expected === 'ok');
	});

	it.each<[ListingState, string, Date, MoveProblem | 'ok']>([
		['published', 'one ms before expiry', shift(EXPIRES, -1), 'not_expired'],
		['published', 'exactly at expiry', EXPIRES, 'ok'],
		['published', 'a day after expiry', shift(EXPIRES, DAY), 'ok'],
		['paused', 'one ms before expiry', shift(EXPIRES, -1), 'not_expired'],
		['paused', 'exactly at expiry', EXPIRES, 'ok']
	])('expire of a %s listing %s by the system -> %s', (from, _label, now, expected) => {
		const result = applyMove(inState(from), { move: 'expire' }, system, PRE, now);
		expect(outcomeOf(result)).toBe(expected);
		if (result.ok) expect(result.listing.state).toBe('expired');
	});

	it('a paused listing that is renewed can be resumed after its old expiry', () => {
		const renewed = move(inState('paused'), 'renew', author, shift(EXPIRES, -DAY));
		const resumed = move(renewed, 'resume', author, shift(EXPIRES, DAY));
		expect(resumed.state).toBe('published');
	});
});

describe('close', () => {
	it.each(LISTING_STATES.filter((s) => s !== 'closed'))(
		'of a %s listing clears the review flag',
		(from) => {
			const closed = move(inState(from), 'close', author, EARLY);
			expect(closed).toMatchObject({ state: 'closed', needsReview: false });
		}
	);
});

describe('revision', () => {
	it('goes up by one with every move', () => {
		const steps: [LaterMove, ListingActor, Date][] = [
			['edit', author, at(1)],
			['submit', author, at(2)],
			['requestChanges', moderator, at(3)],
			['edit', author, at(4)],
			['submit', author, at(5)],
			['approve', moderator, at(6)],
			['pause', author, at(7)],
			['resume', author, at(8)],
			['hide', moderator, at(9)],
			['reinstate', moderator, at(10)],
			['expire', system, shift(EXPIRES, DAY)],
			['renew', author, shift(EXPIRES, 2 * DAY)],
			['close', author, shift(EXPIRES, 3 * DAY)]
		];
		let listing = deepFreeze(createListing(init, content, false, PRE, T0));
		expect(listing.revision).toBe(1);
		for (const [index, [name, actor, now]] of steps.entries()) {
			const next = deepFreeze(move(listing, name, actor, now));
			expect(next.revision).toBe(index + 2);
			expect(next.updatedAt).toEqual(now);
			expect(next.createdAt).toEqual(T0);
			listing = next;
		}
		expect(listing.state).toBe('closed');
	});

	it('a refused move changes nothing', () => {
		const listing = inState('published');
		const result = applyMove(listing, { move: 'reject', reason: REASON }, moderator, PRE, EARLY);
		expect(result).toEqual({ ok: false, problem: 'wrong_state' });
		expect(listing.revision).toBe(STATES.published.revision);
	});
});

describe('mayView', () => {
	const viewers = { signedOut: null, author, other, moderator } as const;
	type ViewerName = keyof typeof viewers;

	// Written out: [signed out, author, other member, moderator]
	const VIEW: Record<ListingState, [boolean, boolean, boolean, boolean]> = {
		draft: [false, true, false, false],
		pending: [false, true, false, true],
		published: [true, true, true, true],
		paused: [false, true, false, true],
		expired: [false, true, false, true],
		closed: [false, true, false, true],
		rejected: [false, true, false, true],
		hidden: [false, true, false, true]
	};
	const NAMES: ViewerName[] = ['signedOut', 'author', 'other', 'moderator'];

	const cases = LISTING_STATES.flatMap((state) =>
		NAMES.map((viewer, index) => [state, viewer, VIEW[state][index]] as const)
	);

	it.each(cases)('%s listing, %s -> %s', (state, viewer, expected) => {
		expect(mayView(inState(state), viewers[viewer])).toBe(expected);
	});

	it('a moderator who wrote the draft may see it', () => {
		expect(mayView(inState('draft'), authorModerator)).toBe(true);
	});

	it.each(LISTING_STATES)('isPublic(%s) only for published', (state) => {
		expect(isPublic(inState(state))).toBe(state === 'published');
	});
});

describe('dueForExpiry and dueForReminder', () => {
	const all = Object.values(STATES);

	it.each<[string, Date, ListingState[]]>([
		['one ms before expiry', shift(EXPIRES, -1), []],
		['exactly at expiry', EXPIRES, ['published', 'paused']],
		['a day after expiry', shift(EXPIRES, DAY), ['published', 'paused']]
	])('due for expiry %s: %j', (_label, now, states) => {
		expect(dueForExpiry(all, now).map((l) => l.state)).toEqual(states);
	});

	it('takes any iterable', () => {
		const set = new Set([inState('published'), inState('draft')]);
		expect(dueForExpiry(set, EXPIRES)).toEqual([inState('published')]);
		expect(dueForReminder(set.values(), EXPIRES, 7)).toEqual([]);
	});

	it.each<[string, Date, number, ListingState[]]>([
		['8 days before, 7-day window', shift(EXPIRES, -8 * DAY), 7, []],
		['7 days and 1 ms before', shift(EXPIRES, -7 * DAY - 1), 7, []],
		['exactly 7 days before', shift(EXPIRES, -7 * DAY), 7, ['published', 'paused']],
		['one day before', shift(EXPIRES, -DAY), 7, ['published', 'paused']],
		['one ms before', shift(EXPIRES, -1), 7, ['published', 'paused']],
		['exactly at expiry', EXPIRES, 7, []],
		['after expiry', shift(EXPIRES, DAY), 7, []],
		['one day before, 1-day window', shift(EXPIRES, -DAY), 1, ['published', 'paused']],
		['two days before, 1-day window', shift(EXPIRES, -2 * DAY), 1, []],
		['one ms before, 0-day window', shift(EXPIRES, -1), 0, []]
	])('due for a reminder %s: %j', (_label, now, days, states) => {
		expect(dueForReminder(all, now, days).map((l) => l.state)).toEqual(states);
	});

	it('isDue: never without an expiry date; from the expiry moment on', () => {
		expect(isDue(inState('draft'), shift(EXPIRES, 365 * DAY))).toBe(false);
		expect(isDue(inState('published'), shift(EXPIRES, -1))).toBe(false);
		expect(isDue(inState('published'), EXPIRES)).toBe(true);
	});
});

describe('suggestsBusinessRole', () => {
	type Entry = { kind: ListingKind; settlement: ListingSettlement; state: ListingState };
	const paid = (state: ListingState = 'published'): Entry => ({
		kind: 'offer',
		settlement: 'euros',
		state
	});

	const LIVE: ListingState[] = ['pending', 'published', 'paused'];
	const PAID: ListingSettlement[] = ['euros', 'either'];

	const single = LISTING_KINDS.flatMap((kind) =>
		LISTING_SETTLEMENTS.flatMap((settlement) =>
			LISTING_STATES.map(
				(state) =>
					[
						kind,
						settlement,
						state,
						kind === 'offer' && PAID.includes(settlement) && LIVE.includes(state)
					] as const
			)
		)
	);

	it('counts 6 kinds of entry', () => {
		expect(single.filter(([, , , counts]) => counts).length).toBe(6);
	});

	it.each(single)('one %s, %s, %s counts: %s', (kind, settlement, state, counts) => {
		expect(suggestsBusinessRole([{ kind, settlement, state }], 1)).toBe(counts);
	});

	it.each<[string, Entry[], number, boolean]>([
		['threshold 0 disables', [paid(), paid(), paid()], 0, false],
		['a negative threshold disables', [paid()], -1, false],
		['none at threshold 1', [], 1, false],
		['one at threshold 1', [paid()], 1, true],
		['two at threshold 3', [paid(), paid('paused')], 3, false],
		['three at threshold 3', [paid(), paid('paused'), paid('pending')], 3, true],
		['four at threshold 3', [paid(), paid(), paid(), paid()], 3, true],
		[
			'requests, free offers and closed ones do not count',
			[
				paid(),
				paid(),
				{ kind: 'request', settlement: 'euros', state: 'published' },
				{ kind: 'offer', settlement: 'free', state: 'published' },
				{ kind: 'offer', settlement: 'hours', state: 'published' },
				paid('closed'),
				paid('draft'),
				paid('expired'),
				paid('hidden'),
				paid('rejected')
			],
			3,
			false
		],
		[
			'either counts like euros',
			[paid(), { kind: 'offer', settlement: 'either', state: 'published' }],
			2,
			true
		]
	])('%s', (_label, entries, threshold, expected) => {
		expect(suggestsBusinessRole(entries, threshold)).toBe(expected);
	});
});

describe('settlements and management moves', () => {
	it.each<[ListingSettlement, boolean, boolean]>([
		['hours', true, false],
		['euros', false, true],
		['either', true, true],
		['free', false, false]
	])('%s: hours %s, euros %s', (settlement, hours, euros) => {
		expect(allowsHours(settlement)).toBe(hours);
		expect(allowsEuros(settlement)).toBe(euros);
	});

	it('covers every settlement', () => {
		expect([...LISTING_SETTLEMENTS].sort()).toEqual(['either', 'euros', 'free', 'hours']);
	});

	const MANAGEMENT: Move[] = ['approve', 'reject', 'requestChanges', 'hide', 'reinstate'];
	it.each(MOVES)('isManagementMove(%s)', (name) => {
		expect(isManagementMove(name)).toBe(MANAGEMENT.includes(name));
	});
});

describe('four eyes', () => {
	it('a moderator does not approve, reject or hide their own listing', () => {
		const own = { ...inState('pending'), authorId: moderator.id };
		for (const input of [
			{ move: 'approve' as const },
			{ move: 'reject' as const, reason: 'x' },
			{ move: 'hide' as const, reason: 'x' }
		]) {
			expect(applyMove(own, input, moderator, PRE, EARLY)).toEqual({
				ok: false,
				problem: 'not_allowed'
			});
		}
		expect(allowedMoves(own, moderator, EARLY)).not.toContain('approve');
	});
});
