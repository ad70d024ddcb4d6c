// The time-account pages as pure rules: which account an address names, which instants a period
// of calendar days covers, the quarter's overview with its sum, and the rows of the CSV exports.
// Labels come in from the caller, so the same rows serve both languages.
import type { TimeBankLimits } from '../quarters/settings';
import { minutesToDecimalHours } from './csv';
import {
	COMMUNITY,
	limitsOf,
	memberAccount,
	type AccountId,
	type LedgerEntry,
	type LedgerLimits,
	type Statement,
	type TransferKind,
	type TransferProblem
} from './ledger';

/** Calendar days of statements are days in the quarter's city, not in the server's zone. */
export const STATEMENT_TIME_ZONE = 'Europe/Berlin';

const USER_ID = /^[0-9a-f]{24}$/;

/** The account a URL segment names: `community` or a member's user id; anything else is none. */
export function accountFromParam(param: string): AccountId | null {
	if (param === COMMUNITY) return COMMUNITY;
	return USER_ID.test(param) ? memberAccount(param) : null;
}

/** The URL segment of an account, the inverse of `accountFromParam`. */
export function accountParam(account: AccountId): string {
	return account === COMMUNITY ? COMMUNITY : account.slice('member:'.length);
}

export function userIdOf(account: AccountId): string | null {
	return account === COMMUNITY ? null : account.slice('member:'.length);
}

/** Idempotency keys: one booking per submitted form, however often it arrives. */
export function donationKey(userId: string, nonce: string): string {
	return `donation:${userId}:${nonce}`;
}

export function grantKey(moderatorId: string, nonce: string): string {
	return `grant:${moderatorId}:${nonce}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as `YYYY-MM-DD` (what `<input type="date">` sends). */
export function isCalendarDate(text: string): boolean {
	const match = DATE.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (year < 2000 || year > 2999) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parts(at: Date, timeZone: string): Record<string, number> {
	const formatted = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(at);
	const out: Record<string, number> = {};
	for (const p of formatted) if (p.type !== 'literal') out[p.type] = Number(p.value);
	return out;
}

/** How far the zone's clock is ahead of UTC at `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
	const p = parts(new Date(ms), timeZone);
	const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a calendar day begins in the zone (the night of a clock change included). */
export function startOfDay(date: string, timeZone = STATEMENT_TIME_ZONE): Date {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const midnightUtc = Date.UTC(year, month - 1, day);
	const first = midnightUtc - zoneOffset(midnightUtc, timeZone);
	// If the offset differs at the instant found, a clock change lies between: use that offset.
	return new Date(midnightUtc - zoneOffset(first, timeZone));
}

export function nextDay(date: string): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** Both days count: `from` from its first moment, `to` up to its last. */
export function periodOf(
	days: { from?: string; to?: string },
	timeZone = STATEMENT_TIME_ZONE
): { from?: Date; to?: Date } {
	return {
		...(days.from ? { from: startOfDay(days.from, timeZone) } : {}),
		...(days.to ? { to: startOfDay(nextDay(days.to), timeZone) } : {})
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the instant in the zone. */
export function localDate(at: Date, timeZone = STATEMENT_TIME_ZONE): string {
	const p = parts(at, timeZone);
	return `${p.year}-${pad(p.month!)}-${pad(p.day!)}`;
}

/** `YYYY-MM-DD HH:MM` in the zone: spreadsheets in both languages read it as a date. */
export function localDateTime(at: Date, timeZone = STATEMENT_TIME_ZONE): string {
	const p = parts(at, timeZone);
	return `${localDate(at, timeZone)} ${pad(p.hour!)}:${pad(p.minute!)}`;
}

export type LimitMarker = 'below_min' | 'at_min' | 'at_max' | 'above_max' | null;

/** Whether a balance sits at or beyond one of its limits (then it cannot move further). */
export function limitMarker(balance: number, limits: TimeBankLimits): LimitMarker {
	if (balance < limits.minBalanceMinutes) return 'below_min';
	if (balance === limits.minBalanceMinutes) return 'at_min';
	if (balance > limits.maxBalanceMinutes) return 'above_max';
	if (balance === limits.maxBalanceMinutes) return 'at_max';
	return null;
}

export interface OverviewMember {
	userId: string;
	name: string;
}

export interface OverviewRow {
	account: AccountId;
	/** Null for the community account. */
	userId: string | null;
	name: string;
	balance: number;
	marker: LimitMarker;
	/** Has entries in the ledger but no membership (any more). */
	formerMember: boolean;
}

/**
 * Every account of a quarter: the community account first, then the members by name (those
 * without any entry at zero), then accounts that have entries but no membership. The sum runs
 * over all balances and must be 0; the page shows it so that anyone can check.
 */
export function accountsOverview(
	balances: ReadonlyMap<AccountId, number>,
	members: readonly OverviewMember[],
	limits: LedgerLimits,
	labels: { community: string; unknown: string }
): { rows: OverviewRow[]; sum: number } {
	const row = (account: AccountId, name: string, formerMember: boolean): OverviewRow => {
		const balance = balances.get(account) ?? 0;
		return {
			account,
			userId: userIdOf(account),
			name,
			balance,
			marker: limitMarker(balance, limitsOf(account, limits)),
			formerMember
		};
	};
	const byName = (a: OverviewRow, b: OverviewRow) =>
		a.name.localeCompare(b.name, 'de') || (a.userId ?? '').localeCompare(b.userId ?? '');
	const known = new Set<AccountId>([COMMUNITY]);
	const memberRows = members.map((member) => {
		const account = memberAccount(member.userId);
		known.add(account);
		return row(account, member.name, false);
	});
	const others = [...balances.keys()]
		.filter((account) => !known.has(account))
		.map((account) => row(account, labels.unknown, true));
	let sum = 0;
	for (const value of balances.values()) sum += value;
	return {
		rows: [
			row(COMMUNITY, labels.community, false),
			...memberRows.sort(byName),
			...others.sort(byName)
		],
		sum
	};
}

export interface CsvLabels {
	kind: (kind: TransferKind) => string;
	/** A member's display name, the community account's name, 'system' as the caller says. */
	account: (account: AccountId) => string;
	person: (userId: string) => string;
}

type CsvRow = Array<string | number>;

/**
 * A statement as CSV rows under the given header: number, date, kind, other account, signed
 * hours (decimal), signed minutes, balance after the entry (decimal hours), text.
 */
export function statementCsvRows(
	statement: Statement,
	header: readonly string[],
	labels: Pick<CsvLabels, 'kind' | 'account'>,
	timeZone = STATEMENT_TIME_ZONE
): CsvRow[] {
	return [
		[...header],
		...statement.rows.map((row) => [
			row.seq,
			localDateTime(row.at, timeZone),
			labels.kind(row.kind),
			labels.account(row.counterparty),
			minutesToDecimalHours(row.minutes),
			row.minutes,
			minutesToDecimalHours(row.balance),
			row.memo
		])
	];
}

/**
 * Every entry of a quarter as CSV rows: number, date, kind, from, to, hours (decimal), minutes,
 * text, booked by, the number it reverses (empty if none).
 */
export function ledgerCsvRows(
	entries: readonly LedgerEntry[],
	header: readonly string[],
	labels: CsvLabels,
	timeZone = STATEMENT_TIME_ZONE
): CsvRow[] {
	return [
		[...header],
		...entries.map((e) => [
			e.seq,
			localDateTime(e.at, timeZone),
			labels.kind(e.kind),
			labels.account(e.from),
			labels.account(e.to),
			minutesToDecimalHours(e.minutes),
			e.minutes,
			e.memo,
			labels.person(e.by),
			e.reverses ?? ''
		])
	];
}

/** `key_reused`: the form's key booked something else before (an old form with other choices). */
export type BookingProblem = TransferProblem | { code: 'contention' } | { code: 'key_reused' };

/** What a refused booking means for the person: a message key and the figures it names. */
export function bookingProblemMessage(problem: BookingProblem): {
	key: string;
	account?: AccountId;
	limit?: number;
	balance?: number;
} {
	switch (problem.code) {
		case 'below_minimum':
		case 'above_maximum':
			return {
				key: `account_error_${problem.code}`,
				account: problem.account,
				limit: problem.limit,
				balance: problem.balanceAfter
			};
		case 'contention':
			return { key: 'account_error_contention' };
		case 'override_reason_required':
			return { key: 'account_error_override_reason_required' };
		case 'invalid_minutes':
			return { key: 'account_error_hours_invalid' };
		case 'same_account':
		case 'key_required':
		case 'key_reused':
			return { key: 'account_error_form_expired' };
	}
}
