// What Stripe reports about money that already moved, brought into the exchange's timeline:
// refunds (also those made in Stripe's Dashboard or whose answer the app never got) with their
// status, and card disputes (chargebacks). Both are called by the webhook handlers and may run
// on several servers at once and again for a replayed event: each step is decided on the latest
// fold of the exchange's log and stored as its next event, so each fact is recorded once.
import { logEventOf, runMove } from '../../../domain/exchanges/log';
import { nextRefundStep, type RefundWait } from '../../../domain/exchanges/reconcile';
import { SYSTEM, type ChargebackStatus } from '../../../domain/exchanges/workflow';
import { stripeRefunds } from '../../../domain/payments/payment-events';
import { listPaymentEvents } from '../../payments/logs';
import { appendAudit } from '../../repos/audit';
import { announce } from './announce';
import type { ExchangeContext } from './context';
import { appendEvent, loadExchange } from './read-model';

/** A refund Stripe reported cannot be recorded yet; the webhook event is retried later. */
export class RefundNotRecordedYetError extends Error {
	override name = 'RefundNotRecordedYetError';
}

/**
 * Records every refund of the exchange's payment events that its timeline lacks, and every
 * final status it has not shown yet. Throws `RefundNotRecordedYetError` when a refund must wait
 * (the app's own request records it in a moment, or the exchange's payment is not recorded yet).
 */
export async function reconcileRefunds(
	ctx: ExchangeContext,
	exchangeId: string,
	now = new Date()
): Promise<{ recorded: number } | 'not_found'> {
	const refunds = stripeRefunds((await listPaymentEvents(exchangeId)).map((e) => e.fact));
	if (refunds.length === 0) return { recorded: 0 };
	return ctx.model.queue.run(exchangeId, async () => {
		if (!(await loadExchange(ctx.model, exchangeId))) return 'not_found';
		let recorded = 0;
		let waiting: { refundId: string; why: RefundWait }[] = [];
		// Each round stores one step; at most a record and a status per refund.
		for (let round = 0; round <= 2 * refunds.length; round++) {
			let by = SYSTEM;
			const written = await appendEvent(ctx.model, exchangeId, (l) => {
				const next = nextRefundStep(l.record.exchange, refunds, now.getTime());
				waiting = next.waiting;
				if (next.step.kind === 'none') return { answer: { ok: true, loaded: l, event: null } };
				by = next.step.kind === 'record' ? next.step.by : SYSTEM;
				const moved = runMove(
					l.record.exchange,
					{ id: by, moderator: false },
					next.step.request,
					now
				);
				if (!moved.ok) return { answer: { ok: false, problem: moved.error } };
				const observed = next.step.kind === 'record' ? { observed: true } : {};
				return { write: logEventOf(moved.event, l.record.version + 1, observed) };
			});
			if (!written.ok) {
				throw new Error(`exchange ${exchangeId}: refunds not reconciled (${written.problem})`);
			}
			const event = written.event;
			if (!event) break;
			recorded++;
			await announce(ctx, written.loaded, event, now);
			// A moderator's refund whose answer was lost: audited as theirs, as if it had arrived.
			if (event.move === 'refund' && by !== SYSTEM) {
				await appendAudit({
					id: `exchange:${exchangeId}:${event.n}`,
					quarterId: written.loaded.quarterId,
					at: now,
					actorId: by,
					action: 'exchange.refund',
					target: { type: 'exchange', id: exchangeId },
					reason: '',
					details: {
						title: written.loaded.record.exchange.title,
						amountCents: event.amountCents ?? 0,
						refund: event.reference ?? '',
						fromStripe: true
					}
				});
			}
		}
		if (waiting.length > 0) {
			throw new RefundNotRecordedYetError(
				`exchange ${exchangeId}: ${waiting.map((w) => `${w.refundId} (${w.why})`).join(', ')}`
			);
		}
		return { recorded };
	});
}

export interface ChargebackReport {
	/** Stripe's dispute id, `dp_…`. */
	reference: string;
	status: ChargebackStatus;
	amountCents: number;
	/** Stripe's reason code, e.g. `fraudulent`. */
	reason?: string;
}

const CHARGEBACK_AUDIT = {
	open: 'exchange.chargebackOpened',
	won: 'exchange.chargebackWon',
	lost: 'exchange.chargebackLost'
} as const;

/** Records a card dispute's status on the exchange once, tells both parties, audits it. */
export async function recordChargeback(
	ctx: ExchangeContext,
	exchangeId: string,
	report: ChargebackReport,
	now = new Date()
): Promise<'recorded' | 'already'> {
	return ctx.model.queue.run(exchangeId, async () => {
		const written = await appendEvent(ctx.model, exchangeId, (l) => {
			const moved = runMove(
				l.record.exchange,
				{ id: SYSTEM, moderator: false },
				{ move: 'chargeback', ...report },
				now
			);
			if (!moved.ok) {
				return moved.error === 'already_done'
					? { answer: { ok: true, loaded: l, event: null, repeated: true } }
					: { answer: { ok: false, problem: moved.error } };
			}
			return { write: logEventOf(moved.event, l.record.version + 1) };
		});
		if (!written.ok) {
			throw new Error(`exchange ${exchangeId}: dispute ${report.reference} (${written.problem})`);
		}
		if (!written.event) return 'already';
		await announce(ctx, written.loaded, written.event, now);
		await appendAudit({
			id: `exchange:${exchangeId}:${written.event.n}`,
			quarterId: written.loaded.quarterId,
			at: now,
			actorId: SYSTEM,
			action: CHARGEBACK_AUDIT[report.status],
			target: { type: 'exchange', id: exchangeId },
			reason: report.reason ?? '',
			details: {
				title: written.loaded.record.exchange.title,
				amountCents: report.amountCents,
				dispute: report.reference
			}
		});
		return 'recorded';
	});
}
