// Exchanges against the real FerretDB (SQLite), often with two exchange services (each
// with its own ledger book) standing in for two app servers: the whole way from proposal to
// settled hours, every wrong move refused, one transfer however many servers confirm or
// auto-settle at once, a settlement resumed after a server died half-way, disputes settled by the
// quarter management and audited, start credits and thank-you notes exactly once.
import type { Locale } from '../../src/lib/domain/locale';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/lib/domain/exchanges/log';
import { SETTLING_TIMEOUT_MS, settlementDraft } from '../../src/lib/domain/exchanges/log';
import type { PartyMove } from '../../src/lib/domain/exchanges/workflow';
import {
	balanceOf,
	COMMUNITY,
	memberAccount,
	type LedgerEntry
} from '../../src/lib/domain/ledger/ledger';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import type { ListingSettlement } from '../../src/lib/domain/listings/listing';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import {
	DEFAULT_QUARTER_SETTINGS,
	type QuarterSettings
} from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { findExchangeEvent, insertExchangeEvent } from '../../src/lib/server/repos/exchanges';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { listMail } from '../../src/lib/server/repos/outbox';
import { findQuarter, insertQuarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import {
	createExchangeService,
	type ExchangeService,
	ledgerLimits,
	type ExchangeResult
} from '../../src/lib/server/services/exchanges';
import { LedgerBook } from '../../src/lib/server/services/ledger';
import { withSeenMarks } from '../../src/lib/server/logs';
import { createListing } from '../../src/lib/server/services/listings';
import { Notifications } from '../../src/lib/server/services/notifications';

const Q = 'tauschquartier';
const OTHER = 'nebenquartier';
/** Tight limits: members may go 1 hour below zero and 3 hours above. */
const TIGHT = 'engquartier';
/** Auto-settles after 7 days instead of 14. */
const WEEK = 'wochenquartier';
const ORIGIN = 'http://quartier.test';
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

interface Person {
	id: string;
	email: string;
}

async function person(
	displayName: string,
	memberships: Array<[quarterId: string, role: Role, state?: MembershipState]> = [[Q, 'resident']],
	locale: Locale = 'de'
): Promise<Person> {
	const id = newId();
	const email = `${id}@beispiel.de`;
	await insertUser({ id, email, displayName, locale, passwordHash: 'not-used' }, new Date(), true);
	for (const [quarterId, role, state = 'active'] of memberships) {
		await insertMembership({ quarterId, userId: id, role, state }, new Date());
	}
	return { id, email };
}

beforeAll(async () => {
	const base = { city: 'Teststadt', description: '', categories: [...DEFAULT_CATEGORIES] };
	const settings = (changes: Partial<QuarterSettings> = {}): QuarterSettings => ({
		...DEFAULT_QUARTER_SETTINGS,
		listingPreModeration: false,
		...changes
	});
	const now = new Date();
	await insertQuarter({ ...base, id: Q, name: 'Tauschquartier', settings: settings() }, now);
	await insertQuarter({ ...base, id: OTHER, name: 'Nebenquartier', settings: settings() }, now);
	await insertQuarter(
		{
			...base,
			id: TIGHT,
			name: 'Engquartier',
			settings: settings({ timeBank: { minBalanceMinutes: -60, maxBalanceMinutes: 180 } })
		},
		now
	);
	await insertQuarter(
		{ ...base, id: WEEK, name: 'Wochenquartier', settings: settings({ autoSettleAfterDays: 7 }) },
		now
	);
});

/** A server: its own exchange service, ledger book and notifications, sharing the database. */
function server() {
	return createExchangeService({ ledger: new LedgerBook(), notifications: new Notifications() });
}

async function balances(quarterId: string) {
	return new LedgerBook().balances(quarterId);
}

async function entriesFor(quarterId: string, key: string): Promise<LedgerEntry[]> {
	return (await listLedgerEntries(quarterId)).filter((e) => e.key === key);
}

function ok(result: ExchangeResult) {
	if (!result.ok) throw new Error(`refused: ${result.problem}`);
	return result.exchange;
}

async function offer(
	author: Person,
	quarterId = Q,
	settlement: ListingSettlement = 'hours'
): Promise<string> {
	const quarter = (await findQuarter(quarterId))!;
	const created = await createListing({
		quarter,
		userId: author.id,
		membership: await findMembership(quarterId, author.id),
		content: {
			kind: 'offer',
			title: 'Fahrrad reparieren',
			description: 'Schläuche, Bremsen, Licht.',
			category: DEFAULT_CATEGORIES[0]!.id,
			tags: [],
			settlement,
			priceCents: settlement === 'euros' || settlement === 'either' ? 1500 : null,
			priceUnit: settlement === 'euros' || settlement === 'either' ? 'hour' : null,
			availability: '',
			blockId: null,
			photoId: null
		},
		submit: true,
		now: new Date()
	});
	if (!created.ok) throw new Error(created.problem);
	return created.listing.id;
}

/** A direct exchange proposed by the receiver, moved on to `until` (inclusive). */
async function exchangeUpTo(
	s: ExchangeService,
	provider: Person,
	receiver: Person,
	until: 'proposed' | 'accepted' | 'done' | 'disputed',
	options: { quarterId?: string; minutes?: number; start?: Date } = {}
): Promise<string> {
	const start = options.start ?? new Date();
	const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
	const proposed = ok(
		await s.propose({
			actorId: receiver.id,
			quarterId: options.quarterId ?? Q,
			memberId: provider.id,
			side: 'receiver',
			title: 'Einkaufen',
			minutes: options.minutes ?? 90,
			settlement: 'hours',
			origin: ORIGIN,
			now: start
		})
	);
	const id = proposed.id;
	if (until === 'proposed') return id;
	ok(await s.move(provider.id, id, 'accept', { now: at(1) }));
	if (until === 'accepted') return id;
	ok(await s.move(provider.id, id, 'markDone', { now: at(2) }));
	if (until === 'done') return id;
	ok(await s.move(receiver.id, id, 'dispute', { reason: 'Nur eine Stunde', now: at(3) }));
	return id;
}

async function eventsOf(id: string): Promise<LogEvent[]> {
	const events: LogEvent[] = [];
	for (let n = 1; ; n++) {
		const e = await findExchangeEvent(id, n);
		if (!e) return events;
		events.push(e);
	}
}

describe('the happy path', () => {
	it('from an offer: propose, accept, done, confirm; both balances change by the same amount', async () => {
		const provider = await person('Paula Rad');
		const receiver = await person('Rolf Bedarf', [[Q, 'resident']], 'en');
		const listingId = await offer(provider);
		const s = server();
		const before = await balances(Q);

		const proposed = ok(
			await s.propose({
				actorId: receiver.id,
				quarterId: Q,
				listingId,
				minutes: 90,
				settlement: 'hours',
				date: new Date('2031-05-02T09:00:00Z'),
				origin: ORIGIN
			})
		);
		expect(proposed).toMatchObject({
			providerId: provider.id,
			receiverId: receiver.id,
			proposedBy: 'receiver',
			listingId,
			title: 'Fahrrad reparieren',
			state: 'proposed',
			turn: 'provider',
			viewerSide: 'receiver',
			moves: ['cancel']
		});
		const id = proposed.id;

		// The provider hears about it in the app and by mail, in German, with a link.
		const bell = new Notifications();
		expect(await bell.unreadCount(provider.id)).toBe(1);
		const [mail] = await listMail(1, provider.email);
		expect(mail!.subject).toBe('Tausch „Fahrrad reparieren“: Rolf Bedarf schlägt einen Tausch vor');
		expect(mail!.text).toContain(`${ORIGIN}/exchanges/${id}`);

		// Whoever receives a proposal answers it: accept or decline (cancel stays for the proposer).
		expect((await s.get(provider.id, id))!.moves).toEqual(['accept', 'decline']);
		ok(await s.move(provider.id, id, 'accept'));
		const done = ok(await s.move(provider.id, id, 'markDone'));
		expect(done).toMatchObject({ state: 'done', turn: 'receiver' });
		expect(done.autoSettleAt!.getTime()).toBe(done.doneAt!.getTime() + 14 * DAY);

		// The receiver reads English and gets an English link.
		const [english] = await listMail(1, receiver.email);
		expect(english!.subject).toBe(
			'Exchange “Fahrrad reparieren”: Paula Rad says the help is done. Please confirm the hours'
		);
		expect(english!.text).toContain(`${ORIGIN}/en/exchanges/${id}`);

		const settled = ok(await s.move(receiver.id, id, 'confirm'));
		expect(settled).toMatchObject({ state: 'settled', settledMinutes: 90, turn: null });
		expect(settled.timeline.map((t) => t.move)).toEqual([
			'propose',
			'accept',
			'markDone',
			'confirm',
			'settle'
		]);

		const [entry] = await entriesFor(Q, id);
		expect(entry).toMatchObject({
			from: memberAccount(receiver.id),
			to: memberAccount(provider.id),
			minutes: 90,
			kind: 'exchange',
			key: id
		});
		expect(settled.ledgerSeq).toBe(entry!.seq);
		const after = await balances(Q);
		const change = (userId: string) =>
			balanceOf(after, memberAccount(userId)) - balanceOf(before, memberAccount(userId));
		expect(change(provider.id)).toBe(90);
		expect(change(receiver.id)).toBe(-90);

		// The log: the settlement took its place before it booked, and records the ledger entry.
		const events = await eventsOf(id);
		expect(events.map((e) => e.move)).toEqual([
			'propose',
			'accept',
			'markDone',
			'confirm',
			'settling',
			'settle'
		]);
		expect(events.at(-1)).toMatchObject({ by: 'system', minutes: 90, ledgerSeq: entry!.seq });

		// Another server that has seen nothing yet folds the same exchange.
		const other = server();
		expect((await other.get(receiver.id, id))!).toMatchObject({
			state: 'settled',
			ledgerSeq: entry!.seq
		});
		expect((await other.listOf(provider.id)).map((x) => x.id)).toEqual([id]);
		expect((await other.listOf(receiver.id))[0]).toMatchObject({
			id,
			mySide: 'receiver',
			state: 'settled',
			waitingForMe: false
		});
		// Both were told about the booking; the provider has read nothing yet.
		const moves = (await bell.list(provider.id)).map((n) => n.move);
		expect(moves).toEqual(['settle', 'propose']);
		await bell.markAllRead(provider.id, new Date());
		expect(await bell.unreadCount(provider.id)).toBe(0);
		expect((await bell.list(receiver.id)).map((n) => n.move)).toEqual([
			'settle',
			'markDone',
			'accept'
		]);
	});

	it('free help settles without a transfer', async () => {
		const provider = await person('Frida Frei');
		const receiver = await person('Gustav Gern');
		const s = server();
		const id = ok(
			await s.propose({
				actorId: provider.id,
				quarterId: Q,
				memberId: receiver.id,
				side: 'provider',
				title: 'Blumen gießen',
				minutes: 0,
				settlement: 'free',
				origin: ORIGIN
			})
		).id;
		ok(await s.move(receiver.id, id, 'accept'));
		ok(await s.move(provider.id, id, 'markDone'));
		const settled = ok(await s.move(receiver.id, id, 'confirm'));
		expect(settled).toMatchObject({ state: 'settled', settledMinutes: 0, ledgerSeq: null });
		expect(await entriesFor(Q, id)).toEqual([]);
	});
});

describe('refused proposals and moves', () => {
	it('refuses proposals that are not allowed', async () => {
		const s = server();
		const anna = await person('Anna');
		const pending = await person('Wartend', [[Q, 'resident', 'pending']]);
		const suspended = await person('Gesperrt', [[Q, 'resident', 'suspended']]);
		const foreign = await person('Fremd', [[OTHER, 'resident']]);
		const ownOffer = await offer(anna);
		const eurosOffer = await offer(anna, Q, 'euros');
		const propose = (
			actorId: string,
			target: { memberId?: string; listingId?: string },
			extra = {}
		) =>
			s.propose({
				actorId,
				quarterId: Q,
				...target,
				title: 'Hilfe',
				minutes: 60,
				settlement: 'hours',
				origin: ORIGIN,
				...extra
			});
		const bert = await person('Bert');
		const cases: [string, Promise<ExchangeResult>, string][] = [
			['with oneself', propose(anna.id, { memberId: anna.id }), 'same_member'],
			['from one’s own listing', propose(anna.id, { listingId: ownOffer }), 'same_member'],
			['to a pending member', propose(anna.id, { memberId: pending.id }), 'member_unavailable'],
			['to a suspended member', propose(anna.id, { memberId: suspended.id }), 'member_unavailable'],
			[
				'to another quarter’s member',
				propose(anna.id, { memberId: foreign.id }),
				'member_unavailable'
			],
			['by a suspended member', propose(suspended.id, { memberId: anna.id }), 'not_member'],
			['by a non-member', propose(foreign.id, { memberId: anna.id }), 'not_member'],
			[
				'not a quarter hour',
				propose(bert.id, { memberId: anna.id }, { minutes: 50 }),
				'invalid_minutes'
			],
			[
				'more than a day',
				propose(bert.id, { memberId: anna.id }, { minutes: 1500 }),
				'invalid_minutes'
			],
			['zero hours', propose(bert.id, { memberId: anna.id }, { minutes: 0 }), 'invalid_minutes'],
			[
				'hours for a euros offer',
				propose(bert.id, { listingId: eurosOffer }),
				'settlement_mismatch'
			],
			[
				'a listing that does not exist',
				propose(bert.id, { listingId: newId() }),
				'listing_unavailable'
			],
			['an empty title', propose(bert.id, { memberId: anna.id }, { title: '  ' }), 'title_required']
		];
		for (const [name, result, problem] of cases) {
			expect(await result, name).toEqual({ ok: false, problem });
		}
		// Free help from a euros offer is fine.
		expect((await propose(bert.id, { listingId: eurosOffer }, { settlement: 'free' })).ok).toBe(
			true
		);
		// Nothing refused reached anyone's list.
		expect((await s.listOf(pending.id)).length).toBe(0);
	});

	it('refuses every move by the wrong person or in the wrong state, and stores nothing', async () => {
		const s = server();
		const provider = await person('Piet');
		const receiver = await person('Rita');
		const stranger = await person('Fremde');
		const moderator = await person('Moderatorin', [[Q, 'moderator']]);
		const otherModerator = await person('Andere Moderation', [[OTHER, 'moderator']]);
		const receiverSuspended = await person('Rosa');
		const ids = {
			proposed: await exchangeUpTo(s, provider, receiver, 'proposed'),
			accepted: await exchangeUpTo(s, provider, receiver, 'accepted'),
			done: await exchangeUpTo(s, provider, receiver, 'done'),
			disputed: await exchangeUpTo(s, provider, receiver, 'disputed'),
			suspended: await exchangeUpTo(s, provider, receiverSuspended, 'done')
		};
		const { setMembershipState } = await import('../../src/lib/server/repos/memberships');
		await setMembershipState(Q, receiverSuspended.id, 'suspended');

		const who = { provider, receiver, stranger, moderator, otherModerator, receiverSuspended };
		// [state, actor, move, expected problem]
		const cases: [keyof typeof ids, keyof typeof who, PartyMove, string][] = [
			['proposed', 'receiver', 'accept', 'wrong_side'],
			['proposed', 'receiver', 'decline', 'wrong_side'],
			['proposed', 'stranger', 'accept', 'not_found'],
			['proposed', 'otherModerator', 'cancel', 'not_found'],
			['proposed', 'moderator', 'accept', 'not_a_party'],
			['proposed', 'provider', 'markDone', 'wrong_state'],
			['proposed', 'receiver', 'confirm', 'wrong_state'],
			['proposed', 'receiver', 'dispute', 'wrong_state'],
			['accepted', 'receiver', 'markDone', 'wrong_side'],
			['accepted', 'provider', 'decline', 'wrong_state'],
			['accepted', 'receiver', 'confirm', 'wrong_state'],
			['accepted', 'moderator', 'cancel', 'not_a_party'],
			['done', 'provider', 'confirm', 'wrong_side'],
			['done', 'receiver', 'cancel', 'wrong_state'],
			['done', 'provider', 'decline', 'wrong_state'],
			['done', 'stranger', 'confirm', 'not_found'],
			['done', 'moderator', 'confirm', 'not_a_party'],
			['disputed', 'receiver', 'confirm', 'wrong_state'],
			['disputed', 'provider', 'cancel', 'wrong_state'],
			['suspended', 'receiverSuspended', 'confirm', 'not_member']
		];
		const versions = async () =>
			Object.fromEntries(
				await Promise.all(
					Object.entries(ids).map(async ([k, id]) => [k, (await eventsOf(id)).length])
				)
			);
		const before = await versions();
		for (const [state, actor, move, problem] of cases) {
			const result = await s.move(who[actor].id, ids[state], move, { minutes: 60 });
			expect(result, `${move} in ${state} by ${actor}`).toEqual({ ok: false, problem });
		}
		// Moderator moves: only the quarter management of this quarter, only on a dispute.
		const modCases: [string, Promise<ExchangeResult>, string][] = [
			['a party settles', s.moderatorSettle(receiver.id, ids.disputed, 60, 'x'), 'not_moderator'],
			['a stranger cancels', s.moderatorCancel(stranger.id, ids.disputed, 'x'), 'not_found'],
			['another quarter', s.moderatorSettle(otherModerator.id, ids.disputed, 60, 'x'), 'not_found'],
			['not disputed', s.moderatorSettle(moderator.id, ids.done, 60, 'x'), 'wrong_state'],
			['no reason', s.moderatorSettle(moderator.id, ids.disputed, 60, '  '), 'reason_required'],
			['bad minutes', s.moderatorSettle(moderator.id, ids.disputed, 50, 'x'), 'invalid_minutes'],
			[
				'cancel without reason',
				s.moderatorCancel(moderator.id, ids.disputed, ''),
				'reason_required'
			]
		];
		for (const [name, result, problem] of modCases) {
			expect(await result, name).toEqual({ ok: false, problem });
		}
		expect(await versions()).toEqual(before);

		// Reading: the parties and the quarter management only.
		expect(await s.get(stranger.id, ids.done)).toBeNull();
		expect(await s.get(otherModerator.id, ids.done)).toBeNull();
		expect((await s.get(moderator.id, ids.disputed))!).toMatchObject({
			viewerSide: null,
			moves: ['moderatorSettle', 'moderatorCancel']
		});
		expect(await s.get(provider.id, 'not-an-id')).toBeNull();
	});

	it('a double click stores one move and answers both', async () => {
		const s = server();
		const provider = await person('Doppel');
		const receiver = await person('Klick');
		const id = await exchangeUpTo(s, provider, receiver, 'proposed');
		const [first, second] = await Promise.all([
			s.move(provider.id, id, 'accept'),
			s.move(provider.id, id, 'accept')
		]);
		expect([first.ok && first.repeated, second.ok && second.repeated].sort()).toEqual([
			false,
			true
		]);
		expect((await eventsOf(id)).map((e) => e.move)).toEqual(['propose', 'accept']);
		// A decline after the accept is refused, not stored.
		expect(await s.move(provider.id, id, 'decline')).toEqual({ ok: false, problem: 'wrong_state' });
	});
});

describe('one exchange per proposal form', () => {
	it('ten posts of the same form at once, on two servers, make one exchange', async () => {
		const [a, b] = [server(), server()];
		const provider = await person('Zehnmal');
		const receiver = await person('Gesendet');
		const form = {
			actorId: receiver.id,
			quarterId: Q,
			memberId: provider.id,
			side: 'receiver' as const,
			title: 'Umzugskartons tragen',
			minutes: 60,
			settlement: 'hours' as const,
			origin: ORIGIN,
			nonce: 'formular-schluessel-0123456789'
		};
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).propose(form))
		);
		const ids = new Set(results.map((r) => ok(r).id));
		expect(ids.size).toBe(1);
		expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
		expect((await a.listOf(receiver.id)).map((x) => x.id)).toEqual([...ids]);
		expect((await b.listOf(provider.id)).map((x) => x.id)).toEqual([...ids]);
		expect((await eventsOf([...ids][0]!)).map((e) => e.move)).toEqual(['propose']);
		// Another form (a new key) is another exchange.
		const next = ok(await a.propose({ ...form, nonce: 'formular-schluessel-9876543210' }));
		expect(ids.has(next.id)).toBe(false);
	});
});

describe('exactly one transfer', () => {
	it('two servers confirming the same exchange at once book once', async () => {
		const a = server();
		const b = server();
		const provider = await person('Zwei');
		const receiver = await person('Server');
		const id = await exchangeUpTo(a, provider, receiver, 'done');
		const results = await Promise.all([
			a.move(receiver.id, id, 'confirm'),
			b.move(receiver.id, id, 'confirm'),
			b.move(receiver.id, id, 'confirm'),
			a.move(receiver.id, id, 'confirm')
		]);
		for (const r of results) expect(r.ok).toBe(true);
		expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
		expect(await entriesFor(Q, id)).toHaveLength(1);
		const events = await eventsOf(id);
		expect(events.map((e) => e.move)).toEqual([
			'propose',
			'accept',
			'markDone',
			'confirm',
			'settling',
			'settle'
		]);
		expect((await server().get(provider.id, id))!.state).toBe('settled');
	});

	it('the auto-settle job racing a dispute: either settled with one transfer or disputed with none', async () => {
		const outcomes: string[] = [];
		// The dispute starts a little later each round, so that it lands before, during and after
		// the job's settlement.
		for (const delay of [0, 3, 6, 10, 15, 20, 30, 45]) {
			const a = server();
			const b = server();
			const provider = await person(`Rennen ${delay}`);
			const receiver = await person(`Streit ${delay}`);
			const start = new Date(Date.now() - 30 * DAY);
			const id = await exchangeUpTo(a, provider, receiver, 'done', { start });
			await a.runAutoSettle(new Date(start.getTime() + DAY)); // warm: nothing due yet
			const now = new Date();
			await Promise.all([
				a.runAutoSettle(now),
				new Promise((r) => setTimeout(r, delay)).then(() =>
					b.move(receiver.id, id, 'dispute', { now })
				)
			]);
			const state = (await server().get(provider.id, id))!.state;
			const transfers = await entriesFor(Q, id);
			expect(['settled', 'disputed']).toContain(state);
			expect(transfers).toHaveLength(state === 'settled' ? 1 : 0);
			outcomes.push(state);
		}
		console.log(`auto-settle vs dispute: ${outcomes.join(', ')}`);
	});

	it('while a settlement holds its place, moves by others wait', async () => {
		const s = server();
		const provider = await person('Platz');
		const receiver = await person('Halter');
		const id = await exchangeUpTo(s, provider, receiver, 'done');
		// Another server took the place for the auto-settlement (done two minutes after the start).
		const placedAt = new Date(Date.now() + 3 * MINUTE);
		await insertExchangeEvent({
			exchangeId: id,
			quarterId: Q,
			n: 4,
			move: 'settling',
			settling: 'autoSettle',
			by: 'system',
			at: placedAt,
			minutes: 90,
			afterDays: 0,
			holder: 'another-server'
		});
		const now = new Date(placedAt.getTime() + 1000);
		expect(await s.move(receiver.id, id, 'dispute', { now })).toEqual({
			ok: false,
			problem: 'busy'
		});
		expect((await s.get(receiver.id, id))!).toMatchObject({
			state: 'done',
			settling: true,
			moves: []
		});
		// When the holder has not finished within the timeout, this server finishes it: one
		// transfer, and the dispute is now refused.
		const finished = await s.runAutoSettle(new Date(placedAt.getTime() + SETTLING_TIMEOUT_MS));
		expect(finished.finished).toBeGreaterThanOrEqual(1);
		expect((await s.get(receiver.id, id))!.state).toBe('settled');
		expect(await entriesFor(Q, id)).toHaveLength(1);
		expect(await s.move(receiver.id, id, 'dispute')).toEqual({ ok: false, problem: 'wrong_state' });
	});

	it('a server that died between the transfer and the settled event: finished later, no second transfer', async () => {
		const s = server();
		const provider = await person('Absturz');
		const receiver = await person('Neustart');
		const id = await exchangeUpTo(s, provider, receiver, 'done');
		const before = await balances(Q);

		// What the dying server wrote: the confirm, the settlement's place, then the transfer.
		const at = new Date();
		await insertExchangeEvent({
			exchangeId: id,
			quarterId: Q,
			n: 4,
			move: 'confirm',
			by: receiver.id,
			at,
			minutes: 90
		});
		await insertExchangeEvent({
			exchangeId: id,
			quarterId: Q,
			n: 5,
			move: 'settling',
			settling: 'settle',
			by: 'system',
			at,
			minutes: 90,
			holder: 'dead-server'
		});
		const quarter = (await findQuarter(Q))!;
		const exchange = (await s.get(provider.id, id))!;
		expect(exchange).toMatchObject({ state: 'confirmed', settling: true, moves: [] });
		const draft = settlementDraft(id, { ...exchange, state: 'settled', settledMinutes: 90 });
		const booked = await new LedgerBook().transfer(Q, draft!, {
			by: 'system',
			now: at,
			limits: ledgerLimits(quarter)
		});
		if (!booked.ok) throw new Error(booked.problem.code);
		// ... and then it died.

		// While the place is fresh, others wait rather than book.
		const restarted = server();
		expect(await restarted.runAutoSettle(new Date(at.getTime() + 10_000))).toMatchObject({
			finished: 0
		});
		expect((await restarted.get(receiver.id, id))!.settling).toBe(true);

		const later = new Date(at.getTime() + SETTLING_TIMEOUT_MS);
		const [x, y] = await Promise.all([
			restarted.runAutoSettle(later),
			server().runAutoSettle(later)
		]);
		expect(x.finished + y.finished).toBe(1);
		const view = (await server().get(receiver.id, id))!;
		expect(view).toMatchObject({ state: 'settled', settling: false, ledgerSeq: booked.entry.seq });
		expect(await entriesFor(Q, id)).toHaveLength(1);
		const after = await balances(Q);
		expect(
			balanceOf(after, memberAccount(provider.id)) - balanceOf(before, memberAccount(provider.id))
		).toBe(90);
		expect((await eventsOf(id)).map((e) => e.move).slice(3)).toEqual([
			'confirm',
			'settling',
			'settle'
		]);
	});

	it('a server that died after taking the place, before the transfer: a page view finishes it once', async () => {
		const s = server();
		const provider = await person('Vorher');
		const receiver = await person('Nachher');
		const id = await exchangeUpTo(s, provider, receiver, 'done');
		const at = new Date(Date.now() - 2 * SETTLING_TIMEOUT_MS);
		await insertExchangeEvent({
			exchangeId: id,
			quarterId: Q,
			n: 4,
			move: 'confirm',
			by: receiver.id,
			at,
			minutes: 90
		});
		await insertExchangeEvent({
			exchangeId: id,
			quarterId: Q,
			n: 5,
			move: 'settling',
			settling: 'settle',
			by: 'system',
			at,
			minutes: 90,
			holder: 'dead-server'
		});
		const views = await Promise.all([server().get(provider.id, id), server().get(receiver.id, id)]);
		for (const v of views) expect(v!.state).toBe('settled');
		expect(await entriesFor(Q, id)).toHaveLength(1);
	});
});

describe('over the limits', () => {
	it('hours that could not be booked are refused when proposed, naming whose limit', async () => {
		const s = server();
		const provider = await person('Früh', [[TIGHT, 'resident']]);
		const receiver = await person('Geprüft', [[TIGHT, 'resident']]);
		const proposal = {
			actorId: receiver.id,
			quarterId: TIGHT,
			memberId: provider.id,
			side: 'receiver' as const,
			title: 'Zwölf Stunden Umzug',
			minutes: 120,
			settlement: 'hours' as const,
			origin: ORIGIN
		};
		expect(await s.propose(proposal)).toMatchObject({
			ok: false,
			problem: 'over_limit',
			ledger: {
				code: 'below_minimum',
				account: memberAccount(receiver.id),
				balanceAfter: -120,
				limit: -60
			}
		});
		expect(await s.listOf(receiver.id)).toEqual([]);
		// An hour fits; free help never touches the accounts.
		ok(await s.propose({ ...proposal, minutes: 60 }));
		ok(await s.propose({ ...proposal, minutes: 0, settlement: 'free' }));
	});

	it('accepting is refused once the hours no longer fit; the confirm stays the authority', async () => {
		const s = server();
		const provider = await person('Grenz', [[TIGHT, 'resident']]);
		const receiver = await person('Wert', [[TIGHT, 'resident']]);
		const first = await exchangeUpTo(s, provider, receiver, 'done', {
			quarterId: TIGHT,
			minutes: 60
		});
		const second = await exchangeUpTo(s, provider, receiver, 'proposed', {
			quarterId: TIGHT,
			minutes: 60
		});
		const third = await exchangeUpTo(s, provider, receiver, 'done', {
			quarterId: TIGHT,
			minutes: 60
		});
		// The first settles: the receiver is at her floor of −1 h.
		ok(await s.move(receiver.id, first, 'confirm'));
		expect(await s.move(provider.id, second, 'accept')).toMatchObject({
			ok: false,
			problem: 'over_limit',
			ledger: { code: 'below_minimum', account: memberAccount(receiver.id), limit: -60 }
		});
		expect((await s.get(provider.id, second))!.state).toBe('proposed');
		// Accepted before the balance moved, the third is refused at the confirm, and nothing changes.
		const result = await s.move(receiver.id, third, 'confirm');
		expect(result).toMatchObject({
			ok: false,
			problem: 'over_limit',
			ledger: { code: 'below_minimum', account: memberAccount(receiver.id), limit: -60 }
		});
		expect((await s.get(receiver.id, third))!.state).toBe('done');
		expect((await eventsOf(third)).length).toBe(3);
		// Disputed, the quarter management cannot book past the limit either.
		ok(await s.move(receiver.id, third, 'dispute'));
		const moderator = await person('Grenzmoderation', [[TIGHT, 'moderator']]);
		expect(await s.moderatorSettle(moderator.id, third, 30, 'Eine halbe Stunde')).toMatchObject({
			ok: false,
			problem: 'over_limit'
		});
		expect((await s.get(moderator.id, third))!.state).toBe('disputed');
		expect(balanceOf(await balances(TIGHT), memberAccount(receiver.id))).toBe(-60);
	});
});

describe('auto-settle', () => {
	it('settles after the quarter’s delay and not before; both parties are told', async () => {
		const s = server();
		const provider = await person('Still', [[WEEK, 'resident']]);
		const receiver = await person('Schweigsam', [[WEEK, 'resident']]);
		const start = new Date(Date.now() - 20 * DAY);
		const id = await exchangeUpTo(s, provider, receiver, 'done', { quarterId: WEEK, start });
		const doneAt = (await s.get(provider.id, id))!.doneAt!;
		expect((await s.get(provider.id, id))!.autoSettleAt).toEqual(
			new Date(doneAt.getTime() + 7 * DAY)
		);

		await s.runAutoSettle(new Date(doneAt.getTime() + 7 * DAY - 1));
		expect((await s.get(provider.id, id))!.state).toBe('done');
		expect(await entriesFor(WEEK, id)).toHaveLength(0);

		const due = new Date(doneAt.getTime() + 7 * DAY);
		await Promise.all([s.runAutoSettle(due), server().runAutoSettle(due)]);
		const settled = (await server().get(receiver.id, id))!;
		expect(settled).toMatchObject({ state: 'settled', settledMinutes: 90 });
		expect(settled.timeline.at(-1)).toMatchObject({ move: 'autoSettle', by: 'system' });
		expect(await entriesFor(WEEK, id)).toHaveLength(1);
		const bell = new Notifications();
		for (const who of [provider, receiver]) {
			expect((await bell.list(who.id))[0]).toMatchObject({ move: 'autoSettle', exchangeId: id });
		}
		const [mail] = await listMail(1, receiver.email);
		expect(mail!.subject).toContain('Ohne Rückmeldung nach 7 Tagen wurden 1:30 Std. gebucht');
	});
});

describe('disputes', () => {
	it('a different number of hours disputes; a moderator settles with chosen minutes, audited', async () => {
		const s = server();
		const provider = await person('Hilfreich');
		const receiver = await person('Skeptisch');
		const moderator = await person('Quartiersmanagement', [[Q, 'moderator']]);
		const id = await exchangeUpTo(s, provider, receiver, 'done');
		const disputed = ok(await s.move(receiver.id, id, 'confirm', { minutes: 60 }));
		expect(disputed).toMatchObject({ state: 'disputed', receiverMinutes: 60, turn: 'moderator' });
		expect((await s.listDisputed(Q)).map((x) => x.id)).toContain(id);
		expect(await entriesFor(Q, id)).toHaveLength(0);

		const before = await balances(Q);
		// The moderator settles on one server; the next page (the disputes list) may come from
		// another, which learns of the change from the request's marks (the qm_seen cookie).
		const settledOn = await withSeenMarks(undefined, () =>
			server().moderatorSettle(moderator.id, id, 75, 'Einigung am Telefon')
		);
		const settled = ok(settledOn.result);
		expect(settled).toMatchObject({ state: 'settled', settledMinutes: 75 });
		expect(settled.timeline.at(-1)).toMatchObject({
			move: 'moderatorSettle',
			by: moderator.id,
			minutes: 75,
			reason: 'Einigung am Telefon'
		});
		const [entry] = await entriesFor(Q, id);
		expect(entry).toMatchObject({ minutes: 75, by: moderator.id });
		const after = await balances(Q);
		expect(
			balanceOf(after, memberAccount(provider.id)) - balanceOf(before, memberAccount(provider.id))
		).toBe(75);
		expect(
			balanceOf(after, memberAccount(receiver.id)) - balanceOf(before, memberAccount(receiver.id))
		).toBe(-75);

		const audit = (await listAudit(Q, { offset: 0, limit: 100 })).entries.find(
			(a) => a.target.id === id
		);
		expect(audit).toMatchObject({
			actorId: moderator.id,
			action: 'exchange.moderatorSettle',
			reason: 'Einigung am Telefon',
			details: { minutes: 75, proposedMinutes: 90, receiverMinutes: 60, ledgerSeq: entry!.seq }
		});
		const { result: stillDisputed } = await withSeenMarks(settledOn.cookie ?? undefined, () =>
			s.listDisputed(Q)
		);
		expect(stillDisputed.map((x) => x.id)).not.toContain(id);
		// Settling again is a repeat, not a second booking.
		expect(await s.moderatorSettle(moderator.id, id, 75, 'nochmal')).toMatchObject({
			ok: true,
			repeated: true
		});
		expect(await entriesFor(Q, id)).toHaveLength(1);
	});

	it('a moderator cancels a dispute with a reason: audited, nothing booked', async () => {
		const s = server();
		const provider = await person('Nie');
		const receiver = await person('Gekommen');
		const moderator = await person('Vermittlung', [[Q, 'moderator']]);
		const id = await exchangeUpTo(s, provider, receiver, 'disputed');
		const cancelled = ok(await s.moderatorCancel(moderator.id, id, 'Es hat nie stattgefunden'));
		expect(cancelled.state).toBe('cancelled');
		expect(await entriesFor(Q, id)).toHaveLength(0);
		const audit = (await listAudit(Q, { offset: 0, limit: 100 })).entries.find(
			(a) => a.target.id === id
		);
		expect(audit).toMatchObject({
			action: 'exchange.moderatorCancel',
			reason: 'Es hat nie stattgefunden'
		});
		const bell = new Notifications();
		for (const who of [provider, receiver]) {
			expect((await bell.list(who.id))[0]).toMatchObject({ move: 'moderatorCancel' });
		}
	});
});

describe('start credit', () => {
	it('is booked once from the community account, however often it is granted', async () => {
		const newcomer = await person('Neu hier');
		const moderator = await person('Willkommen', [[Q, 'moderator']]);
		const before = await balances(Q);
		const results = await Promise.all([
			server().grantStartCredit(Q, newcomer.id, moderator.id),
			server().grantStartCredit(Q, newcomer.id, moderator.id),
			server().grantStartCredit(Q, newcomer.id, 'system')
		]);
		for (const r of results) expect(r.ok).toBe(true);
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		const entries = await entriesFor(Q, `start-credit:${newcomer.id}`);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			from: COMMUNITY,
			to: memberAccount(newcomer.id),
			minutes: 120
		});
		const after = await balances(Q);
		expect(balanceOf(after, memberAccount(newcomer.id))).toBe(120);
		expect(balanceOf(after, COMMUNITY) - balanceOf(before, COMMUNITY)).toBe(-120);
		expect((await new Notifications().list(newcomer.id)).map((n) => n.move)).toEqual([
			'startCredit'
		]);

		const waiting = await person('Noch nicht', [[Q, 'resident', 'pending']]);
		expect(await server().grantStartCredit(Q, waiting.id, moderator.id)).toEqual({
			ok: false,
			problem: 'not_member'
		});
	});
});

describe('thank-you notes', () => {
	it('after settling, each side once; shown to the other', async () => {
		const s = server();
		const provider = await person('Dankbar');
		const receiver = await person('Erfreut');
		const stranger = await person('Zaungast');
		const id = await exchangeUpTo(s, provider, receiver, 'done');
		expect(await s.leaveThanks(receiver.id, id, 'Danke!')).toEqual({
			ok: false,
			problem: 'not_settled'
		});
		ok(await s.move(receiver.id, id, 'confirm'));

		expect(await s.leaveThanks(stranger.id, id, 'Hallo')).toEqual({
			ok: false,
			problem: 'not_found'
		});
		expect(await s.leaveThanks(receiver.id, id, '   ')).toEqual({ ok: false, problem: 'empty' });
		expect(await s.leaveThanks(receiver.id, id, 'x'.repeat(501))).toEqual({
			ok: false,
			problem: 'too_long'
		});
		const twice = await Promise.all([
			s.leaveThanks(receiver.id, id, '  Danke für das schnelle Reparieren! 🚲  '),
			server().leaveThanks(receiver.id, id, 'Nochmal danke')
		]);
		expect(twice.map((r) => r.ok).sort()).toEqual([false, true]);
		expect(twice.find((r) => !r.ok)).toEqual({ ok: false, problem: 'already' });
		expect(await s.leaveThanks(provider.id, id, 'Gern geschehen.')).toEqual({ ok: true });

		const forProvider = await server().thanksFor(Q, provider.id);
		expect(forProvider).toHaveLength(1);
		expect(forProvider[0]).toMatchObject({
			exchangeId: id,
			authorId: receiver.id,
			authorName: 'Erfreut'
		});
		const forReceiver = await server().thanksFor(Q, receiver.id);
		expect(forReceiver.map((t) => t.text)).toEqual(['Gern geschehen.']);
		expect(await server().thanksFor(OTHER, provider.id)).toEqual([]);
	});
});
