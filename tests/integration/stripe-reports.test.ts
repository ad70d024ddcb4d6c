// What Stripe reports after the money moved, and the Checkout rules of issue 18, against the
// real FerretDB and the local fake Stripe over HTTP (nothing in the app mocked): refunds Stripe
// knows are shown once with their status (Dashboard refunds, lost answers, pending and failed
// ones), card disputes, slow payment methods, one open Checkout Session per exchange, payments
// for exchanges the app does not know, the minimum charge and the events' API version.
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../src/lib/random';
import { newId } from '../../src/lib/server/ids';
import { logger } from '../../src/lib/server/logger.js';
import { createCheckoutSession, STRIPE_API_VERSION } from '../../src/lib/server/payments/stripe';
import {
	listAllStuckEvents,
	listStuckEvents,
	receiveWebhook,
	retryPendingEvents
} from '../../src/lib/server/payments/webhooks';
import { listAudit } from '../../src/lib/server/repos/audit';
import { findEventDone } from '../../src/lib/server/repos/payments';
import { exchanges } from '../../src/lib/server/services/exchanges';
import { deliver as deliverTo, euroQuarter, ok, person as quarterPerson } from './euro-quarter';

const fake = await vi.hoisted(async () => {
	const { startFakeStripeForApp } = await import('../support/fake-stripe/index');
	return startFakeStripeForApp();
});

afterAll(async () => {
	await fake.stop();
});

afterEach(() => {
	vi.restoreAllMocks();
});

// The default settings: no platform fee, so no application fee objects and no fee refunds.
const Q = 'stripequartier';
const ORIGIN = 'http://quartier.test';
const MINUTE = 60_000;

const person = (role?: 'resident' | 'business' | 'moderator') => quarterPerson(Q, role);
const deliver = (event: Stripe.Event) => deliverTo(fake, event);
/** Delivers as if `ms` had passed since now (the app's clock only; Stripe's stays). */
const deliverLater = (event: Stripe.Event, ms: number) => {
	const { body, signature } = fake.signed(event);
	return receiveWebhook(body, signature, new Date(Date.now() + ms));
};

let seller: string;
let moderator: string;

beforeAll(async () => {
	({ seller, moderator } = await euroQuarter(fake, { id: Q, name: 'Stripequartier' }));
});

async function confirmed(amountCents: number): Promise<{ buyer: string; id: string }> {
	const buyer = await person();
	const id = ok(
		await exchanges.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: seller,
			side: 'receiver',
			title: 'Gartenbank streichen',
			minutes: 90,
			settlement: 'euros',
			amountCents,
			origin: ORIGIN
		})
	).id;
	ok(await exchanges.move(seller, id, 'accept'));
	ok(await exchanges.move(seller, id, 'markDone'));
	ok(await exchanges.move(buyer, id, 'confirm'));
	return { buyer, id };
}

const sessionOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;

async function startPayment(buyer: string, id: string, locale: 'de' | 'en' = 'de') {
	const started = await exchanges.startCardPayment(buyer, id, { origin: ORIGIN, locale });
	if (!started.ok) throw new Error(`no checkout: ${started.problem}`);
	return sessionOf(started.url);
}

/** A settled exchange paid by card; its payment intent. */
async function paid(amountCents: number) {
	const { buyer, id } = await confirmed(amountCents);
	const sessionId = await startPayment(buyer, id);
	const session = await fake.payCheckout(sessionId);
	await deliver(fake.events.at(-1)!);
	expect((await exchanges.get(buyer, id))!.state).toBe('settled');
	return { buyer, id, paymentIntentId: session.payment_intent as string };
}

/** The events the fake made from index `from` on. */
const eventsSince = (from: number) => fake.events.slice(from);
const refundsOf = async (viewer: string, id: string) =>
	(await exchanges.get(viewer, id))!.timeline.filter((t) => t.move === 'refund');

describe('refunds as Stripe knows them', () => {
	it('a refund made in Stripe’s Dashboard is shown once and counted, whatever the delivery', async () => {
		const { buyer, id, paymentIntentId } = await paid(3000);
		const from = fake.events.length;
		const refund = fake.dashboardRefund(paymentIntentId, 1000);
		const events = eventsSince(from);
		expect(events.map((e) => e.type).sort()).toEqual(['charge.refunded', 'refund.created']);
		await fake.deliverAtLeastOnce(events, deliver, { copies: 4, random: seededRandom(18) });

		const view = (await exchanges.get(buyer, id))!;
		expect(view.refundedCents).toBe(1000);
		expect(await refundsOf(buyer, id)).toMatchObject([
			{ move: 'refund', by: 'system', amountCents: 1000, reference: refund.id }
		]);
		for (const e of events) expect((await findEventDone(e.id))?.outcome).toBe('done');
		// What is left is what the quarter management may still give back.
		expect(
			await exchanges.moderatorRefund(moderator, id, 2001, 'Rest', 'nonce-dashboard-aaaa')
		).toMatchObject({ ok: false, problem: 'invalid_amount' });
	});

	it('a moderator’s refund whose answers were all lost is recorded from its webhook, once', async () => {
		const { id } = await paid(2500);
		const from = fake.events.length;
		fake.loseAnswers('/v1/refunds', 3);
		await expect(
			exchanges.moderatorRefund(moderator, id, 800, 'Farbe fehlte', 'nonce-lost-aaaaaaaa')
		).rejects.toThrow();
		const events = eventsSince(from);
		const created = events.find((e) => e.type === 'refund.created')!;
		expect((created.data.object as { metadata: Record<string, string> }).metadata).toMatchObject({
			exchangeId: id,
			requestedBy: moderator
		});
		// At once the webhook leaves it to the moderator's own request (it may still answer)…
		expect(await deliver(created)).toMatchObject({ outcome: 'failed' });
		expect(await refundsOf(moderator, id)).toEqual([]);
		// …and records it when that had its chance: the retry job, a few minutes later.
		await retryPendingEvents(new Date(Date.now() + 5 * MINUTE));
		for (const e of events) await deliverLater(e, 5 * MINUTE);
		expect(await refundsOf(moderator, id)).toMatchObject([
			{ by: moderator, amountCents: 800, reference: (created.data.object as { id: string }).id }
		]);
		expect((await exchanges.get(moderator, id))!.refundedCents).toBe(800);
		const audit = (await listAudit(Q, { offset: 0, limit: 200 })).entries.filter(
			(a) => a.target.id === id
		);
		expect(audit).toMatchObject([{ action: 'exchange.refund', actorId: moderator }]);
	});

	it('a pending refund counts until Stripe reports it failed; then it shows as failed and no longer counts', async () => {
		const { buyer, id } = await paid(3000);
		fake.nextRefunds('pending');
		const from = fake.events.length;
		const pending = ok(
			await exchanges.moderatorRefund(moderator, id, 1200, 'Zu spät', 'nonce-pending-aaaaa')
		);
		expect(pending.refundedCents).toBe(1200);
		expect(pending.timeline.at(-1)).toMatchObject({ move: 'refund', refundStatus: 'pending' });
		const refundId = pending.timeline.at(-1)!.reference!;

		fake.settleRefund(refundId, 'failed');
		const events = eventsSince(from);
		expect(events.map((e) => e.type)).toEqual(
			expect.arrayContaining(['refund.created', 'refund.failed', 'refund.updated'])
		);
		await fake.deliverAtLeastOnce(events, deliver, { copies: 3, random: seededRandom(3) });

		const view = (await exchanges.get(buyer, id))!;
		expect(view.refundedCents).toBe(0);
		expect(view.timeline.filter((t) => t.move === 'refundStatus')).toMatchObject([
			{ reference: refundId, refundStatus: 'failed', amountCents: 1200 }
		]);
		expect(view.timeline.filter((t) => t.move === 'refund')).toHaveLength(1);
		// The money did not go back, so it can be refunded again, in full.
		const again = ok(
			await exchanges.moderatorRefund(moderator, id, 3000, 'Neuer Versuch', 'nonce-pending-bbbbb')
		);
		expect(again.refundedCents).toBe(3000);
	});

	it('without a platform fee no fee is charged or refunded (Stripe refuses a fee refund then)', async () => {
		const { id } = await paid(1500);
		const session = fake.calls('POST', '/v1/checkout/sessions').at(-1)!;
		expect(session.params.payment_intent_data).not.toHaveProperty('application_fee_amount');
		ok(await exchanges.moderatorRefund(moderator, id, 1500, 'Storno', 'nonce-zerofee-aaaaa'));
		expect(fake.calls('POST', '/v1/refunds').at(-1)!.params).not.toHaveProperty(
			'refund_application_fee'
		);
		expect([...fake.applicationFees.values()].filter((f) => f.amount === 0)).toEqual([]);
	});
});

describe('card disputes (chargebacks)', () => {
	it('are recorded on the exchange once per status, shown to both sides and the management, audited', async () => {
		const { buyer, id, paymentIntentId } = await paid(4000);
		const dispute = await fake.openDispute(paymentIntentId, 'fraudulent');
		const opened = fake.events.at(-1)!;
		expect(opened.type).toBe('charge.dispute.created');
		for (let i = 0; i < 3; i++) await deliver(opened);
		for (const viewer of [buyer, seller, moderator]) {
			const view = (await exchanges.get(viewer, id))!;
			expect(view.timeline.filter((t) => t.move === 'chargeback')).toMatchObject([
				{ chargebackStatus: 'open', amountCents: 4000, reference: dispute.id, reason: 'fraudulent' }
			]);
		}
		// While the bank decides, nothing is refunded (Stripe would refuse it).
		expect(
			await exchanges.moderatorRefund(moderator, id, 100, 'Kulanz', 'nonce-dispute-aaaaa')
		).toMatchObject({ ok: false, problem: 'invalid_amount' });

		await fake.closeDispute(dispute.id as string, 'lost');
		const closed = fake.events.at(-1)!;
		// Out of order and again: the closing first, then the opening once more.
		await deliver(closed);
		await deliver(opened);
		await deliver(closed);
		const view = (await exchanges.get(moderator, id))!;
		expect(
			view.timeline.filter((t) => t.move === 'chargeback').map((t) => t.chargebackStatus)
		).toEqual(['open', 'lost']);
		const audit = (await listAudit(Q, { offset: 0, limit: 200 })).entries
			.filter((a) => a.target.id === id)
			.map((a) => a.action)
			.sort();
		expect(audit).toEqual(['exchange.chargebackLost', 'exchange.chargebackOpened']);
	});
});

describe('checkout', () => {
	it('offers cards only, for an hour, and hands a second tab in another language the same session', async () => {
		const { buyer, id } = await confirmed(2200);
		const before = fake.calls('POST', '/v1/checkout/sessions').length;
		const first = await startPayment(buyer, id, 'de');
		const second = await startPayment(buyer, id, 'en');
		expect(second).toBe(first);
		const calls = fake.calls('POST', '/v1/checkout/sessions').slice(before);
		expect(calls).toHaveLength(1);
		expect(calls[0]!.params).toMatchObject({ allowed_payment_method_types: ['card'] });
		const expiresAt = Number(calls[0]!.params.expires_at);
		expect(Math.abs(expiresAt - (Date.now() / 1000 + 3600))).toBeLessThan(60);

		// Two tabs at the same moment, in two languages: Stripe sees one key with other
		// parameters (409 while the first runs, then 400); both get the one session.
		const other = await confirmed(2300);
		fake.slowDown('/v1/checkout/sessions', 300);
		try {
			const both = await Promise.all([
				startPayment(other.buyer, other.id, 'de'),
				startPayment(other.buyer, other.id, 'en')
			]);
			expect(both[0]).toBe(both[1]);
		} finally {
			fake.slowDown('/v1/checkout/sessions', 0);
		}
		expect(
			[...fake.sessions.values()].filter((s) => s.client_reference_id === other.id)
		).toHaveLength(1);
	});

	it('expires the open session when the two say they paid in cash', async () => {
		const { buyer, id } = await confirmed(1800);
		const sessionId = await startPayment(buyer, id);
		ok(await exchanges.move(buyer, id, 'cashPaid'));
		expect(fake.calls('POST', `/v1/checkout/sessions/${sessionId}/expire`)).toHaveLength(1);
		expect(fake.sessions.get(sessionId)!.status).toBe('expired');
		const expired = fake.events.at(-1)!;
		expect(expired.type).toBe('checkout.session.expired');
		expect(await deliver(expired)).toMatchObject({ outcome: 'done' });
		ok(await exchanges.move(seller, id, 'cashPaid'));
		// Stripe said it expired: not asked again.
		expect(fake.calls('POST', `/v1/checkout/sessions/${sessionId}/expire`)).toHaveLength(1);
	});

	it('a slow payment completes unpaid: processing, no second payment; failed, then paid once', async () => {
		const { buyer, id } = await confirmed(5000);
		const sessionId = await startPayment(buyer, id);
		// As if the Dashboard had allowed SEPA Direct Debit for this session after all.
		fake.sessions.get(sessionId)!.payment_method_types = ['card', 'sepa_debit'];
		await fake.payCheckout(sessionId, 'sepa_debit');
		const completed = fake.events.at(-1)!;
		expect(completed.data.object).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
		await deliver(completed);
		expect((await exchanges.get(buyer, id))!.state).toBe('confirmed');
		expect(await exchanges.cardPaymentState(id)).toBe('processing');
		const calls = fake.calls('POST', '/v1/checkout/sessions').length;
		expect(await exchanges.startCardPayment(buyer, id, { origin: ORIGIN, locale: 'de' })).toEqual({
			ok: false,
			problem: 'payment_processing'
		});
		expect(fake.calls('POST', '/v1/checkout/sessions')).toHaveLength(calls);

		await fake.finishSlowPayment(sessionId, false);
		await deliver(fake.events.at(-1)!);
		expect(await exchanges.cardPaymentState(id)).toBe('failed');
		expect((await exchanges.get(buyer, id))!.state).toBe('confirmed');

		// Trying again opens a new session (the first one is complete).
		const retry = await startPayment(buyer, id);
		expect(retry).not.toBe(sessionId);
		fake.sessions.get(retry)!.payment_method_types = ['card', 'sepa_debit'];
		await fake.payCheckout(retry, 'sepa_debit');
		await deliver(fake.events.at(-1)!);
		await fake.finishSlowPayment(retry, true);
		const succeeded = fake.events.at(-1)!;
		expect(succeeded.type).toBe('checkout.session.async_payment_succeeded');
		for (let i = 0; i < 3; i++) await deliver(succeeded);
		const view = (await exchanges.get(buyer, id))!;
		expect(view).toMatchObject({
			state: 'settled',
			payment: { method: 'card', amountCents: 5000 }
		});
		expect(view.timeline.filter((t) => t.move === 'cardPaid')).toHaveLength(1);
		expect(await exchanges.cardPaymentState(id)).toBeNull();
	});

	it('refuses an amount under Stripe’s minimum charge when the exchange is proposed', async () => {
		const buyer = await person();
		const propose = (amountCents: number) =>
			exchanges.propose({
				actorId: buyer,
				quarterId: Q,
				memberId: seller,
				side: 'receiver',
				title: 'Ein Apfel',
				minutes: 15,
				settlement: 'euros',
				amountCents,
				origin: ORIGIN
			});
		expect(await propose(49)).toEqual({ ok: false, problem: 'below_card_minimum' });
		expect((await propose(50)).ok).toBe(true);
	});
});

describe('events the app cannot apply', () => {
	it('a paid session for an exchange the app does not know is a failure shown to admins, never done', async () => {
		const { accountId } = await euroQuarterSeller();
		const unknown = newId();
		const session = await createCheckoutSession({
			exchangeId: unknown,
			quarterId: Q,
			description: 'Unbekannt',
			amountCents: 700,
			platformFeeCents: 0,
			destinationAccountId: accountId,
			successUrl: `${ORIGIN}/ok`,
			cancelUrl: `${ORIGIN}/no`,
			locale: 'de',
			expiresAt: new Date(Date.now() + 3_600_000),
			idempotencyKey: `checkout:${unknown}:s1`
		});
		await fake.payCheckout(session.id);
		const completed = fake.events.at(-1)!;
		expect(await deliver(completed)).toMatchObject({ outcome: 'failed' });
		expect(await deliver(completed)).toMatchObject({ outcome: 'failed' });
		expect(await findEventDone(completed.id)).toBeNull();
		const now = new Date();
		const shown = (await listAllStuckEvents(now)).find((s) => s.id === completed.id);
		expect(shown).toMatchObject({ type: 'checkout.session.completed', quarterId: Q });
		expect(shown!.lastError).toMatch(/UnappliableEventError.*700 ct paid.*does not know/);
		// The quarter's management sees it on its payments page as well.
		expect((await listStuckEvents(Q, now)).map((s) => s.id)).toContain(completed.id);
	});

	it('an event in another API version is logged and still processed', async () => {
		const warn = vi.spyOn(logger, 'warn');
		fake.eventApiVersion = '2024-06-20';
		try {
			const event = fake.event('balance.available', { object: 'balance' });
			expect(await deliver(event)).toMatchObject({ kind: 'stored', outcome: 'ignored' });
			expect(warn).toHaveBeenCalledWith(expect.stringMatching(/2024-06-20.*expects/));
			expect(STRIPE_API_VERSION).not.toBe('2024-06-20');
		} finally {
			fake.eventApiVersion = STRIPE_API_VERSION;
		}
	});
});

/** A second seller of the quarter ready for card payments (for sessions made by hand). */
async function euroQuarterSeller(): Promise<{ accountId: string }> {
	const { connectAccount } = await import('../../src/lib/server/payments/connect');
	const userId = await person('business');
	const { accountId } = await connectAccount(userId, Q, new Date());
	await fake.completeOnboarding(accountId);
	await deliver(fake.events.at(-1)!);
	return { accountId };
}
