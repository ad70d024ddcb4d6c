import { describe, expect, it } from 'vitest';
import {
	applyRoundEntry,
	checkBallot,
	checkProposal,
	checkSettings,
	phaseAt,
	type Round,
	type RoundEntry,
	type RoundSettings
} from './round';

const TZ = 'Europe/Berlin';
const settings: RoundSettings = {
	title: 'Bürgerbudget 2027',
	minutes: 100 * 60,
	cents: 1_000 * 100,
	proposalsFrom: '2027-03-01',
	checkFrom: '2027-04-01',
	voteFrom: '2027-04-15',
	voteUntil: '2027-04-30',
	linesUntil: '2027-12-31'
};
const ids = { roundId: 'r1', quarterId: 'nordstadt' };
const fold = (entries: RoundEntry[]): Round =>
	entries.reduce<Round | null>((s, e) => applyRoundEntry(s, { ...e, ...ids }), null)!;
const opened: RoundEntry = { type: 'opened', by: 'm', at: new Date('2027-02-01'), ...settings };
const draft = {
	title: 'Bänke',
	what: 'Zwei Bänke',
	who: 'alle',
	minutes: 20 * 60,
	cents: null,
	photoId: null
};

describe('phaseAt', () => {
	const round = fold([opened]);
	it.each([
		['2027-02-28T22:59:59Z', 'upcoming'],
		['2027-02-28T23:00:00Z', 'proposals'], // midnight in Berlin (CET)
		['2027-03-31T21:59:59Z', 'proposals'],
		['2027-03-31T22:00:00Z', 'check'], // midnight in Berlin (CEST)
		['2027-04-14T22:00:00Z', 'vote'],
		['2027-04-30T21:59:59Z', 'vote'],
		['2027-04-30T22:00:00Z', 'result']
	])('at %s it is %s', (iso, phase) => {
		expect(phaseAt(round, new Date(iso), TZ)).toBe(phase);
	});

	it('ends a phase early when the management says so', () => {
		const ended = fold([
			opened,
			{ type: 'ended', phase: 'proposals', by: 'm', at: new Date('2027-03-10T12:00:00Z') }
		]);
		expect(phaseAt(ended, new Date('2027-03-10T11:59:59Z'), TZ)).toBe('proposals');
		expect(phaseAt(ended, new Date('2027-03-10T12:00:00Z'), TZ)).toBe('check');
	});
});

describe('checkSettings', () => {
	it.each([
		[{}, null],
		[{ title: ' ' }, 'title_required'],
		[{ minutes: null, cents: null }, 'amount_required'],
		[{ minutes: 0 }, 'invalid_amount'],
		[{ voteFrom: '2027-03-31' }, 'phase_order'],
		[{ voteUntil: '2027-04-14' }, 'phase_order'],
		[{ linesUntil: '2027-04-30' }, 'lines_until_order']
	] as const)('%o gives %s', (change, problem) => {
		expect(checkSettings({ ...settings, ...change })).toBe(problem);
	});
});

describe('checkProposal', () => {
	const round = fold([opened]);
	it.each([
		['proposals', {}, null],
		['check', {}, 'wrong_phase'],
		['proposals', { title: '' }, 'title_required'],
		['proposals', { minutes: null }, 'cost_required'],
		['proposals', { minutes: 101 * 60 }, 'over_amount'],
		['proposals', { cents: -5 }, 'invalid_amount']
	] as const)('in %s with %o: %s', (phase, change, problem) => {
		expect(checkProposal(round, phase, { ...draft, ...change })).toBe(problem);
	});
	it('refuses euros when the round has none', () => {
		expect(checkProposal({ ...round, cents: null }, 'proposals', { ...draft, cents: 100 })).toBe(
			'cost_unit'
		);
	});
});

describe('checkBallot', () => {
	const at = new Date('2027-03-02');
	const round = fold([
		opened,
		{ type: 'proposed', proposalId: 'a', by: 'u', at, ...draft, minutes: 60 * 60 },
		{ type: 'proposed', proposalId: 'b', by: 'u', at, ...draft, minutes: 50 * 60 },
		{ type: 'proposed', proposalId: 'c', by: 'u', at, ...draft },
		{ type: 'assessed', proposalId: 'a', feasible: true, reason: 'ok', by: 'm', at },
		{ type: 'assessed', proposalId: 'b', feasible: true, reason: 'ok', by: 'm', at },
		{ type: 'assessed', proposalId: 'c', feasible: false, reason: 'Privatgrund', by: 'm', at }
	]);
	it.each([
		['vote', ['a'], null],
		['vote', [], null],
		['check', ['a'], 'wrong_phase'],
		['vote', ['c'], 'unknown_proposal'],
		['vote', ['a', 'a'], 'unknown_proposal'],
		['vote', ['a', 'b'], 'over_amount']
	] as const)('in %s choosing %o: %s', (phase, choice, problem) => {
		expect(checkBallot(round, phase, choice)).toBe(problem);
	});
	it('keeps the latest assessment and every comment once', () => {
		const again = fold([
			opened,
			{ type: 'proposed', proposalId: 'a', by: 'u', at, ...draft },
			{ type: 'commented', proposalId: 'a', commentId: 'k', text: 'Gut', by: 'v', at },
			{ type: 'commented', proposalId: 'a', commentId: 'k', text: 'Gut', by: 'v', at },
			{ type: 'assessed', proposalId: 'a', feasible: false, reason: 'x', by: 'm', at },
			{ type: 'assessed', proposalId: 'a', feasible: true, reason: 'y', by: 'm', at }
		]);
		expect(again.proposals[0]!.comments).toHaveLength(1);
		expect(again.proposals[0]!.assessment?.reason).toBe('y');
	});
});
