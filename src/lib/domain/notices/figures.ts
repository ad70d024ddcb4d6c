// Yearly figures of notices, decisions and complaints for the transparency report (Art. 15, 24
// DSA): counted from the log itself, so they cannot drift from what happened.
import {
	DECISION_KINDS,
	type ComplaintOutcome,
	type DecisionKind,
	type NoticeBook
} from './notice';

export interface NoticeFigures {
	year: number;
	/** Notices filed in the year. */
	notices: number;
	/** First decisions taken in the year, by kind. */
	decisions: Record<DecisionKind, number>;
	/** Complaints lodged in the year. */
	complaints: number;
	/** Complaint decisions taken in the year, by outcome. */
	outcomes: Record<ComplaintOutcome, number>;
	/** Median time from notice to first decision (ms) over the year's decisions; null if none. */
	medianDecisionMs: number | null;
}

/** The year's figures (UTC calendar year) over one or more quarters' books. */
export function noticeFigures(books: Iterable<NoticeBook>, year: number): NoticeFigures {
	const inYear = (at: Date) => at.getUTCFullYear() === year;
	const decisions = Object.fromEntries(DECISION_KINDS.map((k) => [k, 0])) as Record<
		DecisionKind,
		number
	>;
	const outcomes: Record<ComplaintOutcome, number> = { upheld: 0, reversed: 0 };
	const durations: number[] = [];
	let notices = 0;
	let complaints = 0;
	for (const book of books) {
		for (const state of book.notices.values()) {
			if (inYear(state.notice.at)) notices++;
			if (state.decision && inYear(state.decision.at)) {
				decisions[state.decision.decision]++;
				durations.push(state.decision.at.getTime() - state.notice.at.getTime());
			}
			for (const c of Object.values(state.complaints)) {
				if (inYear(c.complaint.at)) complaints++;
				if (c.decision && inYear(c.decision.at)) outcomes[c.decision.outcome]++;
			}
		}
	}
	return { year, notices, decisions, complaints, outcomes, medianDecisionMs: median(durations) };
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
