// Shared by the ledger tests and their worker process: a deterministic load of transfers
// among 50 member accounts with tight limits.
import {
	memberAccount,
	type LedgerLimits,
	type TransferDraft
} from '../../src/lib/domain/ledger/ledger';
import type { LedgerBook, TransferResult } from '../../src/lib/server/services/ledger';

export const ACCOUNTS = 50;
export const LIMITS: LedgerLimits = {
	member: { minBalanceMinutes: -60, maxBalanceMinutes: 60 },
	community: { minBalanceMinutes: -60, maxBalanceMinutes: 60 }
};

/** The i-th attempt of a load: the same i always gives the same transfer. */
export function attempt(prefix: string, i: number): TransferDraft {
	let x = (hash(prefix) ^ Math.imul(i + 1, 2654435761)) >>> 0;
	const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
	const from = next() % ACCOUNTS;
	const to = (from + 1 + (next() % (ACCOUNTS - 1))) % ACCOUNTS;
	return {
		from: memberAccount(`m${from}`),
		to: memberAccount(`m${to}`),
		minutes: 15 * (1 + (next() % 3)),
		kind: 'exchange',
		key: `${prefix}:${i}`,
		memo: `Lasttest ${i}`
	};
}

function hash(text: string): number {
	let h = 2166136261;
	for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
	return h >>> 0;
}

export interface Outcome {
	key: string;
	ok: boolean;
	seq?: number;
	duplicate?: boolean;
	code?: string;
}

export function outcome(key: string, result: TransferResult): Outcome {
	return result.ok
		? { key, ok: true, seq: result.entry.seq, duplicate: result.duplicate }
		: { key, ok: false, code: result.problem.code };
}

export async function run(
	book: LedgerBook,
	quarterId: string,
	prefix: string,
	indexes: number[],
	onResult?: (o: Outcome) => void
): Promise<Outcome[]> {
	return Promise.all(
		indexes.map(async (i) => {
			const draft = attempt(prefix, i);
			const o = outcome(
				draft.key,
				await book.transfer(quarterId, draft, { by: 'loadtest', now: new Date(), limits: LIMITS })
			);
			onResult?.(o);
			return o;
		})
	);
}
