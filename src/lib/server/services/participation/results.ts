// The result of a Bürgerbudget round, and its winners as budget lines. The count is the pure
// `countVotes` over the stored ballots; it is shown once the vote has ended. The winners become
// lines of the existing Sozialraumbudget through `Budget.createLine`, each under an id derived
// from the round and the proposal, so a second run (another server, the job after a crash half
// way) finds the lines it made and makes only the missing ones; the audit entry of the result is
// written last and marks the round as done. Grants against the lines then reach the ledger as
// for every other line.
import {
	feasibleProposals,
	phaseStarts,
	type Proposal,
	type Round
} from '../../../domain/participation/round';
import { countVotes, type RoundResult } from '../../../domain/participation/vote';
import { dayOf } from '../../../domain/time/zone';
import { appendAudit, findAudit } from '../../repos/audit';
import { listMembershipsOfQuarter } from '../../repos/memberships';
import { listQuarters, type Quarter } from '../../repos/quarters';
import { budget as appBudget, idFrom, type Budget } from '../budget';
import { participation as appParticipation, type Participation } from './index';

/** A ballot decided just before the vote ended may land a moment later: the lines wait this
 * long after the end, so that every ballot that counts is stored when they are made. */
export const SETTLE_MS = 5_000;

/** The nonce of the budget line a winning proposal becomes (with the round's opener as the
 * recorder, the line's id is fixed by round and proposal). */
function lineNonce(roundId: string, proposalId: string): string {
	return `buergerbudget:${roundId}:${proposalId}`;
}

/** The id of the budget line of a winning proposal. */
export function lineIdOf(round: Round, proposalId: string): string {
	return idFrom('line', round.openedBy, lineNonce(round.id, proposalId));
}

export interface ResultView {
	result: RoundResult;
	/** When the vote ended and the day the lines begin. */
	voteEnd: Date;
	resultDay: string;
	proposals: Map<string, Proposal>;
}

export class RoundResults {
	constructor(
		private readonly rounds: Participation = appParticipation,
		private readonly lines: Budget = appBudget
	) {}

	/** The count of a round whose vote has ended, or null before. */
	async result(quarter: Quarter, round: Round, now: Date): Promise<ResultView | null> {
		if (this.rounds.phase(quarter, round, now) !== 'result') return null;
		const voteEnd = phaseStarts(round, quarter.settings.timeZone).result;
		const feasible = feasibleProposals(round);
		const ballots = await this.rounds.roundBallots(round.id);
		return {
			result: countVotes({ amount: round, proposals: feasible, ballots, voteEnd }),
			voteEnd,
			resultDay: dayOf(voteEnd, quarter.settings.timeZone),
			proposals: new Map(round.proposals.map((p) => [p.id, p]))
		};
	}

	/**
	 * Turns the winners of a finished round into budget lines, once. Returns the number of lines
	 * this call made (0 when the round was published before or its vote has not settled yet).
	 */
	async publish(quarter: Quarter, round: Round, now: Date): Promise<number> {
		const view = await this.result(quarter, round, now);
		if (!view || now.getTime() < view.voteEnd.getTime() + SETTLE_MS) return 0;
		const auditId = `round-result:${round.id}`;
		if (await findAudit(auditId)) return 0;
		let made = 0;
		const winners = view.result.rows.filter((r) => r.won);
		for (const row of winners) {
			const p = view.proposals.get(row.proposalId)!;
			const created = await this.lines.createLine({
				quarter,
				moderatorId: round.openedBy,
				nonce: lineNonce(round.id, p.id),
				now: view.voteEnd,
				draft: {
					name: p.title,
					minutes: p.minutes,
					cents: p.cents,
					from: view.resultDay,
					to: round.linesUntil > view.resultDay ? round.linesUntil : view.resultDay,
					purpose: p.what.slice(0, 500),
					decidedBy: round.title,
					decidedOn: view.resultDay
				}
			});
			if (!created.ok)
				throw new Error(`round ${round.id}: line refused ${created.problems.join()}`);
			if (!created.duplicate) made++;
		}
		await appendAudit({
			id: auditId,
			quarterId: quarter.id,
			at: view.voteEnd,
			actorId: 'system',
			action: 'participation.resultPublished',
			target: { type: 'round', id: round.id },
			reason: '',
			details: {
				title: round.title,
				proposals: round.proposals.length,
				voters: view.result.voters,
				winners: winners.length
			}
		});
		return made;
	}

	/** The job: publishes every finished round of every quarter that is not published yet. */
	async publishDue(now: Date, quarters?: readonly Quarter[]): Promise<{ lines: number }> {
		let lines = 0;
		for (const quarter of quarters ?? (await listQuarters())) {
			for (const round of await this.rounds.rounds(quarter)) {
				lines += await this.publish(quarter, round, now);
			}
		}
		return { lines };
	}

	/**
	 * A quarter's round results of a calendar year (the rounds whose vote ended in it), with the
	 * counts: for the public Quartiersbilanz. Only what the result page shows anyway: titles,
	 * votes, winners, the number of proposals and voters.
	 */
	async yearResults(quarter: Quarter, year: number, now: Date): Promise<YearRoundResult[]> {
		const out: YearRoundResult[] = [];
		for (const round of await this.rounds.rounds(quarter)) {
			const view = await this.result(quarter, round, now);
			if (!view || !view.resultDay.startsWith(`${year}-`)) continue;
			out.push({
				roundId: round.id,
				title: round.title,
				resultDay: view.resultDay,
				amount: { minutes: round.minutes, cents: round.cents },
				proposals: round.proposals.length,
				voters: view.result.voters,
				rows: view.result.rows.map((r) => {
					const p = view.proposals.get(r.proposalId)!;
					return {
						title: p.title,
						votes: r.votes,
						won: r.won,
						minutes: p.minutes,
						cents: p.cents,
						lineId: r.won ? lineIdOf(round, p.id) : null
					};
				})
			});
		}
		return out.sort((a, b) => a.resultDay.localeCompare(b.resultDay));
	}

	/**
	 * Participation figures of the impact report: per finished round, proposals, voters and the
	 * share of the members (active members whose membership began before the vote ended).
	 */
	async participationFigures(quarter: Quarter, now: Date): Promise<ParticipationFigure[]> {
		const [rounds, memberships] = await Promise.all([
			this.rounds.rounds(quarter),
			listMembershipsOfQuarter(quarter.id)
		]);
		const out: ParticipationFigure[] = [];
		for (const round of rounds) {
			const view = await this.result(quarter, round, now);
			if (!view) continue;
			const members = memberships.filter(
				(m) => m.state === 'active' && m.since.getTime() < view.voteEnd.getTime()
			).length;
			out.push({
				roundId: round.id,
				title: round.title,
				resultDay: view.resultDay,
				proposals: round.proposals.length,
				voters: view.result.voters,
				members
			});
		}
		return out;
	}
}

export interface YearRoundResult {
	roundId: string;
	title: string;
	resultDay: string;
	amount: { minutes: number | null; cents: number | null };
	proposals: number;
	voters: number;
	rows: Array<{
		title: string;
		votes: number;
		won: boolean;
		minutes: number | null;
		cents: number | null;
		lineId: string | null;
	}>;
}

export interface ParticipationFigure {
	roundId: string;
	title: string;
	resultDay: string;
	proposals: number;
	voters: number;
	members: number;
}

export const roundResults = new RoundResults();

/** A quarter's Bürgerbudget results of a year (for the Quartiersbilanz). */
export function buergerbudgetResults(
	quarter: Quarter,
	year: number,
	now = new Date()
): Promise<YearRoundResult[]> {
	return roundResults.yearResults(quarter, year, now);
}
