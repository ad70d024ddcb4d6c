// In-memory search over published listings, one per app process: FerretDB has no $text index.
// The caller keeps it in step with the database (upsert on publish/edit, remove otherwise), so
// whatever is in here is searchable and nothing else is.
import MiniSearch from 'minisearch';
import { distanceMeters, type Cell } from '$lib/domain/search/location';
import { queryTerms, searchTokens, typoTolerance } from '$lib/domain/search/text';

export interface SearchableListing {
	id: string;
	quarterId: string;
	kind: 'offer' | 'request';
	category: string;
	settlement: 'hours' | 'euros' | 'either' | 'free';
	commercial: boolean;
	title: string;
	/** Plain description text (no markup). */
	text: string;
	tags: string[];
	cell: Cell | null;
	/** ms since the epoch */
	publishedAt: number;
}

export interface ListingQuery {
	quarterId: string;
	q?: string;
	kind?: 'offer' | 'request';
	category?: string;
	/** 'hours' matches hours and either, 'euros' matches euros and either. */
	settlement?: 'hours' | 'euros' | 'free';
	/** 'business' = commercial listings. */
	provider?: 'resident' | 'business';
	near?: Cell | null;
	/** Applies only with `near`; listings without a cell are then left out. */
	maxDistanceMeters?: number;
	/** 'relevance' needs a query and 'nearest' needs `near`; otherwise both mean 'newest'. */
	sort: 'newest' | 'nearest' | 'relevance';
	/** 1-based */
	page: number;
	pageSize: number;
}

export interface ListingHits {
	total: number;
	/** `distanceMeters` is between cell centres (null without `near` or without a cell): round
	 * it with `roundedDistance` before showing it. `score` is 0 without a text query. */
	hits: { id: string; distanceMeters: number | null; score: number }[];
}

/** What the index keeps per listing to filter and sort; the text lives only in MiniSearch. */
interface Entry {
	id: string;
	kind: SearchableListing['kind'];
	category: string;
	settlement: SearchableListing['settlement'];
	commercial: boolean;
	cell: Cell | null;
	publishedAt: number;
	/** What the text index holds for it, kept to remove it again (see createTextIndex). */
	doc: IndexedText;
}

interface Candidate {
	entry: Entry;
	score: number;
	distance: number | null;
}

interface IndexedText {
	id: string;
	title: string;
	text: string;
	tags: string;
}

const TITLE_BOOST = 3;
const TAGS_BOOST = 1.5;

function compareNewest(a: Entry, b: Entry): number {
	return b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compareNearest(a: Candidate, b: Candidate): number {
	if (a.distance !== b.distance) {
		if (a.distance === null) return 1;
		if (b.distance === null) return -1;
		return a.distance - b.distance;
	}
	return compareNewest(a.entry, b.entry);
}

function compareRelevance(a: Candidate, b: Candidate): number {
	return b.score - a.score || compareNewest(a.entry, b.entry);
}

function createTextIndex(): MiniSearch<IndexedText> {
	return new MiniSearch<IndexedText>({
		fields: ['title', 'text', 'tags'],
		storeFields: [],
		// Terms arrive folded and stemmed from the domain pipeline; MiniSearch must not change
		// them again, and queries are passed in already processed (space-separated terms).
		tokenize: (text) => searchTokens(text),
		processTerm: (term) => term,
		// Listings leave the index by `remove`, never by `discard`. MiniSearch cleans up after
		// `discard` by vacuuming: it walks its term tree in batches with pauses between them, and an
		// `add` during a pause crashed the process with "Cannot read properties of undefined
		// (reading 'keys')" in TreeIterator.dive (lucaong/minisearch#306): a restart that replayed a
		// few thousand listing changes died at its first search. `remove` with the very document
		// that was added leaves nothing to vacuum (and a synchronous vacuum would block the server).
		autoVacuum: false,
		searchOptions: {
			tokenize: (text) => text.split(' '),
			processTerm: (term) => term,
			combineWith: 'AND',
			prefix: true,
			// One typo in a longer word still finds it; MiniSearch ranks such matches below exact
			// and prefix ones.
			fuzzy: (term) => typoTolerance(term) || false,
			boost: { title: TITLE_BOOST, tags: TAGS_BOOST }
		}
	});
}

/** One quarter's listings, so that a search never looks at another quarter's. */
class QuarterIndex {
	readonly entries = new Map<string, Entry>();
	readonly text = createTextIndex();
	// Newest first. Kept up to date once built, but built only on the first search, so loading
	// thousands of listings at start-up costs one sort and not one array shift per listing.
	private byNewest: Entry[] | null = null;

	add(entry: Entry): void {
		this.entries.set(entry.id, entry);
		this.text.add(entry.doc);
		if (this.byNewest) this.byNewest.splice(this.position(entry), 0, entry);
	}

	delete(id: string): void {
		const entry = this.entries.get(id);
		if (!entry) return;
		this.entries.delete(id);
		// The very document that was added: `remove` takes its terms out again exactly.
		this.text.remove(entry.doc);
		if (this.byNewest) {
			const at = this.position(entry);
			if (this.byNewest[at] === entry) this.byNewest.splice(at, 1);
			else this.byNewest = null;
		}
	}

	newest(): Entry[] {
		this.byNewest ??= [...this.entries.values()].sort(compareNewest);
		return this.byNewest;
	}

	private position(entry: Entry): number {
		const list = this.byNewest ?? [];
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (compareNewest(list[mid] as Entry, entry) < 0) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}

type Filter = (entry: Entry, distance: number | null) => boolean;

function buildFilter(query: ListingQuery, useDistance: boolean): Filter {
	const { kind, category, settlement, provider, maxDistanceMeters } = query;
	const commercial = provider === undefined ? undefined : provider === 'business';
	const maxDistance = useDistance ? maxDistanceMeters : undefined;
	return (entry, distance) =>
		(kind === undefined || entry.kind === kind) &&
		(category === undefined || entry.category === category) &&
		(settlement === undefined ||
			entry.settlement === settlement ||
			(settlement !== 'free' && entry.settlement === 'either')) &&
		(commercial === undefined || entry.commercial === commercial) &&
		(maxDistance === undefined || (distance !== null && distance <= maxDistance));
}

/** The first `k` items in `compare` order, sorted, without sorting all of them. */
function firstK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
	if (k <= 0) return [];
	if (k * 4 >= items.length) return items.sort(compare).slice(0, k);
	// Max-heap of the best k seen so far: its root is the worst of them.
	const heap: T[] = [];
	const worse = (i: number, j: number) => compare(heap[i] as T, heap[j] as T) > 0;
	const swap = (i: number, j: number) => {
		const t = heap[i] as T;
		heap[i] = heap[j] as T;
		heap[j] = t;
	};
	const siftDown = (from: number) => {
		let i = from;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let top = i;
			if (l < heap.length && worse(l, top)) top = l;
			if (r < heap.length && worse(r, top)) top = r;
			if (top === i) return;
			swap(i, top);
			i = top;
		}
	};
	for (const item of items) {
		if (heap.length < k) {
			heap.push(item);
			let i = heap.length - 1;
			while (i > 0) {
				const parent = (i - 1) >>> 1;
				if (!worse(i, parent)) break;
				swap(i, parent);
				i = parent;
			}
		} else if (compare(item, heap[0] as T) < 0) {
			heap[0] = item;
			siftDown(0);
		}
	}
	return heap.sort(compare);
}

function positiveInteger(n: number): number {
	return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

function toHit({ entry, score, distance }: Candidate): ListingHits['hits'][number] {
	return { id: entry.id, distanceMeters: distance, score };
}

export class ListingSearchIndex {
	private readonly quarters = new Map<string, QuarterIndex>();
	private readonly quarterOf = new Map<string, string>();

	get size(): number {
		return this.quarterOf.size;
	}

	has(id: string): boolean {
		return this.quarterOf.has(id);
	}

	/** What the index holds of a listing's text and place (for snapshots), or undefined. */
	indexed(id: string): { text: string; cell: Cell | null } | undefined {
		const quarterId = this.quarterOf.get(id);
		const entry =
			quarterId === undefined ? undefined : this.quarters.get(quarterId)?.entries.get(id);
		return entry ? { text: entry.doc.text, cell: entry.cell } : undefined;
	}

	/** Adds a listing or replaces every trace of its previous version (text, filters, quarter). */
	upsert(listing: SearchableListing): void {
		if (!Number.isFinite(listing.publishedAt)) {
			throw new RangeError(`listing ${listing.id}: publishedAt must be a finite number`);
		}
		this.remove(listing.id);
		let quarter = this.quarters.get(listing.quarterId);
		if (!quarter) {
			quarter = new QuarterIndex();
			this.quarters.set(listing.quarterId, quarter);
		}
		quarter.add({
			id: listing.id,
			kind: listing.kind,
			category: listing.category,
			settlement: listing.settlement,
			commercial: listing.commercial,
			cell: listing.cell ? { x: listing.cell.x, y: listing.cell.y } : null,
			publishedAt: listing.publishedAt,
			doc: {
				id: listing.id,
				title: listing.title,
				text: listing.text,
				tags: listing.tags.join(' ')
			}
		});
		this.quarterOf.set(listing.id, listing.quarterId);
	}

	remove(id: string): void {
		const quarterId = this.quarterOf.get(id);
		if (quarterId === undefined) return;
		this.quarterOf.delete(id);
		const quarter = this.quarters.get(quarterId);
		if (!quarter) return;
		quarter.delete(id);
		if (quarter.entries.size === 0) this.quarters.delete(quarterId);
	}

	search(query: ListingQuery): ListingHits {
		const quarter = this.quarters.get(query.quarterId);
		if (!quarter) return { total: 0, hits: [] };

		const pageSize = positiveInteger(query.pageSize);
		const start = (positiveInteger(query.page) - 1) * pageSize;
		const near = query.near ?? null;
		const filter = buildFilter(query, near !== null);
		const distanceTo = (entry: Entry) =>
			near !== null && entry.cell !== null ? distanceMeters(near, entry.cell) : null;
		// A query of only stop words or punctuation leaves no terms: it then filters nothing.
		const terms = query.q === undefined ? [] : queryTerms(query.q);

		let sort: ListingQuery['sort'] = query.sort;
		if (sort === 'nearest' && near === null) sort = 'newest';
		if (sort === 'relevance' && terms.length === 0) sort = 'newest';

		if (terms.length === 0 && sort === 'newest') {
			// Already in order: count every match, but build hits only for the page.
			const hits: ListingHits['hits'] = [];
			let total = 0;
			for (const entry of quarter.newest()) {
				const distance = distanceTo(entry);
				if (!filter(entry, distance)) continue;
				if (total >= start && hits.length < pageSize) {
					hits.push({ id: entry.id, distanceMeters: distance, score: 0 });
				}
				total++;
			}
			return { total, hits };
		}

		const candidates: Candidate[] = [];
		if (terms.length > 0) {
			for (const result of quarter.text.search(terms.join(' '))) {
				const entry = quarter.entries.get(result.id as string);
				if (!entry) continue;
				const distance = distanceTo(entry);
				if (filter(entry, distance)) candidates.push({ entry, score: result.score, distance });
			}
		} else {
			for (const entry of quarter.entries.values()) {
				const distance = distanceTo(entry);
				if (filter(entry, distance)) candidates.push({ entry, score: 0, distance });
			}
		}

		const compare =
			sort === 'nearest'
				? compareNearest
				: sort === 'relevance'
					? compareRelevance
					: (a: Candidate, b: Candidate) => compareNewest(a.entry, b.entry);
		const ordered = firstK(candidates, start + pageSize, compare);
		return { total: candidates.length, hits: ordered.slice(start).map(toHit) };
	}
}
