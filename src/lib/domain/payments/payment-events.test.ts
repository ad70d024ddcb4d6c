import { describe, expect, it } from 'vitest';
import {
	exchangeMoney,
	paymentFact,
	paymentRefs,
	summarizePayments,
	type PaymentEventLike,
	type PaymentFact,
	type PaymentSummary
} from './payment-events';
import { seededRandom, shuffled } from '../../random';

const PI = 'pi_3Q0abc';
const SESSION = 'cs_test_a1';
const META = { exchangeId: 'ex1', quarterId: 'nordstadt' };

let n = 0;
function event(type: string, created: number, object: Record<string, unknown>): PaymentEventLike {
	n++;
	return { id: `evt_${String(n).padStart(4, '0')}`, type, created, data: { object } };
}
const completed = (created: number, paymentStatus = 'paid', pi: string | null = PI) =>
	event('checkout.session.completed', created, {
		id: SESSION,
		object: 'checkout.session',
		payment_intent: pi,
		payment_status: paymentStatus,
		amount_total: 2_000,
		metadata: META
	});
const expired = (created: number, session = 'cs_test_old') =>
	event('checkout.session.expired', created, {
		id: session,
		payment_intent: null,
		payment_status: 'unpaid',
		amount_total: 2_000,
		metadata: META
	});
const asyncResult = (created: number, ok: boolean) =>
	event(`checkout.session.async_payment_${ok ? 'succeeded' : 'failed'}`, created, {
		id: SESSION,
		payment_intent: PI,
		payment_status: ok ? 'paid' : 'unpaid',
		metadata: META
	});
const chargeRefunded = (created: number, refunded: number) =>
	event('charge.refunded', created, {
		id: 'ch_1',
		object: 'charge',
		payment_intent: PI,
		amount: 2_000,
		amount_refunded: refunded,
		refunded: refunded === 2_000
	});
const refund = (type: string, created: number, id: string, amount: number, status: string) =>
	event(type, created, {
		id,
		object: 'refund',
		payment_intent: PI,
		amount,
		status,
		metadata: META
	});

function facts(events: PaymentEventLike[]): PaymentFact[] {
	return events.map((e) => paymentFact(e)).filter((f): f is PaymentFact => f !== null);
}

const one = (summary: Partial<PaymentSummary>): PaymentSummary[] => [
	{
		key: PI,
		state: 'paid',
		amountCents: 2_000,
		refundedCents: 0,
		pendingRefundCents: 0,
		...summary
	}
];

// [name, events, expected summaries]
const CASES: Array<[string, PaymentEventLike[], PaymentSummary[]]> = [
	['nothing yet', [], []],
	['completed and paid', [completed(10)], one({})],
	[
		'card paid, fully refunded',
		[completed(10), chargeRefunded(20, 2_000)],
		one({ state: 'refunded', refundedCents: 2_000 })
	],
	[
		'partly refunded: refund created, then succeeded, then the charge',
		[
			completed(10),
			refund('refund.created', 20, 're_1', 500, 'pending'),
			refund('charge.refund.updated', 21, 're_1', 500, 'succeeded'),
			chargeRefunded(21, 500)
		],
		one({ state: 'partially_refunded', refundedCents: 500 })
	],
	[
		'two partial refunds add up to the whole amount',
		[
			completed(10),
			refund('refund.created', 20, 're_1', 1_500, 'succeeded'),
			refund('refund.created', 30, 're_2', 500, 'succeeded')
		],
		one({ state: 'refunded', refundedCents: 2_000 })
	],
	[
		'a refund still pending',
		[completed(10), refund('refund.created', 20, 're_1', 700, 'pending')],
		one({ pendingRefundCents: 700 })
	],
	[
		'a refund that failed after being pending',
		[
			completed(10),
			refund('refund.created', 20, 're_1', 700, 'pending'),
			refund('refund.failed', 25, 're_1', 700, 'failed')
		],
		one({})
	],
	[
		'a refund that succeeded and failed in the same second counts as failed',
		[
			completed(10),
			refund('refund.updated', 20, 're_1', 700, 'succeeded'),
			refund('refund.failed', 20, 're_1', 700, 'failed')
		],
		one({})
	],
	[
		'bank debit still processing',
		[completed(10, 'unpaid')],
		one({ state: 'processing', amountCents: 2_000 })
	],
	['bank debit succeeded', [completed(10, 'unpaid'), asyncResult(99, true)], one({})],
	[
		'bank debit failed',
		[completed(10, 'unpaid'), asyncResult(99, false)],
		one({ state: 'failed' })
	],
	[
		'the refund is known before the payment',
		[chargeRefunded(20, 2_000)],
		one({ state: 'refunded', refundedCents: 2_000 })
	],
	[
		'an expired session, then a paid one',
		[expired(5), completed(10)],
		[
			{
				key: 'cs_test_old',
				state: 'expired',
				amountCents: 2_000,
				refundedCents: 0,
				pendingRefundCents: 0
			},
			...one({})
		]
	],
	[
		'completed without a payment intent joins the one its async result names',
		[completed(10, 'unpaid', null), asyncResult(50, true)],
		one({})
	]
];

describe('payment state from events', () => {
	it.each(CASES)('%s', (_name, events, expected) => {
		expect(summarizePayments(facts(events))).toEqual(expected);
	});

	it.each(CASES)(
		'%s: the same in 50 shuffled orders with every event up to 5 times',
		(_n, events, expected) => {
			const random = seededRandom(7);
			for (let round = 0; round < 50; round++) {
				const replayed = events.flatMap((e) =>
					Array.from({ length: 1 + Math.floor(random() * 5) }, () => e)
				);
				expect(summarizePayments(facts(shuffled(replayed, random)))).toEqual(expected);
			}
		}
	);
});

describe('reading events', () => {
	it('takes the exchange from the metadata, the session from checkout events', () => {
		expect(paymentRefs(completed(1))).toEqual({
			exchangeId: 'ex1',
			quarterId: 'nordstadt',
			paymentIntentId: PI,
			sessionId: SESSION
		});
		expect(paymentRefs(chargeRefunded(1, 10))).toEqual({
			exchangeId: null,
			quarterId: null,
			paymentIntentId: PI,
			sessionId: null
		});
	});

	it('reads an expanded payment intent and the client reference', () => {
		const e = event('checkout.session.completed', 1, {
			id: SESSION,
			payment_intent: { id: PI, object: 'payment_intent' },
			client_reference_id: 'ex9',
			payment_status: 'paid',
			amount_total: 100
		});
		expect(paymentRefs(e)).toMatchObject({ exchangeId: 'ex9', paymentIntentId: PI });
	});

	it.each([
		['another type', event('account.updated', 1, { id: 'acct_1' })],
		['no id', event('charge.refunded', 1, { amount: 1, amount_refunded: 1 })],
		[
			'an unknown payment status',
			event('checkout.session.completed', 1, { id: 'cs', payment_status: 'odd' })
		],
		[
			'an amount that is not whole',
			event('charge.refunded', 1, { id: 'ch', amount: 1.5, amount_refunded: 0 })
		],
		['an unknown refund status', event('refund.updated', 1, { id: 're', amount: 1, status: 'odd' })]
	])('ignores %s', (_name, e) => {
		expect(paymentFact(e)).toBeNull();
	});

	it('sums money over the paid payments of an exchange', () => {
		const twice = [
			...facts([completed(10), chargeRefunded(20, 500)]),
			...facts([
				event('checkout.session.completed', 30, {
					id: 'cs_test_b',
					payment_intent: 'pi_other',
					payment_status: 'paid',
					amount_total: 2_000
				}),
				expired(5)
			])
		];
		expect(exchangeMoney(summarizePayments(twice))).toEqual({
			paidCents: 4_000,
			refundedCents: 500,
			payments: 2
		});
	});
});
