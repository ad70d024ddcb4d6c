// Time accounts as members and the quarter management see them: a member's balance and statement,
// the quarter's overview, CSV exports, donations to the community account and grants from it.
// Bookings go through the ledger book (exactly once per key, limits held); every grant is audited.
import {
	accountsOverview,
	bookingProblemMessage,
	donationKey,
	grantKey,
	ledgerCsvRows,
	statementCsvRows,
	userIdOf,
	type BookingProblem,
	type OverviewRow
} from '../../domain/ledger/accounts';
import { toCsv } from '../../domain/ledger/csv';
import { dayOf } from '../../domain/time/zone';
import type { Locale } from '../../domain/locale';
import { formatMinutes } from '../../domain/exchanges/minutes';
import {
	COMMUNITY,
	isSameBooking,
	limitsOf,
	memberAccount,
	reversalOf,
	statementOf,
	type AccountId,
	type LedgerEntry,
	type ReversalProblem,
	type StatementRow,
	type TransferDraft,
	isClearingAccount,
	type TransferKind
} from '../../domain/ledger/ledger';
import { mayReceiveGrant, type GrantProblem } from '../../domain/budget/budget';
import type { TimeBankLimits } from '../../domain/quarters/settings';
import * as m from '../../paraglide/messages';
import { appendAudit } from '../repos/audit';
import { listBudgetLines } from '../repos/budget';
import { findMembership, listMembershipsOfQuarter } from '../repos/memberships';
import type { Quarter } from '../repos/quarters';
import { displayNamesOf } from '../repos/users';
import { recordedMarks } from '../../domain/members/assisted';
import { exchanges, ledgerLimits } from './exchanges';
import { ledger, type LedgerBook, type TransferResult } from './ledger';

export interface Period {
	from?: Date;
	to?: Date;
}

export interface StatementLine extends StatementRow {
	counterpartyName: string;
	/** The exchange a settlement belongs to (its ledger key), for a link. */
	exchangeId: string | null;
	reverses: number | null;
	/** "erfasst von … für …" when the exchange was recorded for an assisted member. */
	recorded: string | null;
	/** For grants against a budget line: the line's name. */
	budgetLine: string | null;
}

export interface AccountView {
	account: AccountId;
	name: string;
	balance: number;
	limits: TimeBankLimits;
	opening: number;
	closing: number;
	rows: StatementLine[];
}

/** A statement as a page shows it: plain data, dates as ISO strings. */
export function statementData(view: AccountView) {
	return {
		opening: view.opening,
		closing: view.closing,
		rows: view.rows.map((row) => ({
			seq: row.seq,
			at: row.at.toISOString(),
			kind: row.kind,
			memo: row.memo,
			counterpartyName: row.counterpartyName,
			minutes: row.minutes,
			balance: row.balance,
			exchangeId: row.exchangeId,
			reverses: row.reverses,
			recorded: row.recorded,
			budgetLine: row.budgetLine
		}))
	};
}

/** The period of a page again as a query string, for its CSV link. */
export function periodQuery(days: { from: string; to: string }): string {
	const search = new URLSearchParams();
	if (days.from) search.set('from', days.from);
	if (days.to) search.set('to', days.to);
	return search.toString();
}

/** The name of the community account in the reader's language. */
export function communityName(locale: Locale): string {
	return m.account_community({}, { locale });
}

const KIND_LABELS: Record<TransferKind, (locale: Locale) => string> = {
	exchange: (locale) => m.account_kind_exchange({}, { locale }),
	'start-credit': (locale) => m.account_kind_start_credit({}, { locale }),
	grant: (locale) => m.account_kind_grant({}, { locale }),
	donation: (locale) => m.account_kind_donation({}, { locale }),
	reversal: (locale) => m.account_kind_reversal({}, { locale }),
	correction: (locale) => m.account_kind_correction({}, { locale }),
	closure: (locale) => m.account_kind_closure({}, { locale }),
	trade: (locale) => m.account_kind_trade({}, { locale })
};

export function kindLabel(kind: TransferKind, locale: Locale): string {
	return KIND_LABELS[kind](locale);
}

/** Display names of the member accounts (and people) given, by user id. */
function accountName(account: AccountId, names: ReadonlyMap<string, string>, locale: Locale) {
	const userId = userIdOf(account);
	if (isClearingAccount(account)) {
		// The partner quarter's address name (`nordstadt`), readable without a look-up.
		const partner = account.slice('clearing:'.length);
		return m.trade_clearing_account(
			{ partner: partner.charAt(0).toUpperCase() + partner.slice(1) },
			{ locale }
		);
	}
	return userId === null
		? communityName(locale)
		: (names.get(userId) ?? m.account_unknown({}, { locale }));
}

/** The marks of an exchange's recorded moves as one line, or null when there are none. */
function recordedLine(
	acts: readonly { by: string; recordedBy: string }[],
	names: ReadonlyMap<string, string>,
	locale: Locale
): string | null {
	const marks = recordedMarks(acts, Object.fromEntries(names));
	if (marks.length === 0) return null;
	return marks
		.map((mark) =>
			m.assisted_recorded_by({ moderator: mark.moderatorName, member: mark.memberName }, { locale })
		)
		.join('; ');
}

export interface GrantRequest {
	quarter: Quarter;
	moderatorId: string;
	memberId: string;
	minutes: number;
	purpose: string;
	override: { reason: string } | null;
	nonce: string;
	now: Date;
}

/**
 * The budget line the hours are granted against, and its rule (remaining hours, period), checked
 * against the latest entries right before booking (services/budget.ts).
 */
export interface BudgetGuard {
	lineId: string;
	guard: (entries: readonly LedgerEntry[]) => GrantProblem | null;
}

export type GrantResult =
	TransferResult | { ok: false; problem: { code: 'not_member' } | { code: 'key_reused' } };
export type BudgetGrantResult = GrantResult | { ok: false; problem: GrantProblem };

export class TimeAccounts {
	constructor(private readonly book: LedgerBook = ledger) {}

	/**
	 * An account's balance and limits, and its statement for the period with names resolved
	 * (no statement without a period: the page shows one only when asked).
	 */
	async view(
		quarter: Quarter,
		account: AccountId,
		period: Period | null,
		locale: Locale
	): Promise<AccountView> {
		const [own, balance] = await Promise.all([
			period ? this.book.entriesOf(quarter.id, account) : [],
			this.book.balanceOf(quarter.id, account)
		]);
		const statement = period
			? statementOf(own, account, period)
			: { opening: balance, closing: balance, rows: [] };
		const byseq = new Map(own.map((e) => [e.seq, e]));
		// Exchanges recorded by the quarter management for an assisted member keep their mark.
		const recordedActs = await exchanges.recordedActs(
			quarter.id,
			statement.rows
				.map((row) => (row.kind === 'exchange' ? byseq.get(row.seq)?.key : undefined))
				.filter((key): key is string => key !== undefined)
		);
		const names = await displayNamesOf([
			...[account, ...statement.rows.map((r) => r.counterparty)].flatMap((a) => userIdOf(a) ?? []),
			...[...recordedActs.values()].flat().flatMap((act) => [act.by, act.recordedBy])
		]);
		// Budget lines are few; read them only when the statement shows a grant against one.
		const lineNames = statement.rows.some((r) => byseq.get(r.seq)?.budgetLineId)
			? new Map((await listBudgetLines(quarter.id)).map((l) => [l.id, l.name]))
			: new Map<string, string>();
		return {
			account,
			name: accountName(account, names, locale),
			balance,
			limits: limitsOf(account, ledgerLimits(quarter)),
			opening: statement.opening,
			closing: statement.closing,
			rows: statement.rows.map((row) => {
				const entry = byseq.get(row.seq);
				return {
					...row,
					counterpartyName: accountName(row.counterparty, names, locale),
					exchangeId: row.kind === 'exchange' && entry ? entry.key : null,
					reverses: entry?.reverses ?? null,
					recorded: recordedLine(
						row.kind === 'exchange' && entry ? (recordedActs.get(entry.key) ?? []) : [],
						names,
						locale
					),
					budgetLine: entry?.budgetLineId ? (lineNames.get(entry.budgetLineId) ?? null) : null
				};
			})
		};
	}

	/** Every account of the quarter (members with no entries at zero) and the sum of all. */
	async overview(
		quarter: Quarter,
		locale: Locale
	): Promise<{ rows: Array<OverviewRow & { state: string | null }>; sum: number }> {
		const [balances, memberships] = await Promise.all([
			this.book.balances(quarter.id),
			listMembershipsOfQuarter(quarter.id)
		]);
		const names = await displayNamesOf([
			...memberships.map((ms) => ms.userId),
			...[...balances.keys()].flatMap((a) => userIdOf(a) ?? [])
		]);
		const states = new Map(memberships.map((ms) => [ms.userId, ms.state]));
		const overview = accountsOverview(
			balances,
			memberships.map((ms) => ({ userId: ms.userId, name: names.get(ms.userId) ?? '—' })),
			ledgerLimits(quarter),
			{
				community: communityName(locale),
				unknown: m.account_unknown({}, { locale }),
				clearing: (account) => accountName(account, names, locale)
			}
		);
		return {
			sum: overview.sum,
			rows: overview.rows.map((row) => ({
				...row,
				name: row.formerMember && row.userId ? (names.get(row.userId) ?? row.name) : row.name,
				state: row.userId ? (states.get(row.userId) ?? null) : null
			}))
		};
	}

	/** Whether the quarter has this account: the community one, a member's, or one with entries. */
	async exists(quarter: Quarter, account: AccountId): Promise<boolean> {
		const userId = userIdOf(account);
		if (userId === null) return true;
		if (await findMembership(quarter.id, userId)) return true;
		return (await this.book.balances(quarter.id)).has(account);
	}

	/** The statement of one account as CSV in the reader's language and spreadsheet dialect. */
	async statementCsv(
		quarter: Quarter,
		account: AccountId,
		period: Period,
		locale: Locale
	): Promise<string> {
		const statement = statementOf(await this.book.entriesOf(quarter.id, account), account, period);
		const names = await displayNamesOf(
			statement.rows.flatMap((r) => userIdOf(r.counterparty) ?? [])
		);
		const o = { locale };
		const header = [
			m.account_csv_number({}, o),
			m.account_csv_date({}, o),
			m.account_csv_kind({}, o),
			m.account_csv_counterparty({}, o),
			m.account_csv_hours({}, o),
			m.account_csv_minutes({}, o),
			m.account_csv_balance({}, o),
			m.account_csv_memo({}, o)
		];
		const rows = statementCsvRows(
			statement,
			header,
			{
				kind: (kind) => kindLabel(kind, locale),
				account: (a) => accountName(a, names, locale)
			},
			quarter.settings.timeZone
		);
		return toCsv(rows, locale);
	}

	/** Every entry of the quarter as CSV. */
	async ledgerCsv(quarter: Quarter, locale: Locale): Promise<string> {
		const entries = await this.book.entries(quarter.id);
		const names = await displayNamesOf(
			entries.flatMap((e) => [e.by, ...[e.from, e.to].flatMap((a) => userIdOf(a) ?? [])])
		);
		const o = { locale };
		const header = [
			m.account_csv_number({}, o),
			m.account_csv_date({}, o),
			m.account_csv_kind({}, o),
			m.account_csv_from({}, o),
			m.account_csv_to({}, o),
			m.account_csv_hours({}, o),
			m.account_csv_minutes({}, o),
			m.account_csv_memo({}, o),
			m.account_csv_by({}, o),
			m.account_csv_reverses({}, o)
		];
		const rows = ledgerCsvRows(
			entries,
			header,
			{
				kind: (kind) => kindLabel(kind, locale),
				account: (a) => accountName(a, names, locale),
				person: (id) =>
					id === 'system' ? m.account_system({}, o) : (names.get(id) ?? m.account_unknown({}, o))
			},
			quarter.settings.timeZone
		);
		return toCsv(rows, locale);
	}

	/**
	 * A member gives hours to the community account. The key holds the form's nonce, so a double
	 * submit books once (the second answer is the first entry, marked `duplicate`).
	 */
	donate(input: {
		quarter: Quarter;
		userId: string;
		minutes: number;
		memo: string;
		nonce: string;
		now: Date;
	}): Promise<TransferResult> {
		return this.book.transfer(
			input.quarter.id,
			{
				from: memberAccount(input.userId),
				to: COMMUNITY,
				minutes: input.minutes,
				kind: 'donation',
				key: donationKey(input.userId, input.nonce),
				memo: input.memo
			},
			{ by: input.userId, now: input.now, limits: ledgerLimits(input.quarter) }
		);
	}

	/**
	 * The quarter management gives a member hours from the community account, for a purpose. With
	 * an override (and its reason) the member's balance may pass its limit. Every grant is in the
	 * audit log, under the entry's number, so a repeated submit is logged once.
	 */
	grant(input: GrantRequest & { budget?: undefined }): Promise<GrantResult>;
	grant(input: GrantRequest & { budget: BudgetGuard }): Promise<BudgetGrantResult>;
	async grant(input: GrantRequest & { budget?: BudgetGuard }): Promise<BudgetGrantResult> {
		const membership = await findMembership(input.quarter.id, input.memberId);
		if (!mayReceiveGrant(membership, input.moderatorId)) {
			return { ok: false, problem: { code: 'not_member' } };
		}
		const draft: TransferDraft = {
			from: COMMUNITY,
			to: memberAccount(input.memberId),
			minutes: input.minutes,
			kind: 'grant',
			key: grantKey(input.moderatorId, input.nonce),
			memo: input.purpose,
			...(input.override
				? { override: { by: input.moderatorId, reason: input.override.reason } }
				: {}),
			...(input.budget ? { budgetLineId: input.budget.lineId } : {})
		};
		const booked = await this.book.transfer(input.quarter.id, draft, {
			by: input.moderatorId,
			now: input.now,
			limits: ledgerLimits(input.quarter),
			...(input.budget ? { guard: input.budget.guard } : {})
		});
		if (booked.ok && booked.duplicate && !isSameBooking(booked.entry, draft)) {
			return { ok: false, problem: { code: 'key_reused' } };
		}
		if (booked.ok) await auditGrant(input.quarter.id, booked.entry);
		return booked;
	}

	/**
	 * A moderator corrects a mistake: a reversal entry that moves (part of) an earlier transfer
	 * back. Its key is fixed per original (`reversal:<seq>`), so the unique index allows one
	 * reversal per entry, however often or from however many servers it is asked for. It may take
	 * a balance past its limit, as a correction must; the override carries the reason and the act
	 * is audited.
	 */
	async reverse(input: {
		quarter: Quarter;
		moderatorId: string;
		seq: number;
		minutes: number | null;
		reason: string;
		now: Date;
	}): Promise<
		| { ok: true; entry: LedgerEntry; duplicate: boolean }
		| { ok: false; problem: 'not_found' | ReversalProblem | 'contention' | 'own_account' }
	> {
		const entries = await this.book.entries(input.quarter.id);
		const original = entries.find((e) => e.seq === input.seq);
		if (!original) return { ok: false, problem: 'not_found' };
		// Nobody corrects their own account: a colleague does, as with grants and disputes.
		const own = memberAccount(input.moderatorId);
		if (original.from === own || original.to === own) return { ok: false, problem: 'own_account' };
		const draft = reversalOf(original, {
			...(input.minutes !== null ? { minutes: input.minutes } : {}),
			reason: input.reason,
			override: { by: input.moderatorId, reason: input.reason }
		});
		if (!draft.ok) return { ok: false, problem: draft.problem };
		const booked = await this.book.transfer(input.quarter.id, draft.draft, {
			by: input.moderatorId,
			now: input.now,
			limits: ledgerLimits(input.quarter)
		});
		// With an override only `contention` can refuse it.
		if (!booked.ok) return { ok: false, problem: 'contention' };
		await appendAudit({
			id: `ledger-reversal:${input.quarter.id}:${booked.entry.seq}`,
			quarterId: input.quarter.id,
			at: booked.entry.at,
			actorId: booked.entry.by,
			action: 'account.reversal',
			target: { type: 'ledger', id: String(original.seq) },
			reason: booked.entry.memo,
			details: {
				minutes: booked.entry.minutes,
				ledgerSeq: booked.entry.seq,
				reverses: original.seq
			}
		});
		return booked;
	}
}

/** Logged under the entry's number: a retry after a crash between booking and logging logs it. */
async function auditGrant(quarterId: string, entry: LedgerEntry): Promise<void> {
	await appendAudit({
		id: `ledger-grant:${quarterId}:${entry.seq}`,
		quarterId,
		at: entry.at,
		actorId: entry.by,
		action: entry.override ? 'account.grantOverride' : 'account.grant',
		target: { type: 'member', id: userIdOf(entry.to) ?? '' },
		reason: entry.override ? `${entry.memo}: ${entry.override.reason}` : entry.memo,
		details: {
			minutes: entry.minutes,
			ledgerSeq: entry.seq,
			purpose: entry.memo,
			override: entry.override ? entry.override.reason : null,
			budgetLineId: entry.budgetLineId ?? null
		}
	});
}

/** The app's time accounts, on the app's ledger book. */
export const timeAccounts = new TimeAccounts();

/** `zeitkonto-nordstadt-2026-11-26.csv`: what, which quarter, which day it was made. */
export function csvFileName(
	what: 'statement' | 'ledger',
	quarter: Pick<Quarter, 'id' | 'settings'>,
	now: Date,
	locale: Locale,
	suffix?: string
): string {
	const stem =
		what === 'statement'
			? m.account_csv_file_statement({}, { locale })
			: m.account_csv_file_ledger({}, { locale });
	return (
		[stem, quarter.id, suffix, dayOf(now, quarter.settings.timeZone)].filter(Boolean).join('-') +
		'.csv'
	);
}

/**
 * A refused booking as a message key and its inputs, in the reader's language: the limit and the
 * balance it would have led to in hours, the account by name ("dein Zeitkonto" for one's own).
 */
export async function describeBookingProblem(
	problem: BookingProblem,
	locale: Locale,
	own?: AccountId
): Promise<{ key: string; inputs: Record<string, string> }> {
	const message = bookingProblemMessage(problem);
	if (message.account === undefined) return { key: message.key, inputs: {} };
	const inputs = {
		limit: formatMinutes(message.limit ?? 0, locale),
		balance: formatMinutes(message.balance ?? 0, locale)
	};
	if (message.account === own && message.key === 'account_error_below_minimum') {
		return { key: 'account_error_own_below_minimum', inputs };
	}
	const userId = userIdOf(message.account);
	const names = await displayNamesOf(userId ? [userId] : []);
	return {
		key: message.key,
		inputs: { ...inputs, account: accountName(message.account, names, locale) }
	};
}
