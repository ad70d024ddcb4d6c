// The time-account pages as pure rules: which account an address names, which instants a period
// of calendar days covers, the quarter's overview with its sum, and the rows of the CSV exports.
// Labels come in from the caller, so the same rows serve both languages.
import type { TimeBankLimits } from '../quarters/settings';
import { dateTimeOf, nextDay, startOfDay } from '../time/zone';
import { minutesToDecimalHours } from './csv';
import {
	COMMUNITY,
	limitsOf,
	clearingAccount,
	isClearingAccount,
	memberAccount,
	type AccountId,
	type LedgerEntry,
	type LedgerLimits,
	type Statement,
	type TransferKind,
	type TransferProblem
} from './ledger';

const USER_ID = /^[0-9a-f]{24}$/;

/** The account a URL segment names: `community` or a member's user id; anything else is none. */
export function accountFromParam(param: string): AccountId | null {
	if (param === COMMUNITY) return COMMUNITY;
	const clearing = CLEARING_PARAM.exec(param);
	if (clearing) return clearingAccount(clearing[1]!);
	return USER_ID.test(param) ? memberAccount(param) : null;
}

/** A clearing account in a URL: `clearing-<partner quarter>`. */
const CLEARING_PARAM = /^clearing-([a-z0-9][a-z0-9-]{0,62})$/;

/** The URL segment of an account, the inverse of `accountFromParam`. */
export function accountParam(account: AccountId): string {
	if (account === COMMUNITY) return COMMUNITY;
	if (isClearingAccount(account)) return `clearing-${account.slice('clearing:'.length)}`;
	return account.slice('member:'.length);
}

export function userIdOf(account: AccountId): string | null {
	return account.startsWith('member:') ? account.slice('member:'.length) : null;
}

/** Idempotency keys: one booking per submitted form, however often it arrives. */
export function donationKey(userId: string, nonce: string): string {
	return `donation:${userId}:${nonce}`;
}

export function grantKey(moderatorId: string, nonce: string): string {
	return `grant:${moderatorId}:${nonce}`;
}

/** Both days count: `from` from its first moment, `to` up to its last, in the quarter's zone. */
export function periodOf(
	days: { from?: string; to?: string },
	timeZone: string
): { from?: Date; to?: Date } {
	return {
		...(days.from ? { from: startOfDay(days.from, timeZone) } : {}),
		...(days.to ? { to: startOfDay(nextDay(days.to), timeZone) } : {})
	};
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
 * Every account of a quarter: the community account first, then the clearing accounts for trade
 * with other quarters, then the members by name (those without any entry at zero), then accounts
 * that have entries but no membership. The sum runs over all balances and must be 0; the page
 * shows it so that anyone can check.
 */
export function accountsOverview(
	balances: ReadonlyMap<AccountId, number>,
	members: readonly OverviewMember[],
	limits: LedgerLimits,
	labels: { community: string; unknown: string; clearing: (account: AccountId) => string }
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
	const clearingRows = [...balances.keys()]
		.filter(isClearingAccount)
		.map((account) => row(account, labels.clearing(account), false));
	const others = [...balances.keys()]
		.filter((account) => !known.has(account) && !isClearingAccount(account))
		.map((account) => row(account, labels.unknown, true));
	let sum = 0;
	for (const value of balances.values()) sum += value;
	return {
		rows: [
			row(COMMUNITY, labels.community, false),
			...clearingRows.sort(byName),
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
	timeZone: string
): CsvRow[] {
	return [
		[...header],
		...statement.rows.map((row) => [
			row.seq,
			dateTimeOf(row.at, timeZone),
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
	timeZone: string
): CsvRow[] {
	return [
		[...header],
		...entries.map((e) => [
			e.seq,
			dateTimeOf(e.at, timeZone),
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
