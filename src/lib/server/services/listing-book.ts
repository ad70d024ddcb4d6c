// The listings every app server holds in memory, with the search index over the published ones.
// The database has the truth as an insert-only log of changes (repos/listing-revisions.ts),
// numbered across the installation: one stream of the shared log mechanism (server/logs), which
// loads it from a snapshot plus the tail, follows other servers' changes and decides each change
// on the latest state. FerretDB's updates are not atomic (a read, then a separate write), so an
// update could lose a moderator's "hide" to an author's edit made at the same moment; this way
// nothing is lost and the history of every listing stays readable.
import type { Listing, Move } from '../../domain/listings/listing';
import { isPublic } from '../../domain/listings/listing';
import { cellKey, parseCellKey } from '../../domain/search/location';
import { BoundedMap, Log } from '../logs';
import { listingRevisionStore, type ListingRevision } from '../repos/listing-revisions';
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
	listings: Map<string, Listing>;
	index: ListingSearchIndex;
	/** The start of each listing's description as plain text, for result lists. */
	excerpts: Map<string, string>;
	/** Bumped whenever the index changes; cached results of an older version are stale. */
	version: number;
	cache: BoundedMap<string, { version: number; result: ListingHits }>;
}

/** One listing in a snapshot: the listing, its excerpt, and what the index needs if public. */
interface SnapshotItem {
	listing: Listing;
	excerpt: string;
	text?: string;
	cell?: string | null;
}

/** The whole installation is one stream of the listing log. */
const STREAM = '';
/** Reads accept a view this old (ms); a server's own changes are visible at once. */
const FRESH_MS = 300;
/** Listings per snapshot part: well under a megabyte per document. */
const SNAPSHOT_PART = 500;

function emptyState(): State {
	return {
		listings: new Map(),
		index: new ListingSearchIndex(),
		excerpts: new Map(),
		version: 0,
		cache: new BoundedMap(CACHE_ENTRIES)
	};
}

function encodeSnapshot(s: State): SnapshotItem[][] {
	const parts: SnapshotItem[][] = [];
	let part: SnapshotItem[] = [];
	for (const listing of s.listings.values()) {
		const indexed = s.index.indexed(listing.id);
		part.push({
			listing,
			excerpt: s.excerpts.get(listing.id) ?? '',
			...(indexed ? { text: indexed.text, cell: indexed.cell ? cellKey(indexed.cell) : null } : {})
		});
		if (part.length === SNAPSHOT_PART) {
			parts.push(part);
			part = [];
		}
	}
	if (part.length > 0) parts.push(part);
	return parts;
}

function decodeSnapshot(parts: unknown[]): State {
	const s = emptyState();
	for (const part of parts as SnapshotItem[][]) {
		for (const item of part) {
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
				version: 1,
				every: options.snapshotEvery ?? 2000,
				encode: encodeSnapshot,
				decode: decodeSnapshot
			}
		});
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
		let previous: Listing | undefined;
		const result = await this.log.append<P>(STREAM, (s, seq) => {
			previous = s.listings.get(listingId);
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
		if (!result.ok) return result;
		return { ok: true, listing: result.entry.listing, previous };
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
		const listing = (await this.log.read(STREAM)).listings.get(id);
		return listing ?? (await this.log.refresh(STREAM)).listings.get(id);
	}

	/** Every listing matching `keep`, newest first. */
	async filter(keep: (listing: Listing) => boolean): Promise<Listing[]> {
		const s = await this.log.read(STREAM);
		const out: Listing[] = [];
		for (const listing of s.listings.values()) if (keep(listing)) out.push(listing);
		return out.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
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

function apply(s: State, revision: ListingRevision): void {
	const listing = revision.listing;
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
