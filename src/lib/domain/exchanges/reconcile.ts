// Refunds as Stripe knows them, brought into an exchange's timeline: every refund Stripe
// reports is shown once (also one made in Stripe's Dashboard, or one whose answer the app never
// got), and its status is followed (pending → succeeded or failed). Pure: the service folds the
// exchange's payment events into `StripeRefund`s and appends the steps this returns one at a
// time, each decided on the latest fold, so two servers reconciling at once record each once.
import type { StripeRefund } from '../payments/payment-events';
import { awaitsCardPayment, refundStates } from './euro-moves';
import { SYSTEM, type Exchange } from './exchange';
import type { MoveRequest } from './log';

/** A refund this app made is recorded by the request that made it; its webhook waits this long
 * before recording it in that request's place (a lost answer, a crash in between). */
export const APP_REFUND_GRACE_MS = 2 * 60 * 1000;

export type RefundStep =
	| { kind: 'record'; by: string; request: Extract<MoveRequest, { move: 'refund' }> }
	| { kind: 'status'; request: Extract<MoveRequest, { move: 'refundStatus' }> }
	| { kind: 'none' };

/** Why a refund cannot be recorded yet; the webhook event is retried later. */
export type RefundWait = 'recent_app_refund' | 'payment_not_recorded';

/**
 * The next step that brings the timeline in line with Stripe's refunds, and the refunds that
 * must wait. A refund of the exchange's own card payment counts against it; a refund of any
 * other payment (a second or late one) is a late refund, which counts for nothing owed.
 */
export function nextRefundStep(
	exchange: Exchange,
	refunds: readonly StripeRefund[],
	nowMs: number
): { step: RefundStep; waiting: { refundId: string; why: RefundWait }[] } {
	const known = refundStates(exchange);
	const waiting: { refundId: string; why: RefundWait }[] = [];
	for (const r of refunds) {
		const inTimeline = known.get(r.refundId);
		if (inTimeline) {
			if (r.status !== 'pending' && r.status !== inTimeline.state && inTimeline.state !== 'failed')
				return {
					step: {
						kind: 'status',
						request: { move: 'refundStatus', reference: r.refundId, status: r.status }
					},
					waiting
				};
			continue;
		}
		if (r.app && nowMs - r.created * 1000 < APP_REFUND_GRACE_MS) {
			waiting.push({ refundId: r.refundId, why: 'recent_app_refund' });
			continue;
		}
		const own =
			exchange.payment?.method === 'card' && exchange.payment.reference === r.paymentIntentId;
		// The exchange's payment is not recorded yet (its event comes later): wait for it rather
		// than take its refund for a late one.
		if (!own && !r.app?.late && awaitsCardPayment(exchange)) {
			waiting.push({ refundId: r.refundId, why: 'payment_not_recorded' });
			continue;
		}
		return {
			step: {
				kind: 'record',
				by: r.app?.requestedBy ?? SYSTEM,
				request: {
					move: 'refund',
					amountCents: r.amountCents,
					reference: r.refundId,
					observed: true,
					...(own ? {} : { late: true }),
					...(r.status === 'succeeded' ? {} : { status: r.status })
				}
			},
			waiting
		};
	}
	return { step: { kind: 'none' }, waiting };
}
