// Starts the built app with a database: MONGODB_URI when set, otherwise the embedded FerretDB on
// the given data directory (started here, stopped when the app stops). Used by `npm run demo`
// and by the end-to-end tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedFerretDB } from '../src/lib/server/db/embedded.js';
import { fail, info, run, step } from './lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ dataDir: string, port: number, seed: boolean, env?: Record<string, string>, quiet?: boolean }} options
 * @returns {Promise<{ url: string, listen: string, done: Promise<number>, stop: () => Promise<void> }>}
 */
export async function serve(options) {
	if (!existsSync(path.join(root, 'build/index.js')))
		fail('The app is not built yet: run `npm run build` first.');

	let embedded = null;
	let uri = process.env.MONGODB_URI;
	if (!uri) {
		step(`Embedded database (FerretDB, SQLite) in ${path.relative(root, options.dataDir) || '.'}`);
		embedded = await startEmbeddedFerretDB({ dataDir: options.dataDir, shared: true });
		uri = embedded.uri;
		info(embedded.owned ? `started on ${uri}` : `already running on ${uri}, reusing it`);
	}
	/** @type {Record<string, string | undefined>} */
	const env = { ...process.env, MONGODB_URI: uri, DATA_DIR: options.dataDir, ...options.env };

	if (options.seed) {
		step('Demo data');
		const code = await run(
			process.execPath,
			[path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts'],
			{
				cwd: root,
				env
			}
		);
		if (code !== 0) {
			await embedded?.stop();
			fail('Seeding the demo data failed (see above).');
		}
	}

	step('Starting Quartiermarkt');
	// Forms are accepted only from ORIGIN (hooks.server.ts): locally it is the address the server
	// listens on, which is also the one adapter-node prints; the other loopback spelling
	// (localhost for 127.0.0.1) redirects there.
	const host = env.HOST ?? '127.0.0.1';
	const origin = env.ORIGIN ?? `http://${host.includes(':') ? `[${host}]` : host}:${options.port}`;
	const app = spawn(process.execPath, [path.join(root, 'build/index.js')], {
		cwd: root,
		env: {
			// Photos may be up to 8 MB; the app's own limit (hooks.server.ts) answers bigger uploads
			// with a translated message, so adapter-node's plain-text limit must lie above it.
			BODY_SIZE_LIMIT: '32M',
			...env,
			ORIGIN: origin,
			PORT: String(options.port),
			HOST: host
		},
		stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit'
	});
	const done = new Promise((resolve) => app.once('exit', (code) => resolve(code ?? 0)));
	const stop = async () => {
		if (app.exitCode === null) {
			app.kill('SIGTERM');
			await done;
		}
		await embedded?.stop();
	};
	done.then(() => embedded?.stop());
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => stop().then(() => process.exit(0)));
	}
	return { url: origin, listen: `${host}:${options.port}`, done, stop };
}
