// `npm run restore FILE`: loads a backup written by `npm run backup` into the configured
// database, which must be empty, then verifies the ledgers. `npm run restore -- --check FILE`
// only reads the file and checks it (format, counts, checksum), without a database.
// See docs/operations.md.
import { BadBackupError, checkBackup, restoreBackup } from '../src/lib/server/services/backup';
import { closeDb } from '../src/lib/server/db';
import { verificationLines, verifyLedgers } from '../src/lib/server/services/ledger-verify';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const file = args.find((arg) => arg !== '--check');

if (!file) {
	console.error(
		'✖ Name the backup file: npm run restore backups/quartiermarkt-….qmbackup.gz (or npm run restore -- --check FILE)'
	);
	process.exitCode = 1;
} else if (checkOnly) {
	const started = Date.now();
	try {
		const { header, counts } = await checkBackup(file);
		const documents = Object.values(counts).reduce((a, b) => a + b, 0);
		console.log(
			`✔ ${file} is sound: format ${header.version}, written ${header.createdAt} by ${header.app} from "${header.database}", ` +
				`${documents} documents in ${Object.keys(counts).length} collections (checked in ${((Date.now() - started) / 1000).toFixed(1)} s).`
		);
	} catch (err) {
		console.error(`✖ ${err instanceof BadBackupError ? err.message : String(err)}`);
		process.exitCode = 1;
	}
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
