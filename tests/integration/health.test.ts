// /healthz's service against the real database: 200 while it answers, 503 once it is stopped;
// a failing job is shown; the read models' lag is counted from what another server appended.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedFerretDB } from '../../src/lib/server/db/embedded.js';
import { JobRunner } from '../../src/lib/server/jobs';
import { logger } from '../../src/lib/server/logger.js';
import { Log, type LogStore } from '../../src/lib/server/logs';
import { pingDatabase } from '../../src/lib/server/repos/health';
import { createHealth, health, healthHttpStatus } from '../../src/lib/server/services/health';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qm-health-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('/healthz', () => {
	it('is 200 with the database reachable and every job listed', async () => {
		const report = await health.report();
		expect(healthHttpStatus(report)).toBe(200);
		expect(report.database.reachable).toBe(true);
		expect(report.readModels).not.toBeNull();
		expect(JSON.stringify(report)).not.toMatch(/mongodb:\/\/|password|secret/i);
	});

	it('is 503 within the ping timeout once the database is stopped', async () => {
		const server = await startEmbeddedFerretDB({ dataDir });
		const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 30_000 });
		await client.connect();
		const runner = new JobRunner();
		const level = logger.level;
		logger.level = 'silent';
		try {
			const probe = createHealth({
				ping: () => pingDatabase(1_000, client.db('health')),
				lag: async () => [],
				jobs: () => runner.statuses()
			});
			expect(healthHttpStatus(await probe.report())).toBe(200);

			await server.stop();
			const started = Date.now();
			const report = await probe.report();
			expect(Date.now() - started).toBeLessThan(5_000);
			expect(healthHttpStatus(report)).toBe(503);
			expect(report).toMatchObject({
				status: 'down',
				database: { reachable: false },
				readModels: null
			});

			// A failing job keeps the server healthy (200) but shows as degraded.
			const job = runner.register({
				name: 'always-fails',
				everyMs: 60_000,
				run: async () => {
					throw new Error('SMTP down');
				}
			});
			await job.runNow();
			const degraded = await createHealth({
				ping: async () => ({ ok: true, ms: 1 }),
				lag: async () => [],
				jobs: () => runner.statuses()
			}).report();
			expect(healthHttpStatus(degraded)).toBe(200);
			expect(degraded.status).toBe('degraded');
			expect(degraded.jobs[0]).toMatchObject({
				name: 'always-fails',
				lastOk: false,
				lastError: 'SMTP down',
				failures: 1
			});
		} finally {
			logger.level = level;
			runner.stopAll();
			await client.close(true);
			await server.stop();
		}
	});

	it("counts a read model's entries not yet in memory without reading the whole log", async () => {
		const stored = new Map<string, number>();
		let finds = 0;
		const store: LogStore<{ n: number }> = {
			async insert(stream, seq) {
				const key = `${stream}:${seq}`;
				if (stored.has(key)) return 'taken';
				stored.set(key, seq);
				return 'inserted';
			},
			async find(stream, seq) {
				finds++;
				return stored.has(`${stream}:${seq}`) ? { n: seq } : null;
			}
		};
		const spec = {
			name: 'lag-test',
			store,
			seqOf: (e: { n: number }) => e.n,
			empty: () => 0,
			apply: () => {},
			freshMs: 60_000,
			maxStreams: 10
		};
		const mine = new Log<number, { n: number }>(spec);
		const other = new Log<number, { n: number }>(spec);
		for (let i = 0; i < 3; i++) await mine.append('a', () => ({ ok: true, entry: { n: i + 1 } }));
		expect(await mine.lag()).toMatchObject({ streams: 1, behind: 0, entries: 0 });
		// Another server appends two entries: this one's state is two behind.
		await other.read('a');
		await other.append('a', (_, seq) => ({ ok: true, entry: { n: seq } }));
		await other.append('a', (_, seq) => ({ ok: true, entry: { n: seq } }));
		finds = 0;
		expect(await mine.lag()).toMatchObject({
			name: 'lag-test',
			streams: 1,
			probed: 1,
			behind: 1,
			entries: 2
		});
		expect(finds).toBeLessThanOrEqual(16);
		// The lag changes nothing: the state catches up only when a read asks for it.
		expect(await mine.head('a')).toBe(3);
		expect(await mine.refresh('a')).toBe(0);
		expect(await mine.lag()).toMatchObject({ behind: 0, entries: 0 });
	});
});
