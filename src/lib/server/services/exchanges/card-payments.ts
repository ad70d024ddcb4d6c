// Euro exchanges paid by card (issue 5): what paying costs, Stripe's word that the money came
// (settles, or refunds what the exchange cannot take), and refunds by the quarter management.
// Opening the Checkout Session is in checkout.ts, what Stripe reports later in stripe-reports.ts.
import { logEventOf, runMove } from '../../../domain/exchanges/log';
import type { RefundRequest } from '../../../domain/exchanges/euro-moves';
import type { ExchangeProblem } from '../../../domain/exchanges/problems';
import { paysEuros, sideOf, SYSTEM } from '../../../domain/exchanges/workflow';
import { feeBreakdown, type FeeBreakdown } from '../../../domain/payments/fee';
import { payoutStatus } from '../../payments/connect';
import { createRefund } from '../../payments/stripe';
import { appendAudit } from '../../repos/audit';
import { findQuarter } from '../../repos/quarters';
import { announce } from './announce';
import type { ExchangeContext } from './context';
import { moderatorOf, type ExchangeResult } from './moves';
import { appendEvent, loadExchange, type Loaded, type Written } from './read-model';
import { view } from './views';

/** Why the card is not offered for a euro exchange. */
export type CardProblem = 'not_configured' | 'seller_not_ready';

export interface PaymentOffer extends FeeBreakdown {
	card: 'available' | CardProblem;
}

/**
 * What paying this euro exchange costs and whether the card is offered, as both sides see it
 * before paying: the amount, the quarter's platform fee, Stripe's estimated fee and what the
 * provider receives. Null for exchanges not in euros.
 */
export async function paymentOffer(
	ctx: ExchangeContext,
	exchangeId: string
): Promise<PaymentOffer | null> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	return loaded ? ((await offerOf(loaded))?.offer ?? null) : null;
}

/** The offer and the seller's connected account it rests on, read once. */
export async function offerOf(
	loaded: Loaded
): Promise<{ offer: PaymentOffer; sellerAccountId: string | null } | null> {
	const e = loaded.record.exchange;
	if (!paysEuros(e.settlement) || e.amountCents === null) return null;
	const quarter = await findQuarter(loaded.quarterId);
	if (!quarter) return null;
	const fees = feeBreakdown(e.amountCents, quarter.settings);
	const seller = await payoutStatus(e.providerId);
	const card: PaymentOffer['card'] = !seller.enabled
		? 'not_configured'
		: seller.status?.chargesEnabled
			? 'available'
			: 'seller_not_ready';
	return { offer: { ...fees, card }, sellerAccountId: seller.accountId };
}

/**
 * Stripe's webhook says a payment for this exchange succeeded. A confirmed euro exchange of
 * that amount is settled (`cardPaid`); a payment the exchange cannot take (cancelled, paid in
 * cash meanwhile, paid twice) is refunded in full, never kept or lost. Safe to run again for
 * the same payment: it settles once and refunds once (Stripe's idempotency key per payment,
 * and the refund id in the timeline).
 */
export async function recordCardPayment(
	ctx: ExchangeContext,
	exchangeId: string,
	payment: { paymentIntentId: string; amountCents: number; feeCents: number },
	now = new Date()
): Promise<'settled' | 'already' | 'refunded' | 'not_found'> {
	return ctx.model.queue.run(exchangeId, async () => {
		const written = await appendEvent(ctx.model, exchangeId, (l) => {
			const e = l.record.exchange;
			if (e.payment?.method === 'card' && e.payment.reference === payment.paymentIntentId) {
				return { answer: { ok: true, loaded: l, event: null, repeated: true } };
			}
			const moved = runMove(
				e,
				{ id: SYSTEM, moderator: false },
				{
					move: 'cardPaid',
					amountCents: payment.amountCents,
					feeCents: payment.feeCents,
					reference: payment.paymentIntentId
				},
				now
			);
			if (!moved.ok) return { answer: { ok: false, problem: moved.error } };
			return { write: logEventOf(moved.event, l.record.version + 1) };
		});
		if (written.ok) {
			if (!written.event) return 'already';
			await announce(ctx, written.loaded, written.event, now);
			return 'settled';
		}
		if (written.problem === 'not_found') return 'not_found';
		// Only a definite "cannot take it" gives the money back; a busy log (contention) throws,
		// so the webhook event stays pending and is retried.
		const cannot: ExchangeProblem[] = ['wrong_state', 'invalid_amount', 'wrong_settlement'];
		if (!cannot.includes(written.problem)) {
			throw new Error(`exchange ${exchangeId}: payment not recorded yet (${written.problem})`);
		}
		// The exchange cannot take this payment: give it back.
		const loaded = (await loadExchange(ctx.model, exchangeId))!;
		const refund = await createRefund({
			paymentIntentId: payment.paymentIntentId,
			amountCents: payment.amountCents,
			exchangeId,
			quarterId: loaded.quarterId,
			idempotencyKey: `late-refund:${payment.paymentIntentId}`,
			platformFeeCents: payment.feeCents,
			late: true
		});
		const recorded = await recordRefund(ctx, exchangeId, SYSTEM, now, {
			amountCents: refund.amountCents,
			reference: refund.id,
			late: true,
			...statusOf(refund)
		});
		// Stripe has refunded; the timeline must say so, or the event is retried until it does.
		if (!recorded.ok) {
			throw new Error(
				`exchange ${exchangeId}: refund ${refund.id} not recorded (${recorded.problem})`
			);
		}
		return 'refunded';
	});
}

/** The status a refund is recorded with: absent when Stripe says it succeeded. */
function statusOf(refund: { status: 'pending' | 'succeeded' | 'failed' }): {
	status?: 'pending' | 'failed';
} {
	return refund.status === 'succeeded' ? {} : { status: refund.status };
}

/** Stores a refund Stripe accepted, once per refund id (its webhook may have recorded it
 * first: stripe-reports.ts); tells both sides. */
async function recordRefund(
	ctx: ExchangeContext,
	exchangeId: string,
	by: string,
	now: Date,
	request: Omit<RefundRequest, 'observed'>
): Promise<Written> {
	const written = await appendEvent(ctx.model, exchangeId, (l) => {
		const done = l.record.exchange.timeline.some(
			(t) => t.move === 'refund' && t.reference === request.reference
		);
		if (done) return { answer: { ok: true, loaded: l, event: null, repeated: true } };
		const moved = runMove(
			l.record.exchange,
			{ id: by, moderator: by !== SYSTEM },
			{ move: 'refund', ...request },
			now
		);
		if (!moved.ok) return { answer: { ok: false, problem: moved.error } };
		return {
			write: logEventOf(moved.event, l.record.version + 1, request.late ? { late: true } : {})
		};
	});
	if (written.ok && written.event) await announce(ctx, written.loaded, written.event, now);
	return written;
}

/**
 * The quarter management gives back part or all of a card payment (e.g. resolving a
 * complaint): refunded through Stripe, shown in the timeline, audited.
 */
export async function moderatorRefund(
	ctx: ExchangeContext,
	moderatorId: string,
	exchangeId: string,
	amountCents: number,
	reason: string,
	/** From the form: the same submission twice is one refund at Stripe. */
	nonce: string,
	now = new Date()
): Promise<ExchangeResult> {
	const checked = await moderatorOf(ctx, moderatorId, exchangeId);
	if (!checked.ok) return checked;
	if (reason.trim() === '') return { ok: false, problem: 'reason_required' };
	return ctx.model.queue.run(exchangeId, async () => {
		const loaded = (await loadExchange(ctx.model, exchangeId))!;
		const e = loaded.record.exchange;
		if (sideOf(e, moderatorId)) return { ok: false, problem: 'own_exchange' };
		// The same form sent twice (a double click, a retry): the refund made the first time.
		if (e.timeline.some((t) => t.move === 'refund' && t.key === nonce)) {
			return { ok: true, exchange: await view(loaded, moderatorId, true), repeated: true };
		}
		// Check before asking Stripe: the same rule the stored event must pass.
		const tried = runMove(
			e,
			{ id: moderatorId, moderator: true },
			{ move: 'refund', amountCents, reference: 'check', reason },
			now
		);
		if (!tried.ok) return { ok: false, problem: tried.error };
		const refund = await createRefund({
			paymentIntentId: e.payment!.reference!,
			amountCents,
			exchangeId,
			quarterId: loaded.quarterId,
			// One key per intended refund: the exchange's log version. A moderator who retries after
			// a lost answer (a new form, a new nonce) asks Stripe for the same refund again, which
			// Stripe answers with the refund it made; once a refund is recorded the version moves on.
			idempotencyKey: `refund:${exchangeId}:v${loaded.record.version}`,
			platformFeeCents: e.payment!.feeCents,
			requestedBy: moderatorId
		});
		const written = await recordRefund(ctx, exchangeId, moderatorId, now, {
			amountCents: refund.amountCents,
			reference: refund.id,
			reason: reason.trim(),
			key: nonce,
			...statusOf(refund)
		});
		if (!written.ok) return written;
		if (written.event) {
			await appendAudit({
				id: `exchange:${exchangeId}:${written.event.n}`,
				quarterId: loaded.quarterId,
				at: now,
				actorId: moderatorId,
				action: 'exchange.refund',
				target: { type: 'exchange', id: exchangeId },
				reason: reason.trim(),
				details: { title: e.title, amountCents: refund.amountCents, refund: refund.id }
			});
		}
		return {
			ok: true,
			exchange: await view(written.loaded, moderatorId, true),
			repeated: written.repeated ?? false
		};
	});
}
