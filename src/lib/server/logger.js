// The one log of a Quartiermarkt process: structured JSON lines (pino) on stdout in production,
// a readable line per entry in the demo and in development (LOG_FORMAT=pretty|json overrides).
// Every line written while a request or a job runs carries its id (`reqId`, `job`): hooks.server.ts
// and jobs.ts run their work inside `withLogContext`. Plain JavaScript so that the embedded
// database's start (db/embedded.js) logs through it as well.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { loadDotEnv } from './config.js';

loadDotEnv();

/** @typedef {{ reqId?: string, job?: string }} LogContext */

/** @type {AsyncLocalStorage<LogContext>} */
const context = new AsyncLocalStorage();

/**
 * Runs `fn` with `fields` added to every log line written meanwhile (also in awaited work).
 * @template T
 * @param {LogContext} fields
 * @param {() => T} fn
 * @returns {T}
 */
export function withLogContext(fields, fn) {
	return context.run({ ...context.getStore(), ...fields }, fn);
}

/**
 * One readable line per entry: time, level, message, then the other fields as key=value; an
 * error's stack on the following lines.
 * @param {string} line a JSON line written by pino
 */
export function prettyLine(line) {
	/** @type {Record<string, unknown>} */
	let entry;
	try {
		entry = JSON.parse(line);
	} catch {
		return line;
	}
	const { time, level, msg, err, pid: _pid, hostname: _hostname, ...rest } = entry;
	const clock = (typeof time === 'string' ? time : new Date().toISOString()).slice(11, 23);
	const fields = Object.entries(rest)
		.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
		.join(' ');
	const error = /** @type {{ stack?: string, message?: string } | undefined} */ (err);
	const stack = error
		? `\n    ${(error.stack ?? error.message ?? '').split('\n').join('\n    ')}`
		: '';
	return `${clock} ${String(level).toUpperCase().padEnd(5)} ${msg ?? ''}${fields ? ` ${fields}` : ''}${stack}\n`;
}

const production = process.env.NODE_ENV === 'production';

/**
 * A logger with the app's fields and format; `destination` receives each JSON line (tests).
 * @param {{ level: string, pretty: boolean, destination?: { write: (line: string) => void } }} options
 */
export function createLogger({ level, pretty, destination }) {
	const out = destination ?? (pretty ? process.stdout : pino.destination({ fd: 1, sync: true }));
	return pino(
		{
			level,
			base: { pid: process.pid },
			// "level":"info" and an ISO time: readable for people and log tools alike.
			formatters: { level: (label) => ({ level: label }) },
			timestamp: pino.stdTimeFunctions.isoTime,
			mixin: () => ({ ...context.getStore() }),
			serializers: { err: pino.stdSerializers.err }
		},
		// pino accepts any object with `write` as its destination.
		pretty ? { write: (/** @type {string} */ line) => out.write(prettyLine(line)) } : out
	);
}

export const logger = createLogger({
	// Tests keep their output for failures: only warnings and errors unless LOG_LEVEL says otherwise.
	level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
	pretty: (process.env.LOG_FORMAT ?? (production ? 'json' : 'pretty')) === 'pretty'
});

/** @param {string} component e.g. 'ferretdb', 'jobs' */
export function componentLogger(component) {
	return logger.child({ component });
}
