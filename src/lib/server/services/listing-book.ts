// The listings every app server holds in memory, with the search index over the published ones.
// The database has the truth as an insert-only log of changes (repos/listing-revisions.ts),
// numbered across the installation: one stream of the shared log mechanism (server/logs), which
// loads it from a snapshot plus the tail, follows other servers' changes and decides each change
// on the latest state. FerretDB's updates are not atomic (a read, then a separate write), so an
// update could lose a moderator's "hide" to an author's edit made at the same moment; this way
// nothing is lost and the history of every listing stays readable.
import type { Listing, ListingState, Move } from '../../domain/listings/listing';
import { isPublic } from '../../domain/listings/listing';
import { cellKey, parseCellKey } from '../../domain/search/location';
import { BoundedMap, Log, registerForgettable } from '../logs';
import {
	findListingRevision,
	listingRevisionStore,
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

/**
 * What a server keeps of a listing that is over (closed, expired or rejected): the facts that
 * lists and reports filter on, and the number of its latest change, from which the whole
 * listing is read when someone opens it. Keeps memory bounded by the listings that are alive,
 * not by every listing the quarter ever had.
 */
export interface ListingFacts {
	id: string;
	quarterId: string;
	authorId: string;
	kind: Listing['kind'];
	category: string;
	state: ListingState;
	publishedAt: Date | null;
	updatedAt: Date;
}

interface Archived extends ListingFacts {
	/** The change that holds the whole listing. */
	seq: number;
}

/** States in which a listing is read on demand (unless it waits for a moderator's review). */
const ARCHIVED_STATES: readonly ListingState[] = ['closed', 'expired', 'rejected'];

function isArchived(listing: Listing): boolean {
	return ARCHIVED_STATES.includes(listing.state) && !listing.needsReview;
}

function factsOf(listing: ListingFacts): ListingFacts {
	const { id, quarterId, authorId, kind, category, state, publishedAt, updatedAt } = listing;
	return { id, quarterId, authorId, kind, category, state, publishedAt, updatedAt };
}

interface State {
	/** Listings that are alive (not archived), in full. */
	listings: Map<string, Listing>;
	archived: Map<string, Archived>;
	index: ListingSearchIndex;
	/** The start of each listing's description as plain text, for result lists. */
	excerpts: Map<string, string>;
	/** Bumped whenever the index changes; cached results of an older version are stale. */
	version: number;
	cache: BoundedMap<string, { version: number; result: ListingHits }>;
}

/** One listing in a snapshot: the listing, its excerpt, and what the index needs if public;
 * or the facts of an archived one. */
type SnapshotItem =
	| { listing: Listing; excerpt: string; text?: string; cell?: string | null }
	| { archived: Archived };

/** The whole installation is one stream of the listing log. */
const STREAM = '';
/** Reads accept a view this old (ms); a server's own changes are visible at once. */
const FRESH_MS = 300;
/** Listings per snapshot part: well under a megabyte per document. */
const SNAPSHOT_PART = 500;
/** Archived listings read back in full and kept for the next reader. */
const ARCHIVE_CACHE = 1000;

function emptyState(): State {
	return {
		listings: new Map(),
		archived: new Map(),
		index: new ListingSearchIndex(),
		excerpts: new Map(),
		version: 0,
		cache: new BoundedMap(CACHE_ENTRIES)
	};
}

function encodeSnapshot(s: State): SnapshotItem[][] {
	const parts: SnapshotItem[][] = [];
	let part: SnapshotItem[] = [];
	const add = (item: SnapshotItem) => {
		part.push(item);
		if (part.length === SNAPSHOT_PART) {
			parts.push(part);
			part = [];
		}
	};
	for (const listing of s.listings.values()) {
		const indexed = s.index.indexed(listing.id);
		add({
			listing,
			excerpt: s.excerpts.get(listing.id) ?? '',
			...(indexed ? { text: indexed.text, cell: indexed.cell ? cellKey(indexed.cell) : null } : {})
		});
	}
	for (const archived of s.archived.values()) add({ archived });
	if (part.length > 0) parts.push(part);
	return parts;
}

function decodeSnapshot(parts: unknown[]): State {
	const s = emptyState();
	for (const part of parts as SnapshotItem[][]) {
		for (const item of part) {
			if ('archived' in item) {
				s.archived.set(item.archived.id, item.archived);
				continue;
			}
			s.listings.set(item.listing.id, item.listing);
			s.excerpts.set(item.listing.id, item.excerpt);
			if (item.text !== undefined) index(s, item.listing, item.text, item.cell ?? null);
		}
	}
	return s;
}

export class ListingBook {
	private readonly log: Log<State, ListingRevision>;

	/** `snapshotEvery`: changes between two snapshots (tests set a small number). */
	constructor(options: { snapshotEvery?: number } = {}) {
		this.log = new Log({
			name: 'listings',
			store: listingRevisionStore,
			seqOf: (revision) => revision.seq,
			empty: emptyState,
			apply,
			freshMs: FRESH_MS,
			maxStreams: 1,
			snapshots: {
				// 2: archived listings are kept as facts (version 1 snapshots are replayed instead).
				version: 2,
				every: options.snapshotEvery ?? 2000,
				encode: encodeSnapshot,
				decode: decodeSnapshot
			}
		});
		// The listing text of a deleted member is overwritten once (docs/legal.md).
		registerForgettable(this.loaded);
	}

	/**
	 * Changes one listing (or creates it when `current` is undefined). `decide` sees the latest
	 * stored version and may run more than once, so it must not have side effects.
	 */
	async commit<P>(
		listingId: string,
		decide: (current: Listing | undefined) => Decision<P>,
		now: Date
	): Promise<CommitResult<P>> {
		// An archived listing is decided on in full: read it first. Should another server change
		// it in between, the decision sees a newer number than was read and reads again.
		for (let attempt = 0; ; attempt++) {
			const result = await this.commitOnce(listingId, decide, now);
			if (result !== 'reread') return result;
			if (attempt === 3) return { ok: false, problem: 'contention' };
		}
	}

	private async commitOnce<P>(
		listingId: string,
		decide: (current: Listing | undefined) => Decision<P>,
		now: Date
	): Promise<CommitResult<P> | 'reread'> {
		const archived = (await this.log.read(STREAM)).archived.get(listingId);
		if (archived) await this.loadArchived(archived);
		let previous: Listing | undefined;
		let reread = false;
		const result = await this.log.append<P | 'reread'>(STREAM, (s, seq) => {
			const facts = s.archived.get(listingId);
			if (facts) {
				const loaded = this.loaded.get(listingId);
				if (loaded?.seq !== facts.seq) {
					reread = true;
					return { ok: false, problem: 'reread' };
				}
				previous = loaded.listing;
			} else previous = s.listings.get(listingId);
			const decision = decide(previous);
			if (!decision.ok) return decision;
			return {
				ok: true,
				entry: {
					seq,
					listingId,
					revision: decision.listing.revision,
					move: decision.move,
					by: decision.by,
					...(decision.recordedBy ? { recordedBy: decision.recordedBy } : {}),
					at: now,
					listing: decision.listing,
					search: decision.search
				}
			};
		});
		if (reread) return 'reread';
		if (!result.ok) return result as CommitResult<P>;
		return { ok: true, listing: result.entry.listing, previous };
	}

	/** Archived listings read back in full, by the number of the change they were read from. */
	private readonly loaded = new BoundedMap<string, { seq: number; listing: Listing }>(
		ARCHIVE_CACHE
	);

	private async loadArchived(facts: Archived): Promise<Listing | undefined> {
		const cached = this.loaded.get(facts.id);
		if (cached?.seq === facts.seq) return cached.listing;
		const revision = await findListingRevision(facts.seq);
		if (!revision) return undefined;
		this.loaded.set(facts.id, { seq: facts.seq, listing: revision.listing });
		return revision.listing;
	}

	/**
	 * New listings in bulk, for the seed and the benchmark: one insert per batch. Fails (and
	 * stores nothing further) if another writer is active at the same time.
	 */
	async importNew(
		items: { listing: Listing; search: SearchFields; by: string }[],
		now: Date
	): Promise<void> {
		const BATCH = 1000;
		for (let i = 0; i < items.length; i += BATCH) {
			await this.log.appendMany(STREAM, (_s, first) =>
				items.slice(i, i + BATCH).map((item, j): ListingRevision => ({
					seq: first + j,
					listingId: item.listing.id,
					revision: item.listing.revision,
					move: 'create',
					by: item.by,
					at: now,
					listing: item.listing,
					search: item.search
				}))
			);
		}
	}

	/** A listing, or undefined; an unknown id is looked for in the log before the answer. */
	async get(id: string): Promise<Listing | undefined> {
		let s = await this.log.read(STREAM);
		if (!s.listings.has(id) && !s.archived.has(id)) s = await this.log.refresh(STREAM);
		const archived = s.archived.get(id);
		return archived ? this.loadArchived(archived) : s.listings.get(id);
	}

	/** Every listing that is alive (not closed, expired or rejected) matching `keep`, newest first. */
	async filter(keep: (listing: Listing) => boolean): Promise<Listing[]> {
		const s = await this.log.read(STREAM);
		const out: Listing[] = [];
		for (const listing of s.listings.values()) if (keep(listing)) out.push(listing);
		return newestFirst(out);
	}

	/** The facts of every listing, alive or archived, matching `keep`, newest first. */
	async facts(keep: (facts: ListingFacts) => boolean): Promise<ListingFacts[]> {
		const s = await this.log.read(STREAM);
		const out: ListingFacts[] = [];
		for (const listing of s.listings.values()) {
			const facts = factsOf(listing);
			if (keep(facts)) out.push(facts);
		}
		for (const archived of s.archived.values()) if (keep(archived)) out.push(factsOf(archived));
		return newestFirst(out);
	}

	/** Every listing of an author in a quarter, archived ones read in full, newest first. */
	async ofAuthor(quarterId: string, authorId: string): Promise<Listing[]> {
		const s = await this.log.read(STREAM);
		const out: Listing[] = [];
		const archived: Archived[] = [];
		for (const l of s.listings.values())
			if (l.quarterId === quarterId && l.authorId === authorId) out.push(l);
		for (const a of s.archived.values())
			if (a.quarterId === quarterId && a.authorId === authorId) archived.push(a);
		for (const listing of await Promise.all(archived.map((a) => this.loadArchived(a))))
			if (listing) out.push(listing);
		return newestFirst(out);
	}

	async search(query: ListingQuery): Promise<{ total: number; hits: SearchHit[] }> {
		const s = await this.log.read(STREAM);
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
	head(): Promise<number> {
		return this.log.head(STREAM);
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
		s.cache.set(key, entry);
	}
	const from = (query.page - 1) * query.pageSize;
	return {
		total: entry.result.total,
		hits: entry.result.hits.slice(from, from + query.pageSize)
	};
}

function newestFirst<T extends { updatedAt: Date }>(list: T[]): T[] {
	return list.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}

function apply(s: State, revision: ListingRevision): void {
	const listing = revision.listing;
	if (isArchived(listing)) {
		s.listings.delete(listing.id);
		s.excerpts.delete(listing.id);
		s.archived.set(listing.id, { ...factsOf(listing), seq: revision.seq });
		if (s.index.has(listing.id)) {
			s.version++;
			s.index.remove(listing.id);
		}
		return;
	}
	s.archived.delete(listing.id);
	s.listings.set(listing.id, listing);
	// Cut once per change from the stored plain text, not per page view from the Markdown.
	s.excerpts.set(listing.id, excerptOf(revision.search.text));
	if (isPublic(listing) || s.index.has(listing.id)) s.version++;
	if (isPublic(listing)) index(s, listing, revision.search.text, revision.search.cell);
	else s.index.remove(listing.id);
}

function index(s: State, listing: Listing, text: string, cell: string | null): void {
	s.index.upsert({
		id: listing.id,
		quarterId: listing.quarterId,
		kind: listing.kind,
		category: listing.category,
		settlement: listing.settlement,
		commercial: listing.commercial,
		title: listing.title,
		text,
		tags: listing.tags,
		cell: cell ? parseCellKey(cell) : null,
		publishedAt: (listing.publishedAt ?? listing.createdAt).getTime()
	});
}

/** The app's book; tests create their own instances to play several servers. */
export const listingBook = new ListingBook();
