// The community budget (Sozialraumbudget) as pure rules. The quarter conference decides budget
// lines (hours and/or euros, for a period, for a purpose); the quarter management grants hours
// from the community account and records euro payments against them. Lines are insert-only: a
// line closed early gets a closing record, never an edit. What a line has spent is derived from
// the ledger (grant entries naming the line, minus reversals of them) and from the recorded euro
// grants, so it can never drift from what was booked.
import { reversedMinutesBySeq, type LedgerEntry } from '../ledger/ledger';

/** A calendar day `YYYY-MM-DD` in the quarter's time zone. */
export type Day = string;

export interface BudgetLine {
	id: string;
	quarterId: string;
	name: string;
	/** Decided hours in minutes; null when the line has no hours. */
	minutes: number | null;
	/** Decided euros in cents; null when the line has no euros. */
	cents: number | null;
	from: Day;
	to: Day;
	purpose: string;
	/** The body that decided it, e.g. "Sozialraumkonferenz". */
	decidedBy: string;
	decidedOn: Day;
	createdBy: string;
	createdAt: Date;
	/** The day from which the line takes no more grants, when closed before its end. */
	closedOn: Day | null;
}

export type EuroRecipient = { type: 'member'; userId: string } | { type: 'project'; name: string };

export interface EuroGrant {
	id: string;
	lineId: string;
	/** Number of this grant within its line, 1, 2, 3 … */
	n: number;
	recipient: EuroRecipient;
	cents: number;
	purpose: string;
	/** The day the office paid it. */
	paidOn: Day;
	by: string;
	at: Date;
}

export const NAME_MAX = 120;
export const PURPOSE_MAX = 500;
/** A line above 100,000 hours or euros is a typing error, not a decision. */
export const MAX_MINUTES = 100_000 * 60;
export const MAX_CENTS = 100_000 * 100;

export type LineProblem =
	'name_required' | 'amount_required' | 'invalid_amount' | 'period_order' | 'decision_required';

export interface LineDraft {
	name: string;
	minutes: number | null;
	cents: number | null;
	from: Day;
	to: Day;
	purpose: string;
	decidedBy: string;
	decidedOn: Day;
}

/** What is wrong with a line before it is stored (the form's schema checks the single fields). */
export function validateLine(draft: LineDraft): LineProblem[] {
	const problems: LineProblem[] = [];
	if (draft.name.trim() === '') problems.push('name_required');
	if (draft.minutes === null && draft.cents === null) problems.push('amount_required');
	const amountOk = (value: number | null, max: number) =>
		value === null || (Number.isSafeInteger(value) && value > 0 && value <= max);
	if (!amountOk(draft.minutes, MAX_MINUTES) || !amountOk(draft.cents, MAX_CENTS)) {
		problems.push('invalid_amount');
	}
	if (draft.from > draft.to) problems.push('period_order');
	if (draft.decidedBy.trim() === '' || draft.decidedOn === '') problems.push('decision_required');
	return problems;
}

/**
 * Who may receive a grant (hours or euros): an active member, never the moderator who grants —
 * a colleague does that, as with reversals and disputes.
 */
export function mayReceiveGrant(
	membership: { userId: string; state: string | null } | null | undefined,
	moderatorId: string
): boolean {
	return membership?.state === 'active' && membership.userId !== moderatorId;
}

export type LineState = 'upcoming' | 'open' | 'ended' | 'closed';

/** Where a line stands on a day: grants may use it only while it is `open`. */
export function lineState(line: Pick<BudgetLine, 'from' | 'to' | 'closedOn'>, day: Day): LineState {
	if (line.closedOn !== null && line.closedOn <= day) return 'closed';
	if (day < line.from) return 'upcoming';
	if (day > line.to) return 'ended';
	return 'open';
}

export function isOpenOn(line: Pick<BudgetLine, 'from' | 'to' | 'closedOn'>, day: Day): boolean {
	return lineState(line, day) === 'open';
}

/**
 * Minutes granted against the line: its grant entries minus the reversals of them (a reversal's
 * `reverses` points to the grant it undoes, fully or in part).
 */
export function spentMinutes(lineId: string, entries: readonly LedgerEntry[]): number {
	const reversed = reversedMinutesBySeq(entries);
	let spent = 0;
	for (const e of entries) {
		if (e.kind === 'grant' && e.budgetLineId === lineId) {
			spent += e.minutes - (reversed.get(e.seq) ?? 0);
		}
	}
	return spent;
}

export function spentCents(lineId: string, grants: readonly Pick<EuroGrant, 'lineId' | 'cents'>[]) {
	return grants.reduce((sum, g) => (g.lineId === lineId ? sum + g.cents : sum), 0);
}

export interface Amounts {
	decided: number;
	spent: number;
	/** Never below zero on the page; an overspent line shows `over`. */
	remaining: number;
	over: number;
	/** Spent as a share of decided, 0–100, rounded down (for the progress bar). */
	percent: number;
}

function amounts(decided: number, spent: number): Amounts {
	const remaining = Math.max(0, decided - spent);
	return {
		decided,
		spent,
		remaining,
		over: Math.max(0, spent - decided),
		percent: decided > 0 ? Math.min(100, Math.floor((Math.max(0, spent) / decided) * 100)) : 0
	};
}

export interface LineUsage {
	hours: Amounts | null;
	euros: Amounts | null;
}

/** Spent versus decided for hours and euros (null where the line has none of that kind). */
export function usageOf(
	line: Pick<BudgetLine, 'id' | 'minutes' | 'cents'>,
	entries: readonly LedgerEntry[],
	euroGrants: readonly Pick<EuroGrant, 'lineId' | 'cents'>[]
): LineUsage {
	return {
		hours: line.minutes === null ? null : amounts(line.minutes, spentMinutes(line.id, entries)),
		euros: line.cents === null ? null : amounts(line.cents, spentCents(line.id, euroGrants))
	};
}

export type GrantProblem =
	| { code: 'line_not_found' }
	| { code: 'line_closed' }
	| { code: 'line_upcoming' }
	| { code: 'line_ended' }
	| { code: 'line_no_hours' }
	| { code: 'line_no_euros' }
	| { code: 'exceeds_remaining'; remaining: number };

function stateProblem(line: BudgetLine, day: Day): GrantProblem | null {
	const state = lineState(line, day);
	if (state === 'closed') return { code: 'line_closed' };
	if (state === 'upcoming') return { code: 'line_upcoming' };
	if (state === 'ended') return { code: 'line_ended' };
	return null;
}

/** A grant of `amount` against a line that decided `decided` and has spent `spent`, on `day`. */
function checkGrant(
	line: BudgetLine,
	decided: number | null,
	spent: () => number,
	amount: number,
	day: Day,
	none: GrantProblem
): GrantProblem | null {
	if (decided === null) return none;
	const state = stateProblem(line, day);
	if (state) return state;
	const remaining = decided - spent();
	if (amount > remaining) return { code: 'exceeds_remaining', remaining: Math.max(0, remaining) };
	return null;
}

/** Whether `minutes` may be granted against the line on `day`, given the ledger so far. */
export function checkHourGrant(
	line: BudgetLine,
	entries: readonly LedgerEntry[],
	minutes: number,
	day: Day
): GrantProblem | null {
	return checkGrant(line, line.minutes, () => spentMinutes(line.id, entries), minutes, day, {
		code: 'line_no_hours'
	});
}

/** Whether `cents` paid on `day` may be recorded against the line, given its grants so far. */
export function checkEuroGrant(
	line: BudgetLine,
	grants: readonly Pick<EuroGrant, 'lineId' | 'cents'>[],
	cents: number,
	day: Day
): GrantProblem | null {
	return checkGrant(line, line.cents, () => spentCents(line.id, grants), cents, day, {
		code: 'line_no_euros'
	});
}

/** Open lines on `day` that decided an amount and have some of it left; by name. */
function linesWithRemaining(
	lines: readonly BudgetLine[],
	decided: (line: BudgetLine) => number | null,
	spent: (line: BudgetLine) => number,
	day: Day
): Array<{ line: BudgetLine; remaining: number }> {
	return lines
		.flatMap((line) => {
			const amount = decided(line);
			return amount !== null && isOpenOn(line, day)
				? [{ line, remaining: amount - spent(line) }]
				: [];
		})
		.filter((x) => x.remaining > 0)
		.sort((a, b) => a.line.name.localeCompare(b.line.name, 'de'));
}

/** The lines an hour grant may use on `day`: open, with hours left; by name. */
export function linesForHourGrant(
	lines: readonly BudgetLine[],
	entries: readonly LedgerEntry[],
	day: Day
): Array<{ line: BudgetLine; remaining: number }> {
	return linesWithRemaining(
		lines,
		(line) => line.minutes,
		(line) => spentMinutes(line.id, entries),
		day
	);
}

/** The lines a euro grant paid on `day` may be recorded against: open, with euros left. */
export function linesForEuroGrant(
	lines: readonly BudgetLine[],
	grants: readonly Pick<EuroGrant, 'lineId' | 'cents'>[],
	day: Day
): Array<{ line: BudgetLine; remaining: number }> {
	return linesWithRemaining(
		lines,
		(line) => line.cents,
		(line) => spentCents(line.id, grants),
		day
	);
}

/** Lines for the overview: open ones first, then upcoming, then ended or closed; by start. */
export function sortLines<L extends BudgetLine>(lines: readonly L[], day: Day): L[] {
	const rank: Record<LineState, number> = { open: 0, upcoming: 1, ended: 2, closed: 2 };
	return [...lines].sort(
		(a, b) =>
			rank[lineState(a, day)] - rank[lineState(b, day)] ||
			b.from.localeCompare(a.from) ||
			a.name.localeCompare(b.name, 'de')
	);
}

/** Euros as people type them ("12", "12,50", "1.234,50", "12.5") to cents; null if unreadable. */
export function centsFromEurosInput(text: string): number | null {
	let s = text.trim().replace(/\s|€/g, '');
	if (s === '') return null;
	if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
	else if (/^\d+(,\d{1,2})?$/.test(s)) s = s.replace(',', '.');
	else if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
	const cents = Math.round(Number(s) * 100);
	return Number.isSafeInteger(cents) ? cents : null;
}

/** Decided hours as typed ("120", "120,5", "80.25") to minutes; whole quarter hours only. */
export function minutesFromLineHoursInput(text: string): number | null {
	const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text.trim());
	if (!match) return null;
	const fraction = Number((match[2] ?? '0').padEnd(2, '0'));
	if (fraction % 25 !== 0) return null;
	return Number(match[1]) * 60 + (fraction / 25) * 15;
}

/** Lives with the other calendar-day rules; re-exported for the budget pages. */
export { formatDay } from '../time/zone';

const GRANT_PROBLEM_CODES: ReadonlySet<string> = new Set<GrantProblem['code']>([
	'line_not_found',
	'line_closed',
	'line_upcoming',
	'line_ended',
	'line_no_hours',
	'line_no_euros',
	'exceeds_remaining'
]);

/** Whether a refused booking was refused by the budget line (not by the ledger's limits). */
export function isGrantProblem(problem: { code: string }): problem is GrantProblem {
	return GRANT_PROBLEM_CODES.has(problem.code);
}
