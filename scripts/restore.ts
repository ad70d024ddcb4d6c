// `npm run restore FILE`: loads a backup written by `npm run backup` into the configured
// database, which must be empty, then verifies the ledgers. See docs/operations.md.
import { closeDb } from '../src/lib/server/db';
import { restoreBackup } from '../src/lib/server/services/backup';
import { verificationLines, verifyLedgers } from '../src/lib/server/services/ledger-verify';

const file = process.argv[2];

if (!file) {
	console.error('✖ Name the backup file: npm run restore backups/quartiermarkt-….qmbackup.gz');
	process.exitCode = 1;
} else {
	try {
		console.log(`Restoring ${file} …`);
		const result = await restoreBackup({ file, log: (line) => console.log(line) });
		if (!result.ok) {
			console.error(`✖ ${result.message}`);
			process.exitCode = 1;
		} else {
			console.log('Verifying the restored ledgers …');
			const verification = await verifyLedgers();
			for (const line of verificationLines(verification)) console.log(`  ${line}`);
			console.log(
				`${verification.problems === 0 ? '✔' : '✖'} Restored ${result.documents} documents in ${result.collections} collections ` +
					`into "${result.database}" from ${result.bytes.toLocaleString('en')} bytes in ${result.seconds.toFixed(1)} s ` +
					`(backup of ${result.header.createdAt}); ledgers: ${verification.problems === 0 ? 'sound' : `${verification.problems} problem(s), see above`}.`
			);
			if (verification.problems > 0) process.exitCode = 1;
		}
	} catch (err) {
		console.error(
			`✖ The restore failed: ${(err as Error).message}\n  The database may now hold part of the backup: remove it (or the DATA_DIR) and run the restore again.`
		);
		process.exitCode = 1;
	} finally {
		await closeDb();
	}
}
