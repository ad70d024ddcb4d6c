// The backup file: gzip'd lines of UTF-8 text.
//
//   #{"k":"header","format":"quartiermarkt-backup","version":1,…}   what, when, from where
//   #{"k":"collection","name":"snapshots"}                          a collection starts
//   {"_id":…}                                                       one document, canonical EJSON
//   #{"k":"end","name":"snapshots","count":3}                       the collection's documents
//   …
//   #{"k":"trailer","documents":…,"counts":{…},"sha256":"…"}        the SHA-256 of every byte above
//
// Control lines start with "#", documents with "{". A file without its trailer, with a wrong
// checksum or count, or with lines after the trailer is refused as a whole before anything is
// written; gzip's own CRC catches damage inside the compressed stream.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

export const BACKUP_FORMAT = 'quartiermarkt-backup';
export const BACKUP_VERSION = 1;

/** What a backup of a running app guarantees; printed by the backup and in docs/operations.md. */
export const CONSISTENCY_NOTE =
	'Consistency: each collection is read in one pass in _id order, so every insert-only log ' +
	'(ledger, exchange events, listing changes, messages, audit …) is a gap-free prefix of itself. ' +
	'FerretDB v1 has no snapshots or transactions, so collections are not read at one instant: ' +
	'records that point into another log are read before that log (see services/backup/order.ts). ' +
	'For a backup that is consistent as a whole, stop the app first; otherwise run ' +
	'`npm run ledger:verify` after a restore (the restore does it for you).';

export const headerSchema = z.object({
	k: z.literal('header'),
	format: z.literal(BACKUP_FORMAT),
	version: z.number().int(),
	app: z.string(),
	createdAt: z.string(),
	database: z.string(),
	collections: z.array(z.string()),
	consistency: z.string()
});
export type BackupHeader = z.infer<typeof headerSchema>;

const collectionSchema = z.object({ k: z.literal('collection'), name: z.string().min(1) });
const endSchema = z.object({
	k: z.literal('end'),
	name: z.string().min(1),
	count: z.number().int().min(0)
});
const trailerSchema = z.object({
	k: z.literal('trailer'),
	documents: z.number().int().min(0),
	counts: z.record(z.string(), z.number().int().min(0)),
	sha256: z.string().regex(/^[0-9a-f]{64}$/)
});
export type BackupTrailer = z.infer<typeof trailerSchema>;

export const controlLine = (value: object) => `#${JSON.stringify(value)}`;

/** A backup file that cannot be restored: says what is wrong with it. */
export class BadBackupError extends Error {}

/** The lines of a gzip'd file with the SHA-256 of the bytes before each line. */
async function* rawLines(file: string): AsyncGenerator<{ line: string; hash: Hash }> {
	const hash = createHash('sha256');
	const input = createReadStream(file).pipe(createGunzip());
	let rest: Buffer = Buffer.alloc(0);
	try {
		for await (const chunk of input as AsyncIterable<Buffer>) {
			let buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
			let newline: number;
			while ((newline = buffer.indexOf(10)) !== -1) {
				const bytes = buffer.subarray(0, newline);
				yield { line: bytes.toString('utf8'), hash };
				hash.update(buffer.subarray(0, newline + 1));
				buffer = buffer.subarray(newline + 1);
			}
			rest = Buffer.from(buffer);
		}
	} catch (err) {
		const code = (err as { code?: string }).code;
		if (code === 'ENOENT') throw new BadBackupError(`There is no file ${file}.`);
		if (code?.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE')
			throw new BadBackupError(`${file} is damaged or cut off (gzip: ${(err as Error).message}).`);
		throw err;
	}
	if (rest.length) throw new BadBackupError(`${file} ends in the middle of a line: it is cut off.`);
}

export type BackupItem =
	| { kind: 'header'; header: BackupHeader }
	| { kind: 'collection'; name: string }
	| { kind: 'document'; collection: string; line: string }
	| { kind: 'end'; name: string; count: number }
	| { kind: 'trailer'; trailer: BackupTrailer };

function parseControl<T>(schema: z.ZodType<T>, line: string, n: number, file: string): T {
	let value: unknown;
	try {
		value = JSON.parse(line.slice(1));
	} catch {
		throw new BadBackupError(`${file}, line ${n}: unreadable control line.`);
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new BadBackupError(`${file}, line ${n}: unexpected control line.`);
	return parsed.data;
}

/**
 * Reads a backup file item by item and checks its structure as it goes: a known format and
 * version, sections that open and close with the right counts, a trailer whose counts and
 * SHA-256 match, nothing after it. Any fault throws BadBackupError; so does a missing trailer.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupItem> {
	let n = 0;
	let header: BackupHeader | null = null;
	let section: { name: string; count: number } | null = null;
	const counts: Record<string, number> = {};
	let documents = 0;
	let trailer: BackupTrailer | null = null;
	for await (const { line, hash } of rawLines(file)) {
		n++;
		if (trailer) throw new BadBackupError(`${file}: there is data after the trailer.`);
		if (!header) {
			const raw = line.startsWith('#') ? safeJson(line.slice(1)) : null;
			if (!raw || raw.k !== 'header' || raw.format !== BACKUP_FORMAT)
				throw new BadBackupError(`${file} is not a Quartiermarkt backup.`);
			if (raw.version !== BACKUP_VERSION)
				throw new BadBackupError(
					`${file} has backup format version ${String(raw.version)}; this version of Quartiermarkt reads version ${BACKUP_VERSION} only.`
				);
			header = parseControl(headerSchema, line, n, file);
			yield { kind: 'header', header };
			continue;
		}
		if (!line.startsWith('#')) {
			if (!section || !line.startsWith('{'))
				throw new BadBackupError(`${file}, line ${n}: a document outside a collection.`);
			section.count++;
			yield { kind: 'document', collection: section.name, line };
			continue;
		}
		const kind = safeJson(line.slice(1))?.k;
		if (kind === 'collection') {
			if (section) throw new BadBackupError(`${file}, line ${n}: a collection inside another.`);
			const { name } = parseControl(collectionSchema, line, n, file);
			if (name in counts) throw new BadBackupError(`${file}: collection ${name} appears twice.`);
			section = { name, count: 0 };
			yield { kind: 'collection', name };
		} else if (kind === 'end') {
			const end = parseControl(endSchema, line, n, file);
			if (!section || section.name !== end.name || section.count !== end.count)
				throw new BadBackupError(`${file}, line ${n}: collection ${end.name} does not add up.`);
			counts[end.name] = end.count;
			documents += end.count;
			section = null;
			yield { kind: 'end', name: end.name, count: end.count };
		} else if (kind === 'trailer') {
			const parsed = parseControl(trailerSchema, line, n, file);
			const sha256 = hash.copy().digest('hex');
			if (section) throw new BadBackupError(`${file}: collection ${section.name} is not closed.`);
			if (parsed.sha256 !== sha256)
				throw new BadBackupError(`${file}: the checksum does not match; the file is damaged.`);
			if (
				parsed.documents !== documents ||
				JSON.stringify(parsed.counts) !== JSON.stringify(counts)
			)
				throw new BadBackupError(`${file}: the counts in the trailer do not match the file.`);
			trailer = parsed;
			yield { kind: 'trailer', trailer };
		} else {
			throw new BadBackupError(`${file}, line ${n}: unknown control line.`);
		}
	}
	if (!header) throw new BadBackupError(`${file} is empty or not a Quartiermarkt backup.`);
	if (!trailer)
		throw new BadBackupError(
			`${file} has no trailer: it is cut off (the backup did not finish or the copy is incomplete).`
		);
}

function safeJson(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}
