// `npm test`: everything, from a fresh clone. Installs what npm and Go provide, checks types,
// formatting and translations, runs the unit and integration tests (against throw-away FerretDB
// servers), builds the app and runs the Playwright end-to-end tests in Debian's Chromium.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, info, main, run, seconds, step } from './lib.js';
import { setup } from './setup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');

function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
	const found = candidates.find((p) => existsSync(p));
	if (!found) {
		fail(
			'Chromium is needed for the end-to-end tests and was not found (set CHROMIUM_PATH or install it):\n' +
				'  sudo apt-get install -y chromium'
		);
	}
	return found;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

await main(async () => {
	const started = Date.now();
	await setup({ needFerretDB: true });
	const chromium = findChromium();
	info(`Chromium: ${chromium}`);
	rmSync(results, { recursive: true, force: true });
	mkdirSync(results, { recursive: true });

	const npx = (args, what) =>
		run('npx', args, { cwd: root, env: { ...process.env, CHROMIUM_PATH: chromium } }).then(
			(code) => ({ what, code })
		);
	const stages = [];

	step('Static checks: translations, types, formatting, lint');
	stages.push(
		await run('npm', ['run', 'i18n', '--silent'], { cwd: root }).then((code) => ({
			what: 'translations',
			code
		}))
	);
	stages.push(await npx(['svelte-kit', 'sync'], 'svelte-kit sync'));
	stages.push(
		await npx(
			['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'],
			'svelte-check'
		)
	);
	stages.push(await npx(['prettier', '--check', '--log-level', 'warn', '.'], 'prettier'));
	stages.push(await npx(['eslint', '.'], 'eslint'));

	step('Unit and integration tests (vitest, FerretDB on SQLite and PostgreSQL)');
	const vitestJson = path.join(results, 'vitest.json');
	stages.push(
		await npx(
			['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
			'vitest'
		)
	);

	step('Build');
	const build = await run('npm', ['run', 'build', '--silent'], { cwd: root }).then((code) => ({
		what: 'build',
		code
	}));
	stages.push(build);

	let e2e = null;
	if (build.code === 0) {
		step('End-to-end tests (Playwright, Chromium)');
		stages.push(await npx(['playwright', 'test'], 'playwright'));
		e2e = readJson(path.join(results, 'e2e.json'));
	} else {
		info('skipped: the build failed');
	}

	const vitest = readJson(vitestJson);
	const passed =
		(vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
	const failedTests = (vitest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
	const skipped =
		(vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
	const failedStages = stages.filter((s) => s.code !== 0).map((s) => s.what);

	console.log('\n──────── Summary ────────');
	info(
		`unit + integration: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? 0} failed, ${vitest?.numPendingTests ?? 0} skipped`
	);
	info(
		`end-to-end: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.unexpected ?? 0} failed, ${e2e?.stats?.skipped ?? 0} skipped`
	);
	info(`stages failed: ${failedStages.length === 0 ? 'none' : failedStages.join(', ')}`);
	info(`took ${seconds(started)}`);
	// A failed stage without failed tests (lint, types, build) still counts as one failure.
	const failed = failedTests + (failedTests === 0 && failedStages.length > 0 ? 1 : 0);
	console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	if (failedStages.length > 0) process.exitCode = 1;
});
