// The listings every app server holds in memory, with the search index over the published ones.
// The database has the truth as an insert-only log of changes (repos/listing-revisions.ts),
// numbered across the installation. A server reads the log once at start, then follows it by
// probing the next number. A change is an insert of number head+1 without reading first: if it
// succeeds, nobody had written head+1, so the change was decided on the latest state of the
// listing; if the number is taken, the server reads what it missed and decides again. FerretDB's
// updates are not atomic (a read, then a separate write), so an update could lose a moderator's
// "hide" to an author's edit made at the same moment; this way nothing is lost and the history
// of every listing stays readable.
import type { Listing, Move } from '../../domain/listings/listing';
import { isPublic } from '../../domain/listings/listing';
import { parseCellKey } from '../../domain/search/location';
import { isDuplicateKeyError } from '../db';
import {
	findListingRevision,
	insertListingRevision,
	insertListingRevisions,
	insertRecentRevision,
	listRecentRevisions,
	pruneRecentRevisions,
	streamListingRevisions,
	type ListingRevision
} from '../repos/listing-revisions';
import { ListingSearchIndex, type ListingHits, type ListingQuery } from '../search/listing-index';

export interface SearchFields {
	tokens: string[];
	cell: string | null;
	/** Plain text of the description, for the index. */
	text: string;
}

export type Decision<P> =
	| {
			ok: true;
			listing: Listing;
			move: Move;
			by: string;
			search: SearchFields;
			/** The moderator who recorded the change for an assisted member (`by`). */
			recordedBy?: string;
	  }
	| { ok: false; problem: P };

export type CommitResult<P> =
	| { ok: true; listing: Listing; previous: Listing | undefined }
	| { ok: false; problem: P | 'contention' };

interface State {
	seq: number;
	listings: Map<string, Listing>;
	index: ListingSearchIndex;
	/** The start of each listing's description as plain text, for result lists. */
	excerpts: Map<string, string>;
	/** Bumped whenever the index changes; cached results of an older version are stale. */
	version: number;
	cache: Map<string, { version: number; result: ListingHits }>;
	queue: Promise<unknown>;
	checkedAt: number;
}

/** How often one change re-reads and decides again after losing a race for the next number. */
const MAX_ATTEMPTS = 100;
/** Reads accept a view this old (ms); a server's own changes are visible at once. */
const FRESH_MS = 300;
/** Copies of the newest changes kept for the freshness check, pruned every so many changes. */
const KEEP_RECENT = 200;
const PRUNE_EVERY = 50;

export class ListingBook {
	private state: Promise<State> | null = null;

	private load(): Promise<State> {
		if (!this.state) {
			this.state = (async () => {
				const s: State = {
					seq: 0,
					listings: new Map(),
					index: new ListingSearchIndex(),
					excerpts: new Map(),
					version: 0,
					cache: new Map(),
					queue: Promise.resolve(),
					checkedAt: Date.now()
				};
				for await (const revision of streamListingRevisions()) {
					// A gap would be a lost change; stop there and let catchUp find what follows.
					if (revision.seq !== s.seq + 1) break;
					apply(s, revision);
				}
				await this.catchUp(s);
				return s;
			})();
			this.state.catch(() => (this.state = null));
		}
		return this.state;
	}

	private async serial<T>(fn: (s: State) => Promise<T>): Promise<T> {
		const s = await this.load();
		const run = s.queue.then(() => fn(s));
		s.queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * Reads the changes other servers made. The recent collection always holds the newest
	 * changes; a number missing there (pruned while this server was idle, or a server died
	 * between the two inserts) is read from the log itself.
	 */
	private async catchUp(s: State): Promise<void> {
		const recent = await listRecentRevisions(s.seq);
		for (const revision of recent) {
			while (revision.seq > s.seq + 1) {
				const missing = await findListingRevision(s.seq + 1);
				if (!missing) break;
				apply(s, missing);
			}
			if (revision.seq === s.seq + 1) apply(s, revision);
		}
		s.checkedAt = Date.now();
	}

	/** After losing a race for a number: that number exists, so read it from the log. */
	private async catchUpFromLog(s: State): Promise<void> {
		const before = s.seq;
		await this.catchUp(s);
		if (s.seq > before) return;
		for (;;) {
			const next = await findListingRevision(s.seq + 1);
			if (!next) return;
			apply(s, next);
		}
	}

	/** The state, caught up with other servers' changes of the last moment. */
	private async fresh(): Promise<State> {
		const s = await this.load();
		if (Date.now() - s.checkedAt < FRESH_MS) return s;
		return this.serial(async (state) => {
			if (Date.now() - state.checkedAt >= FRESH_MS) await this.catchUp(state);
			return state;
		});
	}

	/**
	 * Changes one listing (or creates it when `current` is undefined). `decide` sees the latest
	 * stored version and may run more than once, so it must not have side effects.
	 */
	commit<P>(
		listingId: string,
		decide: (current: Listing | undefined) => Decision<P>,
		now: Date
	): Promise<CommitResult<P>> {
		return this.serial(async (s) => {
			for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				if (attempt > 0) await this.catchUpFromLog(s);
				const previous = s.listings.get(listingId);
				const decision = decide(previous);
				if (!decision.ok) return { ok: false, problem: decision.problem };
				const revision: ListingRevision = {
					seq: s.seq + 1,
					listingId,
					revision: decision.listing.revision,
					move: decision.move,
					by: decision.by,
					...(decision.recordedBy ? { recordedBy: decision.recordedBy } : {}),
					at: now,
					listing: decision.listing,
					search: decision.search
				};
				try {
					await insertListingRevision(revision);
				} catch (err) {
					if (isDuplicateKeyError(err)) continue;
					throw err;
				}
				apply(s, revision);
				await insertRecentRevision(revision);
				if (revision.seq % PRUNE_EVERY === 0) await pruneRecentRevisions(revision.seq, KEEP_RECENT);
				return { ok: true, listing: decision.listing, previous };
			}
			return { ok: false, problem: 'contention' };
		});
	}

	/**
	 * New listings in bulk, for the seed and the benchmark: one insert per batch. Fails (and
	 * stores nothing further) if another writer is active at the same time.
	 */
	importNew(
		items: { listing: Listing; search: SearchFields; by: string }[],
		now: Date
	): Promise<void> {
		return this.serial(async (s) => {
			await this.catchUp(s);
			const BATCH = 1000;
			for (let i = 0; i < items.length; i += BATCH) {
				const revisions = items.slice(i, i + BATCH).map((item, j): ListingRevision => ({
					seq: s.seq + 1 + j,
					listingId: item.listing.id,
					revision: item.listing.revision,
					move: 'create',
					by: item.by,
					at: now,
					listing: item.listing,
					search: item.search
				}));
				await insertListingRevisions(revisions);
				for (const r of revisions) apply(s, r);
				const last = revisions.at(-1);
				if (last) {
					await insertRecentRevision(last);
					await pruneRecentRevisions(last.seq, KEEP_RECENT);
				}
			}
		});
	}

	async get(id: string): Promise<Listing | undefined> {
		return (await this.fresh()).listings.get(id);
	}

	/** Every listing matching `keep`, newest first. */
	async filter(keep: (listing: Listing) => boolean): Promise<Listing[]> {
		const s = await this.fresh();
		const out: Listing[] = [];
		for (const listing of s.listings.values()) if (keep(listing)) out.push(listing);
		return out.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
	}

	async search(query: ListingQuery): Promise<{ total: number; hits: SearchHit[] }> {
		const s = await this.fresh();
		const result = cachedSearch(s, query);
		return {
			total: result.total,
			hits: result.hits
				.map((hit) => ({
					listing: s.listings.get(hit.id)!,
					distanceMeters: hit.distanceMeters,
					excerpt: s.excerpts.get(hit.id) ?? ''
				}))
				.filter((hit) => hit.listing !== undefined)
		};
	}

	/** The number of the latest change this server has seen (for tests and the benchmark). */
	async head(): Promise<number> {
		return (await this.fresh()).seq;
	}
}

export interface SearchHit {
	listing: Listing;
	distanceMeters: number | null;
	excerpt: string;
}

const EXCERPT_MAX = 180;

/** The start of a plain text, cut at a word. */
export function excerptOf(text: string): string {
	if (text.length <= EXCERPT_MAX) return text;
	const cut = text.slice(0, EXCERPT_MAX);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_MAX - 30)).trimEnd()} …`;
}

/** Text searches are ranked once per query and index version; paging through them reads the
 * cached ranking (measured: 16–40 ms per ranking of a broad term at 50,000 listings). */
const CACHE_WINDOW = 500;
const CACHE_ENTRIES = 500;

function cachedSearch(s: State, query: ListingQuery): ListingHits {
	if (!query.q || query.page * query.pageSize > CACHE_WINDOW) return s.index.search(query);
	const key = JSON.stringify({ ...query, page: 0, pageSize: 0 });
	let entry = s.cache.get(key);
	if (!entry || entry.version !== s.version) {
		entry = {
			version: s.version,
			result: s.index.search({ ...query, page: 1, pageSize: CACHE_WINDOW })
		};
		s.cache.delete(key);
		s.cache.set(key, entry);
		// Oldest first out: a Map keeps insertion order.
		if (s.cache.size > CACHE_ENTRIES) s.cache.delete(s.cache.keys().next().value!);
	}
	const from = (query.page - 1) * query.pageSize;
	return {
		total: entry.result.total,
		hits: entry.result.hits.slice(from, from + query.pageSize)
	};
}

function apply(s: State, revision: ListingRevision): void {
	s.seq = revision.seq;
	const listing = revision.listing;
	s.listings.set(listing.id, listing);
	// Cut once per change from the stored plain text, not per page view from the Markdown.
	s.excerpts.set(listing.id, excerptOf(revision.search.text));
	const shownBefore = s.index.has(listing.id);
	if (isPublic(listing) || shownBefore) s.version++;
	if (isPublic(listing)) {
		s.index.upsert({
			id: listing.id,
			quarterId: listing.quarterId,
			kind: listing.kind,
			category: listing.category,
			settlement: listing.settlement,
			commercial: listing.commercial,
			title: listing.title,
			text: revision.search.text,
			tags: listing.tags,
			cell: revision.search.cell ? parseCellKey(revision.search.cell) : null,
			publishedAt: (listing.publishedAt ?? listing.createdAt).getTime()
		});
	} else if (s.index.has(listing.id)) {
		s.index.remove(listing.id);
	}
}

/** The app's book; tests create their own instances to play several servers. */
export const listingBook = new ListingBook();
