import { describe, expect, it } from 'vitest';
import type { StripeRefund } from '../payments/payment-events';
import { refund, refundStatus } from './euro-moves';
import { propose } from './workflow';
import { APP_REFUND_GRACE_MS, nextRefundStep } from './reconcile';
import type { Exchange } from './exchange';

const at = new Date('2026-12-01T10:00:00Z');

function paidByCard(): Exchange {
	const proposed = propose(
		{
			providerId: 'p',
			receiverId: 'r',
			title: 'Torte',
			minutes: 60,
			settlement: 'euros',
			amountCents: 3000
		},
		{ id: 'r', moderator: false },
		at
	);
	if (!proposed.ok) throw new Error(proposed.error);
	return {
		...proposed.exchange,
		state: 'settled',
		turn: null,
		payment: { method: 'card', amountCents: 3000, feeCents: 45, reference: 'pi_1' }
	};
}

const stripeRefund = (over: Partial<StripeRefund> = {}): StripeRefund => ({
	refundId: 're_1',
	paymentIntentId: 'pi_1',
	amountCents: 1000,
	status: 'succeeded',
	app: null,
	created: at.getTime() / 1000,
	...over
});

describe('nextRefundStep', () => {
	it('records a Dashboard refund of the own payment once, counted', () => {
		const e = paidByCard();
		const { step } = nextRefundStep(e, [stripeRefund()], at.getTime());
		expect(step).toEqual({
			kind: 'record',
			by: 'system',
			request: { move: 'refund', amountCents: 1000, reference: 're_1', observed: true }
		});
		const done = refund(e, 'system', at, { amountCents: 1000, reference: 're_1', observed: true });
		if (!done.ok) throw new Error(done.error);
		expect(done.exchange.refundedCents).toBe(1000);
		expect(nextRefundStep(done.exchange, [stripeRefund()], at.getTime()).step).toEqual({
			kind: 'none'
		});
	});

	it('lets the app’s own request record its refund first, then records it in its place', () => {
		const e = paidByCard();
		const mine = stripeRefund({ app: { late: false, requestedBy: 'mod' } });
		expect(nextRefundStep(e, [mine], at.getTime() + 1000)).toEqual({
			step: { kind: 'none' },
			waiting: [{ refundId: 're_1', why: 'recent_app_refund' }]
		});
		expect(nextRefundStep(e, [mine], at.getTime() + APP_REFUND_GRACE_MS).step).toMatchObject({
			kind: 'record',
			by: 'mod'
		});
	});

	it('follows a pending refund to failed: it no longer counts', () => {
		const e = paidByCard();
		const pending = refund(e, 'mod', at, {
			amountCents: 1000,
			reference: 're_1',
			status: 'pending'
		});
		if (!pending.ok) throw new Error(pending.error);
		expect(pending.exchange.refundedCents).toBe(1000);
		const { step } = nextRefundStep(
			pending.exchange,
			[stripeRefund({ status: 'failed' })],
			at.getTime()
		);
		expect(step).toEqual({
			kind: 'status',
			request: { move: 'refundStatus', reference: 're_1', status: 'failed' }
		});
		const failed = refundStatus(pending.exchange, at, { reference: 're_1', status: 'failed' });
		if (!failed.ok) throw new Error(failed.error);
		expect(failed.exchange.refundedCents).toBe(0);
		// A failure is final: a late "succeeded" from an older event changes nothing.
		expect(
			refundStatus(failed.exchange, at, { reference: 're_1', status: 'succeeded' })
		).toMatchObject({ ok: false });
	});

	it('takes a refund of another payment for a late one, and waits while the payment is unrecorded', () => {
		const e = paidByCard();
		const { step } = nextRefundStep(
			e,
			[stripeRefund({ paymentIntentId: 'pi_2', refundId: 're_2' })],
			at.getTime()
		);
		expect(step).toMatchObject({ kind: 'record', request: { late: true } });
		const unpaid: Exchange = { ...e, state: 'confirmed', turn: 'receiver', payment: null };
		expect(nextRefundStep(unpaid, [stripeRefund()], at.getTime()).waiting).toEqual([
			{ refundId: 're_1', why: 'payment_not_recorded' }
		]);
	});
});
