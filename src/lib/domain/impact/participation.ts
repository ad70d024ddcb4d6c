// The impact report's participation figures (docs/buergerbudget.md): per finished Bürgerbudget
// round, the proposals, the members who voted and their share of the members. Counts of people
// below MIN_PEOPLE are suppressed like every other figure of the report.
import { guarded, round, type Cell } from './impact';

export interface ParticipationFact {
	roundId: string;
	title: string;
	/** The day the result was known (`YYYY-MM-DD`). */
	resultDay: string;
	proposals: number;
	voters: number;
	/** Members of the quarter when the vote ended. */
	members: number;
}

export interface ParticipationRow {
	roundId: string;
	title: string;
	resultDay: string;
	proposals: number;
	voters: Cell;
	/** Voters as a percentage of the members, one decimal. */
	share: Cell;
}

export function participationRows(facts: readonly ParticipationFact[]): ParticipationRow[] {
	return [...facts]
		.sort((a, b) => a.resultDay.localeCompare(b.resultDay))
		.map((f) => ({
			roundId: f.roundId,
			title: f.title,
			resultDay: f.resultDay,
			proposals: f.proposals,
			voters: guarded(f.voters, f.voters),
			share: guarded(f.members > 0 ? round((100 * f.voters) / f.members, 1) : 0, f.voters)
		}));
}
