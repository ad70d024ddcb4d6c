// A large installation for `npm run bench -- scale` and the scale regression test
// (tests/e2e/scale.e2e.ts): the demo quarter with one manager, then members, listings with a
// long change log (in the order a growing quarter writes it, see below), exchanges, ledger
// entries and conversations. Everything is inserted in batches, each document built by the same
// domain functions the services use (the exchange workflow, the ledger's limit check, the
// listing moves), so `npm run ledger:verify` finds the ledger sound and the app reads the data
// as its own. Runs in its own process (`tsx bench/scale-seed.ts
// <size> <facts.json>`): the app's modules read MONGODB_URI once, when first imported.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type {
	ChatInboxDoc,
	ChatMessageDoc,
	ChatReadDoc,
	Collections,
	ConversationDoc,
	ExchangeIndexDoc,
	ListingRevisionDoc
} from '../src/lib/server/db';
import type { Listing, ListingContent, Move, MoveInput } from '../src/lib/domain/listings/listing';
import type { LedgerEntry, TransferDraft } from '../src/lib/domain/ledger/ledger';
import type { LogEvent, Proposal } from '../src/lib/domain/exchanges/log';
import type { Actor, Exchange } from '../src/lib/domain/exchanges/workflow';
import { seededRandom } from '../src/lib/random';
import { generateListing, type GenerateOptions } from './search';

export interface ScaleSize {
	name: string;
	members: number;
	listings: number;
	/** Changes after the listings were created: edits, approvals, pauses, resumes, closes. */
	listingChanges: number;
	ledgerEntries: number;
	exchangeEvents: number;
	conversations: number;
}

export const SIZES: Record<string, ScaleSize> = {
	full: {
		name: 'full',
		members: 10_000,
		listings: 50_000,
		listingChanges: 10_000,
		ledgerEntries: 200_000,
		exchangeEvents: 100_000,
		conversations: 20_000
	},
	small: {
		name: 'small',
		members: 1_000,
		listings: 5_000,
		listingChanges: 2_000,
		ledgerEntries: 20_000,
		exchangeEvents: 10_000,
		conversations: 2_000
	},
	// The regression test: a few thousand listings, several thousand changes to replay.
	test: {
		name: 'test',
		members: 300,
		listings: 3_000,
		listingChanges: 3_000,
		ledgerEntries: 3_000,
		exchangeEvents: 1_200,
		conversations: 200
	}
};

/** What the seed knows for sure, for the bench's requests and the test's checks. */
export interface ScaleFacts {
	quarterId: string;
	/** A bulk member with their balance in minutes and a signed-in session token. */
	member: { id: string; email: string; balanceMinutes: number; token: string };
	/** A quarter manager's session token (demo seed). */
	managerToken: string;
	/** A published listing, found by the word in its title. */
	shown: { id: string; word: string };
	/** A listing that was published, then closed: the search must not find it. */
	closed: { id: string; word: string };
	/** A listing published, paused and resumed (a discard and a re-add in the log). */
	resumed: { id: string; word: string };
	/** Published listings of the member above, for an edit racing searches, with the values of
	 * their edit form. */
	editable: { id: string; word: string; form: Record<string, string> }[];
	/** Listings published at the end, for the listing-page load. */
	sample: string[];
	memberPassword: string;
	counts: Record<string, number>;
	listingLogHead: number;
	/** The quarter's ledger's newest entry number. */
	ledgerLogHead: number;
}

export const SCALE_PASSWORD = 'quartier-scale';
const QUARTER = 'nordstadt';
export const MANAGER_EMAIL = 'management@scale.example';
const DAY = 24 * 60 * 60 * 1000;
const BATCH = 1000;
/** The first phase of the listing log: this many listings, then this many changes to them. */
const EARLY_LISTINGS = 300;
const EARLY_CHANGES = 200;
const EARLY_OWN_WORDS = 6;

/** Made-up words the generated text never contains, so a search for one has a known answer. */
const WORDS = {
	shown: 'holunderbluetensirup',
	closed: 'quittenmuskuchen',
	resumed: 'rhabarberschorle',
	editable: ['kuerbiskernbrot', 'zwetschgenroester', 'mirabellengelee']
};

/** What the edit form sends: the content fields only (not the revision or the state). */
function contentOf(l: Listing): ListingContent {
	const { kind, title, description, category, tags, settlement, priceCents, priceUnit } = l;
	const { availability, blockId, photoId } = l;
	return {
		kind,
		title,
		description,
		category,
		tags,
		settlement,
		priceCents,
		priceUnit,
		availability,
		blockId,
		photoId
	};
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tus', 'bel', 'dor', 'fin', 'gra', 'hup', 'jen', 'kor'];

async function insertInBatches<T>(
	insert: (docs: T[]) => Promise<unknown>,
	docs: T[]
): Promise<void> {
	for (let i = 0; i < docs.length; i += BATCH) await insert(docs.slice(i, i + BATCH));
}

export async function seedScale(
	size: ScaleSize,
	log: (line: string) => void = console.log
): Promise<ScaleFacts> {
	const { QUARTERS } = await import('../scripts/seed-data/nordstadt');
	const { NORDSTADT_BLOCKS } = await import('../scripts/seed-data/marketplace');
	const { DEFAULT_QUARTER_SETTINGS } = await import('../src/lib/domain/quarters/settings');
	const { insertQuarter } = await import('../src/lib/server/repos/quarters');
	const { insertUser } = await import('../src/lib/server/repos/users');
	const { db } = await import('../src/lib/server/db');
	const { newId } = await import('../src/lib/server/ids');
	const { hashPassword } = await import('../src/lib/server/auth/password');
	const { createSession } = await import('../src/lib/server/auth/sessions');
	const { findQuarter } = await import('../src/lib/server/repos/quarters');
	const { insertMembership, membershipId } = await import('../src/lib/server/repos/memberships');
	const { listLedgerEntries, ledgerEntryId } = await import('../src/lib/server/repos/ledger');
	const { findIndexEntry, indexEntryId, quarterList } =
		await import('../src/lib/server/repos/exchanges');
	const { listingRevisionId } = await import('../src/lib/server/repos/listing-revisions');
	const { listingBook } = await import('../src/lib/server/services/listing-book');
	const { listingPolicy, searchFields } = await import('../src/lib/server/services/listings');
	const { ledgerLimits } = await import('../src/lib/server/services/exchanges');
	const { applyMove } = await import('../src/lib/domain/listings/listing');
	const { checkTransfer, memberAccount, COMMUNITY, balancesOf } =
		await import('../src/lib/domain/ledger/ledger');
	const { donationKey, grantKey } = await import('../src/lib/domain/ledger/accounts');
	const { exchangeEventId, logEventOf, settlingEventOf, settlementDraft, runMove } =
		await import('../src/lib/domain/exchanges/log');
	const { propose, SYSTEM } = await import('../src/lib/domain/exchanges/workflow');
	const { newConversation, messageId, readMarkerId } =
		await import('../src/lib/domain/messages/conversation');
	const { normalizeEmail } = await import('../src/lib/domain/auth/text');

	const rand = seededRandom(20_261_202);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
	const madeUpWord = () =>
		Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join('');
	const started = performance.now();
	const took = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
	const c: Collections = await db();
	const now = new Date();

	// The demo quarter's settings and streets, and one quarter manager, as scripts/seed.ts makes
	// them; not the rest of the demo (its exchanges go through the services one by one, minutes).
	let t = performance.now();
	const spec = QUARTERS.find((q) => q.id === QUARTER)!;
	if (!(await findQuarter(QUARTER))) {
		await insertQuarter(
			{
				id: spec.id,
				name: spec.name,
				city: spec.city,
				description: spec.description,
				settings: {
					...DEFAULT_QUARTER_SETTINGS,
					memberApproval: spec.memberApproval,
					listingPreModeration: spec.listingPreModeration
				},
				blocks: NORDSTADT_BLOCKS
			},
			now
		);
	}
	const quarter = await findQuarter(QUARTER);
	if (!quarter) throw new Error(`The quarter ${QUARTER} was not created.`);
	const managerId = newId();
	await insertUser(
		{
			id: managerId,
			email: normalizeEmail(MANAGER_EMAIL),
			displayName: 'Quartiersmanagement Skala',
			locale: 'de',
			passwordHash: await hashPassword(SCALE_PASSWORD)
		},
		now,
		true
	);
	await insertMembership(
		{ quarterId: QUARTER, userId: managerId, role: 'moderator', state: 'active' },
		now
	);
	const manager = { userId: managerId };
	log(`  quarter ${quarter.name} and its manager: ${took(t)}`);

	// ---- members -----------------------------------------------------------------------------
	t = performance.now();
	// One hash for all: argon2id takes tens of milliseconds per call, by design.
	const passwordHash = await hashPassword(SCALE_PASSWORD);
	const members = Array.from({ length: size.members }, (_, i) => {
		const joined = new Date(now.getTime() - (30 + Math.floor(rand() * 330)) * DAY);
		return {
			id: newId(),
			email: normalizeEmail(`mitglied${i + 1}@scale.example`),
			displayName: `Mitglied ${i + 1}`,
			joined,
			business: rand() < 0.05
		};
	});
	await insertInBatches(
		(docs) => c.emails.insertMany(docs),
		members.map((m) => ({ _id: m.email, userId: m.id, createdAt: m.joined }))
	);
	await insertInBatches(
		(docs) => c.users.insertMany(docs),
		members.map((m) => ({
			_id: m.id,
			email: m.email,
			displayName: m.displayName,
			locale: 'de' as const,
			passwordHash,
			emailVerifiedAt: m.joined,
			createdAt: m.joined
		}))
	);
	await insertInBatches(
		(docs) => c.memberships.insertMany(docs),
		members.map((m) => ({
			_id: membershipId(QUARTER, m.id),
			quarterId: QUARTER,
			userId: m.id,
			role: m.business ? ('business' as const) : ('resident' as const),
			state: 'active' as const,
			application: null,
			createdAt: m.joined
		}))
	);
	log(`  ${size.members.toLocaleString('en')} members: ${took(t)}`);

	// ---- listings and their changes ------------------------------------------------------------
	t = performance.now();
	const residents = members.filter((m) => !m.business);
	const the = residents[0]!;
	const options: GenerateOptions = {
		quarterId: QUARTER,
		blocks: quarter.blocks,
		authors: members.map((m) => ({ id: m.id, business: m.business })),
		expiryDays: listingPolicy(quarter).expiryDays,
		now
	};
	const listings: Listing[] = [];
	const items = Array.from({ length: size.listings }, (_, i) => {
		const generated = generateListing(rand, newId(), options);
		// Words of the author's own in every listing, as real text has: the index holds many terms.
		// The first listings have more of them, so the index passes a thousand terms early.
		const own = Array.from({ length: i < EARLY_LISTINGS ? EARLY_OWN_WORDS : 2 }, madeUpWord);
		const listing = {
			...generated.listing,
			description: `${generated.listing.description} ${own.join(' ')}`
		};
		const by = generated.by;
		listings.push(listing);
		return { listing, by };
	});
	// The known ones: published, by the member whose account the bench and the test open.
	const known = (word: string, i: number) => {
		const item = items[i]!;
		const listing: Listing = {
			...item.listing,
			authorId: the.id,
			commercial: false,
			kind: 'offer',
			settlement: 'hours',
			priceCents: null,
			priceUnit: null,
			title: `${word[0]!.toUpperCase()}${word.slice(1)} aus dem Hinterhof`,
			description: `Selbst gemacht: ${word}, frisch und für die Nachbarschaft.`,
			state: 'published',
			needsReview: false,
			publishedAt: item.listing.createdAt,
			expiresAt: new Date(now.getTime() + 60 * DAY)
		};
		items[i] = { listing, by: the.id };
		listings[i] = listing;
		return { id: listing.id, word };
	};
	const shown = known(WORDS.shown, 0);
	const closed = known(WORDS.closed, 1);
	const resumed = known(WORDS.resumed, 2);
	const editable = WORDS.editable.map((word, i) => {
		const { id } = known(word, 3 + i);
		const l = listings[3 + i]!;
		const form = {
			kind: l.kind,
			title: l.title,
			description: l.description,
			category: l.category,
			tags: l.tags.join(', '),
			settlement: 'hours',
			price: '',
			priceUnit: 'hour',
			availability: l.availability,
			blockId: l.blockId ?? ''
		};
		return { id, word, form };
	});
	// The log has the shape of a quarter that grew: a few hundred listings and many changes to
	// them while the index is small, then the bulk of the listings (with words the index has not
	// seen), then the rest of the changes. A restart replays it in one pass. This shape crashed the
	// app at its first search when the index used `discard`: the changes of the first phase set
	// off MiniSearch's vacuum, which paused in the middle of the term tree while the replay went
	// on adding listings whose new words split the tree's nodes under it (minisearch#306). A log
	// of all listings first and the changes after did not crash it.
	// Every revision is decided by the listing rules (applyMove) on the latest version and
	// written straight into the log in batches with consecutive numbers, as the book writes them
	// one at a time: this process does not hold the listings in memory nor build the index.
	const policy = listingPolicy(quarter);
	const byId = new Map<string, Listing>();
	let head = await listingBook.head();
	const moderator: Actor = { id: manager.userId, moderator: true };
	const pending: ListingRevisionDoc[] = [];
	const append = (listing: Listing, move: Move, by: string, at: Date) => {
		byId.set(listing.id, listing);
		head++;
		const doc = {
			_id: listingRevisionId(head),
			seq: head,
			listingId: listing.id,
			revision: listing.revision,
			move,
			by,
			at,
			listing,
			search: searchFields(listing, quarter)
		};
		pending.push(doc);
	};
	const flush = async () => {
		if (pending.length === 0) return;
		await c.listingRevisions.insertMany(pending.splice(0), { ordered: true });
	};
	const create = async (from: number, to: number) => {
		for (const item of items.slice(from, to)) {
			append(item.listing, 'create', item.by, now);
			if (pending.length >= BATCH) await flush();
		}
		await flush();
	};
	const change = (id: string, input: MoveInput, actor: Actor, at: Date): boolean => {
		const moved = applyMove(byId.get(id)!, input, actor, policy, at);
		if (!moved.ok) return false;
		append(moved.listing, input.move, actor.id, at);
		return true;
	};
	const author = (id: string): Actor => ({ id: byId.get(id)!.authorId, moderator: false });
	const at = (k: number) => new Date(now.getTime() - (size.listingChanges - k) * 1000);
	let made = 0;
	/** Changes `count` listings picked from `pool`, as their authors and the moderator would. */
	const changeSome = async (count: number, pool: Listing[]) => {
		const until = made + count;
		for (let k = 0; made < until; k++) {
			const id = pick(pool).id;
			const current = byId.get(id)!;
			const when = at(made);
			const a = author(id);
			let ok = false;
			if (current.state === 'published') {
				const r = rand();
				if (r < 0.4) {
					ok = change(
						id,
						{
							move: 'edit',
							content: {
								...contentOf(current),
								// People write their own words: each edit brings terms the index has not seen.
								title: `${current.title.split(' – ')[0]} – ${madeUpWord()}`,
								description: `${current.description.split('\n\nNachtrag:')[0]}\n\nNachtrag: ${madeUpWord()} ${madeUpWord()}`
							}
						},
						a,
						when
					);
				} else if (r < 0.75) ok = change(id, { move: 'pause' }, a, when);
				else ok = change(id, { move: 'close' }, a, when);
			} else if (current.state === 'pending') {
				ok = change(id, { move: 'approve' }, moderator, when);
			} else if (current.state === 'paused') ok = change(id, { move: 'resume' }, a, when);
			if (ok) made++;
			if (pending.length >= BATCH) await flush();
			if (k > count * 20) break; // nothing left to change
		}
		await flush();
	};
	const others = (from: number, to: number) =>
		listings.slice(from, to).filter((l) => l.state === 'published' && l.authorId !== the.id);

	const early = Math.min(EARLY_LISTINGS, items.length);
	await create(0, early);
	change(closed.id, { move: 'close' }, author(closed.id), at(0));
	change(resumed.id, { move: 'pause' }, author(resumed.id), at(0));
	change(resumed.id, { move: 'resume' }, author(resumed.id), at(0));
	made = 3;
	await changeSome(Math.min(EARLY_CHANGES, size.listingChanges - made), others(0, early));
	const earlyChanges = made;
	await create(early, items.length);
	await changeSome(size.listingChanges - made, others(0, items.length));
	log(
		`  ${size.listings.toLocaleString('en')} listings, ${made.toLocaleString('en')} changes ` +
			`(${early} listings and ${earlyChanges} changes first; log head ${head}): ${took(t)}`
	);

	// ---- exchanges and the ledger --------------------------------------------------------------
	t = performance.now();
	const limits = ledgerLimits(quarter);
	const existing = await listLedgerEntries(QUARTER);
	const balances = balancesOf(existing);
	let seq = existing.at(-1)?.seq ?? 0;
	const entries: LedgerEntry[] = [];
	const book = (draft: TransferDraft, by: string, when: Date): LedgerEntry | null => {
		if (checkTransfer(balances, draft, limits)) return null;
		const entry: LedgerEntry = { ...draft, seq: seq + 1, at: when, by };
		seq++;
		entries.push(entry);
		balances.set(draft.from, (balances.get(draft.from) ?? 0) - draft.minutes);
		balances.set(draft.to, (balances.get(draft.to) ?? 0) + draft.minutes);
		return entry;
	};
	for (const m of members) {
		book(
			{
				from: COMMUNITY,
				to: memberAccount(m.id),
				minutes: quarter.settings.startCreditMinutes,
				kind: 'start-credit',
				key: `start-credit:${m.id}`,
				memo: 'Startguthaben'
			},
			manager.userId,
			m.joined
		);
	}

	// Exchanges between bulk members, each through the workflow; most settle with hours.
	const events: (LogEvent & { exchangeId: string; quarterId: string; origin?: string })[] = [];
	const lists = new Map<string, string[]>();
	const quarterIds: string[] = [];
	const holder = 'scale-seed';
	let exchanges = 0;
	while (events.length < size.exchangeEvents) {
		const provider = pick(members);
		const receiver = pick(members);
		if (receiver.id === provider.id) continue;
		const exchangeId = newId();
		const minutes = 30 * (1 + Math.floor(rand() * 4));
		const begun = new Date(now.getTime() - (2 + Math.floor(rand() * 25)) * DAY);
		const proposal: Proposal = {
			providerId: provider.id,
			receiverId: receiver.id,
			listingId: null,
			title: pick(['Einkaufen', 'Fahrrad flicken', 'Nachhilfe', 'Umzugshilfe', 'Gartenarbeit']),
			date: null,
			minutes,
			settlement: 'hours',
			amountCents: null
		};
		const proposer: Actor = { id: receiver.id, moderator: false };
		const proposed = propose(proposal, proposer, begun);
		if (!proposed.ok) throw new Error(`propose: ${proposed.error}`);
		const log: LogEvent[] = [
			{
				...logEventOf(proposed.event, 1),
				proposal: { ...proposal, title: proposed.exchange.title }
			}
		];
		let exchange: Exchange = proposed.exchange;
		const step = (when: Date, ...tries: [Actor, Parameters<typeof runMove>[2]][]): boolean => {
			for (const [actor, request] of tries) {
				const moved = runMove(exchange, actor, request, when);
				if (moved.ok) {
					exchange = moved.exchange;
					log.push(logEventOf(moved.event, log.length + 1));
					return true;
				}
			}
			return false;
		};
		const p: Actor = { id: provider.id, moderator: false };
		const r: Actor = { id: receiver.id, moderator: false };
		const hour = (h: number) => new Date(begun.getTime() + h * 60 * 60 * 1000);
		const fate = rand();
		if (fate < 0.08) {
			// only proposed
		} else if (fate < 0.14) step(hour(1), [p, { move: 'decline' }]);
		else {
			step(hour(1), [p, { move: 'accept' }], [r, { move: 'accept' }]);
			if (fate > 0.2) {
				step(hour(24), [p, { move: 'markDone' }]);
				step(hour(25), [r, { move: 'confirm' }]);
				// Settling: the place holder, the transfer, then the move with its ledger number.
				const system: Actor = { id: SYSTEM, moderator: false };
				const settled = runMove(exchange, system, { move: 'settle' }, hour(25));
				const draft = settled.ok ? settlementDraft(exchangeId, settled.exchange) : null;
				const entry = draft && book(draft, SYSTEM, hour(25));
				if (settled.ok && entry) {
					log.push(settlingEventOf(settled.event, log.length + 1, holder));
					exchange = settled.exchange;
					log.push(logEventOf(settled.event, log.length + 1, { ledgerSeq: entry.seq }));
				} else if (settled.ok) {
					log.push(settlingEventOf(settled.event, log.length + 1, holder));
					log.push({
						n: log.length + 1,
						move: 'settlementRefused',
						by: SYSTEM,
						at: hour(25),
						problem: 'below_minimum'
					});
				}
			}
		}
		for (const event of log) events.push({ ...event, exchangeId, quarterId: QUARTER });
		events[events.length - log.length]!.origin = 'http://localhost:5173';
		for (const list of [provider.id, receiver.id]) {
			lists.set(list, [...(lists.get(list) ?? []), exchangeId]);
		}
		quarterIds.push(exchangeId);
		exchanges++;
	}

	// Hours the quarter management grants and members give back, until the ledger has its size.
	const grantLine = newId();
	let grantMinutes = 0;
	let nonce = 0;
	while (seq - (existing.at(-1)?.seq ?? 0) < size.ledgerEntries) {
		const m = pick(members);
		const account = memberAccount(m.id);
		const minutes = 30 * (1 + Math.floor(rand() * 4));
		const when = new Date(now.getTime() - Math.floor(rand() * 300) * DAY);
		if ((balances.get(account) ?? 0) < 600 && rand() < 0.5) {
			const entry = book(
				{
					from: COMMUNITY,
					to: account,
					minutes,
					kind: 'grant',
					key: grantKey(manager.userId, `scale${nonce++}`),
					memo: 'Nachbarschaftsfest',
					budgetLineId: grantLine
				},
				manager.userId,
				when
			);
			if (entry) grantMinutes += minutes;
		} else {
			book(
				{
					from: account,
					to: COMMUNITY,
					minutes,
					kind: 'donation',
					key: donationKey(m.id, `scale${nonce++}`),
					memo: 'Für den Gemeinschaftstopf'
				},
				m.id,
				when
			);
		}
	}
	// Ledger entries are numbered in booking order; their times need not be.
	await c.budgetLines.insertOne({
		_id: grantLine,
		quarterId: QUARTER,
		name: 'Nachbarschaftsfeste',
		minutes: grantMinutes,
		cents: null,
		from: `${now.getFullYear() - 1}-01-01`,
		to: `${now.getFullYear() + 1}-12-31`,
		purpose: 'Helfende Hände bei Festen im Quartier',
		decidedBy: 'Quartierskonferenz',
		decidedOn: `${now.getFullYear() - 1}-01-01`,
		createdBy: manager.userId,
		createdAt: new Date(now.getTime() - 301 * DAY)
	});
	await insertInBatches(
		(docs) => c.ledger.insertMany(docs, { ordered: true }),
		entries.map((e) => ({ _id: ledgerEntryId(QUARTER, e.seq), quarterId: QUARTER, ...e }))
	);
	await insertInBatches(
		(docs) => c.audit.insertMany(docs),
		entries
			.filter((e) => e.kind === 'grant')
			.map((e) => ({
				_id: `ledger-grant:${QUARTER}:${e.seq}`,
				quarterId: QUARTER,
				at: e.at,
				actorId: e.by,
				action: 'account.grant' as const,
				target: { type: 'member' as const, id: e.to.slice('member:'.length) },
				reason: e.memo,
				details: {
					minutes: e.minutes,
					ledgerSeq: e.seq,
					purpose: e.memo,
					override: null,
					budgetLineId: e.budgetLineId ?? null
				}
			}))
	);
	log(`  ${entries.length.toLocaleString('en')} ledger entries (head ${seq}): ${took(t)}`);

	t = performance.now();
	await insertInBatches(
		(docs) => c.exchangeEvents.insertMany(docs),
		events.map((e) => ({ _id: exchangeEventId(e.exchangeId, e.n), ...e }))
	);
	// The quarter's list continues after the demo's exchanges; a bulk member's list is new.
	let quarterN = 0;
	while (await findIndexEntry(quarterList(QUARTER), quarterN + 1)) quarterN++;
	const index: ExchangeIndexDoc[] = [];
	for (const [list, ids] of lists) {
		ids.forEach((exchangeId, i) =>
			index.push({
				_id: indexEntryId(list, i + 1),
				list,
				n: i + 1,
				exchangeId,
				quarterId: QUARTER,
				at: now
			})
		);
	}
	quarterIds.forEach((exchangeId, i) => {
		const list = quarterList(QUARTER);
		const n = quarterN + i + 1;
		index.push({ _id: indexEntryId(list, n), list, n, exchangeId, quarterId: QUARTER, at: now });
	});
	await insertInBatches((docs) => c.exchangeIndex.insertMany(docs), index);
	log(
		`  ${exchanges.toLocaleString('en')} exchanges, ${events.length.toLocaleString('en')} events: ${took(t)}`
	);

	// ---- conversations -------------------------------------------------------------------------
	t = performance.now();
	const pairs = new Set<string>();
	const conversations: ConversationDoc[] = [];
	const messages: ChatMessageDoc[] = [];
	const reads: ChatReadDoc[] = [];
	const inbox: ChatInboxDoc[] = [];
	const inboxCount = new Map<string, number>();
	while (conversations.length < size.conversations) {
		const a = pick(members);
		const b = pick(members);
		if (a.id === b.id || pairs.has(`${a.id}:${b.id}`) || pairs.has(`${b.id}:${a.id}`)) continue;
		pairs.add(`${a.id}:${b.id}`);
		const when = new Date(now.getTime() - Math.floor(rand() * 200) * DAY);
		const conversation = newConversation(
			{ kind: 'direct', quarterId: QUARTER, senderId: a.id, memberId: b.id },
			when
		);
		const { id, ...rest } = conversation;
		conversations.push({ _id: id, ...rest, lastSeq: 1, lastAt: when });
		messages.push({
			_id: messageId(id, 1),
			conversationId: id,
			seq: 1,
			senderId: a.id,
			text: 'Hallo! Hast du diese Woche Zeit?',
			sentAt: when
		});
		reads.push({
			_id: readMarkerId(id, a.id),
			conversationId: id,
			userId: a.id,
			seq: 1,
			at: when
		});
		for (const userId of [a.id, b.id]) {
			const n = (inboxCount.get(userId) ?? 0) + 1;
			inboxCount.set(userId, n);
			inbox.push({
				_id: `${userId}:${String(n).padStart(6, '0')}`,
				userId,
				conversationId: id,
				at: when
			});
		}
	}
	await insertInBatches((docs) => c.conversations.insertMany(docs), conversations);
	await insertInBatches((docs) => c.chatMessages.insertMany(docs), messages);
	await insertInBatches((docs) => c.chatReads.insertMany(docs), reads);
	await insertInBatches((docs) => c.chatInbox.insertMany(docs), inbox);
	log(`  ${conversations.length.toLocaleString('en')} conversations: ${took(t)}`);

	const memberSession = await createSession(the.id, now);
	const managerSession = await createSession(manager.userId, now);
	const facts: ScaleFacts = {
		quarterId: QUARTER,
		member: {
			id: the.id,
			email: the.email,
			balanceMinutes: balances.get(memberAccount(the.id)) ?? 0,
			token: memberSession.token
		},
		managerToken: managerSession.token,
		shown,
		closed,
		resumed,
		editable,
		sample: [...byId.values()]
			.filter((l) => l.state === 'published')
			.slice(0, 50)
			.map((l) => l.id),
		memberPassword: SCALE_PASSWORD,
		counts: {
			members: members.length,
			listings: listings.length,
			listingChanges: made,
			ledgerEntries: entries.length,
			exchanges,
			exchangeEvents: events.length,
			conversations: conversations.length
		},
		listingLogHead: head,
		ledgerLogHead: seq
	};
	log(`  seeded in ${took(started)}`);
	return facts;
}

const entry = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (import.meta.url === entry) {
	const [sizeName = 'small', out] = process.argv.slice(2);
	const size = SIZES[sizeName];
	const { closeDb } = await import('../src/lib/server/db');
	try {
		if (!size) throw new Error(`unknown size ${sizeName} (${Object.keys(SIZES).join(', ')})`);
		const facts = await seedScale(size);
		if (out) writeFileSync(out, JSON.stringify(facts, null, 2));
		else console.log(JSON.stringify(facts, null, 2));
	} catch (err) {
		console.error(`✖ Scale seed failed: ${(err as Error).stack ?? err}`);
		process.exitCode = 1;
	} finally {
		await closeDb();
	}
}
