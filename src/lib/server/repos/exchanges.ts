// Exchanges as insert-only logs (domain/exchanges/log.ts), the lists that find them, and
// thank-you notes. Nothing here is ever updated or deleted. Look-ups go by `_id`, the one filter
// the embedded database answers without reading the whole collection; only warming a quarter's
// exchanges reads by `quarterId`.
import { exchangeEventId, type LogEvent } from '../../domain/exchanges/log';
import { db, insertUnique, type ExchangeEventDoc } from '../db';

export interface StoredEvent extends LogEvent {
	exchangeId: string;
	quarterId: string;
	origin?: string;
}

function toEvent(doc: ExchangeEventDoc): StoredEvent {
	const { _id: _ignored, ...event } = doc;
	return event;
}

/** Inserts event `event.n`; fails with a duplicate-key error when that number is taken. */
export async function insertExchangeEvent(event: StoredEvent): Promise<void> {
	await (
		await db()
	).exchangeEvents.insertOne({ _id: exchangeEventId(event.exchangeId, event.n), ...event });
}

export async function findExchangeEvent(
	exchangeId: string,
	n: number
): Promise<StoredEvent | null> {
	const doc = await (await db()).exchangeEvents.findOne({ _id: exchangeEventId(exchangeId, n) });
	return doc ? toEvent(doc) : null;
}

/** Every event of a quarter's exchanges: one read, to warm a server's view of the quarter. */
export async function listExchangeEventsOfQuarter(quarterId: string): Promise<StoredEvent[]> {
	const docs = await (await db()).exchangeEvents.find({ quarterId }).toArray();
	return docs.map(toEvent);
}

export function indexEntryId(list: string, n: number): string {
	return `${list}:${String(n).padStart(6, '0')}`;
}

/** The list of a quarter's exchanges (a member's list is their user id). */
export function quarterList(quarterId: string): string {
	return `quarter:${quarterId}`;
}

export async function insertIndexEntry(entry: {
	list: string;
	n: number;
	exchangeId: string;
	quarterId: string;
	at: Date;
}): Promise<void> {
	await (await db()).exchangeIndex.insertOne({ _id: indexEntryId(entry.list, entry.n), ...entry });
}

export async function findIndexEntry(list: string, n: number): Promise<string | null> {
	const doc = await (await db()).exchangeIndex.findOne({ _id: indexEntryId(list, n) });
	return doc ? doc.exchangeId : null;
}

export interface Thanks {
	id: string;
	quarterId: string;
	exchangeId: string;
	authorId: string;
	recipientId: string;
	text: string;
	at: Date;
}

/** Fails with a duplicate-key error when the author has thanked for this exchange already. */
/** Stores a thank-you note once: 'taken' when this author thanked for this exchange already. */
export async function insertThanks(thanks: Thanks): Promise<'inserted' | 'taken'> {
	const { id, ...rest } = thanks;
	return insertUnique((await db()).thanks, { _id: id, ...rest });
}

export async function findThanks(id: string): Promise<Thanks | null> {
	const doc = await (await db()).thanks.findOne({ _id: id });
	if (!doc) return null;
	const { _id, ...rest } = doc;
	return { id: _id, ...rest };
}
