// The time bank's entries: insert-only. An entry's `_id` is `<quarterId>:<seq>` (zero-padded),
// so appending is an insert of the next id, and the primary key lets exactly one writer take
// each number. Look-ups probe `_id`s, the one filter the embedded database answers without
// reading the whole collection.
import type { LedgerEntry } from '../../domain/ledger/ledger';
import type { LogStore } from '../logs';
import { db, insertUnique, type LedgerEntryDoc } from '../db';

const SEQ_DIGITS = 10;

export function ledgerEntryId(quarterId: string, seq: number): string {
	return `${quarterId}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

function toEntry(doc: LedgerEntryDoc): LedgerEntry {
	const { _id: _ignored, quarterId: _quarter, ...entry } = doc;
	return entry;
}

export async function findLedgerEntry(quarterId: string, seq: number): Promise<LedgerEntry | null> {
	const doc = await (await db()).ledger.findOne({ _id: ledgerEntryId(quarterId, seq) });
	return doc ? toEntry(doc) : null;
}

/** All entries of a quarter in sequence order: one read of the collection, when a quarter's
 * book is loaded without a snapshot. */
export async function listLedgerEntries(quarterId: string): Promise<LedgerEntry[]> {
	const docs = await (await db()).ledger.find({ quarterId }).toArray();
	return docs.map(toEntry).sort((a, b) => a.seq - b.seq);
}

/** A quarter's ledger as a log (services/ledger.ts); a stream is a quarter. Entry `seq` is
 * 'taken' when the number or the entry's key is booked already. */
export const ledgerStore: LogStore<LedgerEntry> = {
	async insert(quarterId, seq, entry) {
		return insertUnique((await db()).ledger, {
			_id: ledgerEntryId(quarterId, seq),
			quarterId,
			...entry
		});
	},
	find: findLedgerEntry,
	async *readAll(quarterId) {
		yield* await listLedgerEntries(quarterId);
	}
};
