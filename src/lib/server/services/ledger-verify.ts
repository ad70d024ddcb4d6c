// The verification behind `npm run ledger:verify` (and the restore drill): recomputes every
// quarter's time-bank ledger from its entries (domain/ledger verifyLedger) and checks it against
// the exchanges' own logs (domain/exchanges checkSettlements). It reads the database directly,
// not the app's books in memory, so it sees exactly what is stored.
import { checkSettlements, type SettlementReport } from '../../domain/exchanges/ledger-check';
import type { LogEvent } from '../../domain/exchanges/log';
import { DEFAULT_COMMUNITY_LIMITS, verifyLedger } from '../../domain/ledger/ledger';
import { listExchangeEventsOfQuarter } from '../repos/exchanges';
import { listLedgerEntries } from '../repos/ledger';
import { listQuarters } from '../repos/quarters';
import { listTradeEntries, listTradePairs } from '../repos/trade';
import { parsePairKey, applyTradeEntry, emptyPair } from '../../domain/trade/pair';
import { verifyPair, type PairReport } from '../../domain/trade/verify';
import type { LedgerEntry } from '../../domain/ledger/ledger';

export interface QuarterVerification {
	quarterId: string;
	name: string;
	ledger: ReturnType<typeof verifyLedger>;
	settlements: SettlementReport;
	/** Broken rules in this quarter: ledger problems, a sum other than zero, settlement problems. */
	problems: number;
}

/** A pair of trading quarters: the pair's log against both ledgers (domain/trade/verify.ts),
 * and every settled cross-quarter exchange with its transfer in the pair's log. */
export interface PairVerification extends PairReport {
	names: [string, string];
	/** Settled cross-quarter exchanges that booked hours but have no transfer in the pair's log. */
	settledWithoutTrade: string[];
}

export interface LedgerVerification {
	quarters: QuarterVerification[];
	pairs: PairVerification[];
	problems: number;
}

/** Verifies every quarter's ledger; `problems` is 0 when every rule holds. */
export async function verifyLedgers(): Promise<LedgerVerification> {
	const quarters: QuarterVerification[] = [];
	const entriesOf = new Map<string, LedgerEntry[]>();
	const names = new Map<string, string>();
	/** Settled cross-quarter exchanges that booked hours, by pair key: checked with the pair. */
	const crossSettled = new Map<string, string[]>();
	for (const quarter of await listQuarters()) {
		const entries = await listLedgerEntries(quarter.id);
		entriesOf.set(quarter.id, entries);
		names.set(quarter.id, quarter.name);
		const ledger = verifyLedger(entries, {
			member: quarter.settings.timeBank,
			community: DEFAULT_COMMUNITY_LIMITS
		});
		const logs = new Map<string, LogEvent[]>();
		const cross = new Map<string, string>();
		for (const event of await listExchangeEventsOfQuarter(quarter.id)) {
			const list = logs.get(event.exchangeId) ?? [];
			list.push(event);
			logs.set(event.exchangeId, list);
			if (event.crossQuarter) {
				const { providerQuarterId: p, receiverQuarterId: r } = event.crossQuarter;
				cross.set(event.exchangeId, pairKeyOf(p, r));
			}
		}
		// A cross-quarter exchange books one `trade` leg in each quarter: checked per pair below.
		for (const [exchangeId, key] of cross) {
			const events = logs.get(exchangeId)!;
			logs.delete(exchangeId);
			const report = checkSettlements(new Map([[exchangeId, events]]), []);
			if (report.settledWithHours > 0) {
				const list = crossSettled.get(key) ?? [];
				list.push(exchangeId);
				crossSettled.set(key, list);
			}
		}
		const settlements = checkSettlements(logs, entries);
		const problems =
			ledger.problems.length + (ledger.sum === 0 ? 0 : 1) + settlements.problems.length;
		quarters.push({ quarterId: quarter.id, name: quarter.name, ledger, settlements, problems });
	}
	const pairs: PairVerification[] = [];
	for (const key of await listTradePairs()) {
		const pair = parsePairKey(key);
		if (!pair) continue;
		const log = await listTradeEntries(key);
		const report = verifyPair(pair, log, {
			a: entriesOf.get(pair.a) ?? [],
			b: entriesOf.get(pair.b) ?? []
		});
		const state = emptyPair(pair);
		for (const entry of log) applyTradeEntry(state, entry);
		const settledWithoutTrade = (crossSettled.get(key) ?? []).filter((id) => !state.active.has(id));
		pairs.push({
			...report,
			names: [names.get(pair.a) ?? pair.a, names.get(pair.b) ?? pair.b],
			settledWithoutTrade
		});
	}
	const problems =
		quarters.reduce((sum, q) => sum + q.problems, 0) +
		pairs.reduce((sum, p) => sum + p.problems.length + p.settledWithoutTrade.length, 0);
	return { quarters, pairs, problems };
}

function pairKeyOf(x: string, y: string): string {
	return x < y ? `${x}~${y}` : `${y}~${x}`;
}

const hours = (minutes: number) => `${(minutes / 60).toFixed(2)} h`;

/** The report as the lines `npm run ledger:verify` prints (at most 20 problems per kind). */
export function verificationLines(result: LedgerVerification): string[] {
	const lines = [`Verified the ledgers of ${result.quarters.length} quarter(s):`];
	const listProblems = (problems: readonly unknown[]) => {
		for (const problem of problems.slice(0, 20)) lines.push(`    ✖ ${JSON.stringify(problem)}`);
		if (problems.length > 20) lines.push(`    … and ${problems.length - 20} more`);
	};
	for (const { name, ledger, settlements } of result.quarters) {
		lines.push(
			`  ${name}: ${ledger.entries} entries, ${ledger.balances.size} accounts, sum of balances ${hours(ledger.sum)}, ` +
				`${ledger.overrides} moderator override(s), ${ledger.problems.length} problem(s)`
		);
		listProblems(ledger.problems);
		lines.push(
			`    exchanges: ${settlements.exchanges}, settled with hours ${settlements.settledWithHours} (each with exactly one transfer unless listed below), ` +
				`settled without hours ${settlements.settledWithoutHours}, settlement in progress ${settlements.pending.length}, ` +
				`${settlements.problems.length} problem(s)`
		);
		listProblems(settlements.problems);
	}
	for (const p of result.pairs) {
		lines.push(
			`  trade ${p.names[0]} ↔ ${p.names[1]}: ${p.transfers} transfer(s), clearing balances ` +
				`${hours(p.clearingA)} / ${hours(p.clearingB)} (mirror each other), each transfer once on ` +
				`each side unless listed; in progress ${p.pending.length}, ${p.problems.length + p.settledWithoutTrade.length} problem(s)`
		);
		listProblems(p.problems);
		listProblems(
			p.settledWithoutTrade.map((exchangeId) => ({ code: 'settled_without_trade', exchangeId }))
		);
	}
	lines.push(
		result.problems === 0
			? '✔ Every ledger is sound.'
			: `✖ ${result.problems} problem(s) found; see above.`
	);
	return lines;
}
