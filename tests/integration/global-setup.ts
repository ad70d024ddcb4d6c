// One throw-away FerretDB per backend for the whole integration run: SQLite (the embedded
// default) always, PostgreSQL when the server at TEST_POSTGRESQL_URL answers.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedFerretDB, type EmbeddedServer } from '../../src/lib/server/db/embedded.js';

export const DEFAULT_POSTGRESQL_URL = 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
	export interface ProvidedContext {
		ferretdb: { sqlite: string; postgresql: string | null; postgresqlProblem: string | null };
	}
}

const servers: EmbeddedServer[] = [];

export default async function setup(project: TestProject) {
	// One directory per run: two runs at once (two people, or a person and CI) must not wipe
	// each other's database.
	const base = path.resolve('.test-data', `integration-${process.pid}`);
	const sqliteDir = path.join(base, 'sqlite');
	rmSync(sqliteDir, { recursive: true, force: true });
	const sqlite = await startEmbeddedFerretDB({ dataDir: sqliteDir });
	servers.push(sqlite);

	let postgresql: string | null = null;
	let postgresqlProblem: string | null = null;
	try {
		const pgDir = path.join(base, 'postgresql');
		rmSync(pgDir, { recursive: true, force: true });
		const pg = await startEmbeddedFerretDB({
			dataDir: pgDir,
			handler: 'postgresql',
			postgresqlUrl: process.env.TEST_POSTGRESQL_URL ?? DEFAULT_POSTGRESQL_URL
		});
		servers.push(pg);
		postgresql = pg.uri;
	} catch (err) {
		postgresqlProblem = (err as Error).message.split('\n')[0] ?? 'unknown';
		console.warn(
			`FerretDB on PostgreSQL is not available, its tests are skipped: ${postgresqlProblem}`
		);
	}

	project.provide('ferretdb', { sqlite: sqlite.uri, postgresql, postgresqlProblem });

	return async () => {
		await Promise.all(servers.map((s) => s.stop()));
		rmSync(base, { recursive: true, force: true });
	};
}
