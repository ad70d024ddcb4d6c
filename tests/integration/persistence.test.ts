// Restarting the embedded database keeps the data, and start-up (indexes) runs again cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedFerretDB } from '../../src/lib/server/db/embedded.js';
import { INDEXES, ensureIndexes } from '../../src/lib/server/db/indexes';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qm-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withServer<T>(fn: (client: MongoClient) => Promise<T>): Promise<T> {
	const server = await startEmbeddedFerretDB({ dataDir, shared: true });
	const client = new MongoClient(server.uri);
	try {
		await client.connect();
		return await fn(client);
	} finally {
		await client.close();
		await server.stop();
	}
}

describe('the embedded database across restarts', () => {
	it('keeps documents, dates and unique indexes', async () => {
		const when = new Date('2026-11-25T10:15:30.123Z');
		await withServer(async (client) => {
			const db = client.db('persist');
			await ensureIndexes(db);
			await db
				.collection('users')
				.insertOne({ _id: 'u1' as never, email: 'bleibt@beispiel.de', createdAt: when });
		});
		await withServer(async (client) => {
			const db = client.db('persist');
			// Second start-up: creating the indexes again must not fail (FerretDB v1.24.2 panics when
			// one createIndexes call names several existing indexes; ensureIndexes avoids that).
			await ensureIndexes(db);
			await ensureIndexes(db);
			const user = await db.collection('users').findOne({ _id: 'u1' as never });
			expect(user).toMatchObject({ email: 'bleibt@beispiel.de', createdAt: when });
			await expect(
				db.collection('users').insertOne({ _id: 'u2' as never, email: 'bleibt@beispiel.de' })
			).rejects.toMatchObject({ code: 11000 });
			for (const [name, indexes] of Object.entries(INDEXES)) {
				const names = (await db.collection(name).listIndexes().toArray()).map((i) => i.name);
				for (const index of indexes) expect(names).toContain(index.name);
			}
		});
	});

	it('replaces a server whose owner died without stopping it', async () => {
		const first = await startEmbeddedFerretDB({ dataDir, shared: true });
		// Pretend the owner was killed: a second process sees a live server with a dead owner.
		const { writeFileSync, readFileSync } = await import('node:fs');
		const stateFile = path.join(dataDir, 'embedded-ferretdb.json');
		const state = JSON.parse(readFileSync(stateFile, 'utf8'));
		writeFileSync(stateFile, JSON.stringify({ ...state, ownerPid: 2 ** 22 + 12345 }));
		const second = await startEmbeddedFerretDB({ dataDir, shared: true });
		expect(second.owned).toBe(true);
		expect(second.port).not.toBe(first.port);
		await first.stop();
		// The replaced server's stop leaves the new server's state alone.
		expect(JSON.parse(readFileSync(stateFile, 'utf8')).pid).not.toBe(state.pid);
		await second.stop();
	});
});
