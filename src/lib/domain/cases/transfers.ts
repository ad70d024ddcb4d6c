// Which transfers a mediation case may reverse: those between its parties (either way), or, for a
// case about one member, that member's transfers; always the one that settled the case's
// exchange. Reversals themselves are never reversed; each transfer shows what was given back.
import { userIdOf } from '../ledger/accounts';
import { memberAccount, reversedMinutesBySeq, type LedgerEntry } from '../ledger/ledger';

/** The most recent ones are enough to mediate about. */
export const CASE_TRANSFERS_SHOWN = 30;

export interface CaseTransfer {
	seq: number;
	at: Date;
	fromId: string | null;
	toId: string | null;
	minutes: number;
	kind: LedgerEntry['kind'];
	memo: string;
	/** Minutes already given back by a reversal (one reversal per entry). */
	reversedMinutes: number;
}

/** The case's transfers, latest first, from a quarter's entries in sequence order. */
export function caseTransfers(
	entries: readonly LedgerEntry[],
	partyIds: readonly string[],
	exchangeSeq: number | null
): CaseTransfer[] {
	const accounts = new Set(partyIds.map((id) => memberAccount(id)));
	const reversed = reversedMinutesBySeq(entries);
	const concerns = (e: LedgerEntry) =>
		partyIds.length === 1
			? accounts.has(e.from) || accounts.has(e.to)
			: accounts.has(e.from) && accounts.has(e.to);
	return entries
		.filter((e) => e.kind !== 'reversal' && (e.seq === exchangeSeq || concerns(e)))
		.slice(-CASE_TRANSFERS_SHOWN)
		.reverse()
		.map((e) => ({
			seq: e.seq,
			at: e.at,
			fromId: userIdOf(e.from),
			toId: userIdOf(e.to),
			minutes: e.minutes,
			kind: e.kind,
			memo: e.memo,
			reversedMinutes: reversed.get(e.seq) ?? 0
		}));
}
