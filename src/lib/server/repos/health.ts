// The database's answer to a ping, bounded in time: /healthz must answer quickly when the
// database is gone (the driver alone would wait for its server selection, 10 s).
import type { Db } from 'mongodb';
import { getDb } from '../db';

export type Ping =
	{ ok: true; ms: number } | { ok: false; ms: number; problem: 'timeout' | 'error' };

/** Pings `database` (default: the app's) within `timeoutMs`; never throws. */
export async function pingDatabase(timeoutMs: number, database?: Db): Promise<Ping> {
	const started = Date.now();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), timeoutMs);
	});
	const ping = (async () => {
		const target = database ?? (await getDb());
		await target.command({ ping: 1 }, { timeoutMS: timeoutMs });
		return 'ok' as const;
	})().catch(() => 'error' as const);
	try {
		const result = await Promise.race([ping, timeout]);
		const ms = Date.now() - started;
		return result === 'ok' ? { ok: true, ms } : { ok: false, ms, problem: result };
	} finally {
		clearTimeout(timer);
	}
}
