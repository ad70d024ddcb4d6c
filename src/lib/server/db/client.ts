// One MongoClient per process. Without MONGODB_URI the embedded FerretDB is started on a free
// loopback port with its data under DATA_DIR, and stopped when the process ends.
import { MongoClient, type Db } from 'mongodb';
import { env } from '../env';
import { startEmbeddedFerretDB, type EmbeddedServer } from './embedded.js';
import { ensureIndexes } from './indexes';

let connecting: Promise<{ client: MongoClient; db: Db; embedded: EmbeddedServer | null }> | null =
	null;

async function connect() {
	const embedded = env.MONGODB_URI
		? null
		: await startEmbeddedFerretDB({ dataDir: env.DATA_DIR, bin: env.FERRETDB_BIN, shared: true });
	const uri = env.MONGODB_URI ?? embedded!.uri;
	const client = new MongoClient(uri, {
		serverSelectionTimeoutMS: 10_000,
		maxPoolSize: env.MONGODB_MAX_POOL_SIZE,
		appName: 'quartiermarkt'
	});
	try {
		await client.connect();
	} catch (err) {
		await embedded?.stop();
		throw new Error(
			`Cannot reach the database at ${redact(uri)}: ${(err as Error).message}\n` +
				'Check MONGODB_URI, or unset it to use the embedded database.',
			{ cause: err }
		);
	}
	const db = client.db(env.MONGODB_DB);
	await ensureIndexes(db);
	return { client, db, embedded };
}

function redact(uri: string): string {
	return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/** Set once the app shuts down: a job that wakes up afterwards must not open a new client,
 * which would keep the process alive. */
let shutDown = false;

// adapter-node emits this after a graceful shutdown (SIGTERM/SIGINT): stop the embedded server.
process.once('sveltekit:shutdown' as 'exit', () => {
	shutDown = true;
	void closeDb();
});

export async function getDb(): Promise<Db> {
	if (shutDown) throw new Error('The app is shutting down; no new database work is started.');
	connecting ??= connect().catch((err) => {
		connecting = null;
		throw err;
	});
	return (await connecting).db;
}

export async function closeDb(): Promise<void> {
	if (!connecting) return;
	const current = connecting;
	connecting = null;
	const { client, embedded } = await current;
	await client.close();
	await embedded?.stop();
}
