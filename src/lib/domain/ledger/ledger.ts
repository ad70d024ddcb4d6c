// The time bank's ledger as pure rules. A transfer ("Buchung") is one immutable entry holding
// both legs: `minutes` leave `from` and arrive at `to`. Entries of a quarter are numbered
// 1, 2, 3 … without gaps; the database appends entry n+1 by inserting its id, so two writers
// can never both take the same number (docs/architecture.md). Balances are never stored: they
// are derived from the entries, so the sum of all balances is zero by construction and any
// mistake is corrected by a reversal entry, never by editing.
import type { TimeBankLimits } from '../quarters/settings';

/** `member:<userId>`, the quarter's community account (Gemeinschaftskonto), or its clearing
 * account (Verrechnungskonto) for trade with another quarter, `clearing:<quarterId>`
 * (docs/cross-quarter.md). */
export type AccountId = `member:${string}` | 'community' | `clearing:${string}`;

export const COMMUNITY: AccountId = 'community';

export function memberAccount(userId: string): AccountId {
	return `member:${userId}`;
}

export type TransferKind =
	| 'exchange' // settles an exchange between two members
	| 'start-credit' // community → new member
	| 'grant' // community → member or project, against a budget line
	| 'donation' // member → community
	| 'reversal' // undoes (part of) an earlier entry
	| 'correction' // moderator's manual transfer
	| 'closure' // a deleted member's balance to or from the community account
	| 'trade'; // one quarter's leg of an exchange with a member of another quarter

export interface Override {
	/** The moderator who allowed a balance outside its limits. */
	by: string;
	reason: string;
}

export interface TransferDraft {
	from: AccountId;
	to: AccountId;
	/** Positive integer minutes. */
	minutes: number;
	kind: TransferKind;
	/** Idempotency key under a unique index: the exchange id for settlements. */
	key: string;
	memo: string;
	/** For reversals: the sequence number of the entry undone. */
	reverses?: number;
	/** Lets this entry take a balance past its limit; audited. */
	override?: Override;
	/** For grants: the budget line (Budgetposten) the hours are granted against. */
	budgetLineId?: string;
}

export interface LedgerEntry extends TransferDraft {
	seq: number;
	at: Date;
	/** Who booked it: a member, a moderator or 'system'. */
	by: string;
}

export interface LedgerLimits {
	member: TimeBankLimits;
	community: TimeBankLimits;
}

/** The community account issues start credits and grants, so it may go far below zero. */
export const DEFAULT_COMMUNITY_LIMITS: TimeBankLimits = {
	minBalanceMinutes: -100_000 * 60,
	maxBalanceMinutes: 100_000 * 60
};

/** A quarter's clearing account for trade with `partnerQuarterId`. */
export function clearingAccount(partnerQuarterId: string): AccountId {
	return `clearing:${partnerQuarterId}`;
}

export function isClearingAccount(account: AccountId): account is `clearing:${string}` {
	return account.startsWith('clearing:');
}

/** A clearing account is bounded by the pair's trade limit (domain/trade), not by a member's:
 * it takes the community account's wide limits. */
export function limitsOf(account: AccountId, limits: LedgerLimits): TimeBankLimits {
	return account === COMMUNITY || isClearingAccount(account) ? limits.community : limits.member;
}

export type Balances = ReadonlyMap<AccountId, number>;

export function balanceOf(balances: Balances, account: AccountId): number {
	return balances.get(account) ?? 0;
}

/** Balances after the given entries, in order. */
export function balancesOf(
	entries: Iterable<Pick<LedgerEntry, 'from' | 'to' | 'minutes'>>
): Map<AccountId, number> {
	const balances = new Map<AccountId, number>();
	for (const e of entries) applyTo(balances, e);
	return balances;
}

function applyTo(
	balances: Map<AccountId, number>,
	e: Pick<LedgerEntry, 'from' | 'to' | 'minutes'>
): void {
	balances.set(e.from, (balances.get(e.from) ?? 0) - e.minutes);
	balances.set(e.to, (balances.get(e.to) ?? 0) + e.minutes);
}

export type TransferProblem =
	| { code: 'invalid_minutes' }
	| { code: 'same_account' }
	| { code: 'key_required' }
	| { code: 'override_reason_required' }
	| { code: 'below_minimum'; account: AccountId; balanceAfter: number; limit: number }
	| { code: 'above_maximum'; account: AccountId; balanceAfter: number; limit: number };

/**
 * Whether a transfer may be booked on top of `balances`. The check runs against the balances as
 * of the last entry the writer read; if another writer appended meanwhile, the insert of the
 * next number fails and the writer re-reads and checks again, so limits hold under any race.
 */
export function checkTransfer(
	balances: Balances,
	draft: TransferDraft,
	limits: LedgerLimits
): TransferProblem | null {
	if (!Number.isSafeInteger(draft.minutes) || draft.minutes <= 0)
		return { code: 'invalid_minutes' };
	if (draft.from === draft.to) return { code: 'same_account' };
	if (draft.key.trim() === '') return { code: 'key_required' };
	if (draft.override) {
		return draft.override.reason.trim() === '' ? { code: 'override_reason_required' } : null;
	}
	const fromAfter = balanceOf(balances, draft.from) - draft.minutes;
	const fromMin = limitsOf(draft.from, limits).minBalanceMinutes;
	if (fromAfter < fromMin) {
		return { code: 'below_minimum', account: draft.from, balanceAfter: fromAfter, limit: fromMin };
	}
	const toAfter = balanceOf(balances, draft.to) + draft.minutes;
	const toMax = limitsOf(draft.to, limits).maxBalanceMinutes;
	if (toAfter > toMax) {
		return { code: 'above_maximum', account: draft.to, balanceAfter: toAfter, limit: toMax };
	}
	return null;
}

export type ReversalProblem = 'is_reversal' | 'invalid_minutes' | 'reason_required';

/**
 * The entry that undoes `original`, fully or in part (a mediation may give back some of the
 * hours). Its key is fixed per original, so the unique index allows one reversal per entry.
 * A reversal is not itself reversed: a wrong reversal is corrected by a new transfer.
 */
export function reversalOf(
	original: LedgerEntry,
	options: { minutes?: number; reason: string; override?: Override }
): { ok: true; draft: TransferDraft } | { ok: false; problem: ReversalProblem } {
	if (original.kind === 'reversal') return { ok: false, problem: 'is_reversal' };
	const minutes = options.minutes ?? original.minutes;
	if (!Number.isSafeInteger(minutes) || minutes <= 0 || minutes > original.minutes) {
		return { ok: false, problem: 'invalid_minutes' };
	}
	if (options.reason.trim() === '') return { ok: false, problem: 'reason_required' };
	return {
		ok: true,
		draft: {
			from: original.to,
			to: original.from,
			minutes,
			kind: 'reversal',
			key: reversalKey(original.seq),
			memo: options.reason.trim(),
			reverses: original.seq,
			...(options.override ? { override: options.override } : {})
		}
	};
}

/**
 * Whether the entry booked under a draft's key is that very booking (a retry, a double submit) or
 * another one: an old form sent again with other choices reuses a key it no longer owns.
 */
export function isSameBooking(entry: TransferDraft, draft: TransferDraft): boolean {
	return (
		entry.from === draft.from &&
		entry.to === draft.to &&
		entry.minutes === draft.minutes &&
		entry.kind === draft.kind &&
		(entry.budgetLineId ?? null) === (draft.budgetLineId ?? null)
	);
}

/** Minutes given back per original entry (its `seq`), from the reversal entries among `entries`. */
export function reversedMinutesBySeq(
	entries: Iterable<Pick<LedgerEntry, 'kind' | 'minutes' | 'reverses'>>
): Map<number, number> {
	const reversed = new Map<number, number>();
	for (const e of entries) {
		if (e.kind === 'reversal' && e.reverses !== undefined) {
			reversed.set(e.reverses, (reversed.get(e.reverses) ?? 0) + e.minutes);
		}
	}
	return reversed;
}

export function reversalKey(seq: number): string {
	return `reversal:${seq}`;
}

export type LedgerProblem =
	| { code: 'sequence_gap'; expected: number; found: number }
	| { code: 'invalid_entry'; seq: number; problem: TransferProblem['code'] }
	| { code: 'duplicate_key'; seq: number; key: string; firstSeq: number }
	| { code: 'reversal_target_missing'; seq: number; reverses: number | undefined }
	| { code: 'reversal_of_reversal'; seq: number; reverses: number }
	| { code: 'reversal_exceeds_original'; seq: number; reverses: number }
	| { code: 'reversal_legs_mismatch'; seq: number; reverses: number }
	| { code: 'limit_breached'; seq: number; account: AccountId; balance: number; limit: number };

export interface LedgerReport {
	entries: number;
	balances: Map<AccountId, number>;
	/** Must be 0: every entry moves minutes from one account to another. */
	sum: number;
	overrides: number;
	problems: LedgerProblem[];
}

/**
 * Recomputes a quarter's ledger from its entries (in sequence order) and lists everything that
 * breaks the rules: gaps, doubled idempotency keys, reversals that do not match their original,
 * and balances outside their limits without an audited override.
 */
export function verifyLedger(entries: readonly LedgerEntry[], limits: LedgerLimits): LedgerReport {
	const problems: LedgerProblem[] = [];
	const balances = new Map<AccountId, number>();
	const bySeq = new Map<number, LedgerEntry>();
	const keys = new Map<string, number>();
	let overrides = 0;

	entries.forEach((entry, index) => {
		const expected = index + 1;
		if (entry.seq !== expected) problems.push({ code: 'sequence_gap', expected, found: entry.seq });
		const basic = checkTransfer(
			new Map(),
			{ ...entry, override: { by: '-', reason: 'shape only' } },
			limits
		);
		if (basic) problems.push({ code: 'invalid_entry', seq: entry.seq, problem: basic.code });
		const first = keys.get(entry.key);
		if (first !== undefined) {
			problems.push({ code: 'duplicate_key', seq: entry.seq, key: entry.key, firstSeq: first });
		} else keys.set(entry.key, entry.seq);

		if (entry.kind === 'reversal') {
			const target = entry.reverses === undefined ? undefined : bySeq.get(entry.reverses);
			if (!target) {
				problems.push({
					code: 'reversal_target_missing',
					seq: entry.seq,
					reverses: entry.reverses
				});
			} else if (target.kind === 'reversal') {
				problems.push({ code: 'reversal_of_reversal', seq: entry.seq, reverses: target.seq });
			} else {
				if (entry.minutes > target.minutes) {
					problems.push({
						code: 'reversal_exceeds_original',
						seq: entry.seq,
						reverses: target.seq
					});
				}
				if (entry.from !== target.to || entry.to !== target.from) {
					problems.push({ code: 'reversal_legs_mismatch', seq: entry.seq, reverses: target.seq });
				}
			}
		}

		applyTo(balances, entry);
		if (entry.override) overrides++;
		else {
			for (const account of [entry.from, entry.to]) {
				const { minBalanceMinutes, maxBalanceMinutes } = limitsOf(account, limits);
				const balance = balances.get(account) ?? 0;
				// Only the leg that moved towards a limit can breach it.
				if (account === entry.from && balance < minBalanceMinutes) {
					problems.push({
						code: 'limit_breached',
						seq: entry.seq,
						account,
						balance,
						limit: minBalanceMinutes
					});
				}
				if (account === entry.to && balance > maxBalanceMinutes) {
					problems.push({
						code: 'limit_breached',
						seq: entry.seq,
						account,
						balance,
						limit: maxBalanceMinutes
					});
				}
			}
		}
		bySeq.set(entry.seq, entry);
	});

	let sum = 0;
	for (const value of balances.values()) sum += value;
	return { entries: entries.length, balances, sum, overrides, problems };
}

export interface StatementRow {
	seq: number;
	at: Date;
	kind: TransferKind;
	memo: string;
	/** The other account of the transfer. */
	counterparty: AccountId;
	/** Signed: positive when minutes arrived at this account. */
	minutes: number;
	balance: number;
}

export interface Statement {
	account: AccountId;
	opening: number;
	closing: number;
	rows: StatementRow[];
}

/**
 * An account's statement (Kontoauszug) for [from, to), with a running balance, in the order of
 * the booking dates (a statement is read by date; entries booked with an earlier date, e.g. a
 * history carried over, come later in the log), booking number within the same moment.
 */
export function statementOf(
	entries: readonly LedgerEntry[],
	account: AccountId,
	period: { from?: Date; to?: Date } = {}
): Statement {
	let balance = 0;
	let opening = 0;
	const rows: StatementRow[] = [];
	const byDate = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
	for (const e of byDate) {
		if (e.from !== account && e.to !== account) continue;
		const signed = e.to === account ? e.minutes : -e.minutes;
		if (period.to && e.at >= period.to) continue;
		balance += signed;
		if (period.from && e.at < period.from) {
			opening = balance;
			continue;
		}
		rows.push({
			seq: e.seq,
			at: e.at,
			kind: e.kind,
			memo: e.memo,
			counterparty: e.to === account ? e.from : e.to,
			minutes: signed,
			balance
		});
	}
	return { account, opening, closing: balance, rows };
}
