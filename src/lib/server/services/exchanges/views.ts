// Reading exchanges: one exchange as a party or the quarter management sees it, the lists of a
// person's and a quarter's exchanges, the disputes that wait, and records for reports.
import { mayFinish, type ExchangeRecord } from '../../../domain/exchanges/log';
import {
	allowedMoves,
	movesToOffer,
	autoSettleDueAt,
	sideOf,
	SYSTEM,
	type ExchangeState,
	type Payment,
	type PersonMove,
	type SettlementKind,
	type Side,
	type TimelineEvent,
	type Turn
} from '../../../domain/exchanges/workflow';
import { isActiveMember, isManagement } from '../../../domain/members/roles';
import { findMembership } from '../../repos/memberships';
import { findQuarter } from '../../repos/quarters';
import { findUserById } from '../../repos/users';
import type { ExchangeContext } from './context';
import { loadExchange, loadQuarter, readList, warmQuarter, type Loaded } from './read-model';
import { finishStale } from './settlement';

export interface ExchangeView {
	id: string;
	quarterId: string;
	providerId: string;
	receiverId: string;
	proposedBy: Side;
	listingId: string | null;
	title: string;
	date: Date | null;
	minutes: number;
	settlement: SettlementKind;
	/** Euros only: the agreed price in cents. */
	amountCents: number | null;
	state: ExchangeState;
	turn: Turn;
	doneAt: Date | null;
	receiverMinutes: number | null;
	settledMinutes: number | null;
	payment: Payment | null;
	cashPaidBy: readonly Side[];
	refundedCents: number;
	timeline: readonly TimelineEvent[];
	/** Display names of both parties and of everyone in the timeline, by user id. */
	names: Record<string, string>;
	/** The viewer's side, or null for the quarter management. */
	viewerSide: Side | null;
	/** The buttons to show the viewer. Empty while the hours are being booked. */
	moves: readonly PersonMove[];
	/** Hours are being booked right now (a moment; the page may reload). */
	settling: boolean;
	/** The ledger entry that settled the exchange, when hours were booked. */
	ledgerSeq: number | null;
	/** Settlements the ledger refused (a balance would have left its limits). */
	refusals: ExchangeRecord['refusals'];
	/** When a `done` exchange settles by itself unless the receiver answers. */
	autoSettleAt: Date | null;
	lastAt: Date;
}

export interface ExchangeSummary {
	id: string;
	quarterId: string;
	title: string;
	state: ExchangeState;
	turn: Turn;
	minutes: number;
	settlement: SettlementKind;
	date: Date | null;
	/** Null in the quarter management's lists. */
	mySide: Side | null;
	providerId: string;
	receiverId: string;
	names: Record<string, string>;
	/** The exchange waits for this person's move. */
	waitingForMe: boolean;
	lastAt: Date;
}

/** A disputed exchange for the quarter management's list: what is at stake and who said why. */
export interface DisputeSummary extends ExchangeSummary {
	amountCents: number | null;
	/** The minutes the receiver confirmed, when they confirmed other hours. */
	receiverMinutes: number | null;
	/** The move that made it disputed (a party's dispute or confirmation of other hours). */
	disputed: { by: string; at: Date; reason: string | null } | null;
}

/** The exchange for its two parties and the quarter management of its quarter; else null. */
export async function getExchange(
	ctx: ExchangeContext,
	viewerId: string,
	exchangeId: string,
	now = new Date()
): Promise<ExchangeView | null> {
	let loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded) return null;
	const side = sideOf(loaded.record.exchange, viewerId);
	const party = side !== null;
	// A party from the other quarter of a cross-quarter exchange is a member there.
	const cross = loaded.cross;
	const membership = await findMembership(
		cross && side
			? side === 'provider'
				? cross.providerQuarterId
				: cross.receiverQuarterId
			: loaded.quarterId,
		viewerId
	);
	const moderator = isManagement(membership);
	if (!party && !moderator) return null;
	if (loaded.record.pending && mayFinish(loaded.record.pending, ctx.holder, now)) {
		await ctx.model.queue.run(exchangeId, () => finishStale(ctx, exchangeId, now));
		loaded = (await loadExchange(ctx.model, exchangeId)) ?? loaded;
	}
	return view(loaded, viewerId, moderator && isActiveMember(membership), membership);
}

/**
 * The moves of a quarter's exchanges that the quarter management recorded for an assisted
 * member: who made each (the member) and who recorded it, by exchange id (empty for an unknown
 * one). The quarter is read once per server first, so a statement with a year of exchanges
 * costs no query per row. For marks only: the caller shows them where the exchange may be shown.
 */
export async function recordedActs(
	ctx: ExchangeContext,
	quarterId: string,
	exchangeIds: readonly string[]
): Promise<Map<string, { by: string; recordedBy: string }[]>> {
	await warmQuarter(ctx.model, quarterId);
	const loaded = await Promise.all(exchangeIds.map((id) => loadExchange(ctx.model, id)));
	return new Map(
		exchangeIds.map((id, i) => [
			id,
			(loaded[i]?.record.exchange.timeline ?? []).flatMap((t) =>
				t.recordedBy ? [{ by: t.by, recordedBy: t.recordedBy }] : []
			)
		])
	);
}

/** A person's exchanges in all quarters, latest activity first. */
export async function listOf(ctx: ExchangeContext, userId: string): Promise<ExchangeSummary[]> {
	const ids = await readList(ctx.model, userId);
	const loaded = (await Promise.all(ids.map((id) => loadExchange(ctx.model, id)))).filter(
		(l): l is Loaded => l !== null && sideOf(l.record.exchange, userId) !== null
	);
	return summaries(loaded, userId);
}

/** A quarter's disputed exchanges, oldest first: whoever waits longest is looked at first.
 * Only for the quarter management (the page guards). */
export async function listDisputed(
	ctx: ExchangeContext,
	quarterId: string
): Promise<DisputeSummary[]> {
	const disputed = await disputedOf(ctx, quarterId);
	const records = new Map(disputed.map((l) => [l.id, l.record.exchange]));
	return (await summaries(disputed, null)).reverse().map((summary) => {
		const e = records.get(summary.id)!;
		const opened = e.timeline.findLast((t) => t.toState === 'disputed') ?? null;
		return {
			...summary,
			amountCents: e.amountCents,
			receiverMinutes: e.receiverMinutes,
			disputed: opened && { by: opened.by, at: opened.at, reason: opened.reason ?? null }
		};
	});
}

/** How many disputes wait: for the cockpit's menu on every page, without the names. */
export async function countDisputed(ctx: ExchangeContext, quarterId: string): Promise<number> {
	return (await disputedOf(ctx, quarterId)).length;
}

async function disputedOf(ctx: ExchangeContext, quarterId: string): Promise<Loaded[]> {
	return (await loadQuarter(ctx.model, quarterId)).filter(
		(l) => l.record.exchange.state === 'disputed'
	);
}

/** A quarter's exchanges as records (for reports such as the impact dashboard). */
export async function recordsOfQuarter(
	ctx: ExchangeContext,
	quarterId: string
): Promise<Array<{ id: string; record: ExchangeRecord }>> {
	return (await loadQuarter(ctx.model, quarterId)).map((l) => ({ id: l.id, record: l.record }));
}

async function summaries(loaded: Loaded[], userId: string | null): Promise<ExchangeSummary[]> {
	const names = await namesOf(
		loaded.flatMap((l) => [l.record.exchange.providerId, l.record.exchange.receiverId])
	);
	return loaded
		.map((l): ExchangeSummary => {
			const e = l.record.exchange;
			const mySide = userId ? sideOf(e, userId) : null;
			return {
				id: l.id,
				quarterId: l.quarterId,
				title: e.title,
				state: e.state,
				turn: e.turn,
				minutes: e.minutes,
				settlement: e.settlement,
				date: e.date,
				mySide,
				providerId: e.providerId,
				receiverId: e.receiverId,
				names: { [e.providerId]: names[e.providerId]!, [e.receiverId]: names[e.receiverId]! },
				waitingForMe: mySide !== null && e.turn === mySide && !l.record.pending,
				lastAt: lastAt(l)
			};
		})
		.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime() || a.id.localeCompare(b.id));
}

/** The exchange as the viewer sees it; the buttons only for an active membership. */
export async function view(
	loaded: Loaded,
	viewerId: string,
	moderator: boolean,
	membership?: Awaited<ReturnType<typeof findMembership>>
): Promise<ExchangeView> {
	const { record } = loaded;
	const e = record.exchange;
	const names = await namesOf([
		e.providerId,
		e.receiverId,
		...e.timeline.map((t) => t.by).filter((by) => by !== SYSTEM),
		...e.timeline.flatMap((t) => (t.recordedBy ? [t.recordedBy] : []))
	]);
	const active = membership === undefined || isActiveMember(membership);
	const quarter = e.state === 'done' ? await findQuarter(loaded.quarterId) : null;
	return {
		id: loaded.id,
		quarterId: loaded.quarterId,
		providerId: e.providerId,
		receiverId: e.receiverId,
		proposedBy: e.proposedBy,
		listingId: e.listingId,
		title: e.title,
		date: e.date,
		minutes: e.minutes,
		settlement: e.settlement,
		amountCents: e.amountCents,
		state: e.state,
		turn: e.turn,
		doneAt: e.doneAt,
		receiverMinutes: e.receiverMinutes,
		settledMinutes: e.settledMinutes,
		payment: e.payment,
		cashPaidBy: e.cashPaidBy,
		refundedCents: e.refundedCents,
		timeline: e.timeline,
		names,
		viewerSide: sideOf(e, viewerId),
		moves:
			record.pending || !active ? [] : movesToOffer(allowedMoves(e, { id: viewerId, moderator })),
		settling: record.pending !== null,
		ledgerSeq: record.ledgerSeq,
		refusals: record.refusals,
		autoSettleAt: quarter ? autoSettleDueAt(e, quarter.settings.autoSettleAfterDays) : null,
		lastAt: lastAt(loaded)
	};
}

function lastAt(loaded: Loaded): Date {
	const timeline = loaded.record.exchange.timeline;
	return timeline[timeline.length - 1]!.at;
}

/** Display names by user id ('—' for someone who is gone). */
export async function namesOf(ids: string[]): Promise<Record<string, string>> {
	const unique = [...new Set(ids)];
	const users = await Promise.all(unique.map((id) => findUserById(id)));
	const names: Record<string, string> = {};
	unique.forEach((id, i) => (names[id] = users[i]?.displayName ?? '—'));
	return names;
}
