// Loads a backup file into an empty database. Nothing is written unless the database is empty
// and the whole file has been read and checked (format, version, counts, SHA-256): a damaged or
// cut-off file changes nothing. Then the app's indexes are created (db/indexes.ts) and the
// documents inserted in batches, collection by collection, in the file's order.
import { stat } from 'node:fs/promises';
import { openBackupDatabase, type BackupDatabase } from '../../repos/backup';
import { BadBackupError, readBackup, type BackupHeader } from './format';

export interface RestoreResult {
	file: string;
	database: string;
	header: BackupHeader;
	collections: number;
	documents: number;
	bytes: number;
	counts: Record<string, number>;
	seconds: number;
}

export type RestoreOutcome =
	| ({ ok: true } & RestoreResult)
	/** Nothing was written: the database holds data, or the file is not a sound backup. */
	| { ok: false; problem: 'not_empty' | 'bad_file'; message: string };

const BATCH_DOCUMENTS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

/** Collections of the database that hold documents. */
async function occupied(target: BackupDatabase): Promise<string[]> {
	const found: string[] = [];
	for (const name of await target.collections()) {
		if (await target.hasDocuments(name)) found.push(name);
	}
	return found;
}

/** Reads the whole file once and checks it; the header when sound, BadBackupError otherwise. */
export async function checkBackup(
	file: string
): Promise<{ header: BackupHeader; counts: Record<string, number> }> {
	let header: BackupHeader | null = null;
	for await (const item of readBackup(file)) {
		if (item.kind === 'header') header = item.header;
		if (item.kind === 'trailer') return { header: header!, counts: item.trailer.counts };
	}
	throw new BadBackupError(`${file} has no trailer.`);
}

export async function restoreBackup(options: {
	file: string;
	/** Defaults to the configured database. */
	database?: BackupDatabase;
	log?: (line: string) => void;
}): Promise<RestoreOutcome> {
	const log = options.log ?? (() => {});
	const started = Date.now();
	const target = options.database ?? (await openBackupDatabase());

	const busy = await occupied(target);
	if (busy.length > 0) {
		const shown = busy.slice(0, 4);
		if (busy.length > 4) shown.push(`${busy.length - 4} more`);
		const list = `${busy.length} collection(s) hold documents: ${shown.join(', ')}`;
		return {
			ok: false,
			problem: 'not_empty',
			message:
				`The database "${target.name}" is not empty: ${list}. A restore only loads into an empty ` +
				'database; nothing was changed. Restore into a new database (set MONGODB_DB, or a new ' +
				'DATA_DIR for the embedded one), or back up this one and remove it first.'
		};
	}

	log(`  checking ${options.file} …`);
	let checked: Awaited<ReturnType<typeof checkBackup>>;
	try {
		checked = await checkBackup(options.file);
	} catch (err) {
		if (!(err instanceof BadBackupError)) throw err;
		return { ok: false, problem: 'bad_file', message: `${err.message} Nothing was changed.` };
	}
	const { header } = checked;
	log(
		`  sound: format ${header.version}, written ${header.createdAt} by ${header.app} from database ` +
			`"${header.database}", ${Object.keys(checked.counts).length} collections`
	);

	await target.ensureIndexes();
	const counts: Record<string, number> = {};
	let documents = 0;
	let batch: string[] = [];
	let batchBytes = 0;
	let current = '';
	const flush = async () => {
		await target.insert(current, batch);
		batch = [];
		batchBytes = 0;
	};
	let index = 0;
	const total = Object.keys(checked.counts).length;
	for await (const item of readBackup(options.file)) {
		if (item.kind === 'collection') {
			current = item.name;
			counts[current] = 0;
		} else if (item.kind === 'document') {
			batch.push(item.line);
			batchBytes += item.line.length;
			counts[current]!++;
			documents++;
			if (batch.length >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) await flush();
			if (counts[current]! % 20_000 === 0)
				log(`  ${current}: ${counts[current]!.toLocaleString('en')} documents …`);
		} else if (item.kind === 'end') {
			await flush();
			index++;
			log(
				`  [${index}/${total}] ${item.name.padEnd(24)} ${String(item.count).padStart(8)} documents`
			);
		}
	}
	return {
		ok: true,
		file: options.file,
		database: target.name,
		header,
		collections: total,
		documents,
		bytes: (await stat(options.file)).size,
		counts,
		seconds: (Date.now() - started) / 1000
	};
}
