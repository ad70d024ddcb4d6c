// Small helpers shared by the Node scripts (setup, demo, test): plain JavaScript, no build step.
import { spawn, spawnSync } from 'node:child_process';

// Every script starts here, so an old Node stops at once with what to install instead of
// failing later in a dependency (SvelteKit 3 needs 22.17; the project is tested on 24 LTS).
const [nodeMajor = 0, nodeMinor = 0] = process.versions.node.split('.').map(Number);
if (nodeMajor < 22 || (nodeMajor === 22 && nodeMinor < 17)) {
	console.error(
		`✖ Quartiermarkt needs Node.js 24 LTS (at least 22.17), this is ${process.version}: install it from https://nodejs.org/ or run scripts/install-node.sh, which puts it into .tools/.`
	);
	process.exit(1);
}

/** @param {string} message */
export const step = (message) => console.log(`\n▸ ${message}`);
/** @param {string} message */
export const info = (message) => console.log(`  ${message}`);

export class ScriptError extends Error {}

/**
 * Fails with what went wrong and what to do next, without a stack trace.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
	throw new ScriptError(message);
}

/** @param {() => Promise<void>} fn */
export async function main(fn) {
	try {
		await fn();
	} catch (err) {
		if (err instanceof ScriptError) {
			console.error(`\n✖ ${err.message}`);
		} else {
			console.error('\n✖ Unexpected error:', err);
		}
		process.exit(1);
	}
}

/**
 * Runs a command with inherited output; resolves to its exit code.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<number>}
 */
export function run(cmd, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: 'inherit', ...options });
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {string} what
 * @param {import('node:child_process').SpawnOptions} [options]
 */
export async function runOrFail(cmd, args, what, options = {}) {
	const code = await run(cmd, args, options);
	if (code !== 0) fail(`${what} failed (exit code ${code}). See the output above.`);
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function capture(cmd, args, options = {}) {
	const result = spawnSync(cmd, args, { encoding: 'utf8', ...options });
	return {
		code: result.status ?? 1,
		stdout: result.stdout ?? '',
		stderr: result.stderr ?? '',
		error: result.error
	};
}

/** @param {number} since */
export function seconds(since) {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
