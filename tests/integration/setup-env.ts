// Runs before each integration test file: the app's modules talk to the SQLite-backed FerretDB,
// each file in its own database so that files cannot see each other's data.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';

process.env.MONGODB_URI = inject('ferretdb').sqlite;
process.env.MONGODB_DB = `it_${randomBytes(6).toString('hex')}`;

afterAll(async () => {
	const { closeDb, getDb } = await import('../../src/lib/server/db');
	const db = await getDb();
	await db.dropDatabase();
	await closeDb();
});
