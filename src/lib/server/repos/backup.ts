// The database side of backup and restore: every collection of a database read in `_id` order
// as canonical Extended JSON (so Dates, Binary, Int32, Int64 and Double keep their exact BSON
// types), and documents inserted back from it. The configured database by default; tests and
// drills can name another database on the same server.
import { BSON, type Db, type Document } from 'mongodb';
import { getDb } from '../db';
import { ensureIndexes } from '../db/indexes';

export interface BackupDatabase {
	readonly name: string;
	/** Every collection of the database, system collections left out, sorted by name. */
	collections(): Promise<string[]>;
	count(collection: string): Promise<number>;
	/** Whether the collection holds any document (cheap, unlike a count on FerretDB v1). */
	hasDocuments(collection: string): Promise<boolean>;
	/** Each document as one line of canonical Extended JSON, in `_id` order. */
	read(collection: string): AsyncIterable<string>;
	/** Inserts documents given as canonical Extended JSON lines, in order. */
	insert(collection: string, lines: readonly string[]): Promise<void>;
	/** Creates the app's indexes (db/indexes.ts) that are missing. */
	ensureIndexes(): Promise<void>;
}

/** The configured database (MONGODB_URI or the embedded server, MONGODB_DB), or another
 * database of the same server by name. */
export async function openBackupDatabase(name?: string): Promise<BackupDatabase> {
	const configured = await getDb();
	const db = name && name !== configured.databaseName ? configured.client.db(name) : configured;
	return handle(db);
}

function handle(db: Db): BackupDatabase {
	return {
		name: db.databaseName,
		async collections() {
			const list = await db.listCollections({}, { nameOnly: true }).toArray();
			return list
				.map((c) => c.name)
				.filter((n) => !n.startsWith('system.'))
				.sort();
		},
		count: (collection) => db.collection(collection).countDocuments({}),
		async hasDocuments(collection) {
			return (await db.collection(collection).findOne({}, { projection: { _id: 1 } })) !== null;
		},
		async *read(collection) {
			// Logs are appended in `_id` order, so reading in `_id` order gives each log stream as a
			// prefix even while the app appends to it. promote*: false keeps the BSON types exact.
			const cursor = db.collection(collection).find(
				{},
				{
					sort: { _id: 1 },
					batchSize: 500,
					promoteValues: false,
					promoteLongs: false,
					promoteBuffers: false
				}
			);
			try {
				for await (const doc of cursor) yield BSON.EJSON.stringify(doc, { relaxed: false });
			} finally {
				await cursor.close();
			}
		},
		async insert(collection, lines) {
			if (lines.length === 0) return;
			const docs = lines.map((line) => BSON.EJSON.parse(line, { relaxed: false }) as Document);
			await db.collection(collection).insertMany(docs, { ordered: true });
		},
		ensureIndexes: () => ensureIndexes(db)
	};
}
