// Work that must not make a request slower or tell anything by its duration: a password-reset
// mail for a known address would otherwise answer measurably later than for an unknown one.
// The work starts after the current request has answered; a failure is logged (with the
// request's id: the log context follows the work), never thrown.
import { logger } from './logger.js';

const pending = new Set<Promise<void>>();

export function afterResponse(what: string, work: () => Promise<unknown>): void {
	const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
		.then(work)
		.then(
			() => undefined,
			(err: unknown) => logger.error({ err }, `${what} failed`)
		)
		.finally(() => pending.delete(run));
	pending.add(run);
}

/** Waits until all work handed to afterResponse so far (and any it started) is done. */
export async function afterResponseSettled(): Promise<void> {
	while (pending.size > 0) await Promise.all([...pending]);
}

/** How many pieces of work are waiting or running (for tests). */
export function afterResponsePending(): number {
	return pending.size;
}
