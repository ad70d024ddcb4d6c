// `npm run ledger:verify`: recomputes every quarter's time-bank ledger from its entries, checks
// it against the exchanges' own logs, and prints what it finds (services/ledger-verify.ts).
// Exit code 1 when any rule is broken.
import { closeDb } from '../src/lib/server/db';
import { verificationLines, verifyLedgers } from '../src/lib/server/services/ledger-verify';

let broken: number;
try {
	console.log('Verifying the ledgers …');
	const result = await verifyLedgers();
	for (const line of verificationLines(result)) console.log(line);
	broken = result.problems;
} catch (err) {
	console.error(`✖ Could not verify: ${(err as Error).message}`);
	broken = 1;
} finally {
	await closeDb();
}
process.exitCode = broken === 0 ? 0 : 1;
