// Exchanges as insert-only logs (domain/exchanges/log.ts), the lists that find them, and
// thank-you notes. Nothing here is ever updated or deleted. Both logs are streams of the shared
// log mechanism (server/logs): an exchange's events (`<exchangeId>:<n>`) and the lists
// (`<list>:<n>`). Look-ups go by `_id`, the one filter the embedded database answers without
// reading the whole collection; only warming a quarter's exchanges reads by `quarterId`.
import { exchangeEventId, type LogEvent } from '../../domain/exchanges/log';
import type { Inserted, LogStore } from '../logs';
import { db, insertUnique, type ExchangeEventDoc } from '../db';

export interface StoredEvent extends LogEvent {
	exchangeId: string;
	quarterId: string;
	origin?: string;
	/** Event 1 of an exchange between members of two quarters (docs/cross-quarter.md). */
	crossQuarter?: CrossQuarter;
}

/** Each party's quarter, when they differ; the exchange lives in its proposer's quarter. */
export interface CrossQuarter {
	providerQuarterId: string;
	receiverQuarterId: string;
}

function toEvent(doc: ExchangeEventDoc): StoredEvent {
	const { _id: _ignored, ...event } = doc;
	return event;
}

/** Inserts event `event.n`: 'taken' when another writer has that number. */
export async function insertExchangeEvent(event: StoredEvent): Promise<Inserted> {
	return insertUnique((await db()).exchangeEvents, {
		_id: exchangeEventId(event.exchangeId, event.n),
		...event
	});
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

/** Each exchange's events as a log (services/exchanges/read-model.ts); a stream is an exchange. */
export const exchangeEventStore: LogStore<StoredEvent> = {
	insert: (exchangeId, n, event) => insertExchangeEvent({ ...event, exchangeId, n }),
	find: findExchangeEvent
};

export function indexEntryId(list: string, n: number): string {
	return `${list}:${String(n).padStart(6, '0')}`;
}

/** The list of a quarter's exchanges (a member's list is their user id). */
export function quarterList(quarterId: string): string {
	return `quarter:${quarterId}`;
}

export interface ListEntry {
	n: number;
	exchangeId: string;
	quarterId: string;
	at: Date;
}

/** The lists of exchanges as a log; a stream is a list (a member's id, or `quarterList`). */
export const exchangeListStore: LogStore<ListEntry> = {
	async insert(list, n, entry) {
		return insertUnique((await db()).exchangeIndex, {
			_id: indexEntryId(list, n),
			list,
			...entry,
			n
		});
	},
	async find(list, n) {
		const doc = await (await db()).exchangeIndex.findOne({ _id: indexEntryId(list, n) });
		return doc && { n: doc.n, exchangeId: doc.exchangeId, quarterId: doc.quarterId, at: doc.at };
	},
	// A quarter's list (thousands of entries) is read in one query when no snapshot exists; the
	// embedded database answers it by reading the collection once, which beats a probe per entry.
	// A member's list is short: it is probed (a query would read the whole collection for it).
	async *readAll(list) {
		if (!list.startsWith('quarter:')) return;
		const docs = await (await db()).exchangeIndex.find({ list }).toArray();
		docs.sort((a, b) => a.n - b.n);
		for (const doc of docs) {
			yield { n: doc.n, exchangeId: doc.exchangeId, quarterId: doc.quarterId, at: doc.at };
		}
	}
};

/** Entry `n` of a list: the exchange id, or null (the scale seed continues a list). */
export async function findIndexEntry(list: string, n: number): Promise<string | null> {
	return (await exchangeListStore.find(list, n))?.exchangeId ?? null;
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
