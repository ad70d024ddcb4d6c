// The moves on an exchange once proposed: the parties' moves (a confirm settles the hours at
// once) and the quarter management's end of a dispute.
import { alreadyMade, logEventOf, runMove, type MoveRequest } from '../../../domain/exchanges/log';
import type { ExchangeProblem } from '../../../domain/exchanges/problems';
import {
	awaitsCardPayment,
	paysEuros,
	sideOf,
	SYSTEM,
	type Actor,
	type PartyMove
} from '../../../domain/exchanges/workflow';
import type { TransferProblem } from '../../../domain/ledger/ledger';
import { isActiveMember, isManagement } from '../../../domain/members/roles';
import { appendAudit } from '../../repos/audit';
import { findMembership } from '../../repos/memberships';
import { findQuarter, type Quarter } from '../../repos/quarters';
import { announce } from './announce';
import { closeCheckouts } from './checkout-sessions';
import type { ExchangeContext } from './context';
import { appendEvent, loadExchange } from './read-model';
import { finishStale, limitProblem, precheck, settleLocked } from './settlement';
import { view, type ExchangeView } from './views';

export type ExchangeResult =
	| {
			ok: true;
			exchange: ExchangeView;
			/** The same person had made this move already (a double click): nothing was stored. */
			repeated: boolean;
			/** Confirmed, but the ledger refused the hours: the exchange stays `confirmed`. */
			refused?: TransferProblem;
	  }
	| { ok: false; problem: ExchangeProblem; ledger?: TransferProblem };

/** A party's move: accept, decline, cancel, markDone, confirm (then settle), dispute. */
export async function makeMove(
	ctx: ExchangeContext,
	actorId: string,
	exchangeId: string,
	move: PartyMove,
	options: {
		minutes?: number;
		reason?: string;
		now?: Date;
		/** The moderator who records the move for an assisted member (`actorId`). */
		recordedBy?: string;
	} = {}
): Promise<ExchangeResult> {
	const now = options.now ?? new Date();
	const request = partyRequest(move, options);
	const loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded) return { ok: false, problem: 'not_found' };
	const side = sideOf(loaded.record.exchange, actorId);
	const party = side !== null;
	// A party from the other quarter of a cross-quarter exchange is a member there.
	const membership = await findMembership(
		loaded.cross && side
			? side === 'provider'
				? loaded.cross.providerQuarterId
				: loaded.cross.receiverQuarterId
			: loaded.quarterId,
		actorId
	);
	if (!party && !isManagement(membership)) return { ok: false, problem: 'not_found' };
	if (!isActiveMember(membership)) return { ok: false, problem: 'not_member' };
	const actor: Actor = { id: actorId, moderator: isManagement(membership) };
	const quarter = await findQuarter(loaded.quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };

	return ctx.model.queue.run(exchangeId, async () => {
		await finishStale(ctx, exchangeId, now);
		// Accepting hours that could not be booked today is refused, naming whose limit.
		if (move === 'accept') {
			const loaded = await loadExchange(ctx.model, exchangeId);
			const problem =
				loaded?.record.exchange.state === 'proposed'
					? await limitProblem(ctx, exchangeId, loaded.record.exchange, quarter, loaded.cross)
					: null;
			if (problem) return { ok: false, problem: 'over_limit', ledger: problem };
		}
		// A confirm that the ledger would refuse is refused before anything is stored.
		if (move === 'confirm') {
			const problem = await precheck(ctx, exchangeId, quarter, (l) => {
				const confirmed = runMove(l.record.exchange, actor, request, now);
				return confirmed.ok ? runMove(confirmed.exchange, actor, { move: 'settle' }, now) : null;
			});
			if (problem) return { ok: false, problem: 'over_limit', ledger: problem };
		}
		const written = await appendEvent(ctx.model, exchangeId, (l) => {
			const moved = runMove(l.record.exchange, actor, request, now);
			if (!moved.ok) {
				const again =
					moved.error === 'already_done' ||
					(moved.error === 'wrong_state' && alreadyMade(l.record.exchange, actorId, move));
				if (again) {
					return { answer: { ok: true, loaded: l, event: null, repeated: true } };
				}
				return { answer: { ok: false, problem: moved.error } };
			}
			if (l.record.pending) return { answer: { ok: false, problem: 'busy' } };
			const recordedBy = options.recordedBy;
			return {
				write: {
					...logEventOf(moved.event, l.record.version + 1),
					...(recordedBy ? { recordedBy } : {})
				}
			};
		});
		if (!written.ok) return written;
		let current = written.loaded;
		let refused: TransferProblem | undefined;
		let announced = false;
		const exchange = current.record.exchange;
		// A confirmed euro exchange waits for its money; only hours and free help settle now.
		if (
			exchange.state === 'confirmed' &&
			!paysEuros(exchange.settlement) &&
			!current.record.pending
		) {
			const settled = await settleLocked(
				ctx,
				exchangeId,
				{ id: SYSTEM, moderator: false },
				{ move: 'settle' },
				quarter,
				now
			);
			if (settled.ok) {
				current = settled.loaded;
				// The settle event tells both parties; a separate mail about the confirm would only
				// say the same a second earlier.
				announced = settled.event !== null;
			} else if (settled.problem === 'over_limit') refused = settled.ledger;
		}
		if (written.event && !announced) await announce(ctx, written.loaded, written.event, now);
		if (written.event) await closeMootCheckouts(written.loaded.id, exchange, now);
		return {
			ok: true,
			exchange: await view(current, actorId, actor.moderator),
			repeated: written.repeated ?? false,
			...(refused ? { refused } : {})
		};
	});
}

/** The quarter management ends a dispute with the minutes it found fair; audited. */
export async function moderatorSettle(
	ctx: ExchangeContext,
	moderatorId: string,
	exchangeId: string,
	minutes: number,
	reason: string,
	now = new Date()
): Promise<ExchangeResult> {
	const checked = await moderatorOf(ctx, moderatorId, exchangeId);
	if (!checked.ok) return checked;
	const { quarter, actor } = checked;
	return ctx.model.queue.run(exchangeId, async () => {
		await finishStale(ctx, exchangeId, now);
		const settled = await settleLocked(
			ctx,
			exchangeId,
			actor,
			{ move: 'moderatorSettle', minutes, reason },
			quarter,
			now
		);
		if (!settled.ok) return settled;
		return {
			ok: true,
			exchange: await view(settled.loaded, moderatorId, true),
			repeated: settled.repeated ?? false
		};
	});
}

/** The quarter management ends a dispute without booking anything; audited. */
export async function moderatorCancel(
	ctx: ExchangeContext,
	moderatorId: string,
	exchangeId: string,
	reason: string,
	now = new Date()
): Promise<ExchangeResult> {
	const checked = await moderatorOf(ctx, moderatorId, exchangeId);
	if (!checked.ok) return checked;
	const { actor } = checked;
	return ctx.model.queue.run(exchangeId, async () => {
		await finishStale(ctx, exchangeId, now);
		const request: MoveRequest = { move: 'moderatorCancel', reason };
		const written = await appendEvent(ctx.model, exchangeId, (l) => {
			const moved = runMove(l.record.exchange, actor, request, now);
			if (!moved.ok) {
				if (
					moved.error === 'wrong_state' &&
					alreadyMade(l.record.exchange, actor.id, 'moderatorCancel')
				) {
					return { answer: { ok: true, loaded: l, event: null, repeated: true } };
				}
				return { answer: { ok: false, problem: moved.error } };
			}
			if (l.record.pending) return { answer: { ok: false, problem: 'busy' } };
			return { write: logEventOf(moved.event, l.record.version + 1) };
		});
		if (!written.ok) return written;
		if (written.event) {
			await appendAudit({
				id: `exchange:${exchangeId}:${written.event.n}`,
				quarterId: written.loaded.quarterId,
				at: now,
				actorId: moderatorId,
				action: 'exchange.moderatorCancel',
				target: { type: 'exchange', id: exchangeId },
				reason: written.event.reason ?? '',
				details: { title: written.loaded.record.exchange.title, from: 'disputed' }
			});
			await announce(ctx, written.loaded, written.event, now);
			await closeMootCheckouts(exchangeId, written.loaded.record.exchange, now);
		}
		return {
			ok: true,
			exchange: await view(written.loaded, moderatorId, true),
			repeated: written.repeated ?? false
		};
	});
}

/** A euro exchange that no longer waits for a card payment (paid in cash, cancelled,
 * disputed) closes its open Checkout Sessions, so a page left open cannot pay it. */
async function closeMootCheckouts(
	exchangeId: string,
	exchange: Parameters<typeof awaitsCardPayment>[0],
	now: Date
): Promise<void> {
	if (paysEuros(exchange.settlement) && !awaitsCardPayment(exchange)) {
		await closeCheckouts(exchangeId, now);
	}
}

/** The quarter and actor for a move of the quarter management on this exchange, if it may. */
export async function moderatorOf(
	ctx: ExchangeContext,
	moderatorId: string,
	exchangeId: string
): Promise<{ ok: true; quarter: Quarter; actor: Actor } | { ok: false; problem: ExchangeProblem }> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded) return { ok: false, problem: 'not_found' };
	const membership = await findMembership(loaded.quarterId, moderatorId);
	if (!isManagement(membership)) {
		// Parties learn they may not; everyone else does not learn the exchange exists.
		return sideOf(loaded.record.exchange, moderatorId)
			? { ok: false, problem: 'not_moderator' }
			: { ok: false, problem: 'not_found' };
	}
	const quarter = await findQuarter(loaded.quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	return { ok: true, quarter, actor: { id: moderatorId, moderator: true } };
}

function partyRequest(
	move: PartyMove,
	options: { minutes?: number; reason?: string }
): MoveRequest {
	switch (move) {
		case 'accept':
		case 'markDone':
			return { move };
		case 'confirm':
			return { move, ...(options.minutes !== undefined ? { minutes: options.minutes } : {}) };
		case 'decline':
		case 'cancel':
		case 'dispute':
			return { move, ...(options.reason !== undefined ? { reason: options.reason } : {}) };
		case 'cashPaid':
			return { move };
	}
}
