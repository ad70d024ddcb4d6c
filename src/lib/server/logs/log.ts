// The one mechanism behind the app's read models. The database holds the truth as insert-only
// logs: a stream's entries are numbered 1, 2, 3 … and an entry's `_id` names its stream and
// number, so appending is an insert of number head+1 (the primary key lets exactly one writer
// take each number; FerretDB has no transactions and no atomic updates) and following a stream
// is a probe of the next `_id`, the one filter the embedded database answers from its index.
// Each app server folds the streams it needs into a state in memory and keeps a bounded number
// of them.
//
// Freshness, the same for every log (docs/architecture.md, "One log mechanism"):
// 1. A server's own appends are in its state at once.
// 2. A read answers from memory if the stream was caught up within the log's `freshMs`;
//    otherwise it first reads what other servers appended.
// 3. Read-your-writes behind a balancer: the numbers a person's request appended ride along in
//    a cookie (read-your-writes.ts), and every server reads up to them before answering.
// 4. A read that misses (an unknown id) calls `refresh` before it answers "not found".
// 5. Appending decides on the latest state: if number head+1 is taken, the server reads what it
//    missed and decides again.
import { KeyedQueue } from '../keyed-queue';
import { BoundedMap } from './bounded-map';
import { registerForgettable } from './forget';
import { noteAppended, seenMark } from './read-your-writes';
import { loadSnapshot, writeSnapshot, type Snapshots } from './snapshots';

export type Inserted = 'inserted' | 'taken';

/** Where a log's entries live; implemented by a repository. */
export interface LogStore<E> {
	/** Inserts entry `seq` of `stream`: 'taken' when that number, or another unique key the
	 * entry carries, is taken already. */
	insert(stream: string, seq: number, entry: E): Promise<Inserted>;
	/** Entry `seq` of `stream`, or null. */
	find(stream: string, seq: number): Promise<E | null>;
	/** Every entry of the stream in number order: one read instead of a probe per entry, for a
	 * load without a snapshot. Without it, a load probes. */
	readAll?(stream: string): AsyncIterable<E>;
	/** The number up to which entries may have been deleted (retention, services/privacy): a
	 * lazy log's stream starts there when loaded, or when not caught up for FLOOR_RECHECK_MS,
	 * instead of probing from 1 and taking a deleted number for the end. */
	floor?(stream: string): Promise<number>;
	/** Consecutive new entries in one round trip (seed and benchmark: `appendMany`). */
	insertMany?(stream: string, entries: E[]): Promise<void>;
}

export interface LogSpec<S, E> {
	/** Names the log in snapshots, cookies and errors. */
	name: string;
	store: LogStore<E>;
	seqOf(entry: E): number;
	empty(stream: string): S;
	/** Folds the next entry into the state: in place, or by returning the new state (an
	 * immutable fold, whose earlier states callers may keep). */
	apply(state: S, entry: E): S | void;
	/** How old (ms) a state may be when a read answers from it. */
	freshMs: number;
	/** The state takes no further entry (the domain refuses every one, e.g. an exchange settled
	 * in hours): reads answer from memory without probing, however old the state. */
	closed?(state: S): boolean;
	/** Streams kept in memory; the least recently used are dropped and loaded again. */
	maxStreams: number;
	snapshots?: Snapshots<S>;
	/** The state needs no entry to be folded in (only the number matters, entries are read when
	 * shown): a stream may then start at a number known to exist (`head`'s hint). */
	lazy?: boolean;
}

/** `duplicate`: the same request was appended before (the decision named it), so that entry is
 * the answer and nothing new was written. */
export type Appended<E, P, S = unknown> =
	| { ok: true; entry: E; seq: number; duplicate: boolean; state: S }
	| { ok: false; problem: P | 'contention' };

export type Decision<E, P> =
	| { ok: true; entry: E }
	/** The request is in the log already (e.g. the same key or nonce): answer with that entry. */
	| { ok: true; existing: E }
	| { ok: false; problem: P };

/** How far one log's in-memory states are behind what is stored (Log.lag). */
export interface LogLag {
	name: string;
	/** Streams this server holds in memory. */
	streams: number;
	/** Streams probed for entries they have not read (the least recently checked first). */
	probed: number;
	/** Probed streams with at least one stored entry not in memory yet. */
	behind: number;
	/** Stored entries not in memory over the probed streams (counted up to 16 per stream). */
	entries: number;
	/** Age (ms) of the least recently caught-up state; reads catch up when it exceeds freshMs. */
	oldestCheckMs: number;
	freshMs: number;
}

interface Stream<S> {
	state: S;
	seq: number;
	checkedAt: number;
	snapshotSeq: number;
}

/** How often one append reads again and decides again after losing a race for the number. */
const MAX_ATTEMPTS = 100;
/** Numbers asked for in one round trip while a stream is known to have more. */
const PROBE_BATCH = 16;
/** A stream caught up more recently than this holds every entry older than a day, and
 * retention deletes only entries older than a week (RETENTION_NOTIFICATIONS_DAYS ≥ 7), so
 * only a stream left alone longer needs to read its floor again. */
const FLOOR_RECHECK_MS = 24 * 60 * 60 * 1000;

export class Log<S, E> {
	/** The latest log of each name, for /healthz (Log.lagAll). */
	private static readonly byName = new Map<string, Log<unknown, unknown>>();

	private readonly streams: BoundedMap<string, Promise<Stream<S>>>;
	private readonly queue = new KeyedQueue();

	constructor(private readonly spec: LogSpec<S, E>) {
		this.streams = new BoundedMap(spec.maxStreams);
		Log.byName.set(spec.name, this as Log<unknown, unknown>);
		registerForgettable(this);
	}

	/** Drops every state held in memory: the next read loads the stream again (an erasure
	 * overwrote stored entries, see forget.ts). */
	forget(): void {
		this.streams.clear();
	}

	/** Every log's lag (see `lag`), for /healthz. */
	static lagAll(maxStreams?: number): Promise<LogLag[]> {
		return Promise.all([...Log.byName.values()].map((log) => log.lag(maxStreams)));
	}

	/**
	 * How far this server's states are behind the stored log, cheaply: of the streams held in
	 * memory (a stream still loading is skipped), the `maxStreams` least recently checked are
	 * probed for the entry after their number (one read each; a stream found behind is counted
	 * further up to PROBE_BATCH entries). Changes no state.
	 */
	async lag(maxStreams = 20): Promise<LogLag> {
		const pending = Symbol('pending');
		const loaded: [string, Stream<S>][] = [];
		for (const [stream, promise] of [...this.streams.entries()]) {
			// A settled promise wins the race against the marker; a failed load is skipped.
			const s = await Promise.race([promise, Promise.resolve(pending)]).catch(() => pending);
			if (s !== pending) loaded.push([stream, s as Stream<S>]);
		}
		loaded.sort((a, b) => a[1].checkedAt - b[1].checkedAt);
		const now = Date.now();
		const probed = loaded.slice(0, maxStreams);
		const counts = await Promise.all(
			probed.map(async ([stream, s]) => {
				const seq = s.seq;
				if (!(await this.spec.store.find(stream, seq + 1))) return 0;
				const more = await Promise.all(
					Array.from({ length: PROBE_BATCH - 1 }, (_, i) =>
						this.spec.store.find(stream, seq + 2 + i)
					)
				);
				const gap = more.findIndex((entry) => !entry);
				return 1 + (gap === -1 ? more.length : gap);
			})
		);
		return {
			name: this.spec.name,
			streams: loaded.length,
			probed: probed.length,
			behind: counts.filter((n) => n > 0).length,
			entries: counts.reduce((a, b) => a + b, 0),
			oldestCheckMs: loaded.length > 0 ? now - loaded[0]![1].checkedAt : 0,
			freshMs: this.spec.freshMs
		};
	}

	get name(): string {
		return this.spec.name;
	}

	/**
	 * The stream's state by the freshness rule, read at least up to `atLeast` (and up to what
	 * this request's person appended). Callers must not change it. `maxAgeMs` lets a view over
	 * many streams (a quarter's report) accept an older state than the log's `freshMs`; this
	 * request's own appends are still in it.
	 */
	async read(stream: string, atLeast = 0, options: { maxAgeMs?: number } = {}): Promise<S> {
		return (await this.current(stream, atLeast, false, 0, options.maxAgeMs)).state;
	}

	/** The state after reading everything appended until now, for a read that missed. */
	async refresh(stream: string): Promise<S> {
		return (await this.current(stream, 0, true)).state;
	}

	/** The stream's newest number, by the freshness rule. A lazy log may be given a number
	 * known to exist (e.g. stored with a conversation), so that probing starts there. */
	async head(stream: string, hint = 0): Promise<number> {
		return (await this.current(stream, 0, false, hint)).seq;
	}

	/**
	 * Appends the entry `decide` makes from the latest state. `decide` may run more than once,
	 * so it must not have side effects; a refusal is returned as it is.
	 */
	append<P>(
		stream: string,
		decide: (state: S, seq: number) => Decision<E, P>
	): Promise<Appended<E, P, S>> {
		return this.serial(stream, async (s) => {
			for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				if (attempt > 0) await this.catchUp(stream, s, false);
				const seq = s.seq + 1;
				const decision = decide(s.state, seq);
				if (!decision.ok) return decision;
				if ('existing' in decision) {
					const entry = decision.existing;
					return {
						ok: true,
						entry,
						seq: this.spec.seqOf(entry),
						duplicate: true,
						state: s.state
					};
				}
				if ((await this.spec.store.insert(stream, seq, decision.entry)) === 'taken') continue;
				this.apply(stream, s, decision.entry);
				noteAppended(this.spec.name, stream, seq);
				return { ok: true, entry: decision.entry, seq, duplicate: false, state: s.state };
			}
			return { ok: false, problem: 'contention' };
		});
	}

	/**
	 * New entries in bulk for the seed and the benchmark, in one round trip through the store's
	 * `insertMany`: `make` numbers them from `first`. Fails (and stores nothing further) if another
	 * writer appends at the same time.
	 */
	appendMany(stream: string, make: (state: S, first: number) => E[]): Promise<void> {
		const insertMany = this.spec.store.insertMany;
		if (!insertMany) throw new Error(`${this.spec.name}: its store has no bulk insert`);
		return this.serial(stream, async (s) => {
			await this.catchUp(stream, s, false);
			const entries = make(s.state, s.seq + 1);
			await insertMany(stream, entries);
			for (const entry of entries) this.apply(stream, s, entry);
		});
	}

	/**
	 * Starts streams this server does not hold yet from entries read in bulk (e.g. every event
	 * of a quarter in one query), each stream's entries in number order: folded up to the first
	 * gap, and read on by the freshness rule like any other (nothing is marked as caught up).
	 * Streams already held are left as they are.
	 */
	preload(entries: Iterable<[stream: string, entries: readonly E[]]>): void {
		for (const [stream, list] of entries) {
			if (this.streams.has(stream)) continue;
			const s: Stream<S> = {
				state: this.spec.empty(stream),
				seq: 0,
				checkedAt: 0,
				snapshotSeq: 0
			};
			for (const entry of list) {
				if (this.spec.seqOf(entry) !== s.seq + 1) break;
				this.fold(s, entry);
			}
			this.streams.set(stream, Promise.resolve(s));
		}
	}

	private async current(
		stream: string,
		atLeast: number,
		force: boolean,
		hint = 0,
		maxAgeMs = this.spec.freshMs
	): Promise<Stream<S>> {
		const lazyHint = this.spec.lazy ? hint : 0;
		const s = await this.open(stream, lazyHint);
		// Nothing to fold in a lazy log: a probe running meanwhile just stops at the hint.
		if (lazyHint > s.seq) s.seq = lazyHint;
		const want = Math.max(atLeast, seenMark(this.spec.name, stream));
		if (!force && s.seq >= want && this.fresh(s, maxAgeMs)) return s;
		return this.serial(stream, async (state) => {
			if (force || state.seq < want || !this.fresh(state, maxAgeMs)) {
				await this.catchUp(stream, state, false);
			}
			return state;
		});
	}

	private fresh(s: Stream<S>, maxAgeMs: number): boolean {
		return Date.now() - s.checkedAt < maxAgeMs || (this.spec.closed?.(s.state) ?? false);
	}

	/** Runs `fn` after every earlier piece of work on this stream in this process. */
	private async serial<T>(stream: string, fn: (s: Stream<S>) => Promise<T>): Promise<T> {
		return this.queue.run(stream, async () => fn(await this.open(stream)));
	}

	private open(stream: string, hint = 0): Promise<Stream<S>> {
		let s = this.streams.get(stream);
		if (!s) {
			const loading = this.load(stream, hint);
			s = loading;
			this.streams.set(stream, loading);
			loading.catch(() => {
				if (this.streams.get(stream) === loading) this.streams.delete(stream);
			});
		}
		return s;
	}

	private async load(stream: string, hint: number): Promise<Stream<S>> {
		const s: Stream<S> = {
			state: this.spec.empty(stream),
			seq: hint,
			checkedAt: 0,
			snapshotSeq: 0
		};
		const snapshot = this.spec.snapshots
			? await loadSnapshot(this.spec.name, stream, this.spec.snapshots)
			: null;
		if (snapshot) {
			s.state = snapshot.state;
			s.seq = s.snapshotSeq = snapshot.seq;
		} else if (this.spec.lazy && this.spec.store.floor) {
			s.seq = Math.max(s.seq, await this.spec.store.floor(stream));
		} else if (this.spec.store.readAll) {
			for await (const entry of this.spec.store.readAll(stream)) {
				// A gap would be a lost entry: stop there and let the probe find what follows.
				if (this.spec.seqOf(entry) !== s.seq + 1) break;
				this.fold(s, entry);
			}
		}
		await this.catchUp(stream, s, true);
		// A long replay is stored, so that the next start reads the snapshot instead.
		this.snapshotIfDue(stream, s);
		return s;
	}

	/** Reads the entries after the state's number until one is missing. */
	private async catchUp(stream: string, s: Stream<S>, cold: boolean): Promise<void> {
		const floor = this.spec.lazy ? this.spec.store.floor : undefined;
		if (floor && !cold && s.checkedAt > 0 && Date.now() - s.checkedAt > FLOOR_RECHECK_MS) {
			s.seq = Math.max(s.seq, await floor(stream));
		}
		let width = cold ? PROBE_BATCH : 1;
		for (;;) {
			const from = s.seq + 1;
			const found = await Promise.all(
				Array.from({ length: width }, (_, i) => this.spec.store.find(stream, from + i))
			);
			let applied = 0;
			for (const entry of found) {
				if (!entry || this.spec.seqOf(entry) !== s.seq + 1) break;
				this.apply(stream, s, entry);
				applied++;
			}
			if (applied < width) break;
			width = PROBE_BATCH;
		}
		s.checkedAt = Date.now();
	}

	private apply(stream: string, s: Stream<S>, entry: E): void {
		this.fold(s, entry);
		this.snapshotIfDue(stream, s);
	}

	private fold(s: Stream<S>, entry: E): void {
		const next = this.spec.apply(s.state, entry);
		if (next !== undefined) s.state = next;
		s.seq = this.spec.seqOf(entry);
	}

	private snapshotIfDue(stream: string, s: Stream<S>): void {
		const snapshots = this.spec.snapshots;
		if (snapshots && s.seq - s.snapshotSeq >= snapshots.every) {
			s.snapshotSeq = s.seq;
			writeSnapshot(this.spec.name, stream, snapshots, s.state, s.seq);
		}
	}
}

/** The fold of a log whose state is simply its entries in order (a case's events, a line's
 * grants): spread into a `LogSpec`. */
export function entryList<E>(): Pick<LogSpec<E[], E>, 'empty' | 'apply'> {
	return { empty: () => [], apply: (entries, entry) => void entries.push(entry) };
}
