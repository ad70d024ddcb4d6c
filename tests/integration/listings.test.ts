// Listings against the real FerretDB: two app servers changing the same listings at once lose
// nothing and store each change once; moderation acts are audited; reports resolve once; a
// suspended member can neither log in nor post.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import {
	createListing as newListing,
	type Listing,
	type ListingContent
} from '../../src/lib/domain/listings/listing';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { hashPassword } from '../../src/lib/server/auth/password';
import { db } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listFlags } from '../../src/lib/server/repos/flags';
import {
	insertListingRevision,
	listRevisionsOfListing
} from '../../src/lib/server/repos/listing-revisions';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import { logIn } from '../../src/lib/server/services/accounts';
import { withSeenMarks } from '../../src/lib/server/logs';
import { ListingBook } from '../../src/lib/server/services/listing-book';
import {
	changeListing,
	createListing,
	findVisibleListing,
	searchFields,
	searchListings
} from '../../src/lib/server/services/listings';
import { fileFlag, resolveFlag, setSuspended } from '../../src/lib/server/services/moderation';
import { runListingExpiry } from '../../src/lib/server/services/listings';

const CONTENT: ListingContent = {
	kind: 'offer',
	title: 'Fahrräder reparieren im Hinterhof',
	description: 'Ich flicke **Schläuche** und stelle Bremsen ein. Nahe der Straße am Park.',
	category: 'reparatur',
	tags: ['fahrrad'],
	settlement: 'hours',
	priceCents: null,
	priceUnit: null,
	availability: 'samstags',
	blockId: 'park',
	photoId: null
};

let quarter: Quarter;
let other: Quarter;
const people: Record<'author' | 'neighbour' | 'moderator' | 'foreignModerator', string> = {
	author: '',
	neighbour: '',
	moderator: '',
	foreignModerator: ''
};

async function person(name: string, quarterId: string, role: 'resident' | 'moderator') {
	const id = newId();
	await insertUser(
		{
			id,
			email: `${name}@beispiel.de`,
			displayName: name,
			locale: 'de',
			passwordHash: await hashPassword('langes Passwort 1')
		},
		new Date(),
		true
	);
	await insertMembership({ quarterId, userId: id, role, state: 'active' }, new Date());
	return id;
}

beforeAll(async () => {
	const base = { city: 'Teststadt', description: '', categories: [...DEFAULT_CATEGORIES] };
	await insertQuarter(
		{
			...base,
			id: 'nord',
			name: 'Nord',
			settings: { ...DEFAULT_QUARTER_SETTINGS, listingPreModeration: true },
			blocks: [
				{ id: 'park', name: 'Am Park', lat: 52.39, lon: 9.72 },
				{ id: 'bahn', name: 'Am Bahndamm', lat: 52.384, lon: 9.712 }
			]
		},
		new Date()
	);
	await insertQuarter(
		{ ...base, id: 'sued', name: 'Süd', settings: DEFAULT_QUARTER_SETTINGS },
		new Date()
	);
	quarter = (await findQuarter('nord'))!;
	other = (await findQuarter('sued'))!;
	people.author = await person('autorin', 'nord', 'resident');
	people.neighbour = await person('nachbar', 'nord', 'resident');
	people.moderator = await person('moderatorin', 'nord', 'moderator');
	people.foreignModerator = await person('fremd', 'sued', 'moderator');
});

const membership = (userId: string, q = quarter) => findMembership(q.id, userId);

async function create(submit = true, title = CONTENT.title): Promise<Listing> {
	const result = await createListing({
		quarter,
		userId: people.author,
		membership: await membership(people.author),
		content: { ...CONTENT, title },
		submit,
		now: new Date()
	});
	if (!result.ok) throw new Error(result.problem);
	return result.listing;
}

/** A published listing, created through one server's book. */
async function createOn(book: ListingBook, title: string): Promise<Listing> {
	const listing = newListing(
		{ id: newId(), quarterId: 'nord', authorId: people.author, commercial: false },
		{ ...CONTENT, title },
		true,
		{ preModeration: false, expiryDays: 60 },
		new Date()
	);
	const created = await book.commit(
		listing.id,
		() => ({
			ok: true,
			listing,
			move: 'create',
			by: people.author,
			search: searchFields(listing, quarter)
		}),
		new Date()
	);
	if (!created.ok) throw new Error(String(created.problem));
	return created.listing;
}

describe('the listing change log with two app servers', () => {
	it('stores every accepted change exactly once, in order, and loses none', async () => {
		const a = new ListingBook();
		const b = new ListingBook();
		const policy = { preModeration: false, expiryDays: 60 };
		const ids = Array.from({ length: 10 }, () => newId());
		const now = new Date();
		for (const id of ids) {
			const listing = newListing(
				{ id, quarterId: 'nord', authorId: people.author, commercial: false },
				CONTENT,
				true,
				policy,
				now
			);
			const created = await a.commit(
				id,
				(current) =>
					current
						? { ok: false, problem: 'exists' }
						: {
								ok: true,
								listing,
								move: 'create',
								by: people.author,
								search: searchFields(CONTENT, quarter)
							},
				now
			);
			expect(created.ok).toBe(true);
		}
		// 200 edits race from two servers, each changing one listing's title to its own text.
		const attempts = Array.from({ length: 200 }, (_, i) => ({
			book: i % 2 === 0 ? a : b,
			id: ids[i % ids.length]!,
			title: `Titel Nummer ${i}`
		}));
		const results = await Promise.all(
			attempts.map(({ book, id, title }) =>
				book.commit(
					id,
					(current) =>
						current
							? {
									ok: true,
									listing: {
										...current,
										title,
										revision: current.revision + 1,
										updatedAt: new Date()
									},
									move: 'edit',
									by: people.author,
									search: searchFields({ ...current, title }, quarter)
								}
							: { ok: false, problem: 'missing' },
					new Date()
				)
			)
		);
		expect(results.every((r) => r.ok)).toBe(true);
		for (const id of ids) {
			const revisions = await listRevisionsOfListing(id);
			// 1 creation + 20 edits, numbered 1..21 without gaps: no edit was lost or stored twice.
			expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
			const titles = revisions
				.slice(1)
				.map((r) => r.listing.title)
				.sort();
			const expected = attempts
				.filter((x) => x.id === id)
				.map((x) => x.title)
				.sort();
			expect(titles).toEqual(expected);
			// Both servers end with the last stored version.
			const last = revisions.at(-1)!.listing;
			expect((await a.get(id))?.title).toBe(last.title);
			await new Promise((r) => setTimeout(r, 350)); // past the freshness window
			expect((await b.get(id))?.title).toBe(last.title);
		}
		// The installation-wide change numbers have no gaps either.
		const all = await (await db()).listingRevisions.find({}).toArray();
		const seqs = all.map((r) => r.seq).sort((x, y) => x - y);
		expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
	});

	it('follows the other server’s changes, also one written by a server that died', async () => {
		const a = new ListingBook();
		const b = new ListingBook();
		const listing = await create(false);
		const edit = (book: ListingBook, title: string) =>
			book.commit(
				listing.id,
				(current) =>
					current
						? {
								ok: true,
								listing: { ...current, title, revision: current.revision + 1 },
								move: 'edit',
								by: people.author,
								search: searchFields({ ...current, title }, quarter)
							}
						: { ok: false, problem: 'missing' },
				new Date()
			);
		expect((await b.get(listing.id))?.title).toBe(CONTENT.title);
		await edit(a, 'Erste Änderung');
		await edit(a, 'Zweite Änderung');
		await edit(a, 'Dritte Änderung');
		await new Promise((r) => setTimeout(r, 350));
		expect((await b.get(listing.id))?.title).toBe('Dritte Änderung');
		expect((await b.get(listing.id))?.revision).toBe(4);

		// A change written by a server that died right after: the next writer loses the race for
		// that number, reads it from the log, and writes after it.
		const head = await a.head();
		const dead = (await a.get(listing.id))!;
		await insertListingRevision({
			seq: head + 1,
			listingId: listing.id,
			revision: dead.revision + 1,
			move: 'edit',
			by: people.author,
			at: new Date(),
			listing: { ...dead, title: 'Vom abgestürzten Server', revision: dead.revision + 1 },
			search: searchFields(dead, quarter)
		});
		const after = await edit(a, 'Nach dem Absturz');
		expect(after.ok && after.listing.revision).toBe(dead.revision + 2);
		await new Promise((r) => setTimeout(r, 350));
		expect((await b.get(listing.id))?.title).toBe('Nach dem Absturz');
		const revisions = await listRevisionsOfListing(listing.id);
		expect(revisions.map((r) => r.listing.title)).toContain('Vom abgestürzten Server');
	});

	it('a listing created on one server is found on the other at once (no 404 behind a balancer)', async () => {
		const a = new ListingBook();
		const b = new ListingBook();
		await b.head(); // b is warm and has just checked: within its freshness window
		const ids: string[] = [];
		for (let i = 0; i < 20; i++) {
			const listing = await create(false);
			ids.push(listing.id);
			await a.head();
			// b has not seen it; an unknown id is looked for in the log before "not found".
			expect((await b.get(listing.id))?.id).toBe(listing.id);
		}
		expect(ids).toHaveLength(20);
	});

	it('read-your-writes: the next request on another server lists the new listing (cookie marks)', async () => {
		const a = new ListingBook();
		const b = new ListingBook();
		await b.head(); // warm, and within its freshness window for the reads below
		for (let i = 0; i < 10; i++) {
			// The request on server a that saves a listing, and the cookie it sends back …
			const saved = await withSeenMarks(undefined, () => createOn(a, `Eigenes ${i}`));
			expect(saved.cookie).not.toBeNull();
			// … and the next request, on server b, lists it ("Meine Einträge") right away.
			const { result: mine } = await withSeenMarks(saved.cookie ?? undefined, () =>
				b.filter((l) => l.authorId === people.author)
			);
			expect(mine.map((l) => l.id)).toContain(saved.result.id);
		}
	});

	it('a server started later loads a snapshot plus the tail, and gets what a full replay gets', async () => {
		const writer = new ListingBook({ snapshotEvery: 3 });
		const made: Listing[] = [];
		for (let i = 0; i < 7; i++) made.push(await createOn(writer, `Schnappschuss ${i}`));
		await new Promise((r) => setTimeout(r, 300)); // the snapshot is written in the background
		const snapshots = await (await db()).snapshots.find({}).toArray();
		expect(snapshots.some((d) => d._id === 'listings|' && (d.seq ?? 0) > 0)).toBe(true);
		const fromSnapshot = new ListingBook({ snapshotEvery: 3 });
		const query = {
			quarterId: 'nord',
			q: 'Schnappschuss',
			sort: 'newest',
			page: 1,
			pageSize: 50
		} as const;
		const found = await fromSnapshot.search(query);
		expect(found.hits.map((h) => h.listing.title).sort()).toEqual(made.map((l) => l.title).sort());
		expect(await fromSnapshot.head()).toBe(await writer.head());
		// A snapshot of another fold version is ignored: the same answer from a full replay.
		await (await db()).snapshots.updateMany({ seq: { $gt: 0 } }, { $set: { version: 999 } });
		const replayed = new ListingBook();
		expect((await replayed.search(query)).total).toBe(found.total);
	});

	it('keeps only the facts of a closed listing in memory and reads it in full when asked, on every server', async () => {
		const a = new ListingBook({ snapshotEvery: 2 });
		const b = new ListingBook();
		const listing = await createOn(a, 'Abgeschlossene Leiter');
		const close = (book: ListingBook) =>
			book.commit<'missing' | 'wrong_state'>(
				listing.id,
				(current) =>
					!current
						? { ok: false, problem: 'missing' }
						: current.state === 'closed'
							? { ok: false, problem: 'wrong_state' }
							: {
									ok: true,
									listing: {
										...current,
										state: 'closed',
										needsReview: false, // as the domain's close does
										revision: current.revision + 1,
										updatedAt: new Date()
									},
									move: 'close',
									by: people.author,
									search: searchFields(current, quarter)
								},
				new Date()
			);
		expect((await close(a)).ok).toBe(true);
		// A second close, decided on another server, sees the whole closed listing (not "missing").
		expect(await close(b)).toEqual({ ok: false, problem: 'wrong_state' });
		for (const book of [a, b, new ListingBook()]) {
			const read = await book.get(listing.id);
			expect(read?.state).toBe('closed');
			expect(read?.description).toBe(CONTENT.description);
			expect((await book.ofAuthor('nord', people.author)).map((l) => l.id)).toContain(listing.id);
			expect((await book.filter((l) => l.id === listing.id)).length).toBe(0);
			const facts = await book.facts((f) => f.id === listing.id);
			expect(facts).toEqual([expect.objectContaining({ state: 'closed', kind: 'offer' })]);
		}
		// A server started from a snapshot (written every 2 changes) knows it as well.
		await new Promise((r) => setTimeout(r, 300));
		const fromSnapshot = new ListingBook({ snapshotEvery: 2 });
		expect((await fromSnapshot.get(listing.id))?.title).toBe('Abgeschlossene Leiter');
		expect((await fromSnapshot.facts((f) => f.id === listing.id)).length).toBe(1);
	});

	it('a server started later builds the same listings and search from the log', async () => {
		const fresh = new ListingBook();
		const listing = await create(true);
		expect((await fresh.get(listing.id))?.state).toBe('pending');
	});
});

describe('moderation', () => {
	it('approves, hides with a reason the author sees, and audits every act', async () => {
		const listing = await create(true);
		expect(listing.state).toBe('pending');
		const mod = await membership(people.moderator);
		const approve = await changeListing({
			quarter,
			listingId: listing.id,
			userId: people.moderator,
			membership: mod,
			move: { move: 'approve' },
			now: new Date()
		});
		expect(approve.ok && approve.listing.state).toBe('published');
		const found = await searchListings({
			quarterId: 'nord',
			q: 'fahrrad strasse',
			sort: 'relevance',
			page: 1,
			pageSize: 50
		});
		expect(found.hits.map((h) => h.listing.id)).toContain(listing.id);

		const hide = await changeListing({
			quarter,
			listingId: listing.id,
			userId: people.moderator,
			membership: mod,
			move: { move: 'hide', reason: 'Bitte ohne Werbung für den eigenen Laden.' },
			now: new Date()
		});
		expect(hide.ok).toBe(true);
		const seen = await findVisibleListing('nord', listing.id, {
			id: people.author,
			moderator: false
		});
		expect(seen?.state).toBe('hidden');
		expect(seen?.moderation?.reason).toBe('Bitte ohne Werbung für den eigenen Laden.');
		// Others no longer see it, and search no longer finds it.
		expect(
			await findVisibleListing('nord', listing.id, { id: people.neighbour, moderator: false })
		).toBeNull();

		const { entries } = await listAudit('nord', { offset: 0, limit: 100 });
		const acts = entries.filter((e) => e.target.id === listing.id).map((e) => e.action);
		expect(acts.sort()).toEqual(['listing.approve', 'listing.hide']);
		expect(entries.find((e) => e.action === 'listing.hide')?.reason).toBe(
			'Bitte ohne Werbung für den eigenen Laden.'
		);
	});

	it('refuses members acting as moderators and moderators of another quarter', async () => {
		const listing = await create(true);
		const byNeighbour = await changeListing({
			quarter,
			listingId: listing.id,
			userId: people.neighbour,
			membership: await membership(people.neighbour),
			move: { move: 'approve' },
			now: new Date()
		});
		expect(byNeighbour).toEqual({ ok: false, problem: 'not_found' }); // pending: not theirs to see
		const foreign = await changeListing({
			quarter,
			listingId: listing.id,
			userId: people.foreignModerator,
			membership: await membership(people.foreignModerator),
			move: { move: 'approve' },
			now: new Date()
		});
		expect(foreign.ok).toBe(false);
		const inOtherQuarter = await changeListing({
			quarter: other,
			listingId: listing.id,
			userId: people.foreignModerator,
			membership: await membership(people.foreignModerator, other),
			move: { move: 'approve' },
			now: new Date()
		});
		expect(inOtherQuarter).toEqual({ ok: false, problem: 'not_found' });
	});

	it('resolves a report exactly once when ten moderators press at once', async () => {
		const listing = await create(true);
		await changeListing({
			quarter,
			listingId: listing.id,
			userId: people.moderator,
			membership: await membership(people.moderator),
			move: { move: 'approve' },
			now: new Date()
		});
		await Promise.all(
			Array.from({ length: 5 }, () =>
				fileFlag('nord', 'listing', listing.id, people.neighbour, 'spam', 'Werbung', new Date())
			)
		);
		const flags = (await listFlags('nord')).filter((f) => f.target.id === listing.id);
		expect(flags).toHaveLength(1); // a report sent five times is one report
		const results = await Promise.all(
			Array.from({ length: 10 }, () =>
				resolveFlag({
					quarter,
					flagId: flags[0]!.id,
					moderatorId: people.moderator,
					outcome: 'hidden',
					note: 'Werbung ist hier nicht erlaubt.',
					now: new Date()
				})
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const { entries } = await listAudit('nord', { offset: 0, limit: 200 });
		expect(entries.filter((e) => e.action === 'flag.hidden')).toHaveLength(1);
	});

	it('a suspended member cannot log in or post until reinstated', async () => {
		const id = await person('gesperrt', 'nord', 'resident');
		const suspended = await setSuspended({
			quarter,
			memberId: id,
			moderatorId: people.moderator,
			suspend: true,
			reason: 'Wiederholt beleidigende Nachrichten.',
			now: new Date()
		});
		expect(suspended).toEqual({ ok: true });
		const login = await logIn('gesperrt@beispiel.de', 'langes Passwort 1', {
			origin: 'http://test',
			ip: '198.51.100.7',
			now: new Date()
		});
		expect(login).toMatchObject({ ok: false, reason: 'suspended' });
		const post = await createListing({
			quarter,
			userId: id,
			membership: await membership(id),
			content: CONTENT,
			submit: true,
			now: new Date()
		});
		expect(post).toEqual({ ok: false, problem: 'not_member' });
		expect(
			await setSuspended({
				quarter,
				memberId: id,
				moderatorId: people.moderator,
				suspend: false,
				reason: 'Gespräch im Quartiersbüro.',
				now: new Date()
			})
		).toEqual({ ok: true });
		const again = await logIn('gesperrt@beispiel.de', 'langes Passwort 1', {
			origin: 'http://test',
			ip: '198.51.100.8',
			now: new Date()
		});
		expect(again.ok).toBe(true);
	});
});

describe('expiry', () => {
	it('reminds once a week before, expires when due, and renewing brings it back', async () => {
		const listing = await create(true, 'Rasenmähen nach Absprache');
		const mod = await membership(people.moderator);
		await changeListing({
			quarter,
			listingId: listing.id,
			userId: people.moderator,
			membership: mod,
			move: { move: 'approve' },
			now: new Date()
		});
		const published = (await findVisibleListing('nord', listing.id, null))!;
		const expires = published.expiresAt!.getTime();
		const day = 24 * 60 * 60 * 1000;
		const mails = async () =>
			(await (await db()).outbox.find({ to: 'autorin@beispiel.de' }).toArray()).filter((m) =>
				m.subject.includes('„Rasenmähen nach Absprache“ läuft bald ab')
			).length;

		const before = await mails();
		await runListingExpiry(new Date(expires - 5 * day));
		await runListingExpiry(new Date(expires - 4 * day));
		expect(await mails()).toBe(before + 1); // one reminder per expiry date, not per run

		await runListingExpiry(new Date(expires - 1000));
		expect((await findVisibleListing('nord', listing.id, null))?.state).toBe('published');
		await runListingExpiry(new Date(expires + 1000));
		const expired = await findVisibleListing('nord', listing.id, {
			id: people.author,
			moderator: false
		});
		expect(expired?.state).toBe('expired');
		expect(await findVisibleListing('nord', listing.id, null)).toBeNull();

		const renewed = await changeListing({
			quarter,
			listingId: listing.id,
			userId: people.author,
			membership: await membership(people.author),
			move: { move: 'renew' },
			now: new Date(expires + 2 * day)
		});
		expect(renewed.ok && renewed.listing.state).toBe('published');
		expect(renewed.ok && renewed.listing.expiresAt!.getTime()).toBe(expires + 2 * day + 60 * day);
	});
});
