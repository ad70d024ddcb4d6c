// Exchanges settled in euros (issue 5, parts 2, 3, 5 and 6) against the real FerretDB and the
// local fake Stripe, which the app's own Stripe SDK reaches over HTTP: nothing inside the app is
// mocked. Webhook events are signed like Stripe's and go through the app's webhook service.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { createCheckoutSession } from '../../src/lib/server/payments/stripe';
import { exchanges } from '../../src/lib/server/services/exchanges';
import { seededRandom, shuffled } from '../../src/lib/random';
import {
	deliver as deliverTo,
	euroQuarter,
	ok,
	person as quarterPerson,
	type Role
} from './euro-quarter';

// The app reads its configuration at import: the fake runs and the variables are set first.
const fake = await vi.hoisted(async () => {
	const { startFakeStripeForApp } = await import('../support/fake-stripe/index');
	return startFakeStripeForApp();
});

afterAll(async () => {
	await fake.stop();
});

const Q = 'euroquartier';
const ORIGIN = 'http://quartier.test';

const person = (role?: Role) => quarterPerson(Q, role);
const deliver = (event: Stripe.Event) => deliverTo(fake, event);

/** The exchange a recorded Stripe call was made for (its metadata). */
function exchangeOf(call: { params: Record<string, unknown> }): unknown {
	return (call.params.metadata as Record<string, unknown> | undefined)?.exchangeId;
}

let seller: string;
let accountId: string;
let moderator: string;

beforeAll(async () => {
	// 1.5 % platform fee, at most 5 €.
	({ seller, accountId, moderator } = await euroQuarter(fake, {
		id: Q,
		name: 'Euroquartier',
		settings: { platformFeeBasisPoints: 150, platformFeeCapCents: 500 }
	}));
});

/** A euro exchange the buyer has confirmed: it now waits for the money. */
async function confirmed(buyer: string, amountCents: number): Promise<string> {
	const id = ok(
		await exchanges.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: seller,
			side: 'receiver',
			title: 'Torte für das Hoffest',
			minutes: 60,
			settlement: 'euros',
			amountCents,
			origin: ORIGIN
		})
	).id;
	ok(await exchanges.move(seller, id, 'accept'));
	ok(await exchanges.move(seller, id, 'markDone'));
	const view = ok(await exchanges.move(buyer, id, 'confirm'));
	expect(view).toMatchObject({ state: 'confirmed', turn: 'receiver', amountCents });
	return id;
}

async function checkout(buyer: string, id: string) {
	const before = fake.calls('POST', '/v1/checkout/sessions').length;
	const started = await exchanges.startCardPayment(buyer, id, { origin: ORIGIN, locale: 'de' });
	if (!started.ok) throw new Error(`no checkout: ${started.problem}`);
	const call = fake.calls('POST', '/v1/checkout/sessions').slice(before).at(-1)!;
	const sessionId = new URL(started.url).pathname.split('/').at(-1)!;
	return { url: started.url, call, sessionId };
}

describe('exchanges in euros', () => {
	it('proposing needs an amount; a proposal in euros keeps it', async () => {
		const buyer = await person();
		const missing = await exchanges.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: seller,
			side: 'receiver',
			title: 'Ohne Preis',
			minutes: 60,
			settlement: 'euros',
			origin: ORIGIN
		});
		expect(missing).toMatchObject({ ok: false, problem: 'invalid_amount' });
	});

	it('cash: both sides confirm, in either order, and it is settled once, without a fee or hours', async () => {
		const buyer = await person();
		const id = await confirmed(buyer, 1500);
		const first = ok(await exchanges.move(seller, id, 'cashPaid'));
		expect(first).toMatchObject({ state: 'confirmed', cashPaidBy: ['provider'], turn: 'receiver' });
		// A double click is the same confirmation.
		expect(await exchanges.move(seller, id, 'cashPaid')).toMatchObject({
			ok: true,
			repeated: true
		});
		// Once someone says it was paid in cash, the card is not offered any more.
		expect(
			await exchanges.startCardPayment(buyer, id, { origin: ORIGIN, locale: 'de' })
		).toMatchObject({ ok: false, problem: 'wrong_state' });
		const settled = ok(await exchanges.move(buyer, id, 'cashPaid'));
		expect(settled).toMatchObject({
			state: 'settled',
			payment: { method: 'cash', amountCents: 1500, feeCents: 0, reference: null }
		});
		expect(settled.timeline.filter((t) => t.move === 'cashPaid')).toHaveLength(2);
		expect((await listLedgerEntries(Q)).filter((e) => e.key === id)).toEqual([]);
	});

	it('card: the checkout carries amount, fee and destination; the webhook, replayed and shuffled, settles once', async () => {
		const buyer = await person();
		const id = await confirmed(buyer, 4250);
		const offer = (await exchanges.paymentOffer(id))!;
		// 1.5 % of 42.50 € is 63.75 ct, rounded half up to 64 ct.
		expect(offer).toMatchObject({
			amountCents: 4250,
			platformFeeCents: 64,
			payoutCents: 4186,
			card: 'available'
		});
		// Only the receiver pays.
		expect(
			await exchanges.startCardPayment(seller, id, { origin: ORIGIN, locale: 'de' })
		).toMatchObject({ ok: false, problem: 'wrong_side' });

		const { url, call, sessionId } = await checkout(buyer, id);
		expect(call.idempotencyKey).toBe(`checkout:${id}:s1`);
		expect(call.params).toMatchObject({
			mode: 'payment',
			line_items: [{ quantity: '1', price_data: { currency: 'eur', unit_amount: '4250' } }],
			payment_intent_data: {
				application_fee_amount: '64',
				transfer_data: { destination: accountId },
				metadata: { exchangeId: id, quarterId: Q }
			},
			metadata: { exchangeId: id, quarterId: Q, platformFeeCents: '64' },
			success_url: `${ORIGIN}/exchanges/${id}?paid=1`,
			cancel_url: `${ORIGIN}/exchanges/${id}?paid=0`
		});
		// A double click opens the same session.
		expect((await checkout(buyer, id)).url).toBe(url);

		// Opening the checkout settles nothing: only the webhook does.
		expect((await exchanges.get(buyer, id))!.state).toBe('confirmed');

		const before = fake.events.length;
		await fake.payCheckout(sessionId);
		const events = fake.events.slice(before);
		expect(events.map((e) => e.type)).toContain('checkout.session.completed');
		const deliveries = shuffled(
			events.flatMap((e) => Array.from({ length: 5 }, () => e)),
			seededRandom(5)
		);
		await Promise.all(deliveries.map((e) => deliver(e)));

		const view = (await exchanges.get(buyer, id))!;
		expect(view).toMatchObject({
			state: 'settled',
			payment: { method: 'card', amountCents: 4250, feeCents: 64 }
		});
		expect(view.payment!.reference).toMatch(/^pi_/);
		expect(view.timeline.filter((t) => t.move === 'cardPaid')).toHaveLength(1);
		expect(fake.calls('POST', '/v1/refunds').filter((c) => exchangeOf(c) === id)).toEqual([]);
	});

	it('a payment the exchange can no longer take is refunded in full, once', async () => {
		const buyer = await person();
		const id = await confirmed(buyer, 2000);
		const { sessionId } = await checkout(buyer, id);
		// The buyer pays at Stripe, but its webhook is slow; meanwhile the two settle in cash
		// (the session can no longer be expired: it is complete); then the webhook arrives.
		const before = fake.events.length;
		await fake.payCheckout(sessionId);
		const completed = fake.events
			.slice(before)
			.find((e) => e.type === 'checkout.session.completed')!;
		ok(await exchanges.move(buyer, id, 'cashPaid'));
		ok(await exchanges.move(seller, id, 'cashPaid'));
		for (let i = 0; i < 5; i++) await deliver(completed);

		const refunds = fake.calls('POST', '/v1/refunds').filter((c) => exchangeOf(c) === id);
		expect(refunds.length).toBeGreaterThanOrEqual(1);
		for (const r of refunds) {
			expect(r.params).toMatchObject({ amount: '2000', reverse_transfer: 'true' });
			expect(r.idempotencyKey).toMatch(/^late-refund:pi_/);
		}
		const view = (await exchanges.get(buyer, id))!;
		expect(view).toMatchObject({ state: 'settled', payment: { method: 'cash' }, refundedCents: 0 });
		expect(view.timeline.filter((t) => t.move === 'refund')).toHaveLength(1);
		expect(view.timeline.at(-1)).toMatchObject({ move: 'refund', amountCents: 2000, by: 'system' });
	});

	it('a stale checkout of a cancelled exchange is refunded, not lost', async () => {
		const buyer = await person();
		const id = ok(
			await exchanges.propose({
				actorId: buyer,
				quarterId: Q,
				memberId: seller,
				side: 'receiver',
				title: 'Abgesagt',
				minutes: 30,
				settlement: 'euros',
				amountCents: 900,
				origin: ORIGIN
			})
		).id;
		ok(await exchanges.move(buyer, id, 'cancel'));
		// A checkout opened from an old page (as the app would have opened it).
		const session = await createCheckoutSession({
			exchangeId: id,
			quarterId: Q,
			description: 'Abgesagt',
			amountCents: 900,
			platformFeeCents: 14,
			destinationAccountId: accountId,
			successUrl: `${ORIGIN}/ok`,
			cancelUrl: `${ORIGIN}/no`,
			locale: 'de',
			expiresAt: new Date(Date.now() + 3_600_000),
			idempotencyKey: `checkout:${id}:stale`
		});
		const before = fake.events.length;
		await fake.payCheckout(session.id);
		for (const e of fake.events.slice(before)) await deliver(e);
		const view = (await exchanges.get(buyer, id))!;
		expect(view.state).toBe('cancelled');
		expect(view.timeline.at(-1)).toMatchObject({ move: 'refund', amountCents: 900 });
		expect(fake.calls('POST', '/v1/refunds').filter((c) => exchangeOf(c) === id)).not.toEqual([]);
	});

	it('the quarter management refunds part of a card payment, audited, never more than was paid', async () => {
		const buyer = await person();
		const id = await confirmed(buyer, 3000);
		const { sessionId } = await checkout(buyer, id);
		const before = fake.events.length;
		await fake.payCheckout(sessionId);
		for (const e of fake.events.slice(before)) await deliver(e);

		// Not the parties, and a reason is needed.
		const nonce = 'form-nonce-aaaaaaaaaaaa';
		expect(await exchanges.moderatorRefund(buyer, id, 1000, 'Bitte', nonce)).toMatchObject({
			ok: false,
			problem: 'not_moderator'
		});
		expect(await exchanges.moderatorRefund(moderator, id, 1000, ' ', nonce)).toMatchObject({
			ok: false,
			problem: 'reason_required'
		});
		// The same form sent three times at once (a double click, a retry): one refund.
		const results = await Promise.all(
			Array.from({ length: 3 }, () =>
				exchanges.moderatorRefund(moderator, id, 1000, 'Die Torte kam ohne Kerzen.', nonce)
			)
		);
		expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
		const refunded = ok(results[0]!);
		expect(refunded).toMatchObject({ state: 'settled', refundedCents: 1000 });
		expect(
			(await exchanges.get(moderator, id))!.timeline.filter((t) => t.move === 'refund')
		).toHaveLength(1);
		const call = fake
			.calls('POST', '/v1/refunds')
			.filter((c) => exchangeOf(c) === id)
			.at(-1)!;
		expect(call.params).toMatchObject({
			amount: '1000',
			reverse_transfer: 'true',
			refund_application_fee: 'true'
		});
		// One key per intended refund: the exchange's log version, not the form's nonce.
		expect(call.idempotencyKey).toMatch(new RegExp(`^refund:${id}:v\\d+$`));
		const calls = fake.calls('POST', '/v1/refunds').length;
		expect(
			await exchanges.moderatorRefund(moderator, id, 2001, 'Alles', 'form-nonce-bbbbbbbbbbbb')
		).toMatchObject({
			ok: false,
			problem: 'invalid_amount'
		});
		expect(fake.calls('POST', '/v1/refunds').length).toBe(calls);
		const audit = (await listAudit(Q, { offset: 0, limit: 100 })).entries.filter(
			(a) => a.target.id === id
		);
		expect(audit).toMatchObject([{ action: 'exchange.refund', actorId: moderator }]);

		// Stripe refunds, but every answer is lost: the moderator sees an error, reloads (a new
		// form, a new nonce) and refunds again. Stripe makes one refund, the timeline shows one.
		const refundsBefore = [...fake.refunds.values()].filter(
			(r) => String(r.metadata && (r.metadata as Record<string, string>).exchangeId) === id
		).length;
		fake.loseAnswers('/v1/refunds', 3);
		await expect(
			exchanges.moderatorRefund(
				moderator,
				id,
				500,
				'Kerzen nachgereicht',
				'form-nonce-cccccccccccc'
			)
		).rejects.toThrow();
		const again = ok(
			await exchanges.moderatorRefund(
				moderator,
				id,
				500,
				'Kerzen nachgereicht',
				'form-nonce-dddddddddddd'
			)
		);
		expect(again).toMatchObject({ refundedCents: 1500 });
		const refundsAfter = [...fake.refunds.values()].filter(
			(r) => String(r.metadata && (r.metadata as Record<string, string>).exchangeId) === id
		).length;
		expect(refundsAfter - refundsBefore).toBe(1);
		expect(
			(await exchanges.get(moderator, id))!.timeline.filter((t) => t.move === 'refund')
		).toHaveLength(2);
	});
});
