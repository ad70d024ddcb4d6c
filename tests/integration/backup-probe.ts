// What a restore must keep, computed from the configured database (MONGODB_URI, MONGODB_DB): the
// ledger verification and the demo quarter's cockpit figures for the twelve months up to `now`.
// tests/integration/backup.test.ts calls `probe` in its own process for the source database and
// runs this file as a fresh process (no read model warmed) against the restored one:
//   node --import tsx tests/integration/backup-probe.ts <now ISO>   → JSON on stdout, after PROBE_MARK
import { defaultPeriod } from '../../src/lib/domain/impact';
import { closeDb } from '../../src/lib/server/db';
import { findQuarter } from '../../src/lib/server/repos/quarters';
import { impact } from '../../src/lib/server/services/impact';
import { verifyLedgers } from '../../src/lib/server/services/ledger-verify';

/** Starts the probe's answer in its output (the app's log lines may come before it). */
export const PROBE_MARK = 'PROBE ';

export async function probe(now: Date) {
	const verification = await verifyLedgers();
	const quarters = verification.quarters.map((q) => ({
		quarterId: q.quarterId,
		entries: q.ledger.entries,
		sum: q.ledger.sum,
		overrides: q.ledger.overrides,
		balances: [...q.ledger.balances.entries()].sort(([a], [b]) => a.localeCompare(b)),
		ledgerProblems: q.ledger.problems.length,
		settlements: q.settlements,
		problems: q.problems
	}));
	const nordstadt = await findQuarter('nordstadt');
	if (!nordstadt) throw new Error('no quarter nordstadt');
	const report = await impact.report(
		nordstadt,
		defaultPeriod(now, nordstadt.settings.timeZone),
		now
	);
	return JSON.parse(
		JSON.stringify({ problems: verification.problems, quarters, impact: report })
	) as {
		problems: number;
		quarters: typeof quarters;
		impact: typeof report;
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		// On a line of its own after a marker: the app's log (e.g. a slow command under load) shares stdout.
		process.stdout.write(
			`\n${PROBE_MARK}${JSON.stringify(await probe(new Date(process.argv[2]!)))}\n`
		);
	} finally {
		await closeDb();
	}
}
