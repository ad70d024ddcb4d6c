// `npm run backup [FILE]`: writes every collection of the configured database (MONGODB_URI, or
// the embedded FerretDB under DATA_DIR) into one gzip'd, checksummed file; by default
// backups/quartiermarkt-<UTC time>.qmbackup.gz. See docs/operations.md.
import { readFileSync } from 'node:fs';
import { closeDb } from '../src/lib/server/db';
import {
	CONSISTENCY_NOTE,
	createBackup,
	defaultBackupPath
} from '../src/lib/server/services/backup';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	name: string;
	version: string;
};
const file = process.argv[2] ?? defaultBackupPath(new Date());

try {
	console.log(`Backing up the database to ${file} …`);
	console.log(CONSISTENCY_NOTE);
	const result = await createBackup({
		file,
		app: `${pkg.name} ${pkg.version}`,
		log: (line) => console.log(line)
	});
	console.log(
		`✔ Backup of "${result.database}" done: ${result.documents} documents in ${result.collections} collections, ` +
			`${result.bytes.toLocaleString('en')} bytes, ${result.seconds.toFixed(1)} s → ${result.file}`
	);
} catch (err) {
	console.error(
		`✖ The backup failed: ${(err as Error).message}\n  No backup file was written. Check that the database is reachable (MONGODB_URI, DATA_DIR) and that there is room on the disk, then run it again.`
	);
	process.exitCode = 1;
} finally {
	await closeDb();
}
