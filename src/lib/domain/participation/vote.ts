// The count of a Bürgerbudget round (docs/buergerbudget.md): approval voting within the budget,
// as Decidim's "knapsack" budgets. Each member marks the feasible proposals they want, together
// no more than the round's amount; their latest ballot before the vote ended counts, once.
// Proposals are ranked by votes; winners are taken in that order while they still fit into
// what is left of the amount (a proposal that does not fit is passed over and the next one is
// tried). Ties are broken by a fixed rule, so the same ballots always give the same result:
// more votes first, then the lower cost (hours, then euros), then the earlier submission, then
// the proposal's id.
import type { Amount } from './round';

export interface CountProposal extends Amount {
	id: string;
	/** When it was submitted. */
	at: Date;
}

/** One stored ballot: number `n` of the member's own log in this round. */
export interface BallotEntry {
	userId: string;
	n: number;
	choice: readonly string[];
	at: Date;
}

export interface ResultRow {
	proposalId: string;
	votes: number;
	/** Place in the ranking, 1 first. */
	rank: number;
	won: boolean;
	/** Why it did not win: no vote, or not enough left of the amount. */
	lost: 'no_votes' | 'no_room' | null;
}

export interface RoundResult {
	/** Members whose latest ballot names at least one proposal. */
	voters: number;
	rows: ResultRow[];
	/** What the winners take of the amount. */
	used: { minutes: number; cents: number };
}

/** Each member's latest ballot cast before `voteEnd` (later numbers replace earlier ones). */
export function latestBallots(
	ballots: readonly BallotEntry[],
	voteEnd: Date
): Map<string, BallotEntry> {
	const latest = new Map<string, BallotEntry>();
	for (const b of ballots) {
		if (b.at.getTime() >= voteEnd.getTime()) continue;
		const seen = latest.get(b.userId);
		if (!seen || b.n > seen.n) latest.set(b.userId, b);
	}
	return latest;
}

/** The ranking order: more votes, lower hours, lower euros, earlier, then id. */
function byRank(
	a: CountProposal & { votes: number },
	b: CountProposal & { votes: number }
): number {
	return (
		b.votes - a.votes ||
		(a.minutes ?? 0) - (b.minutes ?? 0) ||
		(a.cents ?? 0) - (b.cents ?? 0) ||
		a.at.getTime() - b.at.getTime() ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/**
 * The result of a round from its feasible proposals, every stored ballot and the instant the vote
 * ended. A ballot naming a proposal that is not among `proposals` has that name ignored.
 */
export function countVotes(input: {
	amount: Amount;
	proposals: readonly CountProposal[];
	ballots: readonly BallotEntry[];
	voteEnd: Date;
}): RoundResult {
	const votes = new Map(input.proposals.map((p) => [p.id, 0]));
	let voters = 0;
	for (const ballot of latestBallots(input.ballots, input.voteEnd).values()) {
		const named = new Set(ballot.choice.filter((id) => votes.has(id)));
		if (named.size === 0) continue;
		voters++;
		for (const id of named) votes.set(id, votes.get(id)! + 1);
	}
	const ranked = input.proposals.map((p) => ({ ...p, votes: votes.get(p.id)! })).sort(byRank);
	let minutesLeft = input.amount.minutes ?? 0;
	let centsLeft = input.amount.cents ?? 0;
	const rows: ResultRow[] = ranked.map((p, i) => {
		const row = { proposalId: p.id, votes: p.votes, rank: i + 1 };
		if (p.votes === 0) return { ...row, won: false, lost: 'no_votes' as const };
		if ((p.minutes ?? 0) > minutesLeft || (p.cents ?? 0) > centsLeft) {
			return { ...row, won: false, lost: 'no_room' as const };
		}
		minutesLeft -= p.minutes ?? 0;
		centsLeft -= p.cents ?? 0;
		return { ...row, won: true, lost: null };
	});
	return {
		voters,
		rows,
		used: {
			minutes: (input.amount.minutes ?? 0) - minutesLeft,
			cents: (input.amount.cents ?? 0) - centsLeft
		}
	};
}
