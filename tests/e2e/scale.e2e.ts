// The built app on an installation past the demo's size: a few thousand listings whose change
// log holds thousands of edits, closes, pauses and resumes (discards and re-adds in the search
// index), ledger entries and exchanges (bench/scale-seed.ts, size `test`). Once the app crashed
// at its first search after such a restart (MiniSearch's background vacuuming racing the replay,
// minisearch#306): the seed writes the log in the shape that set it off, a few hundred listings
// and many changes first, then thousands of listings with new words (with the index of 910ada7
// this test fails on the TypeError). Nothing else runs the app beyond ~150 listings. Not a timing test: it checks
// that the app stays up and answers right. `npm run bench -- scale` measures the same setup.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScaleFacts } from '../../bench/scale-seed';
import { formatMinutes } from '../../src/lib/domain/exchanges/minutes';
import {
	findFreePort,
	startEmbeddedFerretDB,
	type EmbeddedServer
} from '../../src/lib/server/db/embedded.js';
import { expect, test } from './fixtures';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qm-scale-'));
let database: EmbeddedServer | null = null;

test.afterAll(async () => {
	await database?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

interface App {
	origin: string;
	process: ChildProcess;
	/** What the app wrote to stderr: a crash leaves its stack here. */
	errors: () => string;
}

async function startApp(uri: string): Promise<App> {
	const port = await findFreePort();
	const origin = `http://127.0.0.1:${port}`;
	let errors = '';
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			MONGODB_URI: uri,
			MONGODB_DB: 'quartiermarkt',
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			NODE_ENV: 'test'
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) break;
		const up = await fetch(`${origin}/login`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return { origin, process: child, errors: () => errors };
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`the app did not start within 30 s: ${errors}`);
}

/** A request the app did not answer: why, with what the app wrote (its stack, if it crashed). */
async function unanswered(app: App, what: string, err: Error): Promise<never> {
	if (app.process.exitCode === null) {
		// 'close' comes after the last of stderr.
		const closed = new Promise((resolve) => app.process.once('close', resolve));
		await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
	}
	const state = app.process.exitCode === null ? 'is still up' : `exited (${app.process.exitCode})`;
	throw new Error(`${what}: ${err.message}; the app ${state} and wrote:\n${app.errors()}`);
}

async function stopApp(app: App): Promise<void> {
	if (app.process.exitCode !== null) return;
	const exited = new Promise((resolve) => app.process.once('exit', resolve));
	app.process.kill('SIGTERM');
	await exited;
}

async function seed(uri: string): Promise<ScaleFacts> {
	const out = path.join(dataDir, 'facts.json');
	const child = spawn(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'bench/scale-seed.ts', 'test', out],
		{
			env: { ...process.env, MONGODB_URI: uri, MONGODB_DB: 'quartiermarkt', DATA_DIR: dataDir },
			stdio: ['ignore', 'ignore', 'pipe']
		}
	);
	let errors = '';
	child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
	const code = await new Promise((resolve) => child.once('exit', resolve));
	expect(code, `the scale seed failed: ${errors}`).toBe(0);
	return JSON.parse(readFileSync(out, 'utf8')) as ScaleFacts;
}

/** The ids of the listings a result page links to. */
function listingIds(html: string): string[] {
	return [...html.matchAll(/\/listings\/([0-9a-f]{24})"/g)].map((m) => m[1]!);
}

test('thousands of listing changes: the restarted app stays up and answers right', async ({
	request
}) => {
	test.setTimeout(170_000);
	database = await startEmbeddedFerretDB({ dataDir });
	const facts = await seed(database.uri);
	expect(facts.counts.listingChanges).toBeGreaterThanOrEqual(3000);

	const app = await startApp(database.uri);
	const { origin } = app;
	const q = facts.quarterId;
	const member = { cookie: `qm_session=${facts.member.token}` };
	const manager = { cookie: `qm_session=${facts.managerToken}` };
	const alive = () => {
		expect(app.process.exitCode, `the app exited:\n${app.errors()}`).toBeNull();
	};
	const search = async (word: string) => {
		const res = await request
			.get(`${origin}/q/${q}?q=${word}`)
			.catch((err: Error) => unanswered(app, `search for ${word}`, err));
		expect(res.status(), `search for ${word}`).toBe(200);
		return listingIds(await res.text());
	};
	try {
		// The first search replays the whole log into the index.
		expect(await search(facts.shown.word)).toContain(facts.shown.id);
		// Background work the replay left behind (the crash came a moment after the first answer).
		for (let i = 0; i < 10; i++) {
			await search(['fahrrad', 'garten', 'nachhilfe', 'umzug', 'kueche'][i % 5]!);
			await new Promise((r) => setTimeout(r, 100));
		}
		alive();
		expect(await search(facts.closed.word)).not.toContain(facts.closed.id);
		expect(await search(facts.resumed.word)).toContain(facts.resumed.id);

		// Each page once, with what it must show.
		const page = async (url: string, headers: Record<string, string> = {}) => {
			const res = await request
				.get(`${origin}${url}`, { headers, maxRedirects: 0 })
				.catch((err: Error) => unanswered(app, url, err));
			expect(res.status(), url).toBe(200);
			return res.text();
		};
		await page('/favicon.svg');
		await page('/login');
		expect(await page(`/q/${q}/listings/${facts.shown.id}`)).toContain(
			`Holunderbluetensirup aus dem Hinterhof`
		);
		const account = await page(`/q/${q}/time-account`, member);
		expect(account).toContain(formatMinutes(facts.member.balanceMinutes, 'de'));
		expect(await page(`/manage/${q}/accounts`, manager)).toContain('Mitglied');
		await page(`/manage/${q}/impact`, manager);
		alive();

		// Edits racing searches: every answer right, nothing fails, the app stays up.
		const edits = facts.editable.map((listing) =>
			request.post(`${origin}/q/${q}/listings/${listing.id}/edit`, {
				headers: { ...member, origin, accept: 'text/html' },
				form: { ...listing.form, title: `${listing.form.title} (neu)` },
				maxRedirects: 0
			})
		);
		const searches = Array.from({ length: 40 }, (_, i) =>
			request.get(`${origin}/q/${q}?q=${facts.editable[i % facts.editable.length]!.word}`)
		);
		const answers = await Promise.all([...edits, ...searches]).catch((err: Error) =>
			unanswered(app, 'edits racing searches', err)
		);
		for (const res of answers.slice(0, edits.length)) expect(res.status()).toBe(303);
		for (const res of answers.slice(edits.length)) expect(res.status()).toBe(200);
		alive();
		// Under pre-moderation an edited listing waits for review: out of the search, and its
		// author sees the new title.
		for (const listing of facts.editable) {
			expect(await search(listing.word)).not.toContain(listing.id);
			expect(await page(`/q/${q}/listings/${listing.id}`, member)).toContain(
				`${listing.form.title} (neu)`
			);
		}
		expect(await search(facts.shown.word)).toContain(facts.shown.id);
		alive();
	} finally {
		await stopApp(app);
	}
	expect(app.errors()).not.toMatch(/TypeError|Unhandled|uncaught/i);
});
