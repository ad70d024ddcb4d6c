// Trade between two quarters against the real FerretDB (docs/cross-quarter.md): both managements
// must switch it on; an exchange between members of the two settles through both clearing
// accounts; concurrent settlements on several "servers" never pass the pair's limit; a settlement
// left half-way resumes exactly once; `ledger:verify` sees the clearing balances mirror.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	clearingAccount,
	memberAccount,
	type LedgerEntry
} from '../../src/lib/domain/ledger/ledger';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { decideTransfer, pairKey, pairOf } from '../../src/lib/domain/trade/pair';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { insertQuarter } from '../../src/lib/server/repos/quarters';
import { listTradeEntries } from '../../src/lib/server/repos/trade';
import { insertUser } from '../../src/lib/server/repos/users';
import { createExchangeService } from '../../src/lib/server/services/exchanges';
import { LedgerBook } from '../../src/lib/server/services/ledger';
import { verifyLedgers } from '../../src/lib/server/services/ledger-verify';
import { Notifications } from '../../src/lib/server/services/notifications';
import { TradeBook, tradingMembership } from '../../src/lib/server/services/trade';

const RUN = randomBytes(3).toString('hex');
const LINDEN = `linden-${RUN}`;
const NORD = `nord-${RUN}`;
const ORIGIN = 'http://quartier.test';
const HOUR = 60;

async function person(name: string, quarterId: string): Promise<string> {
	const id = newId();
	await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: 'x' },
		new Date(),
		true
	);
	await insertMembership({ quarterId, userId: id, role: 'resident', state: 'active' }, new Date());
	return id;
}

let manager: string;

beforeAll(async () => {
	const base = { city: 'Teststadt', description: '', categories: [...DEFAULT_CATEGORIES] };
	const settings = { ...DEFAULT_QUARTER_SETTINGS, listingPreModeration: false };
	const now = new Date();
	await insertQuarter({ ...base, id: LINDEN, name: `Lindenhof ${RUN}`, settings }, now);
	await insertQuarter({ ...base, id: NORD, name: `Nordstadt ${RUN}`, settings }, now);
	manager = newId();
});

function server() {
	const ledger = new LedgerBook();
	return {
		ledger,
		trade: new TradeBook(ledger),
		exchanges: createExchangeService({ ledger, notifications: new Notifications(), mail: false })
	};
}

const legsOf = async (quarterId: string, key: string): Promise<LedgerEntry[]> =>
	(await listLedgerEntries(quarterId)).filter((e) => e.key === key);

describe('trade between two quarters', () => {
	it('opens only when both managements switch it on, the smaller limit counts, and each switch is audited', async () => {
		const { trade } = server();
		expect(await trade.openLimit(LINDEN, NORD)).toBeNull();
		expect(
			await trade.switchTrade({
				quarterId: LINDEN,
				partnerId: NORD,
				on: true,
				limitMinutes: 5 * HOUR,
				by: manager
			})
		).toEqual({ ok: true });
		expect(await trade.openLimit(NORD, LINDEN)).toBeNull();
		expect(await server().trade.openPartners(LINDEN)).toEqual([]);
		await trade.switchTrade({
			quarterId: NORD,
			partnerId: LINDEN,
			on: true,
			limitMinutes: 8 * HOUR,
			by: manager
		});
		// Another server sees it at once.
		expect(await server().trade.openLimit(LINDEN, NORD)).toBe(5 * HOUR);
		expect(await server().trade.openPartners(NORD)).toEqual([LINDEN]);
		// The same switch again changes nothing.
		expect(
			await trade.switchTrade({
				quarterId: NORD,
				partnerId: LINDEN,
				on: true,
				limitMinutes: 8 * HOUR,
				by: manager
			})
		).toEqual({ ok: false, problem: 'unchanged' });
		const audit = (await listAudit(LINDEN, { offset: 0, limit: 50 })).entries;
		expect(audit.map((a) => a.action)).toContain('trade.switchedOn');
		expect(
			(await listAudit(NORD, { offset: 0, limit: 50 })).entries.map((a) => a.action)
		).toContain('trade.switchedOn');
	});

	it('settles an exchange of a Lindenhof member with a Nordstadt member through both clearing accounts', async () => {
		const { exchanges } = server();
		const anna = await person('Anna Linden', LINDEN);
		const nils = await person('Nils Nord', NORD);
		expect((await tradingMembership(anna, NORD))?.quarterId).toBe(LINDEN);
		// Anna (Lindenhof) asks Nils (Nordstadt) for help: she receives, he provides.
		const proposed = await exchanges.propose({
			actorId: anna,
			quarterId: NORD,
			fromQuarterId: LINDEN,
			memberId: nils,
			side: 'receiver',
			title: 'Fahrrad reparieren',
			minutes: 2 * HOUR,
			settlement: 'hours',
			origin: ORIGIN
		});
		if (!proposed.ok) throw new Error(proposed.problem);
		const id = proposed.exchange.id;
		for (const [actor, move] of [
			[nils, 'accept'],
			[nils, 'markDone'],
			[anna, 'confirm']
		] as const) {
			// Each party is offered their move, though a member of another quarter than the exchange's.
			expect((await exchanges.get(actor, id))?.moves).toContain(move);
			const moved = await exchanges.move(actor, id, move);
			if (!moved.ok) throw new Error(`${move}: ${moved.problem}`);
		}
		expect((await exchanges.get(anna, id))?.state).toBe('settled');
		const [inLinden] = await legsOf(LINDEN, id);
		const [inNord] = await legsOf(NORD, id);
		expect(inLinden).toMatchObject({
			from: memberAccount(anna),
			to: clearingAccount(NORD),
			minutes: 2 * HOUR,
			kind: 'trade'
		});
		expect(inNord).toMatchObject({
			from: clearingAccount(LINDEN),
			to: memberAccount(nils),
			minutes: 2 * HOUR,
			kind: 'trade'
		});
		const verified = await verifyLedgers();
		const pair = verified.pairs.find((p) => p.pair.a === pairOf(LINDEN, NORD).a)!;
		expect(pair.problems).toEqual([]);
		expect(pair.settledWithoutTrade).toEqual([]);
		expect(pair.clearingA).toBe(-pair.clearingB);
		for (const q of verified.quarters.filter((q) => [LINDEN, NORD].includes(q.quarterId))) {
			expect(q.problems).toBe(0);
			expect(q.ledger.sum).toBe(0);
		}
	});

	it('never passes the pair limit under concurrent settlements on several servers', async () => {
		const servers = Array.from({ length: 4 }, server);
		const givers = await Promise.all(
			Array.from({ length: 3 }, (_, i) => person(`Geber ${i}`, NORD))
		);
		const takers = await Promise.all(
			Array.from({ length: 12 }, (_, i) => person(`Nehmer ${i}`, LINDEN))
		);
		const before = (await servers[0]!.trade.state(LINDEN, NORD)).net;
		const limit = (await servers[0]!.trade.openLimit(LINDEN, NORD))!;
		const results = await Promise.all(
			takers.map((receiverId, i) =>
				servers[i % servers.length]!.trade.settle({
					key: newId(),
					fromQuarterId: LINDEN,
					receiverId,
					toQuarterId: NORD,
					providerId: givers[i % givers.length]!,
					minutes: HOUR,
					memo: 'Gleichzeitig',
					by: 'system',
					now: new Date()
				})
			)
		);
		const won = results.filter((r) => r.ok).length;
		const room = Math.floor((limit - Math.abs(before)) / HOUR);
		expect(won).toBe(room);
		expect(
			results.filter((r) => !r.ok).every((r) => !r.ok && r.problem.code === 'over_trade_limit')
		).toBe(true);
		const state = await server().trade.state(LINDEN, NORD);
		expect(Math.abs(state.net)).toBeLessThanOrEqual(limit);
		const verified = await verifyLedgers();
		const pair = verified.pairs.find((p) => p.pair.a === pairOf(LINDEN, NORD).a)!;
		expect(pair.problems).toEqual([]);
		expect(pair.clearingA).toBe(-pair.clearingB);
		expect(Math.abs(pair.clearingA)).toBeLessThanOrEqual(limit);
	});

	it('help the other way brings the net back and is taken at the limit', async () => {
		const { trade } = server();
		const giver = await person('Gabi Linden', LINDEN);
		const taker = await person('Tom Nord', NORD);
		const before = (await trade.state(LINDEN, NORD)).net;
		const result = await trade.settle({
			key: newId(),
			fromQuarterId: NORD,
			receiverId: taker,
			toQuarterId: LINDEN,
			providerId: giver,
			minutes: HOUR,
			memo: 'Zurück',
			by: 'system',
			now: new Date()
		});
		expect(result.ok).toBe(true);
		const after = (await trade.state(LINDEN, NORD)).net;
		expect(Math.abs(after)).toBe(Math.abs(before) - HOUR);
	});

	it('finishes a settlement left half-way exactly once, whichever server resumes it', async () => {
		const first = server();
		const anna = await person('Anna Abbruch', NORD);
		const lena = await person('Lena Linden', LINDEN);
		const key = newId();
		const transfer = {
			key,
			fromQuarterId: NORD,
			receiverId: anna,
			toQuarterId: LINDEN,
			providerId: lena,
			minutes: HOUR,
			memo: 'Unterbrochen',
			by: 'system',
			now: new Date()
		};
		// The first server took the pair's entry and booked the paying leg, then stopped.
		await first.trade.log.append(pairKey(pairOf(LINDEN, NORD)), (state, seq) => {
			const decided = decideTransfer(state, transfer, 'system', transfer.now);
			if (!decided.ok || 'existing' in decided) throw new Error('not taken');
			return { ok: true, entry: { ...decided.entry, seq } };
		});
		await first.ledger.transfer(
			NORD,
			{
				from: memberAccount(anna),
				to: clearingAccount(LINDEN),
				minutes: HOUR,
				kind: 'trade',
				key,
				memo: 'Unterbrochen'
			},
			{
				by: 'system',
				now: transfer.now,
				limits: {
					member: DEFAULT_QUARTER_SETTINGS.timeBank,
					community: DEFAULT_QUARTER_SETTINGS.timeBank
				}
			}
		);
		expect((await verifyLedgers()).pairs.find((p) => p.pending.includes(key))).toBeTruthy();
		expect(await server().trade.unfinished(LINDEN, NORD)).toEqual([key]);
		// Two other servers resume at once; then the first one once more.
		const resumed = await Promise.all([
			server().trade.settle(transfer),
			server().trade.settle(transfer)
		]);
		expect(resumed.every((r) => r.ok)).toBe(true);
		const again = await first.trade.settle(transfer);
		expect(again).toMatchObject({ ok: true, duplicate: true });
		expect(await legsOf(NORD, key)).toHaveLength(1);
		expect(await legsOf(LINDEN, key)).toHaveLength(1);
		const pairLog = await listTradeEntries(pairKey(pairOf(LINDEN, NORD)));
		expect(pairLog.filter((e) => e.kind === 'transfer' && e.key === key)).toHaveLength(1);
		const pair = (await verifyLedgers()).pairs.find((p) => p.pair.a === pairOf(LINDEN, NORD).a)!;
		expect(pair.pending).toEqual([]);
		expect(pair.problems).toEqual([]);
	});

	it('gives the reservation back when the paying member is at their limit', async () => {
		const { trade, ledger } = server();
		const poor = await person('Paul Pleite', LINDEN);
		const giver = await person('Greta Nord', NORD);
		const limits = {
			member: DEFAULT_QUARTER_SETTINGS.timeBank,
			community: { minBalanceMinutes: -1e9, maxBalanceMinutes: 1e9 }
		};
		// Paul gives all he may to the community account first: he is at his lower limit.
		await ledger.transfer(
			LINDEN,
			{
				from: memberAccount(poor),
				to: 'community',
				minutes: -DEFAULT_QUARTER_SETTINGS.timeBank.minBalanceMinutes,
				kind: 'donation',
				key: `donation:${poor}`,
				memo: 'Spende'
			},
			{ by: poor, now: new Date(), limits }
		);
		// The state is folded in place: keep the figures, not the object.
		const {
			net: netBefore,
			releases: { length: releasesBefore }
		} = await trade.state(LINDEN, NORD);
		const result = await trade.settle({
			key: newId(),
			fromQuarterId: LINDEN,
			receiverId: poor,
			toQuarterId: NORD,
			providerId: giver,
			minutes: 15,
			memo: 'Zu viel',
			by: 'system',
			now: new Date()
		});
		expect(result).toMatchObject({ ok: false, problem: { code: 'below_minimum' } });
		const after = await trade.state(LINDEN, NORD);
		expect(after.net).toBe(netBefore);
		expect(after.releases.length).toBe(releasesBefore + 1);
		const pair = (await verifyLedgers()).pairs.find((p) => p.pair.a === pairOf(LINDEN, NORD).a)!;
		expect(pair.problems).toEqual([]);
	});

	it('refuses a proposal across quarters once one management switches trade off', async () => {
		const { trade, exchanges } = server();
		const a = await person('Ada Linden', LINDEN);
		const b = await person('Bert Nord', NORD);
		await trade.switchTrade({
			quarterId: NORD,
			partnerId: LINDEN,
			on: false,
			limitMinutes: 8 * HOUR,
			by: manager
		});
		const refused = await exchanges.propose({
			actorId: a,
			quarterId: NORD,
			fromQuarterId: LINDEN,
			memberId: b,
			title: 'Einkaufen',
			minutes: HOUR,
			settlement: 'hours',
			origin: ORIGIN
		});
		expect(refused).toMatchObject({ ok: false, problem: 'not_member' });
		expect(await tradingMembership(a, NORD)).toBeNull();
		expect(
			(await listAudit(NORD, { offset: 0, limit: 50 })).entries.map((x) => x.action)
		).toContain('trade.switchedOff');
	});
});
