// Booking transfers exactly once, within limits, on a database without transactions or atomic
// updates: each quarter's ledger is a stream of the shared log mechanism (server/logs), so a
// booking is an insert of number head+1 decided on the latest balances, and a lost race reads
// what was missed and checks again. A key booked by another server that this book has not seen
// yet cannot slip through either: the unique index on (quarter, key) refuses the insert, and the
// re-read then finds the entry.
import {
	checkTransfer,
	type AccountId,
	type LedgerEntry,
	type LedgerLimits,
	type TransferDraft,
	type TransferProblem
} from '../../domain/ledger/ledger';
import { Log } from '../logs';
import { ledgerStore } from '../repos/ledger';

export type TransferResult =
	| { ok: true; entry: LedgerEntry; duplicate: boolean }
	| { ok: false; problem: TransferProblem | { code: 'contention' } };

/** One quarter's book as of its latest entry. */
interface QuarterBook {
	entries: LedgerEntry[];
	balances: Map<AccountId, number>;
	byKey: Map<string, LedgerEntry>;
	/** Each account's entries in sequence order: a statement reads its own, not the quarter's. */
	byAccount: Map<AccountId, LedgerEntry[]>;
}

/** Entries per snapshot part: a few hundred kB per document. */
const SNAPSHOT_PART = 2000;

function emptyBook(): QuarterBook {
	return { entries: [], balances: new Map(), byKey: new Map(), byAccount: new Map() };
}

function apply(book: QuarterBook, entry: LedgerEntry): void {
	book.entries.push(entry);
	book.byKey.set(entry.key, entry);
	for (const account of new Set([entry.from, entry.to])) {
		const own = book.byAccount.get(account);
		if (own) own.push(entry);
		else book.byAccount.set(account, [entry]);
	}
	book.balances.set(entry.from, (book.balances.get(entry.from) ?? 0) - entry.minutes);
	book.balances.set(entry.to, (book.balances.get(entry.to) ?? 0) + entry.minutes);
}

export class LedgerBook {
	private readonly log = new Log<QuarterBook, LedgerEntry>({
		name: 'ledger',
		store: ledgerStore,
		seqOf: (entry) => entry.seq,
		empty: emptyBook,
		apply,
		// Limits and statements are read right after bookings on other servers: always ask for
		// the next number (one `_id` look-up) before answering.
		freshMs: 0,
		maxStreams: 50,
		snapshots: {
			version: 1,
			every: 5000,
			encode: (book) => {
				const parts: LedgerEntry[][] = [];
				for (let i = 0; i < book.entries.length; i += SNAPSHOT_PART) {
					parts.push(book.entries.slice(i, i + SNAPSHOT_PART));
				}
				return parts;
			},
			decode: (parts) => {
				const book = emptyBook();
				for (const part of parts as LedgerEntry[][]) for (const entry of part) apply(book, entry);
				return book;
			}
		}
	});

	/**
	 * Books a transfer once. The same key again (a double click, a retry, another server settling
	 * the same exchange) returns the entry booked first, marked `duplicate`.
	 */
	async transfer<G = never>(
		quarterId: string,
		draft: TransferDraft,
		context: {
			by: string;
			now: Date;
			limits: LedgerLimits;
			/**
			 * A further rule checked against the latest entries right before the insert, with the
			 * same guarantee as the limits (e.g. a budget line's remaining hours): a refusal is `G`.
			 */
			guard?: (entries: readonly LedgerEntry[]) => G | null;
		}
	): Promise<TransferResult | { ok: false; problem: G }> {
		const result = await this.log.append<TransferProblem | G>(quarterId, (book, seq) => {
			const existing = book.byKey.get(draft.key);
			if (existing) return { ok: true, existing };
			const problem = checkTransfer(book.balances, draft, context.limits);
			if (problem) return { ok: false, problem };
			const refused = context.guard?.(book.entries) ?? null;
			if (refused !== null) return { ok: false, problem: refused };
			return { ok: true, entry: { ...draft, seq, at: context.now, by: context.by } };
		});
		if (result.ok) return { ok: true, entry: result.entry, duplicate: result.duplicate };
		if (result.problem === 'contention') return { ok: false, problem: { code: 'contention' } };
		// A limit's problem or the guard's refusal, as decided above.
		return { ok: false, problem: result.problem } as TransferResult | { ok: false; problem: G };
	}

	/** Balances as of the latest entry (a copy). */
	async balances(quarterId: string): Promise<Map<AccountId, number>> {
		return new Map((await this.log.read(quarterId)).balances);
	}

	/** An account's balance as of the latest entry. */
	async balanceOf(quarterId: string, account: AccountId): Promise<number> {
		return (await this.log.read(quarterId)).balances.get(account) ?? 0;
	}

	/** One account's entries in sequence order, as of the latest one. Not a copy: do not change it. */
	async entriesOf(quarterId: string, account: AccountId): Promise<readonly LedgerEntry[]> {
		return (await this.log.read(quarterId)).byAccount.get(account) ?? [];
	}

	/** All entries in sequence order, as of the latest one. Not a copy: do not change it. */
	async entries(quarterId: string): Promise<readonly LedgerEntry[]> {
		return (await this.log.read(quarterId)).entries;
	}
}

/** The app's book; tests create their own instances to play several servers. */
export const ledger = new LedgerBook();
