// The community budget (Sozialraumbudget): lines decided by the quarter conference, hour grants
// from the community account against them (booked by the ledger, with the line's remaining hours
// checked against the latest entries right before the insert, like the account limits), and euro
// payments the office made outside the platform, recorded against a line exactly once per submit.
// Every act is in the audit log.
import {
	checkEuroGrant,
	checkHourGrant,
	linesForEuroGrant,
	linesForHourGrant,
	lineState,
	sortLines,
	usageOf,
	validateLine,
	type BudgetLine,
	type EuroGrant,
	type EuroRecipient,
	type GrantProblem,
	type LineDraft,
	type LineProblem,
	type LineState,
	type LineUsage,
	mayReceiveGrant
} from '../../domain/budget/budget';
import { toCsv, minutesToDecimalHours } from '../../domain/ledger/csv';
import type { Locale } from '../../domain/locale';
import { userIdOf } from '../../domain/ledger/accounts';
import { dateTimeOf, dayOf } from '../../domain/time/zone';
import { slugify } from '../../domain/quarters/settings';
import { reversedMinutesBySeq, type LedgerEntry } from '../../domain/ledger/ledger';
import * as m from '../../paraglide/messages';
import { Log, entryList } from '../logs';
import { hashToken } from '../ids';
import { appendAudit } from '../repos/audit';
import {
	euroGrantId,
	findBudgetLine,
	findEuroGrantByKey,
	insertBudgetLine,
	insertBudgetLineClosure,
	euroGrantStore,
	type StoredEuroGrant,
	listBudgetLines,
	listQuarterEuroGrants
} from '../repos/budget';
import { findMembership } from '../repos/memberships';
import type { Quarter } from '../repos/quarters';
import { displayNamesOf } from '../repos/users';
import { ledger, type LedgerBook } from './ledger';
import { timeAccounts, type BudgetGrantResult, type TimeAccounts } from './time-accounts';

/** A line with what it has spent, as the overview shows it. */
export interface LineView extends BudgetLine {
	usage: LineUsage;
	state: LineState;
}

/** One grant against a line (hours or euros), as the line's page and CSV list it. */
export interface LineGrant {
	kind: 'hours' | 'euros';
	/** The ledger number of an hour grant. */
	seq: number | null;
	/** When it was booked (hours) or paid (euros, a day). */
	at: Date;
	day: string;
	recipient: string;
	minutes: number | null;
	/** Minutes of this grant reversed later. */
	reversedMinutes: number;
	cents: number | null;
	purpose: string;
	by: string;
}

/** Ids from the moderator and the form's nonce: a second submit of the same form finds the first. */
export function idFrom(kind: string, moderatorId: string, nonce: string): string {
	return hashToken(`${kind}:${moderatorId}:${nonce}`).slice(0, 20);
}

/** A line a grant may use, with what it has left (minutes or cents). */
export interface GrantChoice {
	id: string;
	name: string;
	remaining: number;
}

function choice({ line, remaining }: { line: BudgetLine; remaining: number }): GrantChoice {
	return { id: line.id, name: line.name, remaining };
}

export class Budget {
	/** Each budget line's euro grants: one stream of the shared log mechanism (server/logs). */
	private readonly euroGrants = new Log<StoredEuroGrant[], StoredEuroGrant>({
		name: 'euro-grants',
		store: euroGrantStore,
		seqOf: (grant) => grant.n,
		...entryList<StoredEuroGrant>(),
		freshMs: 0,
		maxStreams: 1_000
	});

	constructor(
		private readonly book: LedgerBook = ledger,
		private readonly accounts: TimeAccounts = timeAccounts
	) {}

	lines(quarter: Quarter): Promise<BudgetLine[]> {
		return listBudgetLines(quarter.id);
	}

	/** The line a URL names, or null for a malformed or unknown id (another quarter's too). */
	async line(quarter: Quarter, lineId: string): Promise<BudgetLine | null> {
		if (!/^[0-9a-f]{20}$/.test(lineId)) return null;
		return findBudgetLine(quarter.id, lineId);
	}

	/** One line with spent versus decided and its grants, as its page shows it. */
	async detail(
		quarter: Quarter,
		line: BudgetLine,
		locale: Locale,
		now: Date
	): Promise<{ usage: LineUsage; state: LineState; grants: LineGrant[] }> {
		const [entries, euroGrants] = await Promise.all([
			this.book.entries(quarter.id),
			this.euroGrants.read(line.id)
		]);
		return {
			usage: usageOf(line, entries, euroGrants),
			state: lineState(line, dayOf(now, quarter.settings.timeZone)),
			grants: await this.grantsOf(quarter, line, entries, euroGrants, locale)
		};
	}

	/**
	 * Every line with spent versus decided, open lines first, and the lines a euro payment made
	 * today may be recorded against (with the euros each has left), from one read of each.
	 */
	async overview(
		quarter: Quarter,
		now: Date
	): Promise<{ lines: LineView[]; euroChoices: GrantChoice[] }> {
		const [lines, entries, euroGrants] = await Promise.all([
			listBudgetLines(quarter.id),
			this.book.entries(quarter.id),
			listQuarterEuroGrants(quarter.id)
		]);
		const day = dayOf(now, quarter.settings.timeZone);
		return {
			lines: sortLines(lines, day).map((line) => ({
				...line,
				usage: usageOf(line, entries, euroGrants),
				state: lineState(line, day)
			})),
			euroChoices: linesForEuroGrant(lines, euroGrants, day).map(choice)
		};
	}

	/** The lines an hour grant may use today, with the hours each has left. */
	async hourGrantChoices(quarter: Quarter, now: Date): Promise<GrantChoice[]> {
		const [lines, entries] = await Promise.all([
			listBudgetLines(quarter.id),
			this.book.entries(quarter.id)
		]);
		return linesForHourGrant(lines, entries, dayOf(now, quarter.settings.timeZone)).map(choice);
	}

	/** Stores a line decided by the conference; the same submit again stores nothing new. */
	async createLine(input: {
		quarter: Quarter;
		moderatorId: string;
		draft: LineDraft;
		nonce: string;
		now: Date;
	}): Promise<
		{ ok: true; line: BudgetLine; duplicate: boolean } | { ok: false; problems: LineProblem[] }
	> {
		const problems = validateLine(input.draft);
		if (problems.length > 0) return { ok: false, problems };
		const id = idFrom('line', input.moderatorId, input.nonce);
		const line: BudgetLine = {
			id,
			quarterId: input.quarter.id,
			...input.draft,
			name: input.draft.name.trim(),
			purpose: input.draft.purpose.trim(),
			decidedBy: input.draft.decidedBy.trim(),
			createdBy: input.moderatorId,
			createdAt: input.now,
			closedOn: null
		};
		const { closedOn: _open, ...doc } = line;
		const duplicate = (await insertBudgetLine(doc)) === 'taken';
		const stored = duplicate ? await findBudgetLine(input.quarter.id, id) : line;
		if (!stored) throw new Error(`budget line ${id} taken by another quarter`);
		await appendAudit({
			id: `budget-line:${id}`,
			quarterId: input.quarter.id,
			at: stored.createdAt,
			actorId: stored.createdBy,
			action: 'budget.lineCreated',
			target: { type: 'budget', id },
			reason: `${stored.decidedBy} ${stored.decidedOn}`,
			// `title` is what the audit page shows beside the act.
			details: {
				title: stored.name,
				minutes: stored.minutes,
				cents: stored.cents,
				from: stored.from,
				to: stored.to
			}
		});
		return { ok: true, line: stored, duplicate };
	}

	/** Closes a line early: from `closedOn` on it takes no grants. Once per line. */
	async closeLine(input: {
		quarter: Quarter;
		moderatorId: string;
		lineId: string;
		closedOn: string;
		reason: string;
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: 'line_not_found' | 'already_closed' }> {
		const line = await findBudgetLine(input.quarter.id, input.lineId);
		if (!line) return { ok: false, problem: 'line_not_found' };
		const closed = await insertBudgetLineClosure({
			quarterId: input.quarter.id,
			lineId: line.id,
			closedOn: input.closedOn,
			reason: input.reason,
			by: input.moderatorId,
			at: input.now
		});
		if (closed === 'taken') return { ok: false, problem: 'already_closed' };
		await appendAudit({
			id: `budget-line-closed:${line.id}`,
			quarterId: input.quarter.id,
			at: input.now,
			actorId: input.moderatorId,
			action: 'budget.lineClosed',
			target: { type: 'budget', id: line.id },
			reason: input.reason,
			details: { title: line.name, closedOn: input.closedOn }
		});
		return { ok: true };
	}

	/**
	 * Hours from the community account to a member against a line. Refused when the line is not
	 * open today or has fewer hours left than asked; the check runs inside the ledger's booking,
	 * so two grants racing for the last hours cannot both pass.
	 */
	async grantHours(input: {
		quarter: Quarter;
		moderatorId: string;
		memberId: string;
		lineId: string;
		minutes: number;
		purpose: string;
		override: { reason: string } | null;
		nonce: string;
		now: Date;
	}): Promise<BudgetGrantResult> {
		const line = await findBudgetLine(input.quarter.id, input.lineId);
		if (!line) return { ok: false, problem: { code: 'line_not_found' } };
		const day = dayOf(input.now, input.quarter.settings.timeZone);
		return this.accounts.grant({
			quarter: input.quarter,
			moderatorId: input.moderatorId,
			memberId: input.memberId,
			minutes: input.minutes,
			purpose: input.purpose,
			override: input.override,
			nonce: input.nonce,
			now: input.now,
			budget: {
				lineId: line.id,
				guard: (entries) => checkHourGrant(line, entries, input.minutes, day)
			}
		});
	}

	/**
	 * Records euros the office paid (to a member or a named project) against a line. Exactly once
	 * per submit (the key); the line's grants are numbered, and a grant is recorded only as number
	 * n+1 after checking the n before it, so the line's euros hold under races too.
	 */
	async recordEuroGrant(input: {
		quarter: Quarter;
		moderatorId: string;
		lineId: string;
		recipient: EuroRecipient;
		cents: number;
		purpose: string;
		paidOn: string;
		nonce: string;
		now: Date;
	}): Promise<
		| { ok: true; grant: EuroGrant; duplicate: boolean }
		| { ok: false; problem: GrantProblem | { code: 'not_member' } | { code: 'contention' } }
	> {
		const key = `euro:${input.moderatorId}:${input.nonce}`;
		const seen = await findEuroGrantByKey(input.quarter.id, key);
		if (seen) return { ok: true, grant: seen, duplicate: true };
		const line = await findBudgetLine(input.quarter.id, input.lineId);
		if (!line) return { ok: false, problem: { code: 'line_not_found' } };
		if (input.recipient.type === 'member') {
			const membership = await findMembership(input.quarter.id, input.recipient.userId);
			if (!mayReceiveGrant(membership, input.moderatorId)) {
				return { ok: false, problem: { code: 'not_member' } };
			}
		}
		// Decided on the line's latest grants; a number or key taken by another submit meanwhile
		// is read and decided again (server/logs).
		const appended = await this.euroGrants.append<GrantProblem>(line.id, (grants, n) => {
			const again = grants.find((g) => g.key === key);
			if (again) return { ok: true, existing: again };
			const problem = checkEuroGrant(line, grants, input.cents, input.paidOn);
			if (problem) return { ok: false, problem };
			return {
				ok: true,
				entry: {
					id: euroGrantId(line.id, n),
					quarterId: input.quarter.id,
					lineId: line.id,
					n,
					key,
					recipient: input.recipient,
					cents: input.cents,
					purpose: input.purpose,
					paidOn: input.paidOn,
					by: input.moderatorId,
					at: input.now
				}
			};
		});
		if (!appended.ok) {
			if (appended.problem === 'contention') return { ok: false, problem: { code: 'contention' } };
			return { ok: false, problem: appended.problem };
		}
		const stored = appended.entry;
		if (appended.duplicate) return { ok: true, grant: stored, duplicate: true };
		await appendAudit({
			id: `budget-euro:${stored.id}`,
			quarterId: input.quarter.id,
			at: input.now,
			actorId: input.moderatorId,
			action: 'budget.euroGrant',
			target: { type: 'budget', id: line.id },
			reason: input.purpose,
			details: {
				title: line.name,
				cents: input.cents,
				paidOn: input.paidOn,
				recipient:
					input.recipient.type === 'member'
						? `member:${input.recipient.userId}`
						: `project:${input.recipient.name}`
			}
		});
		return { ok: true, grant: stored, duplicate: false };
	}

	/** A line's grants (hours and euros), oldest first, names resolved. */
	async lineGrants(quarter: Quarter, line: BudgetLine, locale: Locale): Promise<LineGrant[]> {
		const [entries, euroGrants] = await Promise.all([
			this.book.entries(quarter.id),
			this.euroGrants.read(line.id)
		]);
		return this.grantsOf(quarter, line, entries, euroGrants, locale);
	}

	private async grantsOf(
		quarter: Quarter,
		line: BudgetLine,
		entries: readonly LedgerEntry[],
		euroGrants: readonly EuroGrant[],
		locale: Locale
	): Promise<LineGrant[]> {
		const hourGrants = entries.filter((e) => e.kind === 'grant' && e.budgetLineId === line.id);
		const reversed = reversedMinutesBySeq(entries);
		const memberOf = (e: LedgerEntry) => userIdOf(e.to);
		const names = await displayNamesOf([
			...hourGrants.flatMap((e) => [e.by, memberOf(e) ?? 'system']),
			...euroGrants.flatMap((g) => [
				g.by,
				g.recipient.type === 'member' ? g.recipient.userId : 'system'
			])
		]);
		const unknown = m.account_unknown({}, { locale });
		const rows: LineGrant[] = [
			...hourGrants.map((e) => ({
				kind: 'hours' as const,
				seq: e.seq,
				at: e.at,
				day: dayOf(e.at, quarter.settings.timeZone),
				recipient: names.get(memberOf(e) ?? '') ?? unknown,
				minutes: e.minutes,
				reversedMinutes: reversed.get(e.seq) ?? 0,
				cents: null,
				purpose: e.memo,
				by: names.get(e.by) ?? unknown
			})),
			...euroGrants.map((g) => ({
				kind: 'euros' as const,
				seq: null,
				at: g.at,
				day: g.paidOn,
				recipient:
					g.recipient.type === 'member'
						? (names.get(g.recipient.userId) ?? unknown)
						: g.recipient.name,
				minutes: null,
				reversedMinutes: 0,
				cents: g.cents,
				purpose: g.purpose,
				by: names.get(g.by) ?? unknown
			}))
		];
		return rows.sort((a, b) => a.day.localeCompare(b.day) || a.at.getTime() - b.at.getTime());
	}

	/** A line's grants as CSV in the reader's language and spreadsheet dialect. */
	async lineCsv(quarter: Quarter, line: BudgetLine, locale: Locale): Promise<string> {
		const grants = await this.lineGrants(quarter, line, locale);
		const o = { locale };
		const header = [
			m.budget_csv_date({}, o),
			m.budget_csv_kind({}, o),
			m.budget_csv_recipient({}, o),
			m.budget_csv_hours({}, o),
			m.budget_csv_reversed_hours({}, o),
			m.budget_csv_euros({}, o),
			m.budget_csv_purpose({}, o),
			m.budget_csv_by({}, o),
			m.budget_csv_number({}, o)
		];
		const rows = grants.map((g) => [
			g.kind === 'hours' ? dateTimeOf(g.at, quarter.settings.timeZone) : g.day,
			g.kind === 'hours' ? m.budget_kind_hours({}, o) : m.budget_kind_euros({}, o),
			g.recipient,
			g.minutes === null ? '' : minutesToDecimalHours(g.minutes),
			g.minutes === null ? '' : minutesToDecimalHours(g.reversedMinutes),
			g.cents === null ? '' : g.cents / 100,
			g.purpose,
			g.by,
			g.seq ?? ''
		]);
		return toCsv([header, ...rows], locale);
	}
}

/** `budgetposten-nordstadt-sprachcafe-2026-11-26.csv`. */
export function lineCsvFileName(
	line: BudgetLine,
	now: Date,
	locale: Locale,
	timeZone: string
): string {
	const slug = slugify(line.name).slice(0, 40).replace(/-$/, '');
	return (
		[m.budget_csv_file({}, { locale }), line.quarterId, slug, dayOf(now, timeZone)]
			.filter(Boolean)
			.join('-') + '.csv'
	);
}

/** The app's budget, on the app's ledger book. */
export const budget = new Budget();
