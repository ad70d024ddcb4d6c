// Trade between quarters (docs/cross-quarter.md): the managements' switches, and settling an
// exchange between members of two quarters through both quarters' clearing accounts, exactly
// once and within the pair's limit, on a database without transactions or conditional updates.
//
// Settling is three inserts under unique keys, each idempotent, in this order:
//   1. the pair's log takes a `transfer` entry keyed by the exchange id, carrying the pair's net
//      after it: two settlements racing for the pair serialise on the entry's number, so the
//      second decides on a net that holds the first and the limit holds;
//   2. the paying quarter's ledger books member → clearing:<other quarter> (key: exchange id);
//   3. the other quarter's ledger books clearing:<paying quarter> → member (key: exchange id).
// A crash between the steps leaves the pair's entry: the next call (the settle job finishes a
// settlement left behind) finds it, and each ledger answers a repeated key with the entry booked
// first. If the paying member's ledger refuses (their limit), a `release` entry gives the pair's
// reservation back; the receiving leg cannot be refused after the paying one was booked without
// leaving the two ledgers apart, so it is booked with an override that names the reason.
import { appendAudit } from '../repos/audit';
import {
	checkTransfer,
	clearingAccount,
	DEFAULT_COMMUNITY_LIMITS,
	memberAccount,
	type LedgerEntry,
	type LedgerLimits,
	type TransferDraft,
	type TransferProblem
} from '../../domain/ledger/ledger';
import {
	applyTradeEntry,
	checkTradeTransfer,
	decideRelease,
	decideSwitch,
	decideTransfer,
	emptyPair,
	pairKey,
	pairOf,
	parsePairKey,
	partnerOf,
	tradeLimit,
	type PairState,
	type SwitchProblem,
	type TradeEntry,
	type TradeProblem
} from '../../domain/trade/pair';
import { isActiveMember } from '../../domain/members/roles';
import { Log } from '../logs';
import { listMembershipsOfUser, type Membership } from '../repos/memberships';
import { findQuarter, listQuarters, type Quarter } from '../repos/quarters';
import { listTradePairs, tradeStore } from '../repos/trade';
import { ledger as appLedger, type LedgerBook } from './ledger';

export interface CrossTransfer {
	/** The exchange id: the key in the pair's log and in both ledgers. */
	key: string;
	/** The quarter of the member who received the help and pays the hours. */
	fromQuarterId: string;
	receiverId: string;
	/** The quarter of the member who gave the help. */
	toQuarterId: string;
	providerId: string;
	minutes: number;
	memo: string;
	by: string;
	now: Date;
}

export type CrossResult =
	| { ok: true; fromSeq: number; toSeq: number; duplicate: boolean }
	| { ok: false; problem: TradeProblem | TransferProblem | { code: 'contention' } };

export interface PairView {
	partnerId: string;
	partnerName: string;
	/** This quarter's switch and the partner's. */
	own: { on: boolean; limitMinutes: number } | null;
	partner: { on: boolean; limitMinutes: number } | null;
	/** Open when both are on: the smaller limit. */
	limitMinutes: number | null;
	/** This quarter's clearing balance for the partner: positive when its members received more. */
	balance: number;
	transfers: number;
}

function limitsOf(quarter: Quarter): LedgerLimits {
	return { member: quarter.settings.timeBank, community: DEFAULT_COMMUNITY_LIMITS };
}

function legDrafts(t: CrossTransfer): { paying: TransferDraft; receiving: TransferDraft } {
	return {
		paying: {
			from: memberAccount(t.receiverId),
			to: clearingAccount(t.toQuarterId),
			minutes: t.minutes,
			kind: 'trade',
			key: t.key,
			memo: t.memo
		},
		receiving: {
			from: clearingAccount(t.fromQuarterId),
			to: memberAccount(t.providerId),
			minutes: t.minutes,
			kind: 'trade',
			key: t.key,
			memo: t.memo
		}
	};
}

/** One app server's view of the pairs' logs; tests make several to stand in for several servers. */
export class TradeBook {
	readonly log = new Log<PairState, TradeEntry>({
		name: 'trade',
		store: tradeStore,
		seqOf: (entry) => entry.seq,
		empty: (stream) => emptyPair(parsePairKey(stream) ?? { a: stream, b: stream }),
		apply: applyTradeEntry,
		// A switch or a transfer on another server must count at once (limits).
		freshMs: 0,
		maxStreams: 100
	});

	constructor(private readonly ledger: LedgerBook = appLedger) {}

	async state(quarterId: string, partnerId: string): Promise<PairState> {
		return this.log.read(pairKey(pairOf(quarterId, partnerId)));
	}

	/** A management switches trade with `partnerId` on (with its limit) or off; audited. */
	async switchTrade(input: {
		quarterId: string;
		partnerId: string;
		on: boolean;
		limitMinutes: number;
		by: string;
		now?: Date;
	}): Promise<{ ok: true } | { ok: false; problem: SwitchProblem | 'not_found' | 'contention' }> {
		const now = input.now ?? new Date();
		if (input.quarterId === input.partnerId) return { ok: false, problem: 'not_in_pair' };
		const [own, partner] = await Promise.all([
			findQuarter(input.quarterId),
			findQuarter(input.partnerId)
		]);
		if (!own || !partner) return { ok: false, problem: 'not_found' };
		const stream = pairKey(pairOf(own.id, partner.id));
		const change = { quarterId: own.id, on: input.on, limitMinutes: input.limitMinutes };
		const result = await this.log.append<SwitchProblem>(stream, (state, seq) => {
			const decided = decideSwitch(state, change, input.by, now);
			return decided.ok ? { ok: true, entry: { ...decided.entry, seq } } : decided;
		});
		if (!result.ok) return { ok: false, problem: result.problem };
		await appendAudit({
			id: `trade:${stream}:${result.seq}`,
			quarterId: own.id,
			at: now,
			actorId: input.by,
			action: input.on ? 'trade.switchedOn' : 'trade.switchedOff',
			target: { type: 'quarter', id: partner.id },
			reason: '',
			details: { partner: partner.name, limitMinutes: input.limitMinutes }
		});
		return { ok: true };
	}

	/** The limit for the pair when both managements have switched trade on, else null. */
	async openLimit(quarterId: string, partnerId: string): Promise<number | null> {
		if (quarterId === partnerId) return null;
		return tradeLimit(await this.state(quarterId, partnerId));
	}

	/** Every other quarter with this quarter's trade as it stands (for the management's page). */
	async pairsOf(quarterId: string): Promise<PairView[]> {
		const quarters = (await listQuarters()).filter((q) => q.id !== quarterId);
		const views: PairView[] = [];
		for (const partner of quarters) {
			const state = await this.state(quarterId, partner.id);
			const side = (id: string) => {
				const s = state.sides.get(id);
				return s ? { on: s.on, limitMinutes: s.limitMinutes } : null;
			};
			views.push({
				partnerId: partner.id,
				partnerName: partner.name,
				own: side(quarterId),
				partner: side(partner.id),
				limitMinutes: tradeLimit(state),
				balance: quarterId === state.pair.a ? state.net : -state.net,
				transfers: state.active.size
			});
		}
		return views.sort((x, y) => x.partnerName.localeCompare(y.partnerName, 'de'));
	}

	/** The quarters this quarter trades with now (both switched on). */
	async openPartners(quarterId: string): Promise<string[]> {
		const partners: string[] = [];
		for (const key of await listTradePairs()) {
			const pair = parsePairKey(key);
			if (!pair || (pair.a !== quarterId && pair.b !== quarterId)) continue;
			if (tradeLimit(await this.log.read(key)) !== null) partners.push(partnerOf(pair, quarterId));
		}
		return partners;
	}

	/** Whether the settlement would be taken now: the pair's limit and both members' limits. */
	async precheck(t: Omit<CrossTransfer, 'by' | 'now'>): Promise<CrossResult | null> {
		const state = await this.state(t.fromQuarterId, t.toQuarterId);
		if (state.active.has(t.key)) return null;
		const problem = checkTradeTransfer(state, t);
		if (problem) return { ok: false, problem };
		const [from, to] = await Promise.all([
			findQuarter(t.fromQuarterId),
			findQuarter(t.toQuarterId)
		]);
		if (!from || !to) return { ok: false, problem: { code: 'trade_closed' } };
		const legs = legDrafts({ ...t, by: '', now: new Date(0) });
		const paying = checkTransfer(await this.ledger.balances(from.id), legs.paying, limitsOf(from));
		if (paying) return { ok: false, problem: paying };
		const receiving = checkTransfer(
			await this.ledger.balances(to.id),
			legs.receiving,
			limitsOf(to)
		);
		return receiving ? { ok: false, problem: receiving } : null;
	}

	/** Settles once (see the top of this file); safe to call again after any crash. */
	async settle(t: CrossTransfer): Promise<CrossResult> {
		const [from, to] = await Promise.all([
			findQuarter(t.fromQuarterId),
			findQuarter(t.toQuarterId)
		]);
		if (!from || !to || from.id === to.id) return { ok: false, problem: { code: 'not_in_pair' } };
		const stream = pairKey(pairOf(from.id, to.id));
		const reserved = await this.log.append<TradeProblem>(stream, (state, seq) => {
			const decided = decideTransfer(
				state,
				{
					key: t.key,
					fromQuarterId: from.id,
					toQuarterId: to.id,
					minutes: t.minutes,
					memo: t.memo
				},
				t.by,
				t.now
			);
			if (!decided.ok || 'existing' in decided) return decided;
			return { ok: true, entry: { ...decided.entry, seq } as TradeEntry };
		});
		if (!reserved.ok) {
			return {
				ok: false,
				problem: reserved.problem === 'contention' ? { code: 'contention' } : reserved.problem
			};
		}
		const reservation = reserved.entry;
		if (reservation.kind !== 'transfer') throw new Error(`Trade ${t.key}: not a transfer`);
		// The reservation decides the minutes, whatever a retry asks for.
		const legs = legDrafts({ ...t, minutes: reservation.minutes });
		const context = { by: t.by, now: t.now };

		let paying = await this.ledger.transfer(from.id, legs.paying, {
			...context,
			limits: limitsOf(from)
		});
		if (!paying.ok && paying.problem.code !== 'contention') {
			// Decided on this server's book, which may lag: read on, and ask once more.
			await this.ledger.balances(from.id);
			paying = await this.ledger.transfer(from.id, legs.paying, {
				...context,
				limits: limitsOf(from)
			});
		}
		if (!paying.ok) {
			if (paying.problem.code === 'contention') return { ok: false, problem: paying.problem };
			const reason = paying.problem.code;
			await this.log.append<never>(stream, (state, seq) => {
				const decided = decideRelease(state, t.key, reason, t.by, t.now);
				if (!decided) return { ok: true, existing: state.transfers.at(-1) ?? reservation };
				return { ok: true, entry: { ...decided.entry, seq } };
			});
			return { ok: false, problem: paying.problem };
		}

		let receiving = await this.ledger.transfer(to.id, legs.receiving, {
			...context,
			limits: limitsOf(to)
		});
		if (!receiving.ok && receiving.problem.code !== 'contention') {
			receiving = await this.ledger.transfer(
				to.id,
				{
					...legs.receiving,
					override: {
						by: t.by,
						reason: `Tausch mit ${from.name}: in ${from.name} bereits gebucht (${paying.entry.seq})`
					}
				},
				{ ...context, limits: limitsOf(to) }
			);
		}
		if (!receiving.ok) return { ok: false, problem: { code: 'contention' } };
		return {
			ok: true,
			fromSeq: paying.entry.seq,
			toSeq: receiving.entry.seq,
			duplicate: reserved.duplicate && paying.duplicate && receiving.duplicate
		};
	}

	/** Transfers of the pair whose ledger legs are not both booked (a server stopped midway). */
	async unfinished(quarterId: string, partnerId: string): Promise<string[]> {
		const state = await this.state(quarterId, partnerId);
		const keys: string[] = [];
		const [a, b] = await Promise.all([
			this.ledger.entriesOf(state.pair.a, clearingAccount(state.pair.b)),
			this.ledger.entriesOf(state.pair.b, clearingAccount(state.pair.a))
		]);
		const booked = (entries: readonly LedgerEntry[]) => new Set(entries.map((e) => e.key));
		const inA = booked(a);
		const inB = booked(b);
		for (const key of state.active.keys()) if (!inA.has(key) || !inB.has(key)) keys.push(key);
		return keys;
	}
}

/** This app server's trade book, on the app's ledger. */
export const trade = new TradeBook();

/**
 * The person's active membership in a quarter that trades with `quarterId` now, if any: it lets
 * them see the details of its listings and members and propose exchanges there.
 */
export async function tradingMembership(
	userId: string,
	quarterId: string,
	book: TradeBook = trade
): Promise<Membership | null> {
	const partners = await book.openPartners(quarterId);
	for (const membership of await listMembershipsOfUser(userId, partners)) {
		if (isActiveMember(membership)) return membership;
	}
	return null;
}

/** A quarter's name, for the hint beside a partner quarter's listing. */
export async function findQuarterName(quarterId: string): Promise<string | null> {
	return (await findQuarter(quarterId))?.name ?? null;
}

/** Ids and names of the given quarters, in the given order (the header's quarter switcher). */
export async function quarterChoices(ids: string[]): Promise<Array<{ id: string; name: string }>> {
	const quarters = await Promise.all(ids.map((id) => findQuarter(id)));
	return quarters.flatMap((q) => (q ? [{ id: q.id, name: q.name }] : []));
}
