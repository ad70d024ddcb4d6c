// The demo quarter's time bank: a start credit for every active member on the day they joined,
// and a year of exchanges among neighbours, written through the exchange service itself (with
// past dates and without mail), so every hour is in the ledger exactly as the app would book it.
// A few exchanges are still open today: proposed, accepted, done and waiting for confirmation,
// and one dispute for the quarter management. Runs after the people and listings exist.
//
// The people the end-to-end tests use are left out of the history (they still get their start
// credit), so the tests can reason about their balances.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { isActiveMember } from '../src/lib/domain/members/roles';
import { listMembershipsOfQuarter } from '../src/lib/server/repos/memberships';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import { ExchangeService, type ExchangeResult } from '../src/lib/server/services/exchanges';
import { ledger } from '../src/lib/server/services/ledger';
import { listingsOfAuthor } from '../src/lib/server/services/listings';
import { markNotificationsRead } from '../src/lib/server/services/notifications';
import { HISTORY_PEOPLE, HISTORY_TITLES, OPEN_EXCHANGES } from './seed-data/exchanges';
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
	const service = new ExchangeService({ mail: false });
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
	const balance = new Map<string, number>();
	for (const e of await ledger.entries(QUARTER_ID)) {
		balance.set(e.to, (balance.get(e.to) ?? 0) + e.minutes);
		balance.set(e.from, (balance.get(e.from) ?? 0) - e.minutes);
	}
	const bal = (id: string) => balance.get(`member:${id}`) ?? 0;
	const random = seededRandom(20261126);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

	let exchanges = 0;
	const thanksTexts = [
		'Vielen Dank, das hat mir sehr geholfen!',
		'Danke für die Geduld und die gute Laune.',
		'Super zuverlässig, gerne wieder.',
		'Herzlichen Dank, das war eine große Erleichterung.',
		'Danke! Schön, solche Nachbar:innen zu haben.'
	];

	// A year, oldest month first, with the quarter slowly growing busier.
	for (let month = 11; month >= 0; month--) {
		const count = 5 + Math.round((11 - month) * 0.8);
		for (let k = 0; k < count; k++) {
			const start = now.getTime() - (month * 30 + 5 + Math.floor(random() * 24)) * DAY;
			// Settled within a week: the whole exchange lies in the past.
			const joined = (id: string) => (since.get(id) ?? Infinity) < start;
			const available = people.filter(joined);
			if (available.length < 2) continue;
			const provider = pick(available);
			const receiver = pick(available.filter((id) => id !== provider));
			const free = random() < 0.12;
			const minutes = free ? 0 : 30 * (1 + Math.floor(random() * 6)); // 0.5 to 3 hours
			// Stay well inside the limits (-10 h / +40 h), as careful neighbours do.
			if (!free && (bal(receiver) - minutes < -8 * HOUR || bal(provider) + minutes > 30 * HOUR))
				continue;
			const title = pick(HISTORY_TITLES);
			const at = (days: number, hours = 0) => new Date(start + days * DAY + hours * 3600 * 1000);
			const id = ok(
				await service.propose({
					actorId: receiver,
					quarterId: QUARTER_ID,
					memberId: provider,
					side: 'receiver',
					title,
					date: at(3),
					minutes,
					settlement: free ? 'free' : 'hours',
					origin: ORIGIN,
					now: at(0)
				}),
				'propose'
			);
			exchanges++;
			const roll = random();
			if (roll < 0.06) {
				ok(
					await service.move(provider, id, 'decline', {
						reason: 'Da bin ich leider verreist.',
						now: at(0, 6)
					}),
					'decline'
				);
				continue;
			}
			ok(await service.move(provider, id, 'accept', { now: at(0, 8) }), 'accept');
			if (roll < 0.1) {
				ok(
					await service.move(receiver, id, 'cancel', {
						reason: 'Hat sich anders gelöst, danke trotzdem!',
						now: at(1)
					}),
					'cancel'
				);
				continue;
			}
			ok(await service.move(provider, id, 'markDone', { now: at(3, 4) }), 'markDone');
			ok(await service.move(receiver, id, 'confirm', { minutes, now: at(4) }), 'confirm');
			if (!free) {
				balance.set(`member:${receiver}`, bal(receiver) - minutes);
				balance.set(`member:${provider}`, bal(provider) + minutes);
			}
			if (random() < 0.35) {
				const thanks = await service.leaveThanks(receiver, id, pick(thanksTexts), at(5));
				if (!thanks.ok) throw new Error(`thanks: ${thanks.problem}`);
			}
		}
		log(`  exchanges: ${exchanges} (month ${12 - month}/12)`);
	}

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
