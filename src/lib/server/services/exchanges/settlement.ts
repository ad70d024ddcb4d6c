// Settling hours exactly once through the ledger, and the auto-settle job.
//
// Settling (after confirm, by the job, or by a moderator) first stores a `settling` event that
// holds the exchange's place, then books the transfer with the exchange id as idempotency key,
// then stores the settling move with the ledger's sequence number. A server that dies between
// these steps leaves the `settling` event; the next call, page view or job run finishes it, and
// the ledger answers the second booking with the entry booked first. Over the limits, the place
// is given back (`settlementRefused`) and the exchange stays where it was.
import {
	alreadyMade,
	logEventOf,
	mayFinish,
	mayRetrySettlement,
	pendingRequest,
	runMove,
	expectedSettlementDraft,
	settlementDraft,
	settlingEventOf,
	type MoveRequest
} from '../../../domain/exchanges/log';
import {
	autoSettleDue,
	SYSTEM,
	type Actor,
	type Exchange
} from '../../../domain/exchanges/workflow';
import { userIdOf } from '../../../domain/ledger/accounts';
import type { TradeProblem } from '../../../domain/trade/pair';
import type { CrossQuarter } from '../../repos/exchanges';
import {
	checkTransfer,
	clearingAccount,
	DEFAULT_COMMUNITY_LIMITS,
	type LedgerLimits,
	type TransferDraft,
	type TransferProblem
} from '../../../domain/ledger/ledger';
import { appendAudit } from '../../repos/audit';
import { quarterList } from '../../repos/exchanges';
import { findQuarter, listQuarterIds, type Quarter } from '../../repos/quarters';
import { announce } from './announce';
import type { ExchangeContext } from './context';
import {
	appendEvent,
	loadExchange,
	readList,
	warmQuarter,
	type Loaded,
	type Written
} from './read-model';
import { logger } from '../../logger.js';

export type SettleRequest = Extract<
	MoveRequest,
	{ move: 'settle' | 'autoSettle' | 'moderatorSettle' }
>;

/** The ledger limits of a quarter: its members' time-bank setting, the community's own. */
export function ledgerLimits(quarter: Quarter): LedgerLimits {
	return { member: quarter.settings.timeBank, community: DEFAULT_COMMUNITY_LIMITS };
}

/** Whether the ledger would refuse the transfer of the settled exchange `settle` returns. */
export async function precheck(
	ctx: ExchangeContext,
	exchangeId: string,
	quarter: Quarter,
	settle: (l: Loaded) => ReturnType<typeof runMove> | null
): Promise<TransferProblem | null> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded) return null;
	const settled = settle(loaded);
	if (!settled?.ok) return null; // the move itself is refused later, with its own reason
	const draft = settlementDraft(exchangeId, settled.exchange);
	if (loaded.cross) return crossProblem(ctx, loaded.cross, draft);
	return checkLimits(ctx, quarter, draft);
}

/**
 * Whether the hours of `exchange` as proposed would fit both time accounts now (domain
 * expectedSettlementDraft): null when they fit or nothing would be booked.
 */
export async function limitProblem(
	ctx: ExchangeContext,
	exchangeId: string,
	exchange: Exchange,
	quarter: Quarter,
	cross: CrossQuarter | null = null
): Promise<TransferProblem | null> {
	const draft = expectedSettlementDraft(exchangeId, exchange);
	if (cross) return crossProblem(ctx, cross, draft);
	return checkLimits(ctx, quarter, draft);
}

/** The draft between two members as a cross-quarter transfer (services/trade.ts). */
function crossTransferOf(cross: CrossQuarter, draft: TransferDraft) {
	const receiverId = userIdOf(draft.from);
	const providerId = userIdOf(draft.to);
	if (!receiverId || !providerId) throw new Error(`Exchange ${draft.key}: not between members`);
	// The member whose account is debited received the help (settlementTransfer).
	return {
		key: draft.key,
		fromQuarterId: cross.receiverQuarterId,
		receiverId,
		toQuarterId: cross.providerQuarterId,
		providerId,
		minutes: draft.minutes,
		memo: draft.memo
	};
}

/** Whether the pair's limit and both members' limits would take the hours now. */
async function crossProblem(
	ctx: ExchangeContext,
	cross: CrossQuarter,
	draft: TransferDraft | null
): Promise<TransferProblem | null> {
	if (!draft) return null;
	const refused = await ctx.trade.precheck(crossTransferOf(cross, draft));
	if (!refused || refused.ok) return null;
	return asTransferProblem(refused.problem, cross);
}

/**
 * A refusal as the exchange pages show it: the pair's limit or closed trade is a limit of the
 * receiving member's quarter's clearing account (its Verrechnungskonto), in the ledger's terms.
 */
function asTransferProblem(
	problem: TradeProblem | TransferProblem | { code: 'contention' },
	cross: CrossQuarter
): TransferProblem {
	switch (problem.code) {
		case 'over_trade_limit':
			return {
				code: 'above_maximum',
				account: clearingAccount(cross.providerQuarterId),
				balanceAfter: Math.abs(problem.netAfter),
				limit: problem.limit
			};
		case 'trade_closed':
		case 'not_in_pair':
		case 'contention':
			return {
				code: 'above_maximum',
				account: clearingAccount(cross.providerQuarterId),
				balanceAfter: 0,
				limit: 0
			};
		default:
			return problem;
	}
}

async function checkLimits(
	ctx: ExchangeContext,
	quarter: Quarter,
	draft: TransferDraft | null
): Promise<TransferProblem | null> {
	if (!draft) return null;
	const balances = await ctx.ledger.balances(quarter.id);
	return checkTransfer(balances, draft, ledgerLimits(quarter));
}

/**
 * Takes the exchange's place with a `settling` event, then books and records the settlement.
 * Runs inside the exchange's queue.
 */
export async function settleLocked(
	ctx: ExchangeContext,
	exchangeId: string,
	actor: Actor,
	request: SettleRequest,
	quarter: Quarter,
	now: Date
): Promise<Written> {
	const problem = await precheck(ctx, exchangeId, quarter, (l) =>
		runMove(l.record.exchange, actor, request, now)
	);
	if (problem) return { ok: false, problem: 'over_limit', ledger: problem };
	const afterDays = request.move === 'autoSettle' ? request.afterDays : undefined;
	const placed = await appendEvent(ctx.model, exchangeId, (l) => {
		const moved = runMove(l.record.exchange, actor, request, now);
		if (!moved.ok) {
			if (moved.error === 'wrong_state' && alreadyMade(l.record.exchange, actor.id, request.move)) {
				return { answer: { ok: true, loaded: l, event: null, repeated: true } };
			}
			return { answer: { ok: false, problem: moved.error } };
		}
		if (l.record.pending) return { answer: { ok: false, problem: 'busy' } };
		return {
			write: settlingEventOf(moved.event, l.record.version + 1, ctx.holder, afterDays)
		};
	});
	if (!placed.ok || !placed.event) return placed;
	return finish(ctx, exchangeId, quarter, now);
}

/**
 * Finishes the pending settlement: books the transfer (a duplicate if it was booked before)
 * and records the settling move, or gives the place back when the ledger refuses.
 */
async function finish(
	ctx: ExchangeContext,
	exchangeId: string,
	quarter: Quarter,
	now: Date
): Promise<Written> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded) return { ok: false, problem: 'not_found' };
	const pending = loaded.record.pending;
	if (!pending) return { ok: true, loaded, event: null };
	if (!mayFinish(pending, ctx.holder, now)) return { ok: false, problem: 'busy' };
	// Never before the place was taken, whatever clock the caller has.
	if (now < pending.at) now = pending.at;
	const { actor, request } = pendingRequest(pending);
	const moved = runMove(loaded.record.exchange, actor, request, now);
	if (!moved.ok) {
		throw new Error(
			`Exchange ${exchangeId}: pending ${pending.move} no longer fits (${moved.error})`
		);
	}
	const draft = settlementDraft(exchangeId, moved.exchange);
	let ledgerSeq: number | undefined;
	if (draft && loaded.cross) {
		const cross = loaded.cross;
		const booked = await ctx.trade.settle({
			...crossTransferOf(cross, draft),
			by: pending.by,
			now
		});
		if (!booked.ok) {
			if (booked.problem.code === 'contention') return { ok: false, problem: 'contention' };
			const ledgerProblem = asTransferProblem(booked.problem, cross);
			return refuse(ctx, exchangeId, pending.n, now, ledgerProblem);
		}
		// The exchange's own quarter's leg is the one its log names.
		ledgerSeq = quarter.id === cross.receiverQuarterId ? booked.fromSeq : booked.toSeq;
	} else if (draft) {
		const context = { by: pending.by, now, limits: ledgerLimits(quarter) };
		let booked = await ctx.ledger.transfer(quarter.id, draft, context);
		if (!booked.ok && booked.problem.code !== 'contention') {
			// A refusal is decided on this server's book, which may lag behind: catch up (another
			// server may have booked this very key) and ask once more before giving the place back.
			await ctx.ledger.balances(quarter.id);
			booked = await ctx.ledger.transfer(quarter.id, draft, context);
		}
		if (!booked.ok) {
			if (booked.problem.code === 'contention') return { ok: false, problem: 'contention' };
			return refuse(ctx, exchangeId, pending.n, now, booked.problem);
		}
		if (booked.entry.minutes !== draft.minutes || booked.entry.from !== draft.from) {
			// Cannot happen while every settlement goes through its place holder; say so loudly.
			logger.error(
				`Exchange ${exchangeId}: ledger entry ${booked.entry.seq} differs from the settlement`
			);
		}
		ledgerSeq = booked.entry.seq;
	}
	if (pending.move === 'moderatorSettle') {
		// Before the event: a settled exchange always has its audit entry, whoever finishes it.
		await appendAudit({
			id: `exchange:${exchangeId}:${pending.n}`,
			quarterId: quarter.id,
			at: pending.at,
			actorId: pending.by,
			action: 'exchange.moderatorSettle',
			target: { type: 'exchange', id: exchangeId },
			reason: pending.reason ?? '',
			details: {
				title: loaded.record.exchange.title,
				from: loaded.record.exchange.state,
				minutes: pending.minutes,
				proposedMinutes: loaded.record.exchange.minutes,
				receiverMinutes: loaded.record.exchange.receiverMinutes,
				ledgerSeq: ledgerSeq ?? null
			}
		});
	}
	const recorded = await appendEvent(ctx.model, exchangeId, (l) => {
		if (l.record.pending?.n !== pending.n) return { answer: { ok: true, loaded: l, event: null } };
		return {
			write: logEventOf(moved.event, l.record.version + 1, {
				...(pending.afterDays !== undefined ? { afterDays: pending.afterDays } : {}),
				...(ledgerSeq !== undefined ? { ledgerSeq } : {})
			})
		};
	});
	if (recorded.ok && recorded.event) await announce(ctx, recorded.loaded, recorded.event, now);
	return recorded;
}

/** Gives the settlement's place back: the ledger (or the pair's limit) refused the hours. */
async function refuse(
	ctx: ExchangeContext,
	exchangeId: string,
	pendingN: number,
	now: Date,
	ledgerProblem: TransferProblem
): Promise<Written> {
	const released = await appendEvent(ctx.model, exchangeId, (l) =>
		l.record.pending?.n === pendingN
			? {
					write: {
						n: l.record.version + 1,
						move: 'settlementRefused',
						by: SYSTEM,
						at: now,
						problem: ledgerProblem.code
					}
				}
			: { answer: { ok: true, loaded: l, event: null } }
	);
	if (released.ok && released.event) await announce(ctx, released.loaded, released.event, now);
	return { ok: false, problem: 'over_limit', ledger: ledgerProblem };
}

/** Finishes a settlement another server left behind (it died, or is far too slow). */
export async function finishStale(
	ctx: ExchangeContext,
	exchangeId: string,
	now: Date
): Promise<void> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	const pending = loaded?.record.pending;
	if (!loaded || !pending || !mayFinish(pending, ctx.holder, now)) return;
	const quarter = await findQuarter(loaded.quarterId);
	if (quarter) await finish(ctx, exchangeId, quarter, now);
}

/**
 * The job: settles `done` exchanges whose receiver stayed silent past the quarter's delay,
 * books `confirmed` ones whose settlement did not go through, and finishes settlements a
 * server left behind. Every app server may run it; each exchange settles once.
 */
export async function runAutoSettle(
	ctx: ExchangeContext,
	now = new Date()
): Promise<{ settled: number; finished: number; refused: number }> {
	let settled = 0;
	let finished = 0;
	let refused = 0;
	for (const quarterId of await listQuarterIds()) {
		const quarter = await findQuarter(quarterId);
		if (!quarter) continue;
		await warmQuarter(ctx.model, quarterId);
		const days = quarter.settings.autoSettleAfterDays;
		for (const id of await readList(ctx.model, quarterList(quarterId))) {
			const loaded = await loadExchange(ctx.model, id);
			if (!loaded) continue;
			const { record } = loaded;
			const { exchange, pending } = record;
			let kind: 'finish' | 'settle' | 'autoSettle' | null = null;
			if (pending) kind = mayFinish(pending, ctx.holder, now) ? 'finish' : null;
			else if (!mayRetrySettlement(record, now)) kind = null;
			else if (exchange.state === 'confirmed') kind = 'settle';
			else if (exchange.state === 'done' && autoSettleDue(exchange, now, days)) kind = 'autoSettle';
			if (!kind) continue;
			try {
				const result = await ctx.model.queue.run(id, async () => {
					if (kind === 'finish') return finish(ctx, id, quarter, now);
					const system: Actor = { id: SYSTEM, moderator: false };
					const request: SettleRequest =
						kind === 'settle' ? { move: 'settle' } : { move: 'autoSettle', afterDays: days };
					return settleLocked(ctx, id, system, request, quarter, now);
				});
				if (result.ok && result.event) {
					if (kind === 'finish') finished++;
					else settled++;
				} else if (!result.ok && result.problem === 'over_limit') refused++;
			} catch (err) {
				// One broken exchange must not hold up the others.
				logger.error({ err }, `Auto-settle of exchange ${id} failed`);
			}
		}
	}
	return { settled, finished, refused };
}
