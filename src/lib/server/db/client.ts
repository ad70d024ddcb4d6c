// One MongoClient per process. Without MONGODB_URI the embedded FerretDB is started on a free
// loopback port with its data under DATA_DIR, and stopped when the process ends.
import { MongoClient, type Db } from 'mongodb';
import { env } from '../env';
import { logger } from '../logger.js';
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
		appName: 'quartiermarkt',
		monitorCommands: env.DB_SLOW_MS > 0
	});
	if (env.DB_SLOW_MS > 0) logSlowCommands(client, env.DB_SLOW_MS);
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

/**
 * Logs database commands slower than `slowMs` with their collection and the fields they filter
 * or sort on (never the values: they can be personal data), so that an operator sees which
 * query a slow page waits for, e.g. one the database answers without an index.
 */
function logSlowCommands(client: MongoClient, slowMs: number): void {
	const started = new Map<number, { collection: unknown; fields: string[] }>();
	client.on('commandStarted', (event) => {
		const command = event.command as Record<string, unknown>;
		const shape = (value: unknown) =>
			value && typeof value === 'object' ? Object.keys(value as object) : [];
		started.set(event.requestId, {
			collection: command[event.commandName],
			fields: [...shape(command.filter), ...shape(command.sort).map((f) => `sort:${f}`)]
		});
	});
	const done = (event: { requestId: number; commandName: string; duration: number }) => {
		const facts = started.get(event.requestId);
		started.delete(event.requestId);
		if (event.duration < slowMs || !facts) return;
		logger.warn(
			{
				command: event.commandName,
				collection: facts.collection,
				fields: facts.fields.join(','),
				ms: Math.round(event.duration)
			},
			'Slow database command'
		);
	};
	client.on('commandSucceeded', done);
	client.on('commandFailed', done);
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

/** Writes a server starts in the background (snapshots): closing the database waits for them,
 * so that a script or a shutdown does not cut one off half-way ("Client must be connected"). */
const background = new Set<Promise<unknown>>();

export function inBackground<T>(work: Promise<T>): Promise<T> {
	background.add(work);
	void work.then(
		() => background.delete(work),
		() => background.delete(work)
	);
	return work;
}

export async function closeDb(): Promise<void> {
	if (!connecting) return;
	await Promise.allSettled([...background]);
	const current = connecting;
	connecting = null;
	const { client, embedded } = await current;
	await client.close();
	await embedded?.stop();
}
