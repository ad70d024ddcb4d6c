// What the notice log contributes to the transparency report (Art. 15, 24 DSA): one fact per
// notice, first decision, complaint and complaint decision, counted from the log itself so the
// figures cannot drift from what happened. Counting per year, suppressing small cells and the
// median time to decision are the transparency table's job (domain/legal/transparency.ts).
import { REPORT_KINDS, type TransparencyFact } from '../legal/transparency';
import { DECISION_KINDS, type ComplaintOutcome, type NoticeBook } from './notice';

const COMPLAINT_OUTCOMES: readonly ComplaintOutcome[] = ['upheld', 'reversed'];

/** The sections the notice log feeds, each with its kinds in the page's order. */
export const NOTICE_SOURCES = [
	{ source: 'notices', kinds: REPORT_KINDS },
	{ source: 'notice_decisions', kinds: DECISION_KINDS, median: true },
	{ source: 'complaints', kinds: ['author', 'notifier'] as const },
	{ source: 'complaint_outcomes', kinds: COMPLAINT_OUTCOMES }
] as const;

/** Every counted event of these books. A first decision carries the time it took since the notice,
 * so the table can give the median time to decision. */
export function noticeFacts(books: Iterable<NoticeBook>): TransparencyFact[] {
	const facts: TransparencyFact[] = [];
	for (const book of books) {
		for (const state of book.notices.values()) {
			const { notice, decision } = state;
			facts.push({ source: 'notices', kind: notice.target.type, at: notice.at });
			if (decision) {
				facts.push({
					source: 'notice_decisions',
					kind: decision.decision,
					at: decision.at,
					durationMs: decision.at.getTime() - notice.at.getTime()
				});
			}
			for (const [party, c] of Object.entries(state.complaints)) {
				if (!c) continue;
				facts.push({ source: 'complaints', kind: party, at: c.complaint.at });
				if (c.decision) {
					facts.push({ source: 'complaint_outcomes', kind: c.decision.outcome, at: c.decision.at });
				}
			}
		}
	}
	return facts;
}
