// `npm run demo`: on a fresh clone installs what is missing, builds the app when the sources
// changed, seeds the German demo quarter on first run and serves it on http://127.0.0.1:3000
// (the one address it prints; http://localhost:3000 redirects there). Reads .env; the demo is
// always local: development mode, /dev/mail on, ORIGIN the address it listens on.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { info, main, runOrFail, seconds, step } from './lib.js';
import { setup } from './setup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'paraglide') newest = Math.max(newest, newestMtime(full));
		} else newest = Math.max(newest, statSync(full).mtimeMs);
	}
	return newest;
}

function buildIsStale() {
	const built = path.join(root, 'build/index.js');
	if (!existsSync(built)) return true;
	const sources = ['src', 'messages', 'static'].map((d) => newestMtime(path.join(root, d)));
	const configs = ['package-lock.json', 'kit.config.js', 'vite.config.ts'].map(
		(f) => statSync(path.join(root, f)).mtimeMs
	);
	return Math.max(...sources, ...configs) > statSync(built).mtimeMs;
}

await main(async () => {
	const started = Date.now();
	await setup();
	step('Building the app');
	if (buildIsStale())
		await runOrFail('npm', ['run', 'build', '--silent'], 'The build', { cwd: root });
	else info('build is up to date');

	// Imported only now: they need the packages that setup() installed.
	const { loadDotEnv } = await import('../src/lib/server/config.js');
	loadDotEnv();
	const { serve } = await import('./serve.js');
	const port = Number(process.env.PORT ?? 3000);
	// Listening on every interface (HOST=0.0.0.0) still means one address to open: 127.0.0.1.
	const listen = process.env.HOST ?? '127.0.0.1';
	const host = listen === '0.0.0.0' || listen === '::' ? '127.0.0.1' : listen;
	const server = await serve({
		dataDir: process.env.DATA_DIR ?? path.join(root, 'data'),
		port,
		seed: true,
		env: {
			NODE_ENV: 'development',
			DEV_MAIL: '1',
			ORIGIN: `http://${host}:${port}`
		}
	});
	console.log(
		`\n✔ Quartiermarkt runs on ${server.url} (ready after ${seconds(started)}). Stop it with Ctrl+C.`
	);
	process.exitCode = await server.done;
});
