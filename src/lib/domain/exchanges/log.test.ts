import { describe, expect, it } from 'vitest';
import {
	alreadyMade,
	exchangeEventId,
	foldExchangeLog,
	logEventOf,
	mayFinish,
	mayRetrySettlement,
	RETRY_REFUSED_AFTER_MS,
	runMove,
	SETTLING_TIMEOUT_MS,
	settlementDraft,
	settlingEventOf,
	takesNoMoreEvents,
	type LogEvent,
	type MoveRequest,
	type PendingSettlement,
	type Proposal
} from './log';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date('2031-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

const proposal: Proposal = {
	providerId: 'prov',
	receiverId: 'recv',
	listingId: null,
	title: 'Einkaufen',
	date: null,
	minutes: 90,
	settlement: 'hours'
};

const start: LogEvent[] = [
	{ n: 1, move: 'propose', by: 'recv', at: T0, minutes: 90, proposal },
	{ n: 2, move: 'accept', by: 'prov', at: at(1) },
	{ n: 3, move: 'markDone', by: 'prov', at: at(2) }
];
const confirmed: LogEvent[] = [
	...start,
	{ n: 4, move: 'confirm', by: 'recv', at: at(3), minutes: 90 }
];
const settling: LogEvent = {
	n: 5,
	move: 'settling',
	settling: 'settle',
	by: 'system',
	at: at(4),
	minutes: 90,
	holder: 'server-a'
};

function fold(events: LogEvent[]) {
	const result = foldExchangeLog(events);
	if (!result.ok) throw new Error(`event ${result.n}: ${result.why}`);
	return result.record;
}

describe('foldExchangeLog', () => {
	it('folds a settled exchange and keeps the ledger entry', () => {
		const record = fold([
			...confirmed,
			settling,
			{ n: 6, move: 'settle', by: 'system', at: at(5), minutes: 90, ledgerSeq: 17 }
		]);
		expect(record).toMatchObject({ version: 6, pending: null, ledgerSeq: 17, refusals: [] });
		expect(record.exchange).toMatchObject({ state: 'settled', settledMinutes: 90, turn: null });
		expect(record.exchange.timeline.map((t) => t.move)).toEqual([
			'propose',
			'accept',
			'markDone',
			'confirm',
			'settle'
		]);
	});

	it('a settling event holds the place: pending, state unchanged', () => {
		const record = fold([...confirmed, settling]);
		expect(record.exchange.state).toBe('confirmed');
		expect(record.pending).toEqual<PendingSettlement>({
			n: 5,
			move: 'settle',
			by: 'system',
			at: at(4),
			minutes: 90,
			holder: 'server-a'
		});
	});

	it('a refused settlement gives the place back and is remembered', () => {
		const record = fold([
			...confirmed,
			settling,
			{ n: 6, move: 'settlementRefused', by: 'system', at: at(5), problem: 'below_minimum' }
		]);
		expect(record).toMatchObject({ version: 6, pending: null, ledgerSeq: null });
		expect(record.exchange.state).toBe('confirmed');
		expect(record.refusals).toEqual([{ at: at(5), move: 'settle', problem: 'below_minimum' }]);
	});

	it('free help settles without a ledger entry', () => {
		const free: LogEvent[] = [
			{
				n: 1,
				move: 'propose',
				by: 'recv',
				at: T0,
				minutes: 0,
				proposal: { ...proposal, minutes: 0, settlement: 'free' }
			},
			{ n: 2, move: 'accept', by: 'prov', at: at(1) },
			{ n: 3, move: 'markDone', by: 'prov', at: at(2) },
			{ n: 4, move: 'confirm', by: 'recv', at: at(3), minutes: 0 },
			{ ...settling, minutes: 0 },
			{ n: 6, move: 'settle', by: 'system', at: at(5), minutes: 0 }
		];
		expect(fold(free)).toMatchObject({
			ledgerSeq: null,
			exchange: { state: 'settled', settledMinutes: 0 }
		});
	});

	it('replays auto-settle with the delay it was decided with, and moderator moves', () => {
		const auto = fold([
			...start,
			{ ...settling, n: 4, settling: 'autoSettle', afterDays: 14, at: at(2 + 14 * 24 * 60) },
			{
				n: 5,
				move: 'autoSettle',
				by: 'system',
				at: at(3 + 14 * 24 * 60),
				minutes: 90,
				afterDays: 14,
				ledgerSeq: 3
			}
		]);
		expect(auto.exchange.state).toBe('settled');
		const moderated = fold([
			...start,
			{ n: 4, move: 'dispute', by: 'recv', at: at(3), reason: 'zu lang' },
			{
				n: 5,
				move: 'settling',
				settling: 'moderatorSettle',
				by: 'mod',
				at: at(4),
				minutes: 45,
				reason: 'Einigung',
				holder: 'b'
			},
			{
				n: 6,
				move: 'moderatorSettle',
				by: 'mod',
				at: at(5),
				minutes: 45,
				reason: 'Einigung',
				ledgerSeq: 9
			}
		]);
		expect(moderated).toMatchObject({
			ledgerSeq: 9,
			exchange: { state: 'settled', settledMinutes: 45 }
		});
	});

	// [name, events, n, why contains]
	it.each<[string, LogEvent[], number, string]>([
		['empty', [], 1, 'empty'],
		['starts without a proposal', [{ n: 1, move: 'accept', by: 'prov', at: T0 }], 1, 'propose'],
		['a gap', [start[0]!, { ...start[2]!, n: 3 }], 3, 'expected event 2'],
		[
			'an illegal move',
			[start[0]!, { n: 2, move: 'markDone', by: 'prov', at: at(1) }],
			2,
			'wrong_state'
		],
		[
			'accepted by the proposer',
			[start[0]!, { n: 2, move: 'accept', by: 'recv', at: at(1) }],
			2,
			'wrong_side'
		],
		[
			'settled without a place',
			[...confirmed, { n: 5, move: 'settle', by: 'system', at: at(4), minutes: 90, ledgerSeq: 1 }],
			5,
			'place'
		],
		[
			'another move while settling',
			[...confirmed, settling, { n: 6, move: 'dispute', by: 'recv', at: at(5) }],
			6,
			'pending'
		],
		['two places', [...confirmed, settling, { ...settling, n: 6 }], 6, 'pending already'],
		['a place for an illegal move', [...start, { ...settling, n: 4 }], 4, 'wrong_state'],
		[
			'booked minutes differ',
			[
				...confirmed,
				settling,
				{ n: 6, move: 'settle', by: 'system', at: at(5), minutes: 60, ledgerSeq: 1 }
			],
			6,
			'differs'
		],
		[
			'hours settled without an entry',
			[...confirmed, settling, { n: 6, move: 'settle', by: 'system', at: at(5), minutes: 90 }],
			6,
			'disagree'
		],
		[
			'a refusal without a place',
			[...confirmed, { n: 5, move: 'settlementRefused', by: 'system', at: at(4) }],
			5,
			'no settlement'
		]
	])('refuses a log that %s', (_name, events, n, why) => {
		const result = foldExchangeLog(events);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.n).toBe(n);
			expect(result.why).toContain(why);
		}
	});
});

describe('events from moves', () => {
	it('a settling event carries the move, its minutes and reason, and the holder', () => {
		const record = fold([...start, { n: 4, move: 'dispute', by: 'recv', at: at(3) }]);
		const moved = runMove(
			record.exchange,
			{ id: 'mod', moderator: true },
			{ move: 'moderatorSettle', minutes: 60, reason: ' Telefonat ' },
			at(4)
		);
		if (!moved.ok) throw new Error(moved.error);
		expect(settlingEventOf(moved.event, 5, 'srv')).toEqual({
			n: 5,
			move: 'settling',
			settling: 'moderatorSettle',
			by: 'mod',
			at: at(4),
			minutes: 60,
			reason: 'Telefonat',
			holder: 'srv'
		});
		expect(logEventOf(moved.event, 6, { ledgerSeq: 4 })).toEqual({
			n: 6,
			move: 'moderatorSettle',
			by: 'mod',
			at: at(4),
			minutes: 60,
			reason: 'Telefonat',
			ledgerSeq: 4
		});
	});

	it('only settling moves take a place', () => {
		const moved = runMove(
			fold(start).exchange,
			{ id: 'recv', moderator: false },
			{ move: 'dispute' },
			at(3)
		);
		if (!moved.ok) throw new Error(moved.error);
		expect(() => settlingEventOf(moved.event, 4, 'srv')).toThrow();
	});

	it('leaves out what a move does not have', () => {
		const moved = runMove(
			fold(start.slice(0, 2)).exchange,
			{ id: 'prov', moderator: false },
			{ move: 'markDone' },
			at(2)
		);
		if (!moved.ok) throw new Error(moved.error);
		expect(Object.keys(logEventOf(moved.event, 3)).sort()).toEqual(['at', 'by', 'move', 'n']);
	});
});

describe('settlementDraft', () => {
	it('moves the settled minutes from receiver to provider under the exchange id', () => {
		const record = fold([
			...confirmed,
			settling,
			{ n: 6, move: 'settle', by: 'system', at: at(5), minutes: 90, ledgerSeq: 1 }
		]);
		expect(settlementDraft('ex1', record.exchange)).toEqual({
			from: 'member:recv',
			to: 'member:prov',
			minutes: 90,
			kind: 'exchange',
			key: 'ex1',
			memo: 'Einkaufen'
		});
	});

	it('books nothing before settling', () => {
		expect(settlementDraft('ex1', fold(confirmed).exchange)).toBeNull();
	});
});

describe('finishing and retrying', () => {
	const pending = fold([...confirmed, settling]).pending!;
	it.each<[string, string, number, boolean]>([
		['its holder, at once', 'server-a', 0, true],
		['another server, at once', 'server-b', 0, false],
		['another server, just before the timeout', 'server-b', SETTLING_TIMEOUT_MS - 1, false],
		['another server, after the timeout', 'server-b', SETTLING_TIMEOUT_MS, true]
	])('%s -> %s', (_name, holder, after, expected) => {
		expect(mayFinish(pending, holder, new Date(pending.at.getTime() + after))).toBe(expected);
	});

	it('the job retries a refused settlement a day later, not on every run', () => {
		const record = fold([
			...confirmed,
			settling,
			{ n: 6, move: 'settlementRefused', by: 'system', at: at(5), problem: 'above_maximum' }
		]);
		expect(mayRetrySettlement(fold(confirmed), at(5))).toBe(true);
		expect(mayRetrySettlement(record, new Date(at(5).getTime() + RETRY_REFUSED_AFTER_MS - 1))).toBe(
			false
		);
		expect(mayRetrySettlement(record, new Date(at(5).getTime() + RETRY_REFUSED_AFTER_MS))).toBe(
			true
		);
	});
});

describe('small helpers', () => {
	it('event ids sort in order', () => {
		expect(exchangeEventId('abc', 7)).toBe('abc:0007');
		expect(exchangeEventId('abc', 10) > exchangeEventId('abc', 9)).toBe(true);
	});

	it('alreadyMade recognises a repeated move by the same person only', () => {
		const exchange = fold(start).exchange;
		expect(alreadyMade(exchange, 'prov', 'accept')).toBe(true);
		expect(alreadyMade(exchange, 'recv', 'accept')).toBe(false);
		expect(alreadyMade(exchange, 'prov', 'decline')).toBe(false);
	});

	it('the delay of an auto-settlement is checked when it is replayed', () => {
		const early: LogEvent[] = [
			...start,
			{
				...settling,
				n: 4,
				settling: 'autoSettle',
				afterDays: 14,
				at: new Date(at(2).getTime() + 14 * DAY - 1)
			}
		];
		expect(foldExchangeLog(early)).toMatchObject({ ok: false, n: 4, why: 'not_due' });
	});
});

describe('takesNoMoreEvents', () => {
	// Every request any actor may send: a state that takes no more events refuses them all.
	const requests: MoveRequest[] = [
		{ move: 'accept' },
		{ move: 'markDone' },
		{ move: 'decline', reason: 'x' },
		{ move: 'cancel', reason: 'x' },
		{ move: 'dispute', reason: 'x' },
		{ move: 'confirm', minutes: 90 },
		{ move: 'settle' },
		{ move: 'autoSettle', afterDays: 0 },
		{ move: 'moderatorSettle', minutes: 60, reason: 'x' },
		{ move: 'moderatorCancel', reason: 'x' },
		{ move: 'cashPaid' },
		{ move: 'cardPaid', amountCents: 4200, feeCents: 0, reference: 'pi_1' },
		{ move: 'refund', amountCents: 100, reference: 're_1', reason: 'x' },
		{ move: 'refund', amountCents: 100, reference: 're_2', late: true }
	];
	const actors = ['prov', 'recv', 'mod', 'system'].map((id) => ({ id, moderator: id === 'mod' }));
	const ended = {
		settled: [
			...confirmed,
			{ ...settling },
			{ n: 6, move: 'settle', by: 'system', at: at(5), minutes: 90, ledgerSeq: 1 }
		],
		declined: [start[0]!, { n: 2, move: 'decline', by: 'prov', at: at(1) }],
		cancelled: [start[0]!, { n: 2, move: 'cancel', by: 'recv', at: at(1) }]
	} satisfies Record<string, LogEvent[]>;

	it.each(Object.entries(ended))('an exchange in hours %s takes no more events', (_, events) => {
		const record = fold(events);
		expect(takesNoMoreEvents(record)).toBe(true);
		for (const actor of actors) {
			for (const request of requests) {
				expect(runMove(record.exchange, actor, request, at(30)).ok).toBe(false);
			}
		}
	});

	it('an open exchange, a pending settlement and any exchange in euros may still change', () => {
		expect(takesNoMoreEvents(fold(confirmed))).toBe(false);
		expect(takesNoMoreEvents(fold([...confirmed, settling]))).toBe(false);
		const euros = { ...proposal, settlement: 'euros' as const, amountCents: 4200 };
		const declined = fold([
			{ ...start[0]!, proposal: euros },
			{ n: 2, move: 'decline', by: 'prov', at: at(1) }
		]);
		expect(declined.exchange.state).toBe('declined');
		expect(takesNoMoreEvents(declined)).toBe(false);
		// A payment that came too late is given back whatever the state.
		const late = { move: 'refund', amountCents: 4200, reference: 're_3', late: true } as const;
		expect(runMove(declined.exchange, actors[3]!, late, at(2)).ok).toBe(true);
	});
});

describe('exchanges in euros as a log', () => {
	const euroProposal: Proposal = { ...proposal, settlement: 'euros', amountCents: 4200 };
	const euroStart: LogEvent[] = [
		{ n: 1, move: 'propose', by: 'recv', at: T0, minutes: 90, proposal: euroProposal },
		{ n: 2, move: 'accept', by: 'prov', at: at(1) },
		{ n: 3, move: 'markDone', by: 'prov', at: at(2) },
		{ n: 4, move: 'confirm', by: 'recv', at: at(3), minutes: 90 }
	];

	/** Runs a move on the fold and appends its event, as the service does. */
	function append(
		events: LogEvent[],
		actor: { id: string; moderator: boolean },
		request: Parameters<typeof runMove>[2],
		extra = {}
	) {
		const moved = runMove(fold(events).exchange, actor, request, at(events.length + 1));
		if (!moved.ok) throw new Error(moved.error);
		return [...events, logEventOf(moved.event, events.length + 1, extra)];
	}

	it('card payment, then a partial refund, replays to the same exchange', () => {
		const system = { id: 'system', moderator: false };
		let events = append(euroStart, system, {
			move: 'cardPaid',
			amountCents: 4200,
			feeCents: 63,
			reference: 'pi_7'
		});
		events = append(
			events,
			{ id: 'mod', moderator: true },
			{
				move: 'refund',
				amountCents: 1000,
				reference: 're_7',
				reason: 'Teil nicht geliefert'
			}
		);
		const record = fold(events);
		expect(record.exchange).toMatchObject({
			state: 'settled',
			amountCents: 4200,
			payment: { method: 'card', amountCents: 4200, feeCents: 63, reference: 'pi_7' },
			refundedCents: 1000
		});
		expect(record.ledgerSeq).toBeNull();
		expect(events[4]).toMatchObject({
			move: 'cardPaid',
			amountCents: 4200,
			feeCents: 63,
			reference: 'pi_7'
		});
		expect(events[5]).toMatchObject({
			move: 'refund',
			by: 'mod',
			amountCents: 1000,
			reference: 're_7'
		});
	});

	it('cash confirmed by both sides settles; a late card payment is refunded as late', () => {
		let events = append(euroStart, { id: 'prov', moderator: false }, { move: 'cashPaid' });
		events = append(events, { id: 'recv', moderator: false }, { move: 'cashPaid' });
		events = append(
			events,
			{ id: 'system', moderator: false },
			{ move: 'refund', amountCents: 4200, reference: 're_late', late: true },
			{ late: true }
		);
		const record = fold(events);
		expect(record.exchange).toMatchObject({
			state: 'settled',
			cashPaidBy: ['provider', 'receiver'],
			payment: { method: 'cash', amountCents: 4200, feeCents: 0 },
			refundedCents: 0
		});
		expect(events.at(-1)).toMatchObject({ move: 'refund', late: true });
	});

	it('a stored card payment of another amount cannot be replayed', () => {
		const bad: LogEvent = {
			n: 5,
			move: 'cardPaid',
			by: 'system',
			at: at(5),
			amountCents: 100,
			feeCents: 0,
			reference: 'pi_x'
		};
		expect(foldExchangeLog([...euroStart, bad])).toMatchObject({ ok: false, n: 5 });
	});
});
