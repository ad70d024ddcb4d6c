// `npm run bench -- scale`: the built app on a large installation (bench/scale-seed.ts: 10,000
// members, 50,000 listings, 200,000 ledger entries, 100,000 exchange events, 20,000
// conversations) on a throw-away embedded FerretDB (SQLite). Prints the cold start (process start
// to the first answered search), the app's memory once loaded, p50/p95 under 50 connections for
// the pages people use most beside a static file, and the JavaScript each page loads (its
// entries and all they import, gzipped). Targets are printed as met or not met; the bench never
// fails on them. BENCH_SCALE=small runs a tenth of the size (BENCH_SCALE=test the regression
// test's); BENCH_SCALE_SECONDS sets the seconds per route.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MongoClient } from 'mongodb';
import {
	findFreePort,
	startEmbeddedFerretDB,
	type EmbeddedServer
} from '../src/lib/server/db/embedded.js';
import { SIZES, type ScaleFacts } from './scale-seed';
import {
	SEARCH_PATHS,
	ensureBuilt,
	load,
	profilerPreload,
	rssMiB,
	runChild,
	type Row
} from './search';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

const TARGETS = {
	coldStartSeconds: 5,
	rssMiB: 400,
	ratio: 3,
	listingJsKiB: 50
};

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

interface Route {
	name: string;
	paths: string[];
	headers: Record<string, string>;
	/** The page whose JavaScript is summed (null for the static file). */
	page: string | null;
	/** Held to the 3× static target. */
	target?: boolean;
}

const CLIENT_MANIFEST = path.join(root, '.svelte-kit/output/client/.vite/manifest.json');

interface ManifestChunk {
	file: string;
	imports?: string[];
}

/** Vite's manifest of the client build: chunks by source, each with the chunks it imports. */
function readClientManifest(): Record<string, ManifestChunk> {
	if (!existsSync(CLIENT_MANIFEST)) {
		throw new Error(`${CLIENT_MANIFEST} is missing: run \`npm run build\` first`);
	}
	return JSON.parse(readFileSync(CLIENT_MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
}

/**
 * The JS files a page loads: the entries its HTML names (the `import()`s of SvelteKit's start
 * script, modulepreload links, script tags, and the route's nodes by `node_ids`), with
 * everything they import, followed through the client manifest. Dynamic imports are left out:
 * the browser fetches them only when they are used (the nodes of other routes, for one).
 */
function scriptsOf(html: string, pageUrl: string, manifest: Record<string, ManifestChunk>) {
	const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
	const roots = new Set<string>();
	const named = [
		...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g),
		...html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="modulepreload"/g),
		...html.matchAll(/<script[^>]+src="([^"]+)"/g),
		...html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)
	];
	for (const m of named) {
		const file = decodeURIComponent(new URL(m[1]!, pageUrl).pathname).replace(/^\//, '');
		const key = keyOfFile.get(file);
		if (!key) throw new Error(`${pageUrl} loads ${file}, which the client manifest does not list`);
		roots.add(key);
	}
	for (const m of html.matchAll(/node_ids:\s*\[([\d,\s]*)\]/g)) {
		for (const id of m[1]!
			.split(',')
			.map((n) => n.trim())
			.filter(Boolean)) {
			// SvelteKit 3 generates the nodes under generated/build/, SvelteKit 2 under generated/.
			const key = [
				`.svelte-kit/generated/build/client-optimized/nodes/${id}.js`,
				`.svelte-kit/generated/client-optimized/nodes/${id}.js`
			].find((k) => manifest[k]);
			if (!key) throw new Error(`the client manifest has no node ${id} (${pageUrl})`);
			roots.add(key);
		}
	}
	const files = new Set<string>();
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		const chunk = manifest[key];
		if (!chunk) throw new Error(`the client manifest has no chunk ${key}`);
		if (chunk.file.endsWith('.js')) files.add(chunk.file);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	for (const key of roots) visit(key);
	return [...files];
}

/** Gzipped bytes of every JS file a page loads, read from the build output. */
function gzippedJs(
	html: string,
	pageUrl: string,
	manifest: Record<string, ManifestChunk>
): { files: number; bytes: number } {
	let bytes = 0;
	const files = scriptsOf(html, pageUrl, manifest);
	for (const file of files) {
		const built = path.join(root, 'build/client', file);
		// The manifest belongs to another build than build/ (a build stopped half-way).
		if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` again`);
		bytes += gzipSync(readFileSync(built), { level: 9 }).length;
	}
	return { files: files.length, bytes };
}

/**
 * The connections to the app's port that the app has not closed (Linux, from /proc/net). Null
 * where there is no /proc.
 */
function openConnections(port: number): number | null {
	let count = 0;
	let read = false;
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text: string;
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		read = true;
		for (const line of text.split('\n').slice(1)) {
			const [, local, , state] = line.trim().split(/\s+/);
			if (!local || !state) continue;
			// 0A is LISTEN; 06 (TIME_WAIT) and 07 (CLOSE) hold nothing the app still works on.
			if (parseInt(local.split(':')[1]!, 16) !== port) continue;
			if (state !== '0A' && state !== '06' && state !== '07') count++;
		}
	}
	return read ? count : null;
}

/** CPU time (clock ticks) of this process's children: the app and its database. */
function childrenTicks(): number | null {
	let ticks = 0;
	let entries: string[];
	try {
		entries = readdirSync('/proc');
	} catch {
		return null;
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// After the name: state, parent, ..., utime (12th) and stime (13th).
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[1]) !== process.pid) continue;
			ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// The process ended while we looked.
		}
	}
	return ticks;
}

/**
 * Waits until the app has finished what autocannon's connections had sent, at most `limitMs`.
 * autocannon closes its connections when the time is up and Node closes its side at once, but
 * the requests they carried go on inside the app (and its database): stopped then, the app
 * printed their errors after the summary, and the next route was measured beside them. So wait
 * for the sockets to close, then until the app and its database use (almost) no CPU for a
 * second. Without /proc, waits `fallbackMs`.
 */
async function settle(port: number, limitMs: number, fallbackMs: number): Promise<void> {
	const started = performance.now();
	const pause = () => new Promise((r) => setTimeout(r, 250));
	const late = () => performance.now() - started > limitMs;
	if (openConnections(port) === null || childrenTicks() === null) {
		await new Promise((r) => setTimeout(r, Math.min(limitMs, fallbackMs)));
		return;
	}
	while ((openConnections(port) ?? 0) > 0 && !late()) await pause();
	// Four samples a quarter second apart: at most 5 ticks (50 ms of CPU) in the last second.
	const samples: number[] = [childrenTicks() ?? 0];
	while (!late()) {
		await pause();
		samples.push(childrenTicks() ?? 0);
		if (samples.length > 5) samples.shift();
		if (samples.length === 5 && samples[4]! - samples[0]! <= 5) return;
	}
	console.log(`  (the app was still busy ${limitMs / 1000} s after the route)`);
}

async function get(url: string, headers: Record<string, string> = {}) {
	const res = await fetch(url, { headers, redirect: 'manual' });
	const body = await res.text();
	return { status: res.status, body };
}

/** Starts the built app and waits for its first answered search; the exit code, once it has
 * exited, is read through `exitCode()`. */
async function startTimed(
	env: NodeJS.ProcessEnv,
	logFile: string,
	searchUrl: string
): Promise<{ app: ChildProcess; seconds: number; exitCode: () => number | null }> {
	const t = performance.now();
	const app = startApp(env, logFile);
	let code: number | null = null;
	app.once('exit', (c) => (code = c ?? 1));
	for (;;) {
		if (code !== null) throw new Error(`the app exited (code ${code}) before answering`);
		if (performance.now() - t > 300_000) throw new Error('no search answered within 300 s');
		try {
			const res = await get(searchUrl);
			if (res.status === 200) {
				return { app, seconds: (performance.now() - t) / 1000, exitCode: () => code };
			}
			throw new Error(`the first search answered ${res.status}`);
		} catch (err) {
			if ((err as Error).message.startsWith('the first search')) throw err;
			await new Promise((r) => setTimeout(r, 50));
		}
	}
}

/** Waits until the app has stored the listing snapshot at the log's head (written in the
 * background after a long replay). */
/** Waits until the app stored a snapshot of a log stream up to `head` (e.g. `listings|`). */
async function waitForSnapshot(uri: string, id: string, head: number): Promise<void> {
	const client = new MongoClient(uri);
	try {
		const snapshots = client
			.db('quartiermarkt')
			.collection<{ _id: string; seq?: number }>('snapshots');
		const t = performance.now();
		while (((await snapshots.findOne({ _id: id }))?.seq ?? 0) < head) {
			if (performance.now() - t > 300_000) throw new Error(`no snapshot ${id} within 300 s`);
			await new Promise((r) => setTimeout(r, 200));
		}
	} finally {
		await client.close();
	}
}

/** The built app; its log (JSON lines) goes to `logFile`, read for slow database commands. */
function startApp(env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
	const log = openSync(logFile, 'a');
	return spawn(process.execPath, [path.join(root, 'build/index.js')], {
		cwd: root,
		env: { ...env, LOG_FORMAT: 'json' },
		stdio: ['ignore', log, 'inherit']
	});
}

/** The app's "Slow database command" lines, counted by command, collection and fields. */
function slowCommands(logFile: string): string[] {
	const counts = new Map<string, { n: number; maxMs: number }>();
	for (const line of readFileSync(logFile, 'utf8').split('\n')) {
		if (!line.includes('Slow database command')) continue;
		try {
			const e = JSON.parse(line) as Record<string, unknown>;
			const key = `${e.command} ${e.collection} {${e.fields}}`;
			const c = counts.get(key) ?? { n: 0, maxMs: 0 };
			counts.set(key, { n: c.n + 1, maxMs: Math.max(c.maxMs, Number(e.ms)) });
		} catch {
			// a line cut off at the end of the run
		}
	}
	return [...counts]
		.sort((a, b) => b[1].n - a[1].n)
		.map(([key, c]) => `${key}: ${c.n}× (up to ${c.maxMs} ms)`);
}

async function stopApp(app: ChildProcess): Promise<void> {
	if (app.exitCode !== null) return;
	const exited = new Promise((resolve) => app.once('exit', resolve));
	app.kill('SIGTERM');
	const timer = setTimeout(() => app.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

export async function benchScale(): Promise<void> {
	const sizeName = process.env.BENCH_SCALE ?? 'full';
	const size = SIZES[sizeName];
	if (!size)
		throw new Error(`BENCH_SCALE=${sizeName}: use one of ${Object.keys(SIZES).join(', ')}`);
	const duration = Number(process.env.BENCH_SCALE_SECONDS ?? (sizeName === 'full' ? 10 : 5));
	if (!Number.isFinite(duration) || duration < 1) {
		throw new Error(
			`BENCH_SCALE_SECONDS=${process.env.BENCH_SCALE_SECONDS}: give the seconds per route, 1 or more`
		);
	}
	const connections = 50;
	const profileDir = process.env.BENCH_SCALE_CPU_PROF;
	console.log(
		`\n▸ Scale (${size.name}): ${size.members.toLocaleString('en')} members, ${size.listings.toLocaleString('en')} listings, ` +
			`${size.ledgerEntries.toLocaleString('en')} ledger entries, ${size.exchangeEvents.toLocaleString('en')} exchange events, ` +
			`${size.conversations.toLocaleString('en')} conversations; ${connections} connections, ${duration} s per route`
	);
	await ensureBuilt();
	const manifest = readClientManifest();

	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qm-bench-scale-'));
	let database: EmbeddedServer | null = null;
	let app: ChildProcess | null = null;
	try {
		database = await startEmbeddedFerretDB({ dataDir });
		const dbEnv = { MONGODB_URI: database.uri, MONGODB_DB: 'quartiermarkt', DATA_DIR: dataDir };
		const factsFile = path.join(dataDir, 'facts.json');
		const t = performance.now();
		const code = await runChild([path.join(root, 'bench/scale-seed.ts'), size.name, factsFile], {
			...process.env,
			...dbEnv
		});
		if (code !== 0) throw new Error(`seeding failed (exit code ${code}), see above`);
		const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as ScaleFacts;
		console.log(`  seeded in ${since(t)}`);

		const port = await findFreePort();
		const base = `http://127.0.0.1:${port}`;
		const q = facts.quarterId;
		const searchPaths = SEARCH_PATHS.filter((p) => p.startsWith(`/q/${q}`));
		const logFile = path.join(dataDir, 'app.log');
		const appEnv = {
			...process.env,
			...dbEnv,
			// The built app as in production; 'test' because production refuses an http ORIGIN
			// and a missing SMTP_URL (src/lib/server/config.js), which a local bench has.
			NODE_ENV: 'test',
			BODY_SIZE_LIMIT: '32M',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			// Database commands slower than this are logged and summed up at the end.
			DB_SLOW_MS: process.env.DB_SLOW_MS ?? '250'
		};
		// First start: the seed wrote the listing log directly, so the app replays all of it (as
		// after an upgrade that changes the listing fold) and stores a snapshot.
		let started = await startTimed(appEnv, logFile, `${base}${searchPaths[0]}`);
		app = started.app;
		const firstStart = started.seconds;
		console.log(
			`  first start: ${firstStart.toFixed(2)} s to the first answered search, replaying the whole listing log`
		);
		await waitForSnapshot(database.uri, 'listings|', facts.listingLogHead);
		// The quarter's ledger too: its first read folds the whole log and stores a snapshot,
		// which every later start reads instead (as a running installation has one).
		const ledgerStarted = performance.now();
		const first = await get(`${base}/q/${facts.quarterId}/time-account`, {
			cookie: `qm_session=${facts.member.token}`
		});
		if (first.status !== 200) throw new Error(`the time account answered ${first.status}`);
		console.log(
			`  first time account view, folding the whole ledger log (${facts.ledgerLogHead.toLocaleString('en')} entries): ${ms(performance.now() - ledgerStarted)}`
		);
		await waitForSnapshot(database.uri, `ledger|${facts.quarterId}`, facts.ledgerLogHead);
		await stopApp(app);
		// Cold start as every later restart: the snapshot plus the log's tail.
		// BENCH_SCALE_CPU_PROF=dir: a CPU profile of the app per route (app-N.cpuprofile, N in
		// the order of the routes below; open in Chrome's DevTools or speedscope).
		started = await startTimed(
			profileDir
				? {
						...appEnv,
						NODE_OPTIONS: `--require ${profilerPreload(dataDir, path.resolve(profileDir))}`
					}
				: appEnv,
			logFile,
			`${base}${searchPaths[0]}`
		);
		app = started.app;
		const cold = started.seconds;
		const exitCode = started.exitCode;
		console.log(
			`  cold start: ${cold.toFixed(2)} s to the first answered search, from the snapshot (pid ${app.pid})`
		);

		const member = { cookie: `qm_session=${facts.member.token}` };
		const manager = { cookie: `qm_session=${facts.managerToken}` };
		const routes: Route[] = [
			{ name: 'static file', paths: ['/favicon.svg'], headers: {}, page: null },
			{ name: '/login', paths: ['/login'], headers: {}, page: '/login' },
			{
				name: `search (${searchPaths.length} URLs)`,
				paths: searchPaths,
				headers: {},
				page: searchPaths[0]!,
				target: true
			},
			{
				name: `listing page (${facts.sample.length} listings)`,
				paths: facts.sample.map((id) => `/q/${q}/listings/${id}`),
				headers: {},
				page: `/q/${q}/listings/${facts.sample[0]}`,
				target: true
			},
			{
				name: 'time account (signed in)',
				paths: [`/q/${q}/time-account`],
				headers: member,
				page: `/q/${q}/time-account`,
				target: true
			},
			{
				name: 'cockpit accounts (manager)',
				paths: [`/manage/${q}/accounts`],
				headers: manager,
				page: `/manage/${q}/accounts`
			},
			{
				name: 'impact report (manager)',
				paths: [`/manage/${q}/impact`],
				headers: manager,
				page: `/manage/${q}/impact`
			}
		];

		// Every page once (loads the ledger, exchanges and conversations), with its JavaScript.
		const js = new Map<string, { files: number; bytes: number }>();
		for (const route of routes) {
			const started = performance.now();
			for (const p of route.paths.slice(0, 3)) {
				const res = await get(`${base}${p}`, route.headers);
				if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
			}
			if (route.page) {
				const res = await get(`${base}${route.page}`, route.headers);
				js.set(route.name, gzippedJs(res.body, `${base}${route.page}`, manifest));
			}
			console.log(`  first views of ${route.name}: ${ms(performance.now() - started)}`);
		}
		const rss = rssMiB(app.pid ?? null);
		console.log(`  app memory (VmRSS) once loaded: ${rss === null ? '?' : rss.toFixed(0)} MiB`);

		const rows: Row[] = [];
		const answered = (row: Row) => row.requests > 0;
		const noAnswer = `no answer within ${duration} s`;
		for (const route of routes) {
			const row = await load(base, route.name, route.paths, route.headers, connections, duration);
			rows.push(row);
			if (profileDir) app.kill('SIGUSR2');
			// Let the app finish what autocannon had sent before the next route (and before it is
			// stopped, after the summary).
			await settle(port, 120_000, Math.min(30_000, Math.max(row.max, duration * 1000)));
			console.log(
				`  ${route.name}: ` +
					(answered(row)
						? `${row.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(row.p50)}, p95 ${ms(row.p95)}`
						: noAnswer) +
					(row.errors || row.non2xx ? ` (${row.errors} errors, ${row.non2xx} non-2xx)` : '')
			);
			if (exitCode() !== null) throw new Error(`the app exited (code ${exitCode()}) under load`);
		}
		const rssAfter = rssMiB(app.pid ?? null);

		const staticP95 = rows[0]!.p95;
		const ratio = (r: Row) => r.p95 / staticP95;
		const ratioText = (r: Row) =>
			answered(r) && answered(rows[0]!) ? `${ratio(r).toFixed(1)} x` : '-';
		const kib = (bytes: number) => bytes / 1024;
		const header = ['route', 'req/s', 'p50', 'p95', 'p95/static', 'JS gzip', 'target'];
		const table = routes.map((route, i) => {
			const row = rows[i]!;
			const script = js.get(route.name);
			const targets: string[] = [];
			if (route.target) {
				targets.push(
					`p95 <= ${TARGETS.ratio}x static ${answered(row) && answered(rows[0]!) ? met(ratio(row) <= TARGETS.ratio) : '?'}`
				);
			}
			if (route.name.startsWith('listing page') && script) {
				targets.push(
					`JS <= ${TARGETS.listingJsKiB} kB ${met(kib(script.bytes) <= TARGETS.listingJsKiB)}`
				);
			}
			return [
				route.name,
				row.requestsPerSecond.toFixed(0),
				answered(row) ? ms(row.p50) : noAnswer,
				answered(row) ? ms(row.p95) : '-',
				ratioText(row),
				script ? `${kib(script.bytes).toFixed(1)} kB (${script.files} files)` : '-',
				targets.join('; ')
			];
		});
		const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
		const line = (cells: string[]) =>
			'  ' +
			cells
				.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
				.join(' | ')
				.trimEnd();
		console.log('');
		console.log(line(header));
		console.log('  ' + widths.map((w) => '-'.repeat(w)).join('-|-'));
		for (const row of table) console.log(line(row));
		console.log(
			`  first start ${firstStart.toFixed(2)} s (whole log); cold start ${cold.toFixed(2)} s from the snapshot (target <= ${TARGETS.coldStartSeconds} s: ${met(cold <= TARGETS.coldStartSeconds)}); ` +
				`RSS ${rss?.toFixed(0) ?? '?'} MiB once loaded, ${rssAfter?.toFixed(0) ?? '?'} MiB after the load ` +
				`(target <= ${TARGETS.rssMiB} MiB: ${rss === null ? '?' : met(rss <= TARGETS.rssMiB)}); ` +
				`seeded: ${Object.entries(facts.counts)
					.map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
					.join(', ')}`
		);
		const slow = slowCommands(logFile);
		console.log(
			slow.length === 0
				? `  no database command took ${process.env.DB_SLOW_MS ?? '250'} ms or more`
				: `  database commands of ${process.env.DB_SLOW_MS ?? '250'} ms or more:\n${slow.map((l) => `    ${l}`).join('\n')}`
		);
		const search = rows[2]!;
		const account = rows[4]!;
		const p95Text = (r: Row) =>
			answered(r) ? `p95 ${r.p95.toFixed(1)} ms = ${ratioText(r)} static` : noAnswer;
		// The app is stopped (finally) only now: every connection of the last route is closed, so
		// nothing it writes about them comes after this line.
		console.log(
			`scale: cold start ${cold.toFixed(2)} s; RSS ${rss?.toFixed(0) ?? '?'} MiB; ` +
				`search ${p95Text(search)}; time account ${p95Text(account)}`
		);
	} finally {
		if (app) await stopApp(app);
		await database?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

const entry = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (import.meta.url === entry) {
	try {
		await benchScale();
	} catch (err) {
		console.error(`\n✖ Scale bench failed: ${(err as Error).message}`);
		process.exitCode = 1;
	}
}
