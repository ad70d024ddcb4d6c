// The time bank's entries: insert-only. An entry's `_id` is `<quarterId>:<seq>` (zero-padded),
// so appending is an insert of the next id, and the primary key lets exactly one writer take
// each number. Look-ups probe `_id`s, the one filter the embedded database answers without
// reading the whole collection.
import type { LedgerEntry } from '../../domain/ledger/ledger';
import { db, type LedgerEntryDoc } from '../db';

const SEQ_DIGITS = 10;

export function ledgerEntryId(quarterId: string, seq: number): string {
	return `${quarterId}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

function toEntry(doc: LedgerEntryDoc): LedgerEntry {
	const { _id: _ignored, quarterId: _quarter, ...entry } = doc;
	return entry;
}

/** Inserts entry `seq`; fails with a duplicate-key error when the number or the key is taken. */
export async function insertLedgerEntry(quarterId: string, entry: LedgerEntry): Promise<void> {
	await (
		await db()
	).ledger.insertOne({ _id: ledgerEntryId(quarterId, entry.seq), quarterId, ...entry });
}

export async function findLedgerEntry(quarterId: string, seq: number): Promise<LedgerEntry | null> {
	const doc = await (await db()).ledger.findOne({ _id: ledgerEntryId(quarterId, seq) });
	return doc ? toEntry(doc) : null;
}

/** All entries of a quarter in sequence order: one read of the collection, at start-up. */
export async function listLedgerEntries(quarterId: string): Promise<LedgerEntry[]> {
	const docs = await (await db()).ledger.find({ quarterId }).toArray();
	return docs.map(toEntry).sort((a, b) => a.seq - b.seq);
}
