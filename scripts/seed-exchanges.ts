// The demo quarter's time bank: a start credit for every active member on the day they joined,
// and a year of exchanges among neighbours, written through the exchange service itself (with
// past dates and without mail), so every hour is in the ledger exactly as the app would book it.
// Businesses sell to neighbours for cash, and neighbours publish requests of which about a third
// find nobody within 30 days (the impact dashboard shows them as unmet demand).
// A few exchanges are still open today: proposed, accepted, done and waiting for confirmation,
// and one dispute for the quarter management. Runs after the people and listings exist.
//
// The people the end-to-end tests use are left out of the history (they still get their start
// credit), so the tests can reason about their balances.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { isActiveMember } from '../src/lib/domain/members/roles';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import {
	createExchangeService,
	type ExchangeResult,
	type ExchangeService
} from '../src/lib/server/services/exchanges';
import { ledger } from '../src/lib/server/services/ledger';
import { expiryFrom, type Listing } from '../src/lib/domain/listings/listing';
import { newId } from '../src/lib/server/ids';
import { listMembershipsOfQuarter } from '../src/lib/server/repos/memberships';
import { findQuarter } from '../src/lib/server/repos/quarters';
import { listingBook } from '../src/lib/server/services/listing-book';
import {
	changeListing,
	listingPolicy,
	listingsOfAuthor,
	searchFields
} from '../src/lib/server/services/listings';
import { markNotificationsRead } from '../src/lib/server/services/notifications';
import {
	HISTORY_BUSINESSES,
	HISTORY_PEOPLE,
	HISTORY_REQUESTS,
	HISTORY_SALES,
	HISTORY_TITLES,
	OPEN_EXCHANGES
} from './seed-data/exchanges';
import { seededRandom } from '../src/lib/random';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60;
const QUARTER_ID = 'nordstadt';
const ORIGIN = process.env.ORIGIN ?? 'http://localhost:3000';

function ok(result: ExchangeResult, what: string): string {
	if (!result.ok) throw new Error(`${what}: ${result.problem}`);
	return result.exchange.id;
}

async function idOf(email: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (!user) throw new Error(`Seed data names ${email}, who does not exist.`);
	return user.id;
}

export async function seedExchanges(
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ startCredits: number; exchanges: number }> {
	const service = createExchangeService({ mail: false });
	const memberships = (await listMembershipsOfQuarter(QUARTER_ID)).filter(
		(ms) => isActiveMember(ms) && ms.role !== 'moderator' && ms.role !== 'admin'
	);

	// Start credits first: exactly once per member (the ledger key), so a second run adds none.
	let startCredits = 0;
	for (const ms of memberships) {
		const result = await service.grantStartCredit(QUARTER_ID, ms.userId, 'system', ms.since);
		if (!result.ok) throw new Error(`start credit for ${ms.userId}: ${result.problem}`);
		if (!result.duplicate) startCredits++;
	}
	if (startCredits > 0) log(`  start credits: ${startCredits}`);

	// The history is written once: a ledger with more than start credits means it is there.
	const entries = await ledger.entries(QUARTER_ID);
	if (entries.some((e) => e.kind === 'exchange')) {
		log('  exchange history already there');
		return { startCredits, exchanges: 0 };
	}

	const since = new Map(memberships.map((ms) => [ms.userId, ms.since.getTime()]));
	const people = await Promise.all(HISTORY_PEOPLE.map(idOf));
	const businesses = await Promise.all(HISTORY_BUSINESSES.map(idOf));
	const balance = new Map<string, number>();
	for (const e of await ledger.entries(QUARTER_ID)) {
		balance.set(e.to, (balance.get(e.to) ?? 0) + e.minutes);
		balance.set(e.from, (balance.get(e.from) ?? 0) - e.minutes);
	}
	const bal = (id: string) => balance.get(`member:${id}`) ?? 0;
	const random = seededRandom(20261126);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const joinedBy = (t: number) => (id: string) => (since.get(id) ?? Infinity) < t;
	const quarter = (await findQuarter(QUARTER_ID))!;

	let exchanges = 0;
	const thanksTexts = [
		'Vielen Dank, das hat mir sehr geholfen!',
		'Danke für die Geduld und die gute Laune.',
		'Super zuverlässig, gerne wieder.',
		'Herzlichen Dank, das war eine große Erleichterung.',
		'Danke! Schön, solche Nachbar:innen zu haben.'
	];

	/** One exchange from proposal to its end, starting at `start`; most are settled. */
	async function trade(input: {
		provider: string;
		receiver: string;
		start: number;
		title: string;
		minutes: number;
		settlement: 'hours' | 'free' | 'euros';
		amountCents?: number;
		/** A request the provider answers: the provider proposes from it. */
		listingId?: string;
	}): Promise<void> {
		const { provider, receiver, minutes, settlement } = input;
		const at = (days: number, hours = 0) =>
			new Date(input.start + days * DAY + hours * 3600 * 1000);
		const proposer = input.listingId ? provider : receiver;
		const other = proposer === provider ? receiver : provider;
		const proposal = (listingId: string | undefined) =>
			service.propose({
				actorId: proposer,
				quarterId: QUARTER_ID,
				...(listingId ? { listingId } : { memberId: other, side: proposerSide }),
				title: input.title,
				date: at(3),
				minutes,
				settlement,
				amountCents: input.amountCents ?? null,
				origin: ORIGIN,
				now: at(0)
			});
		const proposerSide = proposer === provider ? ('provider' as const) : ('receiver' as const);
		let proposed = await proposal(input.listingId);
		// An app running on the same database may have expired the old request meanwhile (its
		// listing-expiry job): the neighbour still helps, only without the link to the request.
		if (!proposed.ok && proposed.problem === 'listing_unavailable') {
			proposed = await proposal(undefined);
		}
		const id = ok(proposed, 'propose');
		exchanges++;
		const roll = random();
		if (roll < 0.05 && !input.listingId) {
			ok(
				await service.move(other, id, 'decline', {
					reason: 'Da bin ich leider verreist.',
					now: at(0, 6)
				}),
				'decline'
			);
			return;
		}
		ok(await service.move(other, id, 'accept', { now: at(0, 8) }), 'accept');
		if (roll < 0.08 && !input.listingId) {
			ok(
				await service.move(receiver, id, 'cancel', {
					reason: 'Hat sich anders gelöst, danke trotzdem!',
					now: at(1)
				}),
				'cancel'
			);
			return;
		}
		ok(await service.move(provider, id, 'markDone', { now: at(3, 4) }), 'markDone');
		await confirmed(service, receiver, id, minutes, at(4));
		if (settlement === 'euros') {
			// Paid at the counter: both sides say so, which settles the exchange.
			ok(await service.move(receiver, id, 'cashPaid', { now: at(4, 2) }), 'cashPaid');
			ok(await service.move(provider, id, 'cashPaid', { now: at(4, 3) }), 'cashPaid');
		}
		if (settlement === 'hours') {
			balance.set(`member:${receiver}`, bal(receiver) - minutes);
			balance.set(`member:${provider}`, bal(provider) + minutes);
		}
		if (random() < 0.35) {
			const thanks = await service.leaveThanks(receiver, id, pick(thanksTexts), at(5));
			if (!thanks.ok) throw new Error(`thanks: ${thanks.problem}`);
		}
	}
	// Stay well inside the limits (-10 h / +40 h), as careful neighbours do.
	const affordable = (provider: string, receiver: string, minutes: number) =>
		bal(receiver) - minutes >= -8 * HOUR && bal(provider) + minutes <= 30 * HOUR;
	const day = (monthsAgo: number) =>
		now.getTime() - (monthsAgo * 30 + 5 + Math.floor(random() * 24)) * DAY - 3 * 3600 * 1000;

	// Requests (Ich suche) of the year, published on their day. About three in five find a neighbour
	// within days; the rest stay unanswered, which the dashboard shows as unmet demand.
	const plannedRequests: {
		author: string;
		helper: string | null;
		at: number;
		title: string;
		category: string;
	}[] = [];
	for (let month = 12; month >= 0; month--) {
		const count = 10 + Math.round((12 - month) / 2);
		for (let k = 0; k < count; k++) {
			const at = day(month);
			const available = people.filter(joinedBy(at));
			if (available.length < 2) continue;
			const author = pick(available);
			const [title, category] = pick(HISTORY_REQUESTS);
			const helper = random() < 0.6 ? pick(available.filter((id) => id !== author)) : null;
			plannedRequests.push({ author, helper, at, title, category });
		}
	}
	const requestItems = plannedRequests.map((r) => {
		const created = new Date(r.at);
		const listing: Listing = {
			id: newId(),
			quarterId: QUARTER_ID,
			authorId: r.author,
			commercial: false,
			kind: 'request',
			title: r.title,
			description: 'Ich freue mich über Hilfe aus der Nachbarschaft.',
			category: r.category,
			tags: [],
			settlement: 'hours',
			priceCents: null,
			priceUnit: null,
			availability: '',
			blockId: null,
			photoId: null,
			state: 'published',
			needsReview: false,
			moderation: null,
			createdAt: created,
			updatedAt: created,
			publishedAt: created,
			expiresAt: expiryFrom(created, listingPolicy(quarter)),
			revision: 1
		};
		return { listing, search: searchFields(listing, quarter), by: r.author };
	});
	await listingBook.importNew(requestItems, now);

	// A year, oldest month first, with the quarter slowly growing busier: hours among neighbours,
	// answers to requests, and purchases from the quarter's businesses paid in cash.
	for (let month = 12; month >= 0; month--) {
		const count = 9 + Math.round((12 - month) * 0.6);
		for (let k = 0; k < count; k++) {
			const start = day(month);
			const available = people.filter(joinedBy(start));
			if (available.length < 2) continue;
			const provider = pick(available);
			const receiver = pick(available.filter((id) => id !== provider));
			const free = random() < 0.1;
			const minutes = free ? 0 : 30 * (1 + Math.floor(random() * 6)); // 0.5 to 3 hours
			if (!free && !affordable(provider, receiver, minutes)) continue;
			await trade({
				provider,
				receiver,
				start,
				title: pick(HISTORY_TITLES),
				minutes,
				settlement: free ? 'free' : 'hours'
			});
		}
		const monthStart = now.getTime() - (month * 30 + 29) * DAY;
		const monthEnd = now.getTime() - (month * 30 + 5) * DAY;
		for (const [i, r] of plannedRequests.entries()) {
			if (r.at < monthStart || r.at >= monthEnd || r.helper === null) continue;
			const minutes = 30 * (1 + Math.floor(random() * 4));
			const start = r.at + (2 + Math.floor(random() * 60)) * 3600 * 1000;
			if (!affordable(r.helper, r.author, minutes)) continue;
			await trade({
				provider: r.helper,
				receiver: r.author,
				start,
				title: r.title,
				minutes,
				settlement: 'hours',
				listingId: requestItems[i]!.listing.id
			});
		}
		const sales = 2 + Math.floor((12 - month) / 3);
		for (let k = 0; k < sales; k++) {
			const start = day(month);
			const shops = businesses.filter(joinedBy(start));
			const customers = people.filter(joinedBy(start));
			if (shops.length === 0 || customers.length === 0) continue;
			const [title, min, max] = pick(HISTORY_SALES);
			await trade({
				provider: pick(shops),
				receiver: pick(customers),
				start,
				title,
				minutes: 60,
				settlement: 'euros',
				amountCents: 100 * (min + Math.floor(random() * (max - min + 1)))
			});
		}
		log(`  exchanges: ${exchanges} (month ${13 - month}/13)`);
	}

	// Last year's requests are done with: closed by their authors, so the marketplace shows
	// today's listings only.
	const membershipOf = new Map(memberships.map((ms) => [ms.userId, ms]));
	for (const item of requestItems) {
		const closedAt = Math.min(item.listing.createdAt.getTime() + 40 * DAY, now.getTime() - DAY);
		const result = await changeListing({
			quarter,
			listingId: item.listing.id,
			userId: item.by,
			membership: membershipOf.get(item.by) ?? null,
			move: { move: 'close' },
			now: new Date(closedAt)
		});
		// Expired meanwhile by an app running on the same database: not public either way.
		if (!result.ok && (await listingBook.get(item.listing.id))?.state === 'published') {
			throw new Error(`closing a history request: ${result.problem}`);
		}
	}
	log(
		`  requests: ${requestItems.length}, ${plannedRequests.filter((r) => !r.helper).length} unanswered`
	);

	// The history is old news: nobody starts the demo with a bell full of last year.
	for (const ms of memberships) await markNotificationsRead(ms.userId, now);

	// What is still going on today.
	for (const open of OPEN_EXCHANGES) {
		const provider = await idOf(open.provider);
		const receiver = await idOf(open.receiver);
		const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
		const offer = (await listingsOfAuthor(QUARTER_ID, provider)).find(
			(l) =>
				l.state === 'published' &&
				l.kind === 'offer' &&
				l.title === open.listing &&
				(l.settlement === 'hours' || l.settlement === 'either')
		);
		const id = ok(
			await service.propose({
				actorId: receiver,
				quarterId: QUARTER_ID,
				...(offer ? { listingId: offer.id } : { memberId: provider, side: 'receiver' as const }),
				title: open.title,
				date: at(open.daysAgo - 2),
				minutes: open.minutes,
				settlement: 'hours',
				origin: ORIGIN,
				now: at(open.daysAgo)
			}),
			`open exchange ${open.title}`
		);
		exchanges++;
		if (open.until === 'proposed') continue;
		ok(await service.move(provider, id, 'accept', { now: at(open.daysAgo - 1) }), 'accept');
		if (open.until === 'accepted') continue;
		ok(await service.move(provider, id, 'markDone', { now: at(open.daysAgo - 2) }), 'markDone');
		if (open.until === 'done') continue;
		ok(
			await service.move(receiver, id, 'confirm', {
				minutes: open.claimedMinutes ?? open.minutes,
				now: at(open.daysAgo - 3)
			}),
			'confirm with other hours'
		);
	}

	log(`  time bank: ${startCredits} start credits, ${exchanges} exchanges`);
	return { startCredits, exchanges };
}

/**
 * The receiver confirms the hours of a `done` exchange. An app running on the same database may
 * have settled it a moment earlier (its auto-settle job finds every `done` exchange of the past
 * due): then it is settled with the reported hours, which is what confirming would have done.
 */
export async function confirmed(
	service: ExchangeService,
	receiver: string,
	id: string,
	minutes: number,
	now: Date
): Promise<void> {
	const result = await service.move(receiver, id, 'confirm', { minutes, now });
	if (result.ok) return;
	const view = await service.get(receiver, id);
	if (view?.state === 'settled' && view.timeline.some((e) => e.move === 'autoSettle')) return;
	throw new Error(`confirm: ${result.problem}`);
}
