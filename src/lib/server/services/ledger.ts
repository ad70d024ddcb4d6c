// Booking transfers exactly once, within limits, on a database without transactions or atomic
// updates. Each app server keeps a quarter's book (head number, balances, keys) in memory and
// follows the log by probing the next `_id`; appending inserts number head+1. If another server
// took that number first, the insert fails with a duplicate key, this server reads what it
// missed and checks again, so limits are always checked against the latest balances. Within one
// process the bookings of a quarter run one at a time, which keeps the book consistent.
// A key booked by another server that this book has not seen yet cannot slip through either:
// the unique index on (quarter, key) refuses the insert, and the re-read then finds the entry.
import {
	checkTransfer,
	type AccountId,
	type LedgerEntry,
	type LedgerLimits,
	type TransferDraft,
	type TransferProblem
} from '../../domain/ledger/ledger';
import { isDuplicateKeyError } from '../db';
import { findLedgerEntry, insertLedgerEntry, listLedgerEntries } from '../repos/ledger';

export type TransferResult =
	| { ok: true; entry: LedgerEntry; duplicate: boolean }
	| { ok: false; problem: TransferProblem | { code: 'contention' } };

interface QuarterBook {
	seq: number;
	entries: LedgerEntry[];
	balances: Map<AccountId, number>;
	byKey: Map<string, LedgerEntry>;
	/** The tail of this quarter's queue of bookings in this process. */
	queue: Promise<unknown>;
}

/** How often one booking re-reads and retries after losing a race for the next number. */
const MAX_ATTEMPTS = 100;

export class LedgerBook {
	private readonly books = new Map<string, Promise<QuarterBook>>();

	private load(quarterId: string): Promise<QuarterBook> {
		let book = this.books.get(quarterId);
		if (!book) {
			book = listLedgerEntries(quarterId).then((entries) => {
				const b: QuarterBook = {
					seq: 0,
					entries: [],
					balances: new Map(),
					byKey: new Map(),
					queue: Promise.resolve()
				};
				for (const entry of entries) {
					// A gap would mean a lost entry; stop at it so the check below finds it.
					if (entry.seq !== b.seq + 1) break;
					apply(b, entry);
				}
				return b;
			});
			book.catch(() => this.books.delete(quarterId));
			this.books.set(quarterId, book);
		}
		return book;
	}

	/** Runs `fn` after every earlier booking of this quarter in this process. */
	private async serial<T>(quarterId: string, fn: (book: QuarterBook) => Promise<T>): Promise<T> {
		const book = await this.load(quarterId);
		const run = book.queue.then(() => fn(book));
		book.queue = run.catch(() => undefined);
		return run;
	}

	private async catchUp(quarterId: string, book: QuarterBook): Promise<void> {
		for (;;) {
			const next = await findLedgerEntry(quarterId, book.seq + 1);
			if (!next) return;
			apply(book, next);
		}
	}

	/**
	 * Books a transfer once. The same key again (a double click, a retry, another server settling
	 * the same exchange) returns the entry booked first, marked `duplicate`.
	 */
	transfer<G = never>(
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
		return this.serial(quarterId, async (book) => {
			for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				// Optimistic: no read before the insert. If number head+1 is free the insert succeeds,
				// which proves this book was current and the limits were checked against the latest
				// balances; if it is taken, read what was missed and try again.
				if (attempt > 0) await this.catchUp(quarterId, book);
				const existing = book.byKey.get(draft.key);
				if (existing) return { ok: true, entry: existing, duplicate: true };
				const problem = checkTransfer(book.balances, draft, context.limits);
				if (problem) return { ok: false, problem };
				const refused = context.guard?.(book.entries) ?? null;
				if (refused !== null) return { ok: false, problem: refused };
				const entry: LedgerEntry = { ...draft, seq: book.seq + 1, at: context.now, by: context.by };
				try {
					await insertLedgerEntry(quarterId, entry);
				} catch (err) {
					if (isDuplicateKeyError(err)) continue; // another server was faster: re-read
					throw err;
				}
				apply(book, entry);
				return { ok: true, entry, duplicate: false };
			}
			return { ok: false, problem: { code: 'contention' } };
		});
	}

	/** Balances as of the latest entry. */
	balances(quarterId: string): Promise<Map<AccountId, number>> {
		return this.serial(quarterId, async (book) => {
			await this.catchUp(quarterId, book);
			return new Map(book.balances);
		});
	}

	/** All entries in sequence order, as of the latest one. */
	entries(quarterId: string): Promise<LedgerEntry[]> {
		return this.serial(quarterId, async (book) => {
			await this.catchUp(quarterId, book);
			return [...book.entries];
		});
	}
}

function apply(book: QuarterBook, entry: LedgerEntry): void {
	book.seq = entry.seq;
	book.entries.push(entry);
	book.byKey.set(entry.key, entry);
	book.balances.set(entry.from, (book.balances.get(entry.from) ?? 0) - entry.minutes);
	book.balances.set(entry.to, (book.balances.get(entry.to) ?? 0) + entry.minutes);
}

/** The app's book; tests create their own instances to play several servers. */
export const ledger = new LedgerBook();
