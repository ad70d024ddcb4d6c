// `npm run ledger:verify`: recomputes every quarter's time-bank ledger from its entries, checks
// it against the exchanges' own logs, and prints what it finds. Exit code 1 when any rule is
// broken.
import { checkSettlements } from '../src/lib/domain/exchanges/ledger-check';
import type { LogEvent } from '../src/lib/domain/exchanges/log';
import { DEFAULT_COMMUNITY_LIMITS, verifyLedger } from '../src/lib/domain/ledger/ledger';
import { closeDb } from '../src/lib/server/db';
import { listExchangeEventsOfQuarter } from '../src/lib/server/repos/exchanges';
import { listLedgerEntries } from '../src/lib/server/repos/ledger';
import { listQuarters } from '../src/lib/server/repos/quarters';

const hours = (minutes: number) => `${(minutes / 60).toFixed(2)} h`;

let broken = 0;
try {
	const quarters = await listQuarters();
	console.log(`Verifying the ledgers of ${quarters.length} quarter(s) …`);
	for (const quarter of quarters) {
		const entries = await listLedgerEntries(quarter.id);
		const report = verifyLedger(entries, {
			member: quarter.settings.timeBank,
			community: DEFAULT_COMMUNITY_LIMITS
		});
		const accounts = report.balances.size;
		console.log(
			`  ${quarter.name}: ${report.entries} entries, ${accounts} accounts, sum of balances ${hours(report.sum)}, ` +
				`${report.overrides} moderator override(s), ${report.problems.length} problem(s)`
		);
		for (const problem of report.problems.slice(0, 20))
			console.log(`    ✖ ${JSON.stringify(problem)}`);
		if (report.problems.length > 20) console.log(`    … and ${report.problems.length - 20} more`);
		broken += report.problems.length + (report.sum === 0 ? 0 : 1);

		const logs = new Map<string, LogEvent[]>();
		for (const event of await listExchangeEventsOfQuarter(quarter.id)) {
			const list = logs.get(event.exchangeId) ?? [];
			list.push(event);
			logs.set(event.exchangeId, list);
		}
		const settlements = checkSettlements(logs, entries);
		console.log(
			`    exchanges: ${settlements.exchanges}, settled with hours ${settlements.settledWithHours} (each with exactly one transfer unless listed below), ` +
				`settled without hours ${settlements.settledWithoutHours}, settlement in progress ${settlements.pending.length}, ` +
				`${settlements.problems.length} problem(s)`
		);
		for (const problem of settlements.problems.slice(0, 20))
			console.log(`    ✖ ${JSON.stringify(problem)}`);
		if (settlements.problems.length > 20)
			console.log(`    … and ${settlements.problems.length - 20} more`);
		broken += settlements.problems.length;
	}
	console.log(
		broken === 0 ? '✔ Every ledger is sound.' : `✖ ${broken} problem(s) found; see above.`
	);
} catch (err) {
	console.error(`✖ Could not verify: ${(err as Error).message}`);
	broken = 1;
} finally {
	await closeDb();
}
process.exitCode = broken === 0 ? 0 : 1;
