// The exchanges one app server knows: two logs of the shared log mechanism (server/logs), with
// its freshness rule, read-your-writes and bounded cache.
//
// An exchange is an insert-only log of events (domain/exchanges/log.ts), `_id`
// `<exchangeId>:<n>`, folded into an immutable `Loaded`. A move is decided on the fold this
// server has and stored as event n+1 without reading first; if another server (or a second
// click) took n+1, the events are read again and the move is decided again, so an illegal move
// at the new state is refused. A read follows the log to its head, whatever the state: refunds
// are appended to settled and cancelled exchanges. Only an exchange that takes no more events
// (final, in hours or as free help) is answered from memory without a look.
//
// "My exchanges" and the quarter's exchanges are insert-only lists in `exchange_index`
// (`<userId>:<n>`, `quarter:<quarterId>:<n>`), written before event 1: readers skip an entry
// whose exchange does not exist (a proposer that died in between).
import {
	applyLogEvent,
	takesNoMoreEvents,
	type ExchangeRecord,
	type LogEvent
} from '../../../domain/exchanges/log';
import type { ExchangeProblem } from '../../../domain/exchanges/problems';
import type { TransferProblem } from '../../../domain/ledger/ledger';
import { isDocId } from '../../../domain/messages/conversation';
import { KeyedQueue } from '../../keyed-queue';
import { Log } from '../../logs';
import {
	exchangeEventStore,
	exchangeListStore,
	listExchangeEventsOfQuarter,
	quarterList,
	type CrossQuarter,
	type ListEntry,
	type StoredEvent
} from '../../repos/exchanges';

const LOG_CACHE_SIZE = 20_000;
const LIST_CACHE_SIZE = 10_000;

/** An exchange as of the latest event this server has read. */
export interface Loaded {
	id: string;
	quarterId: string;
	origin: string | null;
	/** Each party's quarter, for an exchange between members of two quarters. */
	cross: CrossQuarter | null;
	record: ExchangeRecord;
}

export type Written =
	| { ok: true; loaded: Loaded; event: StoredEvent | null; repeated?: boolean }
	| { ok: false; problem: ExchangeProblem; ledger?: TransferProblem };

/** What a writer decides on the latest fold: the next event to store, or the answer at once. */
export type Decision = { write: LogEvent } | { answer: Written };

/** One server's read model: the exchange logs, the lists, and a queue per exchange. */
export interface ReadModel {
	/** Each exchange's events, folded; null for an id with no events (yet). */
	readonly logs: Log<Loaded | null, StoredEvent>;
	/** Each list's exchange ids, in the order they were added. */
	readonly lists: Log<string[], ListEntry>;
	/** Quarters whose events were all read once (`warmQuarter`). */
	readonly warmed: Set<string>;
	/** One use-case per exchange (its id) at a time, across its reads and writes. */
	readonly queue: KeyedQueue;
}

/** List entries between two snapshots, and exchange ids per snapshot part (~50 kB). */
const LIST_SNAPSHOT_EVERY = 500;
const LIST_SNAPSHOT_PART = 2000;

export function createReadModel(): ReadModel {
	return {
		logs: new Log<Loaded | null, StoredEvent>({
			name: 'exchanges',
			store: exchangeEventStore,
			seqOf: (event) => event.n,
			empty: () => null,
			apply: foldEvent,
			// A page of an exchange shows the other side's move and a refund made on any server.
			freshMs: 0,
			closed: (loaded) => loaded !== null && takesNoMoreEvents(loaded.record),
			maxStreams: LOG_CACHE_SIZE
		}),
		lists: new Log<string[], ListEntry>({
			name: 'exchange-lists',
			store: exchangeListStore,
			seqOf: (entry) => entry.n,
			empty: () => [],
			apply: (ids, entry) => void ids.push(entry.exchangeId),
			freshMs: 0,
			maxStreams: LIST_CACHE_SIZE,
			// A quarter's list grows to thousands: start from a snapshot instead of a probe per
			// entry (measured: 2,000 entries took 10–16 s to probe on a busy server).
			snapshots: {
				version: 1,
				every: LIST_SNAPSHOT_EVERY,
				encode: (ids) => {
					const parts: string[][] = [];
					for (let i = 0; i < ids.length; i += LIST_SNAPSHOT_PART)
						parts.push(ids.slice(i, i + LIST_SNAPSHOT_PART));
					return parts;
				},
				decode: (parts) => (parts as string[][]).flat()
			}
		}),
		warmed: new Set<string>(),
		queue: new KeyedQueue()
	};
}

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
		cross: current ? current.cross : (event.crossQuarter ?? null),
		record: step.record
	};
}

/** The exchange as of its latest event, or null when it does not exist. `maxAgeMs`: see
 * `Log.read` (views over a whole quarter). */
export async function loadExchange(
	model: ReadModel,
	id: string,
	maxAgeMs?: number
): Promise<Loaded | null> {
	if (!isDocId(id)) return null;
	return model.logs.read(id, 0, { maxAgeMs });
}

/**
 * How old the exchanges in a view over a whole quarter (the cockpit's disputes, the impact
 * report) may be: checking each open exchange for news on every page view is one database
 * read per exchange (measured: 285 reads, 1.1 s, for the cockpit of a quarter with 2,000
 * exchanges). Another server's move shows there within this time; one's own at once.
 */
const QUARTER_VIEW_MAX_AGE_MS = 10_000;

/** Reads all events of a quarter at once, the first time this server needs all of them; the
 * exchanges are followed by `_id` from there. */
export async function warmQuarter(model: ReadModel, quarterId: string): Promise<void> {
	if (model.warmed.has(quarterId)) return;
	const byExchange = new Map<string, StoredEvent[]>();
	for (const e of await listExchangeEventsOfQuarter(quarterId)) {
		const list = byExchange.get(e.exchangeId) ?? [];
		list.push(e);
		byExchange.set(e.exchangeId, list);
	}
	for (const list of byExchange.values()) list.sort((a, b) => a.n - b.n);
	model.logs.preload(byExchange);
	model.warmed.add(quarterId);
}

/** A list's exchange ids, oldest entry first, without duplicates. */
export async function readList(model: ReadModel, list: string): Promise<string[]> {
	return [...new Set(await model.lists.read(list))];
}

/** Every exchange of a quarter: its events are read once per server, then followed by `_id`. */
export async function loadQuarter(model: ReadModel, quarterId: string): Promise<Loaded[]> {
	await warmQuarter(model, quarterId);
	const ids = await readList(model, quarterList(quarterId));
	return (
		await Promise.all(ids.map((id) => loadExchange(model, id, QUARTER_VIEW_MAX_AGE_MS)))
	).filter((l): l is Loaded => l !== null);
}

/** Adds the exchange to a list once, as its next entry. */
export async function appendToList(
	model: ReadModel,
	list: string,
	exchangeId: string,
	quarterId: string,
	now: Date
): Promise<void> {
	const added = await model.lists.append<'listed'>(list, (ids, n) =>
		ids.includes(exchangeId)
			? { ok: false, problem: 'listed' }
			: { ok: true, entry: { n, exchangeId, quarterId, at: now } }
	);
	if (!added.ok && added.problem === 'contention') {
		throw new Error(`exchange list ${list}: no free entry (contention)`);
	}
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
	// The log decides first on what this server holds and reads on only when the number is
	// taken; an answer without a write (a refusal, a repeat) must rest on the latest events too.
	if (!(await loadExchange(model, id))) return { ok: false, problem: 'not_found' };
	const appended = await model.logs.append<Written>(id, (loaded, n) => {
		if (!loaded) return { ok: false, problem: { ok: false, problem: 'not_found' } };
		const decision = decide(loaded);
		if ('answer' in decision) return { ok: false, problem: decision.answer };
		return {
			ok: true,
			entry: { ...decision.write, n, exchangeId: id, quarterId: loaded.quarterId }
		};
	});
	if (!appended.ok) {
		return appended.problem === 'contention'
			? { ok: false, problem: 'contention' }
			: appended.problem;
	}
	return { ok: true, loaded: appended.state!, event: appended.entry };
}

/** Stores event 1 of a new exchange (its id is new, so no other writer takes the number). */
export async function appendFirstEvent(
	model: ReadModel,
	event: StoredEvent
): Promise<{ loaded: Loaded; created: boolean }> {
	const appended = await model.logs.append<'exists'>(event.exchangeId, (loaded) =>
		loaded ? { ok: false, problem: 'exists' } : { ok: true, entry: event }
	);
	if (appended.ok) return { loaded: appended.state!, created: true };
	// The same proposal stored by a request that ran at the same time (its id comes from the
	// form's key): that one is the answer.
	const existing =
		appended.problem === 'exists' ? await loadExchange(model, event.exchangeId) : null;
	if (!existing) {
		throw new Error(`Exchange ${event.exchangeId}: event 1 not stored (${appended.problem})`);
	}
	return { loaded: existing, created: false };
}
