// Starts and stops the embedded FerretDB v1 server (SQLite backend) that stands in for MongoDB
// when MONGODB_URI is not set. Plain JavaScript with JSDoc types so that the Node scripts
// (demo, tests) can use the same code as the app without a TypeScript loader.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { componentLogger } from '../logger.js';

export const FERRETDB_VERSION = 'v1.24.2';
export const DEFAULT_FERRETDB_BIN = path.resolve('.tools/bin/ferretdb');

/**
 * @typedef {object} EmbeddedOptions
 * @property {string} dataDir directory for the SQLite files and FerretDB's state
 * @property {string} [bin] path of the ferretdb binary
 * @property {'sqlite' | 'postgresql'} [handler] storage backend
 * @property {string} [postgresqlUrl] with handler 'postgresql'
 * @property {boolean} [shared] reuse a server another process of this checkout already runs on dataDir
 */

/**
 * @typedef {object} EmbeddedServer
 * @property {string} uri mongodb:// connection string
 * @property {number} port
 * @property {boolean} owned whether this process started it (and so stops it)
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<number>} a free TCP port on the loopback interface */
export function findFreePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** @param {number} port @param {number} timeoutMs */
export async function waitForPort(port, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const open = await new Promise((resolve) => {
			const socket = net.connect({ port, host: '127.0.0.1' });
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`FerretDB did not start listening on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/**
 * FerretDB writes `time<TAB>LEVEL<TAB>logger<TAB>message…`; anything else is logged as it is.
 * @param {import('pino').Logger} log
 * @param {string} line
 */
export function logFerretLine(log, line) {
	const text = line.trim();
	if (!text) return;
	const [, level, ...rest] = text.split('\t');
	const message = rest.length > 0 ? rest.join(' ') : text;
	switch (level) {
		case 'DEBUG':
			log.debug(message);
			break;
		case 'INFO':
			log.info(message);
			break;
		case 'WARN':
			log.warn(message);
			break;
		default:
			// ERROR, DPANIC, PANIC, FATAL and lines without a level (a crash's output).
			log.error(message);
	}
}

/** @param {number} pid */
function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Removes the state file only while it still describes this server. @param {string} stateFile @param {number | undefined} pid */
function removeStateFileOf(stateFile, pid) {
	try {
		if (JSON.parse(readFileSync(stateFile, 'utf8')).pid === pid) rmSync(stateFile, { force: true });
	} catch {
		// Already gone or unreadable: nothing to remove.
	}
}

/** @param {number} pid @param {number} timeoutMs */
async function waitForExit(pid, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts FerretDB on a free loopback port. With `shared`, a server that another process
 * already runs on the same data directory is reused (two SQLite writers on one file would
 * fight over locks), and only the process that started it stops it. A server whose owner died
 * without stopping it (SIGKILL) is stopped and replaced.
 * @param {EmbeddedOptions} options
 * @returns {Promise<EmbeddedServer>}
 */
export async function startEmbeddedFerretDB(options) {
	const bin = options.bin ?? process.env.FERRETDB_BIN ?? DEFAULT_FERRETDB_BIN;
	const dataDir = path.resolve(options.dataDir);
	const handler = options.handler ?? 'sqlite';
	mkdirSync(dataDir, { recursive: true });
	const stateFile = path.join(dataDir, 'embedded-ferretdb.json');

	if (options.shared && existsSync(stateFile)) {
		let state = null;
		try {
			state = JSON.parse(readFileSync(stateFile, 'utf8'));
		} catch {
			// An unreadable state file: start a fresh server below.
		}
		if (state && isAlive(state.pid)) {
			if (isAlive(state.ownerPid)) {
				await waitForPort(state.port, 5000);
				return {
					uri: `mongodb://127.0.0.1:${state.port}/`,
					port: state.port,
					owned: false,
					stop: async () => {}
				};
			}
			// Left behind by a process that was killed without cleaning up: stop it, start anew.
			process.kill(state.pid, 'SIGTERM');
			await waitForExit(state.pid, 5000);
		}
	}

	if (!existsSync(bin)) {
		throw new Error(
			`The embedded database (FerretDB ${FERRETDB_VERSION}) is not built yet: ${bin} is missing.\n` +
				'Run `npm run setup` (needs Go >= 1.24), or set MONGODB_URI to a MongoDB or FerretDB server.'
		);
	}

	const port = await findFreePort();
	const args = [
		`--handler=${handler}`,
		`--listen-addr=127.0.0.1:${port}`,
		`--state-dir=${dataDir}`,
		'--debug-addr=-',
		'--telemetry=disable',
		'--log-level=error'
	];
	if (handler === 'sqlite') args.push(`--sqlite-url=file:${dataDir}/`);
	else args.push(`--postgresql-url=${options.postgresqlUrl}`);

	const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	const log = componentLogger('ferretdb').child({ ferretdbPid: child.pid });
	let partial = '';
	child.stderr?.on('data', (chunk) => {
		stderr = (stderr + chunk).slice(-4000);
		// FerretDB's own lines go to the app's log, one entry each, at their level.
		const lines = (partial + chunk).split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) logFerretLine(log, line);
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));

	let starting = true;
	try {
		await Promise.race([
			waitForPort(port, 20_000),
			exited.then((code) => {
				if (starting)
					throw new Error(`FerretDB exited with code ${code} while starting:\n${stderr}`);
			})
		]);
		starting = false;
	} catch (err) {
		starting = false;
		child.kill('SIGKILL');
		throw err;
	}

	if (options.shared)
		writeFileSync(stateFile, JSON.stringify({ pid: child.pid, port, ownerPid: process.pid }));

	const stopOnExit = () => {
		child.kill('SIGTERM');
		if (options.shared) removeStateFileOf(stateFile, child.pid);
	};
	process.once('exit', stopOnExit);

	return {
		uri: `mongodb://127.0.0.1:${port}/`,
		port,
		owned: true,
		stop: async () => {
			process.off('exit', stopOnExit);
			if (options.shared) removeStateFileOf(stateFile, child.pid);
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
	};
}
