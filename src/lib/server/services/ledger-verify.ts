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

export interface QuarterVerification {
	quarterId: string;
	name: string;
	ledger: ReturnType<typeof verifyLedger>;
	settlements: SettlementReport;
	/** Broken rules in this quarter: ledger problems, a sum other than zero, settlement problems. */
	problems: number;
}

export interface LedgerVerification {
	quarters: QuarterVerification[];
	problems: number;
}

/** Verifies every quarter's ledger; `problems` is 0 when every rule holds. */
export async function verifyLedgers(): Promise<LedgerVerification> {
	const quarters: QuarterVerification[] = [];
	for (const quarter of await listQuarters()) {
		const entries = await listLedgerEntries(quarter.id);
		const ledger = verifyLedger(entries, {
			member: quarter.settings.timeBank,
			community: DEFAULT_COMMUNITY_LIMITS
		});
		const logs = new Map<string, LogEvent[]>();
		for (const event of await listExchangeEventsOfQuarter(quarter.id)) {
			const list = logs.get(event.exchangeId) ?? [];
			list.push(event);
			logs.set(event.exchangeId, list);
		}
		const settlements = checkSettlements(logs, entries);
		const problems =
			ledger.problems.length + (ledger.sum === 0 ? 0 : 1) + settlements.problems.length;
		quarters.push({ quarterId: quarter.id, name: quarter.name, ledger, settlements, problems });
	}
	return { quarters, problems: quarters.reduce((sum, q) => sum + q.problems, 0) };
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
	lines.push(
		result.problems === 0
			? '✔ Every ledger is sound.'
			: `✖ ${result.problems} problem(s) found; see above.`
	);
	return lines;
}
