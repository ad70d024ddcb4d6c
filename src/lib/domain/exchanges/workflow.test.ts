import { describe, expect, it } from 'vitest';
import {
	accept,
	allowedMoves,
	autoSettle,
	autoSettleDue,
	autoSettleDueAt,
	cancel,
	cardPaid,
	cashPaid,
	confirm,
	decline,
	DEFAULT_AUTO_SETTLE_AFTER_DAYS,
	dispute,
	EXCHANGE_STATES,
	isFinalState,
	markDone,
	moderatorCancel,
	moderatorSettle,
	MOVES,
	notifyWhom,
	propose,
	refund,
	settle,
	settlementTransfer,
	turnFor,
	whoMayAct,
	type Actor,
	type Exchange,
	type ExchangeDraft,
	type ExchangeError,
	type ExchangeState,
	type Move,
	type MoveResult,
	type PersonMove,
	type Side,
	type Turn,
	type Who
} from './workflow';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date('2025-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
/** Late enough for any auto-settle, so only the state decides. */
const LATER = new Date(T0.getTime() + 365 * DAY);

const provider: Actor = { id: 'prov', moderator: false };
const receiver: Actor = { id: 'recv', moderator: false };
const stranger: Actor = { id: 'other', moderator: false };
const moderator: Actor = { id: 'mod', moderator: true };
const providerModerator: Actor = { id: 'prov', moderator: true };
const receiverModerator: Actor = { id: 'recv', moderator: true };

const ACTORS = { provider, receiver, stranger, moderator, providerModerator, receiverModerator };
type ActorName = keyof typeof ACTORS;

const PROPOSERS: Side[] = ['provider', 'receiver'];
const actorOf = (side: Side) => (side === 'provider' ? provider : receiver);
const otherOf = (side: Side) => (side === 'provider' ? receiver : provider);

function unwrap<E extends Exchange>(result: MoveResult<E>): E {
	if (!result.ok) throw new Error(`move refused: ${result.error}`);
	return result.exchange;
}

function errorOf(result: MoveResult<Exchange>): ExchangeError | 'ok' {
	return result.ok ? 'ok' : result.error;
}

const draft = (changes: Partial<ExchangeDraft> = {}): ExchangeDraft => ({
	providerId: 'prov',
	receiverId: 'recv',
	listingId: 'listing-1',
	title: 'Fahrrad reparieren',
	date: new Date('2025-03-08T09:00:00Z'),
	minutes: 90,
	settlement: 'hours',
	...changes
});

function proposed(proposedBy: Side = 'receiver', changes: Partial<ExchangeDraft> = {}): Exchange {
	return unwrap(propose(draft(changes), actorOf(proposedBy), T0));
}

/** An exchange in `state`, reached the way people reach it. */
function inState(
	state: ExchangeState,
	proposedBy: Side = 'receiver',
	changes: Partial<ExchangeDraft> = {}
): Exchange {
	const start = proposed(proposedBy, changes);
	const accepted = () => unwrap(accept(start, otherOf(proposedBy), at(10)));
	const done = () => unwrap(markDone(accepted(), provider, at(20)));
	switch (state) {
		case 'proposed':
			return start;
		case 'declined':
			return unwrap(decline(start, otherOf(proposedBy), at(10)));
		case 'cancelled':
			return unwrap(cancel(start, actorOf(proposedBy), at(10)));
		case 'accepted':
			return accepted();
		case 'done':
			return done();
		case 'confirmed':
			return unwrap(confirm(done(), receiver, at(30)));
		case 'settled': {
			const confirmed = unwrap(confirm(done(), receiver, at(30)));
			if (start.settlement === 'euros') {
				return unwrap(cashPaid(unwrap(cashPaid(confirmed, receiver, at(31))), provider, at(32)));
			}
			return unwrap(settle(confirmed, at(31)));
		}
		case 'disputed':
			return unwrap(dispute(done(), receiver, at(30), 'Es ist nie jemand gekommen.'));
	}
}

type Attempt = (exchange: Exchange, actor: Actor, now: Date) => MoveResult<Exchange>;

/** The moves of exchanges settled in euros, tested on their own below. */
type EuroMove = 'cardPaid' | 'cashPaid' | 'refund' | 'refundStatus' | 'chargeback';
const EURO_MOVES: readonly Move[] = [
	'cardPaid',
	'cashPaid',
	'refund',
	'refundStatus',
	'chargeback'
];
type HoursMove = Exclude<Move, 'propose' | EuroMove>;
type HoursPersonMove = Exclude<PersonMove, EuroMove>;

/** Every move after `propose`, with valid input, so only actor and state decide the outcome. */
const attempt: Record<HoursMove, Attempt> = {
	accept: (e, a, now) => accept(e, a, now),
	decline: (e, a, now) => decline(e, a, now, 'Keine Zeit'),
	cancel: (e, a, now) => cancel(e, a, now),
	markDone: (e, a, now) => markDone(e, a, now),
	confirm: (e, a, now) => confirm(e, a, now),
	dispute: (e, a, now) => dispute(e, a, now),
	settle: (e, _a, now) => settle(e, now),
	autoSettle: (e, _a, now) => autoSettle(e, now, 14),
	moderatorSettle: (e, a, now) => moderatorSettle(e, a, now, 45, 'Einigung am Telefon'),
	moderatorCancel: (e, a, now) => moderatorCancel(e, a, now, 'Missverständnis')
};

// Written out again rather than taken from the module, so a changed rule breaks a test.
const ALLOWED_FROM: Record<HoursMove, ExchangeState[]> = {
	accept: ['proposed'],
	decline: ['proposed'],
	cancel: ['proposed', 'accepted'],
	markDone: ['accepted'],
	confirm: ['done'],
	dispute: ['done'],
	settle: ['confirmed'],
	autoSettle: ['done'],
	moderatorSettle: ['disputed'],
	moderatorCancel: ['disputed']
};

/** Who may rightfully make each move, given who proposed. */
function rightfulActors(move: HoursMove, proposedBy: Side): Actor[] {
	switch (move) {
		case 'accept':
		case 'decline':
			return [otherOf(proposedBy)];
		case 'cancel':
		case 'dispute':
			return [provider, receiver];
		case 'markDone':
			return [provider];
		case 'confirm':
			return [receiver];
		case 'settle':
		case 'autoSettle':
			return [stranger]; // ignored: the system makes these moves
		case 'moderatorSettle':
		case 'moderatorCancel':
			return [moderator];
	}
}

const LATER_MOVES = MOVES.filter((m): m is HoursMove => m !== 'propose' && !EURO_MOVES.includes(m));

describe('every move in every state where it is not allowed -> wrong_state', () => {
	const cases = PROPOSERS.flatMap((proposedBy) =>
		LATER_MOVES.flatMap((move) =>
			EXCHANGE_STATES.filter((state) => !ALLOWED_FROM[move].includes(state)).flatMap((state) =>
				rightfulActors(move, proposedBy).map(
					(actor) => [move, state, actor.id, proposedBy, actor] as const
				)
			)
		)
	);

	it('covers every move outside its states', () => {
		// 10 moves × 8 states, minus the allowed pairs, for each proposer; cancel and dispute
		// by both parties.
		expect(cases.length).toBe(2 * (80 - 11 + (8 - 2) + (8 - 1)));
	});

	it.each(cases)('%s in %s by %s (proposed by %s)', (move, state, _id, proposedBy, actor) => {
		const exchange = inState(state, proposedBy);
		expect(errorOf(attempt[move](exchange, actor, LATER))).toBe('wrong_state');
	});
});

describe('every move in a state where it is allowed, by the rightful actor -> ok', () => {
	const cases = PROPOSERS.flatMap((proposedBy) =>
		LATER_MOVES.flatMap((move) =>
			ALLOWED_FROM[move].flatMap((state) =>
				rightfulActors(move, proposedBy).map(
					(actor) => [move, state, actor.id, proposedBy, actor] as const
				)
			)
		)
	);

	it.each(cases)('%s in %s by %s (proposed by %s)', (move, state, _id, proposedBy, actor) => {
		const result = attempt[move](inState(state, proposedBy), actor, LATER);
		expect(errorOf(result)).toBe('ok');
	});
});

describe('every move by the wrong person', () => {
	// [move, state, proposed by, actor, expected]
	const cases: (readonly [HoursPersonMove, ExchangeState, Side, ActorName, ExchangeError])[] = [
		// accept / decline: only the side that did not propose
		...(['accept', 'decline'] as const).flatMap((move) => [
			[move, 'proposed', 'receiver', 'receiver', 'wrong_side'] as const,
			[move, 'proposed', 'receiver', 'receiverModerator', 'wrong_side'] as const,
			[move, 'proposed', 'receiver', 'stranger', 'not_a_party'] as const,
			[move, 'proposed', 'receiver', 'moderator', 'not_a_party'] as const,
			[move, 'proposed', 'provider', 'provider', 'wrong_side'] as const,
			[move, 'proposed', 'provider', 'providerModerator', 'wrong_side'] as const,
			[move, 'proposed', 'provider', 'stranger', 'not_a_party'] as const,
			[move, 'proposed', 'provider', 'moderator', 'not_a_party'] as const
		]),
		// cancel: either party, nobody else
		['cancel', 'proposed', 'receiver', 'stranger', 'not_a_party'],
		['cancel', 'proposed', 'receiver', 'moderator', 'not_a_party'],
		['cancel', 'accepted', 'receiver', 'stranger', 'not_a_party'],
		['cancel', 'accepted', 'receiver', 'moderator', 'not_a_party'],
		// markDone: only the provider
		['markDone', 'accepted', 'receiver', 'receiver', 'wrong_side'],
		['markDone', 'accepted', 'provider', 'receiver', 'wrong_side'],
		['markDone', 'accepted', 'receiver', 'receiverModerator', 'wrong_side'],
		['markDone', 'accepted', 'receiver', 'stranger', 'not_a_party'],
		['markDone', 'accepted', 'receiver', 'moderator', 'not_a_party'],
		// confirm: only the receiver
		['confirm', 'done', 'receiver', 'provider', 'wrong_side'],
		['confirm', 'done', 'provider', 'provider', 'wrong_side'],
		['confirm', 'done', 'receiver', 'providerModerator', 'wrong_side'],
		['confirm', 'done', 'receiver', 'stranger', 'not_a_party'],
		['confirm', 'done', 'receiver', 'moderator', 'not_a_party'],
		// dispute: either party, nobody else
		['dispute', 'done', 'receiver', 'stranger', 'not_a_party'],
		['dispute', 'done', 'receiver', 'moderator', 'not_a_party'],
		// moderator moves: only quarter management that is not part of the exchange
		...(['moderatorSettle', 'moderatorCancel'] as const).flatMap((move) => [
			[move, 'disputed', 'receiver', 'provider', 'not_moderator'] as const,
			[move, 'disputed', 'receiver', 'receiver', 'not_moderator'] as const,
			[move, 'disputed', 'receiver', 'stranger', 'not_moderator'] as const,
			[move, 'disputed', 'receiver', 'providerModerator', 'own_exchange'] as const,
			[move, 'disputed', 'receiver', 'receiverModerator', 'own_exchange'] as const
		])
	];

	it.each(cases)(
		'%s in %s (proposed by %s) by %s -> %s',
		(move, state, proposedBy, name, error) => {
			expect(errorOf(attempt[move](inState(state, proposedBy), ACTORS[name], LATER))).toBe(error);
		}
	);
});

describe('a moderator who is a party acts as that party', () => {
	it.each<[HoursPersonMove, ExchangeState, ActorName, ExchangeState]>([
		['accept', 'proposed', 'providerModerator', 'accepted'],
		['decline', 'proposed', 'providerModerator', 'declined'],
		['cancel', 'accepted', 'receiverModerator', 'cancelled'],
		['markDone', 'accepted', 'providerModerator', 'done'],
		['confirm', 'done', 'receiverModerator', 'confirmed'],
		['dispute', 'done', 'providerModerator', 'disputed']
	])('%s in %s by %s -> %s', (move, state, name, expected) => {
		const result = unwrap(attempt[move](inState(state, 'receiver'), ACTORS[name], LATER));
		expect(result.state).toBe(expected);
	});
});

describe('order of checks: who, then state, then input', () => {
	it.each<[string, () => MoveResult<Exchange>, ExchangeError]>([
		[
			'stranger on a settled exchange',
			() => accept(inState('settled'), stranger, LATER),
			'not_a_party'
		],
		[
			'receiver marks a settled exchange done',
			() => markDone(inState('settled'), receiver, LATER),
			'wrong_side'
		],
		[
			'member settles a proposed exchange',
			() => moderatorSettle(inState('proposed'), provider, LATER, 45, 'x'),
			'not_moderator'
		],
		[
			'bad minutes in the wrong state',
			() => moderatorSettle(inState('done'), moderator, LATER, 7, ''),
			'wrong_state'
		],
		[
			'bad minutes and no reason',
			() => moderatorSettle(inState('disputed'), moderator, LATER, 7, ''),
			'invalid_minutes'
		],
		[
			'confirm with bad minutes in the wrong state',
			() => confirm(inState('accepted'), receiver, LATER, 7),
			'wrong_state'
		],
		[
			'auto-settle not done and not due',
			() => autoSettle(inState('accepted'), T0, 14),
			'wrong_state'
		]
	])('%s -> %s', (_name, run, expected) => {
		expect(errorOf(run())).toBe(expected);
	});
});

describe('propose', () => {
	it.each<[Side, Actor, Turn]>([
		['receiver', receiver, 'provider'],
		['provider', provider, 'receiver']
	])('by the %s: waits for the other side', (side, actor, turn) => {
		const result = propose(draft(), actor, T0);
		expect(result).toEqual({
			ok: true,
			exchange: {
				providerId: 'prov',
				receiverId: 'recv',
				proposedBy: side,
				listingId: 'listing-1',
				title: 'Fahrrad reparieren',
				date: new Date('2025-03-08T09:00:00Z'),
				minutes: 90,
				settlement: 'hours',
				amountCents: null,
				state: 'proposed',
				turn,
				doneAt: null,
				receiverMinutes: null,
				settledMinutes: null,
				payment: null,
				cashPaidBy: [],
				refundedCents: 0,
				timeline: [
					{
						at: T0,
						by: actor.id,
						move: 'propose',
						fromState: null,
						toState: 'proposed',
						minutes: 90
					}
				]
			},
			event: {
				at: T0,
				by: actor.id,
				move: 'propose',
				fromState: null,
				toState: 'proposed',
				minutes: 90
			}
		});
	});

	it('directly, without listing or date, with a trimmed title', () => {
		const exchange = unwrap(
			propose(
				{
					providerId: 'prov',
					receiverId: 'recv',
					title: '  Einkaufen  ',
					minutes: 60,
					settlement: 'hours'
				},
				provider,
				T0
			)
		);
		expect(exchange).toMatchObject({ listingId: null, date: null, title: 'Einkaufen' });
	});

	// [changes, proposer, expected]
	it.each<[string, Partial<ExchangeDraft>, Actor, ExchangeError | 'ok']>([
		['hours, 15 minutes', { minutes: 15 }, receiver, 'ok'],
		['hours, 24 hours', { minutes: 1440 }, receiver, 'ok'],
		['hours, 0 minutes', { minutes: 0 }, receiver, 'invalid_minutes'],
		['free, 0 minutes', { minutes: 0, settlement: 'free' }, receiver, 'ok'],
		['free, 45 minutes', { minutes: 45, settlement: 'free' }, receiver, 'ok'],
		['free, 10 minutes', { minutes: 10, settlement: 'free' }, receiver, 'invalid_minutes'],
		['not a quarter hour', { minutes: 50 }, receiver, 'invalid_minutes'],
		['negative', { minutes: -15 }, receiver, 'invalid_minutes'],
		['fraction', { minutes: 15.5 }, receiver, 'invalid_minutes'],
		['NaN', { minutes: Number.NaN }, receiver, 'invalid_minutes'],
		['over 24 hours', { minutes: 1455 }, receiver, 'invalid_minutes'],
		['empty title', { title: '' }, receiver, 'title_required'],
		['blank title', { title: ' \t ' }, receiver, 'title_required'],
		['invalid date', { date: new Date('nonsense') }, receiver, 'invalid_date'],
		['no date', { date: null }, receiver, 'ok'],
		['with oneself', { receiverId: 'prov' }, provider, 'same_member'],
		['by someone else', {}, stranger, 'not_a_party'],
		['by a moderator for others', {}, moderator, 'not_a_party']
	])('%s -> %s', (_name, changes, actor, expected) => {
		expect(errorOf(propose(draft(changes), actor, T0))).toBe(expected);
	});
});

describe('happy path: propose -> accept -> markDone -> confirm -> settle', () => {
	it.each(PROPOSERS)('proposed by the %s', (proposedBy) => {
		const steps: [string, (e: Exchange) => MoveResult<Exchange>, ExchangeState, Turn][] = [
			['accept', (e) => accept(e, otherOf(proposedBy), at(10)), 'accepted', 'provider'],
			['markDone', (e) => markDone(e, provider, at(20)), 'done', 'receiver'],
			['confirm', (e) => confirm(e, receiver, at(30)), 'confirmed', 'system'],
			['settle', (e) => settle(e, at(31)), 'settled', null]
		];
		let exchange = proposed(proposedBy);
		expect(exchange.turn).toBe(proposedBy === 'provider' ? 'receiver' : 'provider');
		for (const [, step, state, turn] of steps) {
			exchange = unwrap(step(exchange));
			expect(exchange.state).toBe(state);
			expect(exchange.turn).toBe(turn);
		}
		expect(exchange).toMatchObject({ doneAt: at(20), receiverMinutes: 90, settledMinutes: 90 });
		expect(exchange.timeline).toEqual([
			{
				at: T0,
				by: actorOf(proposedBy).id,
				move: 'propose',
				fromState: null,
				toState: 'proposed',
				minutes: 90
			},
			{
				at: at(10),
				by: otherOf(proposedBy).id,
				move: 'accept',
				fromState: 'proposed',
				toState: 'accepted'
			},
			{ at: at(20), by: 'prov', move: 'markDone', fromState: 'accepted', toState: 'done' },
			{
				at: at(30),
				by: 'recv',
				move: 'confirm',
				fromState: 'done',
				toState: 'confirmed',
				minutes: 90
			},
			{
				at: at(31),
				by: 'system',
				move: 'settle',
				fromState: 'confirmed',
				toState: 'settled',
				minutes: 90
			}
		]);
		expect(settlementTransfer(exchange)).toEqual({
			fromMemberId: 'recv',
			toMemberId: 'prov',
			minutes: 90
		});
	});

	it('settles only once', () => {
		const settled = inState('settled');
		expect(errorOf(settle(settled, LATER))).toBe('wrong_state');
		expect(errorOf(autoSettle(settled, LATER, 14))).toBe('wrong_state');
	});

	it('returns the event it appended', () => {
		const result = accept(inState('proposed'), provider, at(10));
		if (!result.ok) throw new Error(result.error);
		expect(result.exchange.timeline.at(-1)).toBe(result.event);
	});
});

describe('confirm', () => {
	// [receiver's minutes, resulting state]
	it.each<[number | undefined, ExchangeState]>([
		[undefined, 'confirmed'],
		[90, 'confirmed'],
		[60, 'disputed'],
		[120, 'disputed'],
		[0, 'disputed'],
		[1440, 'disputed']
	])('with %s minutes (proposed 90) -> %s', (minutes, state) => {
		const result = unwrap(confirm(inState('done'), receiver, at(30), minutes));
		expect(result.state).toBe(state);
		expect(result.receiverMinutes).toBe(minutes ?? 90);
		expect(result.turn).toBe(state === 'confirmed' ? 'system' : 'moderator');
		expect(result.timeline.at(-1)).toEqual({
			at: at(30),
			by: 'recv',
			move: 'confirm',
			fromState: 'done',
			toState: state,
			minutes: minutes ?? 90
		});
	});

	it.each([-15, 7, 22.5, 1455, Number.NaN, Infinity])(
		'with %s minutes -> invalid_minutes',
		(minutes) => {
			expect(errorOf(confirm(inState('done'), receiver, at(30), minutes))).toBe('invalid_minutes');
		}
	);
});

describe('optional reasons of party moves', () => {
	// [move, a run of it with the given reason]
	const cases: [string, (reason?: string) => MoveResult<Exchange>][] = [
		['decline', (reason) => decline(inState('proposed'), provider, at(10), reason)],
		['cancel', (reason) => cancel(inState('accepted'), receiver, at(10), reason)],
		['dispute', (reason) => dispute(inState('done'), receiver, at(40), reason)]
	];

	it.each(cases)('%s keeps a trimmed reason', (_move, run) => {
		const result = run('  Bin krank.  ');
		if (!result.ok) throw new Error(result.error);
		expect(result.event.reason).toBe('Bin krank.');
	});

	it.each(
		cases.flatMap(([move, run]) => [undefined, '', '   '].map((r) => [move, run, r] as const))
	)('%s without a reason (%j) records none', (_move, run, reason) => {
		const result = run(reason);
		if (!result.ok) throw new Error(result.error);
		expect('reason' in result.event).toBe(false);
	});
});

describe('auto-settle', () => {
	const doneAt = at(20);

	// [days, time after doneAt, expected]
	it.each<[number, number, ExchangeError | 'ok']>([
		[14, 0, 'not_due'],
		[14, 14 * DAY - 1, 'not_due'],
		[14, 14 * DAY, 'ok'],
		[14, 30 * DAY, 'ok'],
		[7, 7 * DAY - 1, 'not_due'],
		[7, 7 * DAY, 'ok'],
		[0, 0, 'ok'],
		[0.5, 12 * 60 * MINUTE, 'ok']
	])('after %s days, at doneAt + %d ms -> %s', (days, after, expected) => {
		const now = new Date(doneAt.getTime() + after);
		const result = autoSettle(inState('done'), now, days);
		expect(errorOf(result)).toBe(expected);
		if (result.ok) {
			expect(result.exchange).toMatchObject({ state: 'settled', settledMinutes: 90, turn: null });
			expect(result.event).toEqual({
				at: now,
				by: 'system',
				move: 'autoSettle',
				fromState: 'done',
				toState: 'settled',
				minutes: 90
			});
		}
	});

	it('defaults to 14 days', () => {
		expect(DEFAULT_AUTO_SETTLE_AFTER_DAYS).toBe(14);
		const exchange = inState('done');
		expect(errorOf(autoSettle(exchange, new Date(doneAt.getTime() + 14 * DAY - 1)))).toBe(
			'not_due'
		);
		expect(errorOf(autoSettle(exchange, new Date(doneAt.getTime() + 14 * DAY)))).toBe('ok');
		expect(autoSettleDueAt(exchange)).toEqual(new Date(doneAt.getTime() + 14 * DAY));
	});

	// [state, time after doneAt, expected]
	it.each<[ExchangeState, number, boolean]>([
		['done', 14 * DAY - 1, false],
		['done', 14 * DAY, true],
		...EXCHANGE_STATES.filter((s) => s !== 'done').map(
			(s) => [s, 100 * DAY, false] as [ExchangeState, number, boolean]
		)
	])('autoSettleDue in %s at doneAt + %d ms -> %s', (state, after, expected) => {
		expect(autoSettleDue(inState(state), new Date(doneAt.getTime() + after), 14)).toBe(expected);
	});

	it.each(EXCHANGE_STATES.filter((s) => s !== 'done'))('autoSettleDueAt in %s -> null', (state) => {
		expect(autoSettleDueAt(inState(state), 14)).toBeNull();
	});

	it.each([-1, Number.NaN, Infinity])('rejects %s days as a configuration error', (days) => {
		expect(() => autoSettleDue(inState('done'), LATER, days)).toThrow(RangeError);
	});
});

describe('dispute and mediation', () => {
	it('dispute -> moderatorSettle with 45 minutes and a reason', () => {
		const disputed = unwrap(dispute(inState('done'), receiver, at(40), 'Es waren nur 45 Minuten.'));
		expect(disputed).toMatchObject({ state: 'disputed', turn: 'moderator' });
		const result = moderatorSettle(disputed, moderator, at(60), 45, '  Telefonat mit beiden  ');
		if (!result.ok) throw new Error(result.error);
		expect(result.exchange).toMatchObject({
			state: 'settled',
			settledMinutes: 45,
			turn: null,
			minutes: 90
		});
		expect(result.exchange.timeline.slice(-2)).toEqual([
			{
				at: at(40),
				by: 'recv',
				move: 'dispute',
				fromState: 'done',
				toState: 'disputed',
				reason: 'Es waren nur 45 Minuten.'
			},
			{
				at: at(60),
				by: 'mod',
				move: 'moderatorSettle',
				fromState: 'disputed',
				toState: 'settled',
				minutes: 45,
				reason: 'Telefonat mit beiden'
			}
		]);
		expect(settlementTransfer(result.exchange)).toEqual({
			fromMemberId: 'recv',
			toMemberId: 'prov',
			minutes: 45
		});
		expect(notifyWhom(result.event, result.exchange)).toEqual(['prov', 'recv']);
	});

	it('confirm with other minutes -> disputed -> moderatorSettle', () => {
		const disputed = unwrap(confirm(inState('done'), receiver, at(30), 60));
		const settled = unwrap(moderatorSettle(disputed, moderator, at(60), 75, 'Mitte'));
		expect(settled).toMatchObject({ receiverMinutes: 60, settledMinutes: 75, state: 'settled' });
	});

	it('moderatorCancel', () => {
		const result = moderatorCancel(
			inState('disputed'),
			moderator,
			at(60),
			'Hat nicht stattgefunden'
		);
		if (!result.ok) throw new Error(result.error);
		expect(result.exchange).toMatchObject({ state: 'cancelled', settledMinutes: null, turn: null });
		expect(result.event).toEqual({
			at: at(60),
			by: 'mod',
			move: 'moderatorCancel',
			fromState: 'disputed',
			toState: 'cancelled',
			reason: 'Hat nicht stattgefunden'
		});
		expect(settlementTransfer(result.exchange)).toBeNull();
	});

	// [minutes, expected]
	it.each<[number, ExchangeError | 'ok']>([
		[0, 'ok'],
		[15, 'ok'],
		[45, 'ok'],
		[1440, 'ok'],
		[-15, 'invalid_minutes'],
		[20, 'invalid_minutes'],
		[44.5, 'invalid_minutes'],
		[1455, 'invalid_minutes'],
		[Number.NaN, 'invalid_minutes']
	])('moderatorSettle with %s minutes -> %s', (minutes, expected) => {
		expect(errorOf(moderatorSettle(inState('disputed'), moderator, at(60), minutes, 'ok'))).toBe(
			expected
		);
	});

	it('moderatorSettle with 0 minutes books nothing', () => {
		const settled = unwrap(
			moderatorSettle(inState('disputed'), moderator, at(60), 0, 'Nichts passiert')
		);
		expect(settled.settledMinutes).toBe(0);
		expect(settlementTransfer(settled)).toBeNull();
	});

	it.each(
		['', '   ', '\n\t'].flatMap((reason) => [
			[
				'moderatorSettle',
				reason,
				() => moderatorSettle(inState('disputed'), moderator, at(60), 45, reason)
			] as const,
			[
				'moderatorCancel',
				reason,
				() => moderatorCancel(inState('disputed'), moderator, at(60), reason)
			] as const
		])
	)('%s with reason %j -> reason_required', (_move, _reason, run) => {
		expect(errorOf(run())).toBe('reason_required');
	});
});

describe('free help', () => {
	it.each<[string, number, (e: Exchange) => Exchange, number | undefined]>([
		['settle', 0, (e) => unwrap(settle(unwrap(confirm(e, receiver, at(30))), at(31))), 0],
		['settle', 60, (e) => unwrap(settle(unwrap(confirm(e, receiver, at(30))), at(31))), 60],
		['autoSettle', 60, (e) => unwrap(autoSettle(e, LATER, 14)), 60],
		[
			'moderatorSettle',
			60,
			(e) =>
				unwrap(moderatorSettle(unwrap(dispute(e, receiver, at(30))), moderator, at(40), 45, 'ok')),
			45
		]
	])(
		'%s of %d minutes: 0 settled, no transfer, minutes kept in the timeline',
		(_move, minutes, finish, eventMinutes) => {
			const settled = finish(inState('done', 'receiver', { settlement: 'free', minutes }));
			expect(settled).toMatchObject({ state: 'settled', settledMinutes: 0 });
			expect(settled.timeline.at(-1)?.minutes).toBe(eventMinutes);
			expect(settlementTransfer(settled)).toBeNull();
		}
	);
});

describe('settlementTransfer before settling', () => {
	it.each(EXCHANGE_STATES.filter((s) => s !== 'settled'))('%s -> null', (state) => {
		expect(settlementTransfer(inState(state))).toBeNull();
	});
});

describe('immutability', () => {
	const cases: [string, ExchangeState, (e: Exchange) => MoveResult<Exchange>][] = [
		['accept', 'proposed', (e) => accept(e, provider, at(10))],
		['decline', 'proposed', (e) => decline(e, provider, at(10), 'nein')],
		['cancel', 'accepted', (e) => cancel(e, receiver, at(10))],
		['markDone', 'accepted', (e) => markDone(e, provider, at(20))],
		['confirm', 'done', (e) => confirm(e, receiver, at(30))],
		['confirm with other minutes', 'done', (e) => confirm(e, receiver, at(30), 30)],
		['dispute', 'done', (e) => dispute(e, provider, at(30), 'x')],
		['settle', 'confirmed', (e) => settle(e, at(31))],
		['autoSettle', 'done', (e) => autoSettle(e, LATER, 14)],
		['moderatorSettle', 'disputed', (e) => moderatorSettle(e, moderator, at(60), 45, 'x')],
		['moderatorCancel', 'disputed', (e) => moderatorCancel(e, moderator, at(60), 'x')],
		['a refused move', 'proposed', (e) => markDone(e, provider, at(20))]
	];

	it.each(cases)('%s leaves its input as it was', (_name, state, run) => {
		const input = inState(state);
		const before = structuredClone(input);
		const result = run(input);
		expect(input).toEqual(before);
		if (result.ok) {
			expect(result.exchange).not.toBe(input);
			expect(result.exchange.timeline).not.toBe(input.timeline);
			expect(result.exchange.timeline).toHaveLength(input.timeline.length + 1);
			expect(result.exchange.timeline.slice(0, -1)).toEqual(input.timeline);
		}
	});

	it('does not keep the caller’s Date objects', () => {
		const now = at(20);
		const done = unwrap(markDone(inState('accepted'), provider, now));
		now.setTime(0);
		expect(done.doneAt).toEqual(at(20));
		expect(done.timeline.at(-1)?.at).toEqual(at(20));
	});

	it('keeps fields the repository adds, such as the id', () => {
		const stored = { ...inState('proposed'), id: 'ex-1', quarterId: 'nordstadt' };
		const accepted = unwrap(accept(stored, provider, at(10)));
		expect(accepted.id).toBe('ex-1');
		expect(accepted.quarterId).toBe('nordstadt');
	});
});

describe('turn', () => {
	// [state, proposed by, turn]
	it.each<[ExchangeState, Side, Turn]>([
		['proposed', 'receiver', 'provider'],
		['proposed', 'provider', 'receiver'],
		['accepted', 'receiver', 'provider'],
		['done', 'receiver', 'receiver'],
		['confirmed', 'receiver', 'system'],
		['disputed', 'receiver', 'moderator'],
		['settled', 'receiver', null],
		['declined', 'receiver', null],
		['cancelled', 'receiver', null]
	])('%s (proposed by %s) -> %s', (state, proposedBy, turn) => {
		expect(turnFor(state, proposedBy)).toBe(turn);
		expect(inState(state, proposedBy).turn).toBe(turn);
	});

	it.each<[ExchangeState, boolean]>(
		EXCHANGE_STATES.map((s) => [s, ['settled', 'declined', 'cancelled'].includes(s)])
	)('isFinalState(%s) -> %s', (state, expected) => {
		expect(isFinalState(state)).toBe(expected);
	});
});

describe('whoMayAct', () => {
	// [state, proposed by, moves and who]
	it.each<[ExchangeState, Side, { move: Move; who: Who }[]]>([
		[
			'proposed',
			'receiver',
			[
				{ move: 'accept', who: 'provider' },
				{ move: 'decline', who: 'provider' },
				{ move: 'cancel', who: 'either' }
			]
		],
		[
			'proposed',
			'provider',
			[
				{ move: 'accept', who: 'receiver' },
				{ move: 'decline', who: 'receiver' },
				{ move: 'cancel', who: 'either' }
			]
		],
		[
			'accepted',
			'receiver',
			[
				{ move: 'cancel', who: 'either' },
				{ move: 'markDone', who: 'provider' }
			]
		],
		[
			'done',
			'receiver',
			[
				{ move: 'confirm', who: 'receiver' },
				{ move: 'dispute', who: 'either' },
				{ move: 'autoSettle', who: 'system' }
			]
		],
		['confirmed', 'receiver', [{ move: 'settle', who: 'system' }]],
		[
			'disputed',
			'receiver',
			[
				{ move: 'moderatorSettle', who: 'moderator' },
				{ move: 'moderatorCancel', who: 'moderator' }
			]
		],
		['settled', 'receiver', []],
		['declined', 'receiver', []],
		['cancelled', 'receiver', []]
	])('%s (proposed by %s)', (state, proposedBy, expected) => {
		expect(whoMayAct(inState(state, proposedBy))).toEqual(expected);
	});
});

describe('allowedMoves', () => {
	// [state, proposed by, actor, buttons]
	it.each<[ExchangeState, Side, ActorName, PersonMove[]]>([
		['proposed', 'receiver', 'provider', ['accept', 'decline', 'cancel']],
		['proposed', 'receiver', 'receiver', ['cancel']],
		['proposed', 'provider', 'provider', ['cancel']],
		['proposed', 'provider', 'receiver', ['accept', 'decline', 'cancel']],
		['proposed', 'receiver', 'stranger', []],
		['proposed', 'receiver', 'moderator', []],
		['accepted', 'receiver', 'provider', ['cancel', 'markDone']],
		['accepted', 'receiver', 'receiver', ['cancel']],
		['done', 'receiver', 'provider', ['dispute']],
		['done', 'receiver', 'receiver', ['confirm', 'dispute']],
		['done', 'receiver', 'moderator', []],
		['confirmed', 'receiver', 'provider', []],
		['confirmed', 'receiver', 'receiver', []],
		['disputed', 'receiver', 'provider', []],
		['disputed', 'receiver', 'receiver', []],
		['disputed', 'receiver', 'moderator', ['moderatorSettle', 'moderatorCancel']],
		['disputed', 'receiver', 'providerModerator', []],
		['settled', 'receiver', 'provider', []],
		['settled', 'receiver', 'moderator', []]
	])('%s (proposed by %s) for %s -> %j', (state, proposedBy, name, expected) => {
		expect(allowedMoves(inState(state, proposedBy), ACTORS[name])).toEqual(expected);
	});

	// The buttons shown must be exactly the moves that would succeed.
	const personMoves = LATER_MOVES.filter(
		(m): m is HoursPersonMove => m !== 'settle' && m !== 'autoSettle'
	);
	const cases = PROPOSERS.flatMap((proposedBy) =>
		EXCHANGE_STATES.flatMap((state) =>
			(Object.keys(ACTORS) as ActorName[]).map((name) => [state, proposedBy, name] as const)
		)
	);

	it.each(cases)(
		'in %s (proposed by %s) for %s agrees with the moves',
		(state, proposedBy, name) => {
			const exchange = inState(state, proposedBy);
			const succeeding = personMoves.filter(
				(move) => attempt[move](exchange, ACTORS[name], LATER).ok
			);
			expect(allowedMoves(exchange, ACTORS[name])).toEqual(succeeding);
		}
	);
});

describe('notifyWhom', () => {
	const done = () => inState('done');
	// [move, run, notified]
	it.each<[string, () => MoveResult<Exchange>, string[]]>([
		['propose by receiver', () => propose(draft(), receiver, T0), ['prov']],
		['propose by provider', () => propose(draft(), provider, T0), ['recv']],
		['accept by provider', () => accept(inState('proposed'), provider, at(10)), ['recv']],
		[
			'decline by receiver',
			() => decline(inState('proposed', 'provider'), receiver, at(10)),
			['prov']
		],
		['cancel by receiver', () => cancel(inState('accepted'), receiver, at(10)), ['prov']],
		['cancel by provider', () => cancel(inState('accepted'), provider, at(10)), ['recv']],
		['markDone by provider', () => markDone(inState('accepted'), provider, at(20)), ['recv']],
		[
			'markDone by provider who moderates',
			() => markDone(inState('accepted'), providerModerator, at(20)),
			['recv']
		],
		['confirm by receiver', () => confirm(done(), receiver, at(30)), ['prov']],
		['dispute by provider', () => dispute(done(), provider, at(30)), ['recv']],
		['settle by the system', () => settle(inState('confirmed'), at(31)), ['prov', 'recv']],
		['autoSettle by the system', () => autoSettle(done(), LATER, 14), ['prov', 'recv']],
		[
			'moderatorSettle',
			() => moderatorSettle(inState('disputed'), moderator, at(60), 45, 'x'),
			['prov', 'recv']
		],
		[
			'moderatorCancel',
			() => moderatorCancel(inState('disputed'), moderator, at(60), 'x'),
			['prov', 'recv']
		]
	])('%s -> %j', (_name, run, expected) => {
		const result = run();
		if (!result.ok) throw new Error(result.error);
		expect(notifyWhom(result.event, result.exchange)).toEqual(expected);
	});
});

describe('exchanges settled in euros', () => {
	const euros = { settlement: 'euros' as const, amountCents: 2500, minutes: 60 };
	const paid = { amountCents: 2500, feeCents: 50, reference: 'pi_1' };
	const confirmedEuros = (proposedBy: Side = 'receiver') => inState('confirmed', proposedBy, euros);

	it.each<[string, Partial<ExchangeDraft>, ExchangeError | 'ok']>([
		['no amount', { settlement: 'euros' }, 'invalid_amount'],
		['0 cents', { settlement: 'euros', amountCents: 0 }, 'invalid_amount'],
		['negative', { settlement: 'euros', amountCents: -100 }, 'invalid_amount'],
		['a fraction of a cent', { settlement: 'euros', amountCents: 10.5 }, 'invalid_amount'],
		['more than 10,000 €', { settlement: 'euros', amountCents: 1_000_001 }, 'invalid_amount'],
		['one cent', { settlement: 'euros', amountCents: 1 }, 'ok'],
		['10,000 €', { settlement: 'euros', amountCents: 1_000_000 }, 'ok'],
		['0 minutes are only a record', { settlement: 'euros', amountCents: 500, minutes: 0 }, 'ok']
	])('propose with %s -> %s', (_name, changes, expected) => {
		expect(errorOf(propose(draft(changes), receiver, T0))).toBe(expected);
	});

	it('keeps no amount for hours', () => {
		expect(proposed('receiver', { amountCents: 999 }).amountCents).toBeNull();
		expect(proposed('receiver', euros).amountCents).toBe(2500);
	});

	it("waits for the receiver's money once confirmed; never settles by itself", () => {
		const e = confirmedEuros();
		expect(e.turn).toBe('receiver');
		expect(errorOf(settle(e, LATER))).toBe('wrong_settlement');
		expect(autoSettleDueAt(inState('done', 'receiver', euros), 30)).toBeNull();
		expect(errorOf(autoSettle(inState('done', 'receiver', euros), LATER, 0))).toBe('not_due');
		// Either side may also dispute: the money may never come, or the two disagree about it.
		expect(allowedMoves(e, receiver)).toEqual(['dispute', 'cashPaid']);
		expect(allowedMoves(e, provider)).toEqual(['dispute', 'cashPaid']);
		expect(allowedMoves(e, moderator)).toEqual([]);
	});

	it.each<[Side, Side]>([
		['receiver', 'provider'],
		['provider', 'receiver']
	])('cash: %s says paid, then %s -> settled, no fee', (first, second) => {
		const once = unwrap(cashPaid(confirmedEuros(), actorOf(first), at(40)));
		expect(once).toMatchObject({ state: 'confirmed', cashPaidBy: [first], turn: second });
		expect(allowedMoves(once, actorOf(first))).toEqual(['dispute']);
		// Once someone said cash, a card payment would be paid twice: it is refused (and refunded).
		expect(errorOf(cardPaid(once, at(41), paid))).toBe('wrong_state');
		expect(errorOf(cashPaid(once, actorOf(first), at(41)))).toBe('already_done');
		const twice = unwrap(cashPaid(once, actorOf(second), at(42)));
		expect(twice).toMatchObject({
			state: 'settled',
			turn: null,
			settledMinutes: 0,
			payment: { method: 'cash', amountCents: 2500, feeCents: 0, reference: null }
		});
		expect(twice.timeline.at(-1)).toMatchObject({ move: 'cashPaid', amountCents: 2500 });
		expect(settlementTransfer(twice)).toBeNull();
	});

	it.each(EXCHANGE_STATES.filter((state) => state !== 'confirmed'))(
		'cash and card are refused in %s',
		(state) => {
			const e = inState(state, 'receiver', euros);
			expect(errorOf(cashPaid(e, receiver, LATER))).toBe('wrong_state');
			expect(errorOf(cardPaid(e, LATER, paid))).toBe('wrong_state');
		}
	);

	it.each<[string, Actor, ExchangeError]>([
		['a stranger', stranger, 'not_a_party'],
		['a moderator', moderator, 'not_a_party']
	])('cash by %s -> %s', (_name, actor, expected) => {
		expect(errorOf(cashPaid(confirmedEuros(), actor, LATER))).toBe(expected);
	});

	it("card: the webhook's payment settles a confirmed exchange with its fee", () => {
		const settled = unwrap(cardPaid(confirmedEuros(), at(40), paid));
		expect(settled).toMatchObject({
			state: 'settled',
			payment: { method: 'card', amountCents: 2500, feeCents: 50, reference: 'pi_1' },
			refundedCents: 0
		});
		expect(settled.timeline.at(-1)).toMatchObject({
			move: 'cardPaid',
			by: 'system',
			amountCents: 2500,
			feeCents: 50,
			reference: 'pi_1'
		});
		// Paid once: a second payment, or cash afterwards, is refused.
		expect(errorOf(cardPaid(settled, at(41), { ...paid, reference: 'pi_2' }))).toBe('wrong_state');
		expect(errorOf(cashPaid(settled, receiver, at(41)))).toBe('wrong_state');
	});

	it.each<[string, { amountCents: number; feeCents: number }]>([
		['another amount than agreed', { amountCents: 2400, feeCents: 0 }],
		['a fee above the amount', { amountCents: 2500, feeCents: 2501 }],
		['a negative fee', { amountCents: 2500, feeCents: -1 }],
		['a fee with a fraction', { amountCents: 2500, feeCents: 1.5 }]
	])('card with %s -> invalid_amount', (_name, payment) => {
		expect(errorOf(cardPaid(confirmedEuros(), at(40), { ...payment, reference: 'pi_1' }))).toBe(
			'invalid_amount'
		);
	});

	it('euro moves on an exchange in hours -> wrong_settlement', () => {
		const hours = inState('confirmed');
		expect(errorOf(cardPaid(hours, at(40), paid))).toBe('wrong_settlement');
		expect(errorOf(cashPaid(hours, receiver, at(40)))).toBe('wrong_settlement');
		expect(
			errorOf(refund(inState('settled'), 'mod', at(40), { amountCents: 1, reference: 're_1' }))
		).toBe('wrong_settlement');
		expect(allowedMoves(hours, receiver)).toEqual([]);
	});

	it('a euro dispute is mediated by cancelling, never settled by the management', () => {
		const disputed = unwrap(dispute(confirmedEuros(), provider, at(40), 'Nie bezahlt'));
		expect(disputed).toMatchObject({ state: 'disputed', turn: 'moderator' });
		expect(errorOf(moderatorSettle(disputed, moderator, at(41), 60, 'Einigung'))).toBe(
			'wrong_settlement'
		);
		expect(allowedMoves(disputed, moderator)).toEqual(['moderatorCancel']);
		expect(unwrap(moderatorCancel(disputed, moderator, at(41), 'Neu vereinbaren')).state).toBe(
			'cancelled'
		);
	});

	it('refunds a card payment in parts, never more than was paid', () => {
		const settled = unwrap(cardPaid(confirmedEuros(), at(40), paid));
		const part = unwrap(
			refund(settled, 'mod', at(41), { amountCents: 1000, reference: 're_1', reason: 'Mangel' })
		);
		expect(part).toMatchObject({ state: 'settled', refundedCents: 1000 });
		expect(part.timeline.at(-1)).toMatchObject({
			move: 'refund',
			by: 'mod',
			amountCents: 1000,
			reference: 're_1',
			reason: 'Mangel'
		});
		expect(errorOf(refund(part, 'mod', at(42), { amountCents: 1501, reference: 're_2' }))).toBe(
			'invalid_amount'
		);
		const rest = unwrap(refund(part, 'mod', at(42), { amountCents: 1500, reference: 're_2' }));
		expect(rest.refundedCents).toBe(2500);
		expect(errorOf(refund(rest, 'mod', at(43), { amountCents: 1, reference: 're_3' }))).toBe(
			'invalid_amount'
		);
	});

	it('refunds a late payment without counting it, and nothing that was paid in cash', () => {
		const cancelled = inState('cancelled', 'receiver', euros);
		const late = unwrap(
			refund(cancelled, 'system', at(40), { amountCents: 2500, reference: 're_9', late: true })
		);
		expect(late).toMatchObject({ state: 'cancelled', refundedCents: 0 });
		const cash = unwrap(
			cashPaid(unwrap(cashPaid(confirmedEuros(), receiver, at(40))), provider, at(41))
		);
		expect(errorOf(refund(cash, 'mod', at(42), { amountCents: 100, reference: 're_1' }))).toBe(
			'invalid_amount'
		);
		expect(
			errorOf(
				refund(proposed('receiver', euros), 'mod', at(42), { amountCents: 100, reference: 'r' })
			)
		).toBe('wrong_state');
		// A late payment is given back whatever state the exchange is in.
		const stale = unwrap(
			refund(confirmedEuros(), 'system', at(42), { amountCents: 100, reference: 'r', late: true })
		);
		expect(stale).toMatchObject({ state: 'confirmed', refundedCents: 0 });
	});
});
