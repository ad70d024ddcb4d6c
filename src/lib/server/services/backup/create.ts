// Writes every collection of a database into one gzip'd backup file (format.ts). The file is
// written under a temporary name and renamed when complete, so a backup that stops halfway
// leaves no file that looks finished.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { openBackupDatabase, type BackupDatabase } from '../../repos/backup';
import { BACKUP_FORMAT, BACKUP_VERSION, CONSISTENCY_NOTE, controlLine } from './format';
import { backupOrder } from './order';

export interface BackupResult {
	file: string;
	database: string;
	collections: number;
	documents: number;
	/** Size of the compressed file. */
	bytes: number;
	counts: Record<string, number>;
	seconds: number;
}

/** `backups/quartiermarkt-20261203T051500Z.qmbackup.gz` for the given time. */
export function defaultBackupPath(now: Date, dir = 'backups'): string {
	const stamp = now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
	return path.join(dir, `quartiermarkt-${stamp}.qmbackup.gz`);
}

export async function createBackup(options: {
	file: string;
	/** Name and version of the app that writes the file, e.g. "quartiermarkt 0.1.0". */
	app: string;
	/** Defaults to the configured database. */
	database?: BackupDatabase;
	log?: (line: string) => void;
	now?: () => Date;
}): Promise<BackupResult> {
	const log = options.log ?? (() => {});
	const now = options.now ?? (() => new Date());
	const started = Date.now();
	const source = options.database ?? (await openBackupDatabase());
	const names = backupOrder(await source.collections());

	await mkdir(path.dirname(path.resolve(options.file)), { recursive: true });
	const partial = `${options.file}.partial`;
	const gzip = createGzip({ level: 6 });
	const output = createWriteStream(partial);
	gzip.pipe(output);
	const hash = createHash('sha256');
	const write = async (line: string) => {
		const bytes = Buffer.from(`${line}\n`, 'utf8');
		hash.update(bytes);
		if (!gzip.write(bytes)) await once(gzip, 'drain');
	};

	const counts: Record<string, number> = {};
	let documents = 0;
	try {
		await write(
			controlLine({
				k: 'header',
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				app: options.app,
				createdAt: now().toISOString(),
				database: source.name,
				// The counts are in the trailer: counting first would read every collection twice
				// (a count on FerretDB v1 decodes every document).
				collections: names,
				consistency: CONSISTENCY_NOTE
			})
		);
		for (const [i, name] of names.entries()) {
			const collectionStarted = Date.now();
			await write(controlLine({ k: 'collection', name }));
			let count = 0;
			for await (const line of source.read(name)) {
				await write(line);
				count++;
				if (count % 20_000 === 0) log(`  ${name}: ${count.toLocaleString('en')} documents …`);
			}
			await write(controlLine({ k: 'end', name, count }));
			counts[name] = count;
			documents += count;
			log(
				`  [${i + 1}/${names.length}] ${name.padEnd(24)} ${String(count).padStart(8)} documents  ` +
					`${((Date.now() - collectionStarted) / 1000).toFixed(1)} s`
			);
		}
		const sha256 = hash.copy().digest('hex');
		await write(controlLine({ k: 'trailer', documents, counts, sha256 }));
		gzip.end();
		await finished(output);
		await rename(partial, options.file);
	} catch (err) {
		gzip.destroy();
		output.destroy();
		await rm(partial, { force: true });
		throw err;
	}
	return {
		file: options.file,
		database: source.name,
		collections: names.length,
		documents,
		bytes: (await stat(options.file)).size,
		counts,
		seconds: (Date.now() - started) / 1000
	};
}
