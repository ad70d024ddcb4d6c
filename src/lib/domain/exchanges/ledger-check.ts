// The cross-check behind `npm run ledger:verify`: every settled exchange that books hours has
// exactly one transfer (its key is the exchange id, unique in the ledger), the transfer matches
// what the exchange settled, and no exchange transfer exists without its exchange. Pure: the
// script reads the logs and the entries, this decides.
import type { LedgerEntry } from '../ledger/ledger';
import { foldExchangeLog, settlementDraft, type LogEvent } from './log';

export type SettlementProblem =
	| { code: 'unreadable_log'; exchangeId: string; n: number; why: string }
	| { code: 'settled_without_transfer'; exchangeId: string }
	| { code: 'transfer_mismatch'; exchangeId: string; seq: number }
	| { code: 'recorded_seq_mismatch'; exchangeId: string; recorded: number | null; found: number }
	| { code: 'transfer_without_settlement'; exchangeId: string; seq: number };

export interface SettlementReport {
	exchanges: number;
	/** Settled exchanges that booked hours, each with its one transfer. */
	settledWithHours: number;
	/** Settled without hours (free help, euros, zero minutes): no transfer expected. */
	settledWithoutHours: number;
	/** A settlement took its place but is not finished: its server (or any, after a minute) will. */
	pending: string[];
	problems: SettlementProblem[];
}

export function checkSettlements(
	eventsByExchange: ReadonlyMap<string, readonly LogEvent[]>,
	entries: readonly LedgerEntry[]
): SettlementReport {
	const report: SettlementReport = {
		exchanges: eventsByExchange.size,
		settledWithHours: 0,
		settledWithoutHours: 0,
		pending: [],
		problems: []
	};
	const byKey = new Map(entries.filter((e) => e.kind === 'exchange').map((e) => [e.key, e]));
	const seen = new Set<string>();
	for (const [exchangeId, events] of eventsByExchange) {
		const sorted = [...events].sort((a, b) => a.n - b.n);
		const folded = foldExchangeLog(sorted);
		if (!folded.ok) {
			report.problems.push({ code: 'unreadable_log', exchangeId, n: folded.n, why: folded.why });
			seen.add(exchangeId); // its transfer, if any, is not an orphan but part of this problem
			continue;
		}
		const { exchange, pending, ledgerSeq } = folded.record;
		const entry = byKey.get(exchangeId);
		if (entry) seen.add(exchangeId);
		if (pending) {
			report.pending.push(exchangeId);
			continue;
		}
		const draft = settlementDraft(exchangeId, exchange);
		if (!draft) {
			if (exchange.state === 'settled') report.settledWithoutHours++;
			if (entry) {
				report.problems.push({ code: 'transfer_without_settlement', exchangeId, seq: entry.seq });
			}
			continue;
		}
		report.settledWithHours++;
		if (!entry) {
			report.problems.push({ code: 'settled_without_transfer', exchangeId });
			continue;
		}
		if (entry.from !== draft.from || entry.to !== draft.to || entry.minutes !== draft.minutes) {
			report.problems.push({ code: 'transfer_mismatch', exchangeId, seq: entry.seq });
		}
		if (ledgerSeq !== entry.seq) {
			report.problems.push({
				code: 'recorded_seq_mismatch',
				exchangeId,
				recorded: ledgerSeq,
				found: entry.seq
			});
		}
	}
	for (const [key, entry] of byKey) {
		if (!seen.has(key)) {
			report.problems.push({
				code: 'transfer_without_settlement',
				exchangeId: key,
				seq: entry.seq
			});
		}
	}
	return report;
}
