import { describe, expect, it } from 'vitest';
import { countVotes, latestBallots, type BallotEntry, type CountProposal } from './vote';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute));
const END = at(59);
const p = (id: string, hours: number | null, euros: number | null, minute = 0): CountProposal => ({
	id,
	minutes: hours === null ? null : hours * 60,
	cents: euros === null ? null : euros * 100,
	at: at(minute)
});
let n = 0;
const ballot = (userId: string, choice: string[], minute = 10, seq?: number): BallotEntry => ({
	userId,
	n: seq ?? ++n,
	choice,
	at: at(minute)
});
const winners = (r: ReturnType<typeof countVotes>) =>
	r.rows.filter((row) => row.won).map((row) => row.proposalId);

describe('countVotes (approval voting within the budget)', () => {
	it('fills the amount greedily by votes and passes over what does not fit', () => {
		const result = countVotes({
			amount: { minutes: 100 * 60, cents: null },
			proposals: [p('a', 60, null), p('b', 50, null), p('c', 30, null), p('d', 10, null)],
			ballots: [
				ballot('u1', ['a', 'c']),
				ballot('u2', ['a', 'b']),
				ballot('u3', ['b', 'c']),
				ballot('u4', ['a', 'd']),
				ballot('u5', ['b'])
			],
			voteEnd: END
		});
		// a 3, b 3 (tie: a costs more, so b first), c 2, d 1.
		expect(result.rows.map((r) => [r.proposalId, r.votes, r.rank, r.won, r.lost])).toEqual([
			['b', 3, 1, true, null],
			['a', 3, 2, false, 'no_room'],
			['c', 2, 3, true, null],
			['d', 1, 4, true, null]
		]);
		expect(result.voters).toBe(5);
		expect(result.used).toEqual({ minutes: 90 * 60, cents: 0 });
	});

	it('breaks a tie of votes and cost by the earlier submission, then by id', () => {
		const result = countVotes({
			amount: { minutes: 10 * 60, cents: null },
			proposals: [
				p('late', 10, null, 5),
				p('early', 10, null, 1),
				p('y', 10, null, 9),
				p('x', 10, null, 9)
			],
			ballots: [ballot('u1', ['late', 'early', 'x', 'y'])],
			voteEnd: END
		});
		expect(result.rows.map((r) => r.proposalId)).toEqual(['early', 'late', 'x', 'y']);
		expect(winners(result)).toEqual(['early']);
	});

	it('compares hours before euros when costs tie on votes', () => {
		const result = countVotes({
			amount: { minutes: 10 * 60, cents: 100 * 100 },
			proposals: [p('euro-heavy', 5, 80), p('euro-light', 5, 20), p('hours-light', 1, 90)],
			ballots: [ballot('u1', ['euro-heavy', 'euro-light', 'hours-light'])],
			voteEnd: END
		});
		expect(result.rows.map((r) => r.proposalId)).toEqual([
			'hours-light',
			'euro-light',
			'euro-heavy'
		]);
		// hours-light (90 €) leaves 10 €: neither of the others fits the euros.
		expect(winners(result)).toEqual(['hours-light']);
	});

	it('counts each member once: their latest ballot before the end, not an earlier or later one', () => {
		const result = countVotes({
			amount: { minutes: 100 * 60, cents: null },
			proposals: [p('a', 10, null), p('b', 10, null)],
			ballots: [
				ballot('u1', ['a'], 10, 1),
				ballot('u1', ['b'], 20, 2),
				ballot('u1', ['a'], 59, 3), // at the end: too late
				ballot('u2', ['a'], 10, 2),
				ballot('u2', ['a', 'b'], 5, 1)
			],
			voteEnd: END
		});
		// u1 counts for b (number 2), u2 for a alone (number 2); equal otherwise, so a by id.
		expect(result.rows.map((r) => [r.proposalId, r.votes])).toEqual([
			['a', 1],
			['b', 1]
		]);
		expect(result.voters).toBe(2);
	});

	it('does not count empty ballots or unknown proposals, and nobody wins without a vote', () => {
		const result = countVotes({
			amount: { minutes: null, cents: 500 * 100 },
			proposals: [p('a', null, 100), p('b', null, 100)],
			ballots: [ballot('u1', []), ballot('u2', ['gone']), ballot('u3', ['a', 'a'])],
			voteEnd: END
		});
		expect(result.voters).toBe(1);
		expect(result.rows).toEqual([
			{ proposalId: 'a', votes: 1, rank: 1, won: true, lost: null },
			{ proposalId: 'b', votes: 0, rank: 2, won: false, lost: 'no_votes' }
		]);
	});

	it('gives the same result whatever order the ballots are stored in', () => {
		const proposals = [p('a', 4, null), p('b', 4, null), p('c', 4, null)];
		const ballots = [
			ballot('u1', ['a', 'b'], 1, 1),
			ballot('u2', ['b', 'c'], 2, 1),
			ballot('u3', ['c', 'a'], 3, 1)
		];
		const amount = { minutes: 8 * 60, cents: null };
		const one = countVotes({ amount, proposals, ballots, voteEnd: END });
		const two = countVotes({
			amount,
			proposals: [...proposals].reverse(),
			ballots: [...ballots].reverse(),
			voteEnd: END
		});
		expect(two).toEqual(one);
		expect(winners(one)).toEqual(['a', 'b']);
	});
});

describe('latestBallots', () => {
	it('keeps the highest number per member', () => {
		const latest = latestBallots(
			[ballot('u', ['a'], 1, 2), ballot('u', ['b'], 2, 1), ballot('v', [], 3, 1)],
			END
		);
		expect(latest.get('u')?.choice).toEqual(['a']);
		expect(latest.size).toBe(2);
	});
});
