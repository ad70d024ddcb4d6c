// The exchanges one app server knows: its in-memory fold of the exchange logs and of the
// insert-only lists, kept current by following both by `_id`.
//
// An exchange is an insert-only log of events (domain/exchanges/log.ts), `_id`
// `<exchangeId>:<n>`. A move is decided on the fold of the events this server has, then stored
// as event n+1 without reading first; if another server (or a second click) took n+1, the insert
// fails with a duplicate key, the events are read again and the move is decided again, so an
// illegal move at the new state is refused. Events never change once stored, so each server
// keeps the logs it has read and only probes for the next number; a final exchange is never
// probed again.
//
// "My exchanges" and the quarter's exchanges are insert-only lists in `exchange_index`
// (`<userId>:<n>`, `quarter:<quarterId>:<n>`), written before event 1: readers skip an entry
// whose exchange does not exist (a proposer that died in between).
//
// The mechanics, one function each: fold an event into an exchange (`foldEvent`), cache the
// fold (`cacheExchange`), follow a log's or a list's tail (`loadExchange`, `readList`, and
// `warmQuarter` for a whole quarter at once), append under a unique key with a retry on a
// duplicate (`appendEvent`, `appendToList`).
import { KeyedQueue } from '../../keyed-queue';
import { applyLogEvent, type ExchangeRecord, type LogEvent } from '../../../domain/exchanges/log';
import type { ExchangeProblem } from '../../../domain/exchanges/problems';
import { isFinalState } from '../../../domain/exchanges/workflow';
import type { TransferProblem } from '../../../domain/ledger/ledger';
import { isDocId } from '../../../domain/messages/conversation';
import { isDuplicateKeyError } from '../../db';
import {
	findExchangeEvent,
	findIndexEntry,
	insertExchangeEvent,
	insertIndexEntry,
	listExchangeEventsOfQuarter,
	quarterList,
	type StoredEvent
} from '../../repos/exchanges';

/** Ids probed at once when a log or list is read cold: one round trip for most. */
const PROBE_BATCH = 8;
/** Tries to take the next number before giving up (each lost try means another writer won). */
const MAX_ATTEMPTS = 100;
const LOG_CACHE_SIZE = 20_000;
const LIST_CACHE_SIZE = 10_000;

/** An exchange as of the latest event this server has read. */
export interface Loaded {
	id: string;
	quarterId: string;
	origin: string | null;
	record: ExchangeRecord;
}

export type Written =
	| { ok: true; loaded: Loaded; event: StoredEvent | null; repeated?: boolean }
	| { ok: false; problem: ExchangeProblem; ledger?: TransferProblem };

/** What a writer decides on the latest fold: the next event to store, or the answer at once. */
export type Decision = { write: LogEvent } | { answer: Written };

/** A bounded map that forgets what it learned first. */
class Memo<V> {
	private map = new Map<string, V>();
	constructor(private readonly max: number) {}
	get(key: string): V | undefined {
		return this.map.get(key);
	}
	set(key: string, value: V): void {
		this.map.delete(key);
		this.map.set(key, value);
		if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
	}
}

/** One server's read model: the folded logs, the lists, and a queue per exchange or list. */
export interface ReadModel {
	readonly logs: Memo<Loaded>;
	/** Exchange ids by list entry number (index n-1). */
	readonly lists: Memo<string[]>;
	/** Quarters whose events were all read once (`warmQuarter`). */
	readonly warmed: Set<string>;
	/** One piece of work per exchange (its id) or list (`list:<name>`) at a time. */
	readonly queue: KeyedQueue;
}

export function createReadModel(): ReadModel {
	return {
		logs: new Memo<Loaded>(LOG_CACHE_SIZE),
		lists: new Memo<string[]>(LIST_CACHE_SIZE),
		warmed: new Set<string>(),
		queue: new KeyedQueue()
	};
}

// ---- fold ----------------------------------------------------------------------------------

/** The exchange after one more event; an event that cannot follow is a broken log. */
export function foldEvent(current: Loaded | null, event: StoredEvent): Loaded {
	const step = applyLogEvent(current?.record ?? null, event);
	if (!step.ok) {
		throw new Error(`Exchange ${event.exchangeId}: event ${step.n} cannot follow (${step.why})`);
	}
	return {
		id: event.exchangeId,
		quarterId: current?.quarterId ?? event.quarterId,
		origin: current ? current.origin : (event.origin ?? null),
		record: step.record
	};
}

// ---- cache ---------------------------------------------------------------------------------

/** Keeps the fold unless the cache already has a later one, and answers the later one. */
export function cacheExchange(model: ReadModel, loaded: Loaded): Loaded {
	const known = model.logs.get(loaded.id);
	if (known && known.record.version >= loaded.record.version) return known;
	model.logs.set(loaded.id, loaded);
	return loaded;
}

// ---- follow the tail -----------------------------------------------------------------------

/** The exchange as of its latest event, or null when it does not exist. */
export async function loadExchange(model: ReadModel, id: string): Promise<Loaded | null> {
	if (!isDocId(id)) return null;
	const known = model.logs.get(id) ?? null;
	// Nothing follows a final state: no need to ask the database.
	if (known && isFinalState(known.record.exchange.state) && !known.record.pending) return known;
	let current = known;
	let width = known ? 1 : PROBE_BATCH;
	for (;;) {
		const from = current?.record.version ?? 0;
		const batch = Array.from({ length: width }, (_, i) => from + 1 + i);
		const found = await Promise.all(batch.map((n) => findExchangeEvent(id, n)));
		let complete = true;
		for (const event of found) {
			if (!event) {
				complete = false;
				break;
			}
			current = foldEvent(current, event);
		}
		if (!complete) break;
		width = PROBE_BATCH;
	}
	return current ? cacheExchange(model, current) : null;
}

/** Reads all events of a quarter at once, the first time this server needs all of them. */
export async function warmQuarter(model: ReadModel, quarterId: string): Promise<void> {
	if (model.warmed.has(quarterId)) return;
	const events = await listExchangeEventsOfQuarter(quarterId);
	const byExchange = new Map<string, StoredEvent[]>();
	for (const e of events) {
		const list = byExchange.get(e.exchangeId) ?? [];
		list.push(e);
		byExchange.set(e.exchangeId, list);
	}
	for (const [id, list] of byExchange) {
		list.sort((a, b) => a.n - b.n);
		let current: Loaded | null = null;
		for (const e of list) {
			if (e.n !== (current?.record.version ?? 0) + 1) break;
			current = foldEvent(current, e);
		}
		if (current && current.id === id) cacheExchange(model, current);
	}
	model.warmed.add(quarterId);
}

/** A list's exchange ids, oldest entry first, without duplicates. */
export async function readList(model: ReadModel, list: string): Promise<string[]> {
	const entries = model.lists.get(list) ?? [];
	const cold = model.lists.get(list) === undefined;
	model.lists.set(list, entries);
	let last = entries.length;
	let width = cold ? PROBE_BATCH : 1;
	for (;;) {
		const batch = Array.from({ length: width }, (_, i) => last + 1 + i);
		const found = await Promise.all(batch.map((n) => findIndexEntry(list, n)));
		const missing = found.indexOf(null);
		found.slice(0, missing === -1 ? width : missing).forEach((id, i) => {
			// Entries never change, so concurrent probes write the same id at the same index.
			entries[last + i] = id!;
		});
		last += missing === -1 ? width : missing;
		if (missing !== -1) break;
		width = PROBE_BATCH;
	}
	return [...new Set(entries)];
}

/** Every exchange of a quarter: its events are read once per server, then followed by `_id`. */
export async function loadQuarter(model: ReadModel, quarterId: string): Promise<Loaded[]> {
	await warmQuarter(model, quarterId);
	const ids = await readList(model, quarterList(quarterId));
	return (await Promise.all(ids.map((id) => loadExchange(model, id)))).filter(
		(l): l is Loaded => l !== null
	);
}

// ---- append --------------------------------------------------------------------------------

/** Adds the exchange to a list once, as its next entry. */
export function appendToList(
	model: ReadModel,
	list: string,
	exchangeId: string,
	quarterId: string,
	now: Date
): Promise<void> {
	return model.queue.run(`list:${list}`, async () => {
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const ids = await readList(model, list);
			if (ids.includes(exchangeId)) return;
			const entries = model.lists.get(list) ?? [];
			const n = entries.length + 1;
			try {
				await insertIndexEntry({ list, n, exchangeId, quarterId, at: now });
				entries[n - 1] = exchangeId;
				return;
			} catch (err) {
				if (!isDuplicateKeyError(err)) throw err;
			}
		}
		throw new Error(`exchange list ${list}: no free entry after ${MAX_ATTEMPTS} attempts`);
	});
}

/**
 * Stores the event `decide` returns as the next number; on a lost race reads again and asks
 * again. `decide` may run several times, so it must not have side effects.
 */
export async function appendEvent(
	model: ReadModel,
	id: string,
	decide: (loaded: Loaded) => Decision
): Promise<Written> {
	for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		const loaded = await loadExchange(model, id);
		if (!loaded) return { ok: false, problem: 'not_found' };
		const decision = decide(loaded);
		if ('answer' in decision) return decision.answer;
		const event: StoredEvent = {
			...decision.write,
			exchangeId: id,
			quarterId: loaded.quarterId
		};
		try {
			await insertExchangeEvent(event);
		} catch (err) {
			if (isDuplicateKeyError(err)) continue;
			throw err;
		}
		return { ok: true, loaded: cacheExchange(model, foldEvent(loaded, event)), event };
	}
	return { ok: false, problem: 'contention' };
}

/** Stores event 1 of a new exchange (its id is new, so no other writer can take the number). */
export async function appendFirstEvent(model: ReadModel, event: StoredEvent): Promise<Loaded> {
	await insertExchangeEvent(event);
	return cacheExchange(model, foldEvent(null, event));
}
