// Read models' snapshots: one head document per log stream that names its parts. Written in
// the background and never needed for correctness: a missing part or head means a longer replay.
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Binary, BSON } from 'mongodb';
import { db, inBackground, insertUnique, type SnapshotDoc } from '../db';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

// A part is stored as one compressed binary field, not as a deep document: the embedded
// database (FerretDB on SQLite) converts a 1 MB part of 500 listings field by field, which took
// about 10 s for a small scale quarter's parts under load; one binary of a fifth of the size is
// copied as it is. Compression runs in zlib's thread pool, off the event loop.
async function pack(data: unknown): Promise<Binary> {
	return new Binary(await zip(BSON.serialize({ data })));
}

async function unpack(doc: SnapshotDoc): Promise<unknown> {
	if (!doc.packed) return doc.data;
	return BSON.deserialize(await unzip(doc.packed.buffer)).data;
}

export interface StoredSnapshot {
	seq: number;
	version: number;
	parts: unknown[];
	/** When the head was written. */
	at?: Date;
}

const headId = (log: string, stream: string) => `${log}|${stream}`;
const partId = (log: string, stream: string, partsId: string, i: number) =>
	`${log}|${stream}|${partsId}|${i}`;

/** The stored snapshot, or null when there is none or a part is gone (replaced meanwhile). */
export async function findSnapshot(log: string, stream: string): Promise<StoredSnapshot | null> {
	const c = await db();
	const head = await c.snapshots.findOne({ _id: headId(log, stream) });
	if (!head || head.seq === undefined || head.version === undefined || !head.partsId) return null;
	const partsId = head.partsId;
	const docs = await Promise.all(
		Array.from({ length: head.parts ?? 0 }, (_, i) =>
			c.snapshots.findOne({ _id: partId(log, stream, partsId, i) })
		)
	);
	if (docs.some((d) => d === null)) return null;
	return {
		seq: head.seq,
		version: head.version,
		parts: await Promise.all(docs.map((d) => unpack(d as SnapshotDoc))),
		at: head.at
	};
}

/**
 * Stores the parts first and then points the head at them, so a reader never sees a head
 * whose parts are not all there; then removes the parts the head named before. Two servers
 * writing at once: the last head wins, and either is a correct state of its own position.
 * Runs in the background; closing the database waits for it (db/client.ts).
 */
export const saveSnapshot = (...args: Parameters<typeof storeSnapshot>): Promise<void> =>
	inBackground(storeSnapshot(...args));

async function storeSnapshot(
	log: string,
	stream: string,
	snapshot: StoredSnapshot,
	partsId: string,
	now: Date
): Promise<void> {
	const c = await db();
	const BATCH = 20;
	for (let i = 0; i < snapshot.parts.length; i += BATCH) {
		const batch = snapshot.parts.slice(i, i + BATCH);
		const packed = await Promise.all(batch.map(pack));
		await c.snapshots.insertMany(
			packed.map((data, j) => ({ _id: partId(log, stream, partsId, i + j), packed: data, at: now }))
		);
	}
	const id = headId(log, stream);
	const previous = await c.snapshots.findOne({ _id: id });
	const head: SnapshotDoc = {
		_id: id,
		seq: snapshot.seq,
		version: snapshot.version,
		partsId,
		parts: snapshot.parts.length,
		at: now
	};
	// The first head is inserted; if another server inserted it meanwhile, or there was one
	// before, it is replaced (last write wins).
	if (previous || (await insertUnique(c.snapshots, head)) === 'taken') {
		await c.snapshots.replaceOne({ _id: id }, head);
	}
	if (previous?.partsId && previous.partsId !== partsId) {
		const old = previous.partsId;
		await Promise.all(
			Array.from({ length: previous.parts ?? 0 }, (_, i) =>
				c.snapshots.deleteOne({ _id: partId(log, stream, old, i) })
			)
		);
	}
}

/** Drops every stored snapshot (after an erasure): read models replay their logs instead. */
export async function deleteAllSnapshots(): Promise<number> {
	return (await (await db()).snapshots.deleteMany({})).deletedCount;
}
