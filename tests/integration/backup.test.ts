// Backup and restore against the real FerretDB: the demo data seeded, backed up, restored into
// a fresh database and checked there by a fresh process (the same ledger verification and
// cockpit figures, the same documents with their exact BSON types); a restore into a database
// that holds data, and from a cut-off, damaged or newer-format file, is refused and writes nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../scripts/seed';
import { getDb } from '../../src/lib/server/db';
import {
	createBackup,
	openBackupDatabase,
	restoreBackup,
	type BackupDatabase,
	type BackupResult
} from '../../src/lib/server/services/backup';
import { probe, PROBE_MARK } from './backup-probe';

const dir = mkdtempSync(path.join(tmpdir(), 'qm-backup-'));
const file = path.join(dir, 'demo.qmbackup.gz');
const now = new Date();
const created: BackupDatabase[] = [];
let source: BackupDatabase;
let backup: BackupResult;
/** The source database as the first test read it. */
let original: Record<string, string[]> | undefined;

/** A database of our own on the test server, dropped at the end. */
async function freshDatabase(suffix: string): Promise<BackupDatabase> {
	const database = await openBackupDatabase(`${process.env.MONGODB_DB}_${suffix}`);
	created.push(database);
	return database;
}

/** Every collection as its documents in canonical EJSON, in `_id` order. */
async function dump(database: BackupDatabase): Promise<Record<string, string[]>> {
	const all: Record<string, string[]> = {};
	for (const name of await database.collections()) {
		const lines: string[] = [];
		for await (const line of database.read(name)) lines.push(line);
		if (lines.length) all[name] = lines;
	}
	return all;
}

/** The probe's JSON from its output, after any log lines (a slow command under load). */
function probeAnswer(out: string) {
	const line = out.split('\n').find((l) => l.startsWith(PROBE_MARK));
	if (!line) throw new Error(`the probe printed no answer:\n${out}`);
	return JSON.parse(line.slice(PROBE_MARK.length));
}

function probeInProcess(database: string): Promise<Awaited<ReturnType<typeof probe>>> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'tests/integration/backup-probe.ts', now.toISOString()],
			{ env: { ...process.env, MONGODB_DB: database }, stdio: ['ignore', 'pipe', 'inherit'] }
		);
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(probeAnswer(out)) : reject(new Error(`probe exited with ${code}`))
		);
	});
}

function runRestoreCli(database: string, backupFile: string) {
	return new Promise<{ code: number; output: string }>((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', backupFile], {
			env: { ...process.env, MONGODB_DB: database },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code) => resolve({ code: code ?? 1, output }));
	});
}

/** The file's text with `edit` applied, gzip'd again into a new file. */
function edited(name: string, edit: (text: string) => string): string {
	const target = path.join(dir, name);
	const text = gunzipSync(readFileSync(file)).toString('utf8');
	const changed = edit(text);
	if (changed === text) throw new Error(`the edit for ${name} changed nothing`);
	writeFileSync(target, gzipSync(changed));
	return target;
}

beforeAll(async () => {
	await seed(() => {});
	source = await openBackupDatabase();
	backup = await createBackup({ file, app: 'quartiermarkt test', database: source });
}, 90_000);

afterAll(async () => {
	const db = await getDb();
	for (const database of created) await db.client.db(database.name).dropDatabase();
	rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of the demo data', () => {
	it('restores every document exactly, and a fresh process finds the same ledgers and figures', async () => {
		const before = await probe(now);
		expect(before.problems).toBe(0);
		expect(before.quarters.find((q) => q.quarterId === 'nordstadt')!.entries).toBeGreaterThan(100);

		const target = await freshDatabase('restored');
		const outcome = await restoreBackup({ file, database: target });
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.documents).toBe(backup.documents);
		expect(outcome.counts).toEqual(backup.counts);

		original = await dump(source);
		const restored = await dump(target);
		expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort());
		for (const name of Object.keys(original)) {
			expect(restored[name]!.length, name).toBe(original[name]!.length);
			expect(restored[name], name).toEqual(original[name]);
		}
		// Types survive, not only values: dates stay dates.
		expect(restored.users![0]).toContain('"createdAt":{"$date":');

		const after = await probeInProcess(target.name);
		expect(after).toEqual(before);
	}, 120_000);

	it('refuses a database that holds data and changes nothing', async () => {
		const before = original ?? (await dump(source));
		const outcome = await restoreBackup({ file, database: source });
		expect(outcome).toMatchObject({ ok: false, problem: 'not_empty' });

		const cli = await runRestoreCli(source.name, file);
		expect(cli.code).toBe(1);
		expect(cli.output).toContain('is not empty');
		expect(await dump(source)).toEqual(before);
	}, 30_000);

	it.each([
		[
			'cut-off gzip',
			() => {
				const target = path.join(dir, 'cut.gz');
				const bytes = readFileSync(file);
				writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
				return target;
			},
			/damaged or cut off/
		],
		[
			'cut at a line, gzip intact',
			() => edited('lines.gz', (text) => text.split('\n').slice(0, 1000).join('\n') + '\n'),
			/no trailer/
		],
		[
			'a changed document',
			() =>
				edited('changed.gz', (text) =>
					text.replace('"minutes":{"$numberInt":"60"}', '"minutes":{"$numberInt":"600"}')
				),
			/checksum/
		],
		[
			'a newer format',
			() => edited('newer.gz', (text) => text.replace('"version":1,', '"version":2,')),
			/format version 2/
		]
	])('refuses %s before writing anything', async (_, make, message) => {
		const target = await freshDatabase(`bad${created.length}`);
		const outcome = await restoreBackup({ file: make(), database: target });
		expect(outcome).toMatchObject({ ok: false, problem: 'bad_file' });
		if (!outcome.ok) expect(outcome.message).toMatch(message);
		for (const name of await target.collections()) expect(await target.count(name), name).toBe(0);
	});
});
