// Stripe Connect payments against the real FerretDB (SQLite) and the local fake Stripe
// (tests/support/fake-stripe/), which the app's own Stripe SDK reaches over HTTP through
// STRIPE_API_BASE: nothing inside the app is mocked. Covers every Stripe call the app makes with
// its exact parameters, the webhook's signature check, exactly-once storage of replayed and
// shuffled events, and retries of events that could not be processed yet.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { platformFeeCents } from '../../src/lib/domain/payments/fee';
import { newId } from '../../src/lib/server/ids';
import {
	connectAccount,
	payoutStatus,
	refreshAccountStatus,
	startOnboarding
} from '../../src/lib/server/payments/connect';
import { paymentsOfExchange } from '../../src/lib/server/payments/payment-log';
import {
	createCheckoutSession,
	createRefund,
	paymentsEnabled
} from '../../src/lib/server/payments/stripe';
import {
	listStuckEvents,
	processEvent,
	receiveWebhook,
	retryPendingEvents
} from '../../src/lib/server/payments/webhooks';
import {
	listAccountStatus,
	listEventFailures,
	listPaymentEvents
} from '../../src/lib/server/payments/logs';
import {
	findEventDone,
	findStripeEvent,
	listPendingEvents
} from '../../src/lib/server/repos/payments';
import { exchanges } from '../../src/lib/server/services/exchanges';
import { POST as webhookRoute } from '../../src/routes/api/stripe/webhook/+server';
import { euroQuarter, ok, person } from './euro-quarter';
import { seededRandom, shuffled } from '../../src/lib/random';

// The app reads its configuration once, at import: the fake must run and the variables be set
// before any app module loads.
const fake = await vi.hoisted(async () => {
	const { startFakeStripeForApp } = await import('../support/fake-stripe/index');
	return startFakeStripeForApp();
});

afterAll(async () => {
	await fake.stop();
});

const Q = 'zahlquartier';
const ORIGIN = 'http://quartier.test';
const MINUTE = 60_000;

/** Delivers an event as Stripe would: the signed raw body to the webhook service. */
function deliver(event: Stripe.Event, now = new Date()) {
	const { body, signature } = fake.signed(event);
	return receiveWebhook(body, signature, now);
}

beforeAll(async () => {
	await euroQuarter(fake, { id: Q, name: 'Zahlquartier' });
});

/** A member with a connected account whose onboarding is complete (charges enabled). */
async function onboardedSeller(): Promise<{ userId: string; accountId: string }> {
	const userId = await person(Q, 'business');
	const { accountId } = await connectAccount(userId, Q, new Date());
	await fake.completeOnboarding(accountId);
	await deliver(fake.events.at(-1)!);
	return { userId, accountId };
}

/** A euro exchange of the seller that a neighbour has confirmed: it waits for the money. */
async function confirmedExchange(sellerId: string, amountCents: number): Promise<string> {
	const buyer = await person(Q);
	const id = ok(
		await exchanges.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: sellerId,
			side: 'receiver',
			title: 'Fahrrad reparieren',
			minutes: 60,
			settlement: 'euros',
			amountCents,
			origin: ORIGIN
		})
	).id;
	ok(await exchanges.move(sellerId, id, 'accept'));
	ok(await exchanges.move(sellerId, id, 'markDone'));
	ok(await exchanges.move(buyer, id, 'confirm'));
	return id;
}

/** The seller's exchange paid by card at the fake Stripe (the event is not delivered yet). */
async function paidCheckout(seller: { userId: string; accountId: string }, amountCents = 2_000) {
	const { accountId } = seller;
	const exchangeId = await confirmedExchange(seller.userId, amountCents);
	const session = await createCheckoutSession({
		exchangeId,
		quarterId: Q,
		description: 'Fahrrad reparieren',
		amountCents,
		platformFeeCents: platformFeeCents(amountCents, {
			platformFeeBasisPoints: 150,
			platformFeeCapCents: 500
		}),
		destinationAccountId: accountId,
		successUrl: `${ORIGIN}/exchanges/${exchangeId}?paid={CHECKOUT_SESSION_ID}`,
		cancelUrl: `${ORIGIN}/exchanges/${exchangeId}`,
		locale: 'de',
		expiresAt: new Date(Date.now() + 3_600_000),
		idempotencyKey: `checkout:${exchangeId}:1`
	});
	const paid = await fake.payCheckout(session.id);
	return {
		exchangeId,
		session,
		paymentIntentId: paid.payment_intent as string,
		completed: fake.events.at(-1)!
	};
}

describe('the payment provider module', () => {
	it('is on when the keys are set', () => {
		expect(paymentsEnabled()).toBe(true);
	});
});

describe('connected accounts', () => {
	it('creates one Stripe account with the exact parameters, however many clicks race', async () => {
		const userId = newId();
		const before = fake.calls('POST', '/v1/accounts').length;
		const results = await Promise.all(
			Array.from({ length: 8 }, () => connectAccount(userId, Q, new Date()))
		);
		const ids = new Set(results.map((r) => r.accountId));
		expect(ids.size).toBe(1);
		expect(results.filter((r) => r.created)).toHaveLength(1);
		const calls = fake.calls('POST', '/v1/accounts').slice(before);
		expect(calls.length).toBeGreaterThanOrEqual(1);
		for (const call of calls) {
			expect(call.authorized).toBe(true);
			expect(call.idempotencyKey).toBe(`connect-account:${userId}`);
			expect(call.params).toEqual({
				type: 'express',
				country: 'DE',
				capabilities: { card_payments: { requested: 'true' }, transfers: { requested: 'true' } },
				metadata: { userId, quarterId: Q }
			});
		}
		const atStripe = [...fake.accounts.values()].filter(
			(a) => (a.metadata as Record<string, string>).userId === userId
		);
		expect(atStripe).toHaveLength(1);
		// A later click finds the stored account and asks Stripe nothing.
		const again = await connectAccount(userId, Q, new Date());
		expect(again).toEqual({ accountId: [...ids][0], created: false });
		expect(fake.calls('POST', '/v1/accounts').slice(before)).toHaveLength(calls.length);
	});

	it('onboards through an account link, then shows the status from account.updated', async () => {
		const userId = newId();
		const urls = {
			returnUrl: `${ORIGIN}/q/${Q}/payouts/return`,
			refreshUrl: `${ORIGIN}/q/${Q}/payouts/refresh`
		};
		expect((await payoutStatus(userId)).stage).toBe('not_connected');
		const url = await startOnboarding(userId, Q, urls, new Date());
		const { accountId } = await connectAccount(userId, Q, new Date());
		expect(url).toMatch(new RegExp(`^${fake.url}/connect/onboarding/`));
		const link = fake.calls('POST', '/v1/account_links').at(-1)!;
		expect(link.params).toEqual({
			account: accountId,
			refresh_url: urls.refreshUrl,
			return_url: urls.returnUrl,
			type: 'account_onboarding'
		});
		expect(await payoutStatus(userId)).toMatchObject({
			enabled: true,
			stage: 'onboarding_incomplete',
			accountId,
			status: { chargesEnabled: false, detailsSubmitted: false }
		});
		expect((await payoutStatus(userId)).status!.currentlyDue).toContain('external_account');

		await fake.completeOnboarding(accountId);
		const updated = fake.events.at(-1)!;
		expect(updated.type).toBe('account.updated');
		for (let i = 0; i < 5; i++) await deliver(updated);
		expect((await payoutStatus(userId)).stage).toBe('payouts_enabled');
		const snapshots = await listAccountStatus(accountId);
		expect(snapshots.filter((s) => s.source === updated.id)).toHaveLength(1);
	});

	it('reads the account once when the person comes back', async () => {
		const userId = newId();
		const { accountId } = await connectAccount(userId, Q, new Date());
		// Onboarding finished at Stripe, but its event has not arrived.
		Object.assign(fake.accounts.get(accountId)!, {
			charges_enabled: true,
			details_submitted: true
		});
		const before = fake.calls('GET', `/v1/accounts/${accountId}`).length;
		await refreshAccountStatus(userId, new Date());
		expect(fake.calls('GET', `/v1/accounts/${accountId}`)).toHaveLength(before + 1);
		expect((await payoutStatus(userId)).stage).toBe('charges_enabled');
	});
});

describe('paying and refunding (the calls parts 2 and 5 make)', () => {
	it('creates a Checkout Session as a destination charge with the platform fee', async () => {
		const { accountId } = await onboardedSeller();
		const exchangeId = newId();
		const input = {
			exchangeId,
			quarterId: Q,
			description: 'Kuchen für das Hoffest',
			amountCents: 4_250,
			platformFeeCents: platformFeeCents(4_250, {
				platformFeeBasisPoints: 150,
				platformFeeCapCents: 500
			}),
			destinationAccountId: accountId,
			successUrl: `${ORIGIN}/exchanges/${exchangeId}?paid={CHECKOUT_SESSION_ID}`,
			cancelUrl: `${ORIGIN}/exchanges/${exchangeId}`,
			locale: 'de' as const,
			expiresAt: new Date(Date.now() + 3_600_000),
			idempotencyKey: `checkout:${exchangeId}:1`
		};
		expect(input.platformFeeCents).toBe(64); // 63.75 ct rounded half up
		const first = await createCheckoutSession(input);
		const second = await createCheckoutSession(input);
		expect(second.id).toBe(first.id);
		expect(first.id).toMatch(/^cs_test_/);
		expect(first.url).toBe(`${fake.url}/checkout/pay/${first.id}`);
		expect(first.paymentIntentId).toBeNull();
		const calls = fake.calls('POST', '/v1/checkout/sessions').slice(-2);
		for (const call of calls) {
			expect(call.idempotencyKey).toBe(`checkout:${exchangeId}:1`);
			expect(call.params).toEqual({
				mode: 'payment',
				allowed_payment_method_types: ['card'],
				line_items: [
					{
						quantity: '1',
						price_data: {
							currency: 'eur',
							unit_amount: '4250',
							product_data: { name: 'Kuchen für das Hoffest' }
						}
					}
				],
				payment_intent_data: {
					application_fee_amount: '64',
					transfer_data: { destination: accountId },
					metadata: { exchangeId, quarterId: Q }
				},
				client_reference_id: exchangeId,
				metadata: { exchangeId, quarterId: Q, platformFeeCents: '64' },
				locale: 'de',
				success_url: input.successUrl,
				cancel_url: input.cancelUrl,
				expires_at: String(Math.floor(input.expiresAt.getTime() / 1000))
			});
		}
		// The second answer was Stripe's stored first answer, not a second session.
		expect(
			[...fake.sessions.values()].filter((s) => s.client_reference_id === exchangeId)
		).toHaveLength(1);
	});

	it('is refused by Stripe for a seller who cannot take charges yet', async () => {
		const { accountId } = await connectAccount(newId(), Q, new Date());
		await expect(
			createCheckoutSession({
				exchangeId: newId(),
				quarterId: Q,
				description: 'x',
				amountCents: 1_000,
				platformFeeCents: 0,
				destinationAccountId: accountId,
				successUrl: `${ORIGIN}/ok`,
				cancelUrl: `${ORIGIN}/back`,
				locale: 'en',
				expiresAt: new Date(Date.now() + 3_600_000),
				idempotencyKey: `checkout:${newId()}`
			})
		).rejects.toThrow(/capabilities/);
	});

	it('refunds part of a payment with the exact parameters, once per idempotency key', async () => {
		const seller = await onboardedSeller();
		const { exchangeId, paymentIntentId } = await paidCheckout(seller);
		const input = {
			paymentIntentId,
			amountCents: 500,
			exchangeId,
			quarterId: Q,
			idempotencyKey: `refund:${exchangeId}:1`,
			platformFeeCents: 100
		};
		const first = await createRefund(input);
		const second = await createRefund(input);
		expect(second.id).toBe(first.id);
		expect(first).toMatchObject({ status: 'succeeded', amountCents: 500 });
		expect(first.id).toMatch(/^re_/);
		for (const call of fake.calls('POST', '/v1/refunds').slice(-2)) {
			expect(call.idempotencyKey).toBe(`refund:${exchangeId}:1`);
			expect(call.params).toEqual({
				payment_intent: paymentIntentId,
				amount: '500',
				reverse_transfer: 'true',
				refund_application_fee: 'true',
				metadata: { exchangeId, quarterId: Q }
			});
		}
		expect(
			[...fake.refunds.values()].filter((r) => r.payment_intent === paymentIntentId)
		).toHaveLength(1);
		await expect(
			createRefund({ ...input, amountCents: 2_000, idempotencyKey: `refund:${exchangeId}:2` })
		).rejects.toThrow(/greater than unrefunded/);
		// Without a platform fee no fee refund is asked for: Stripe refuses one that was never taken.
		await createRefund({
			...input,
			amountCents: 100,
			idempotencyKey: `refund:${exchangeId}:3`,
			platformFeeCents: 0
		});
		const zeroFee = fake.calls('POST', '/v1/refunds').at(-1)!;
		expect(zeroFee.params).not.toHaveProperty('refund_application_fee');
	});
});

describe('webhooks', () => {
	it('refuses a bad or missing signature and stores nothing', async () => {
		const event = fake.event('account.updated', { id: 'acct_nobody', object: 'account' });
		const { body, signature } = fake.signed(event);
		const other = fake.signed(event, 'whsec_someone_else');
		const now = new Date();
		expect(await receiveWebhook(body, null, now)).toEqual({ kind: 'bad_signature' });
		expect(await receiveWebhook(body, 'garbage', now)).toEqual({ kind: 'bad_signature' });
		expect(await receiveWebhook(body, other.signature, now)).toEqual({ kind: 'bad_signature' });
		expect(
			await receiveWebhook(body.replace('acct_nobody', 'acct_somebody'), signature, now)
		).toEqual({
			kind: 'bad_signature'
		});
		expect(await findStripeEvent(event.id)).toBeNull();
	});

	it('answers through the route: 400 for a bad signature, 200 for an event and its replays', async () => {
		const event = fake.event('balance.available', { object: 'balance' });
		const { body, signature } = fake.signed(event);
		const post = (sig: string | null) =>
			webhookRoute({
				request: new Request(`${ORIGIN}/api/stripe/webhook`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...(sig ? { 'stripe-signature': sig } : {})
					},
					body
				})
			} as unknown as Parameters<typeof webhookRoute>[0]);
		expect((await post(null)).status).toBe(400);
		expect((await post(fake.signed(event, 'whsec_wrong').signature)).status).toBe(400);
		expect(await findStripeEvent(event.id)).toBeNull();
		const first = await post(signature);
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({ received: true, event: event.id, outcome: 'ignored' });
		const replay = await post(signature);
		expect(replay.status).toBe(200);
		expect(await replay.json()).toEqual({
			received: true,
			event: event.id,
			outcome: 'already_done'
		});
	});

	it('gives every event replayed 5 times in shuffled order exactly one effect', async () => {
		const seller = await onboardedSeller();
		const { userId, accountId } = seller;
		const firstEvent = fake.events.length;
		// Stripe's account changes again, a buyer pays, the seller refunds part of it.
		await fake.completeOnboarding(accountId);
		const { exchangeId, paymentIntentId } = await paidCheckout(seller, 3_000);
		await createRefund({
			paymentIntentId,
			amountCents: 1_000,
			exchangeId,
			quarterId: Q,
			idempotencyKey: `refund:${exchangeId}:1`,
			platformFeeCents: 45
		});
		await vi.waitFor(() => expect(fake.events.length - firstEvent).toBe(4));
		const events = fake.events.slice(firstEvent);
		expect(events.map((e) => e.type).sort()).toEqual([
			'account.updated',
			'charge.refunded',
			'checkout.session.completed',
			'refund.created'
		]);

		const random = seededRandom(5);
		const deliveries = shuffled(
			events.flatMap((e) => Array.from({ length: 5 }, () => e)),
			random
		);
		// In groups of four at once, as Stripe's parallel deliveries reach several servers.
		for (let i = 0; i < deliveries.length; i += 4) {
			await Promise.all(deliveries.slice(i, i + 4).map((e) => deliver(e)));
		}
		await retryPendingEvents(new Date(Date.now() + 60 * MINUTE));

		for (const event of events) {
			expect(await findStripeEvent(event.id)).not.toBeNull();
			expect((await findEventDone(event.id))?.outcome).toBe('done');
		}
		expect((await listPendingEvents()).filter((p) => events.some((e) => e.id === p._id))).toEqual(
			[]
		);
		const log = await listPaymentEvents(exchangeId);
		expect(log.map((e) => e.eventId).sort()).toEqual(
			events
				.filter((e) => e.type !== 'account.updated')
				.map((e) => e.id)
				.sort()
		);
		const statusFromEvent = (await listAccountStatus(accountId)).filter(
			(s) => s.source === events.find((e) => e.type === 'account.updated')!.id
		);
		expect(statusFromEvent).toHaveLength(1);
		expect(await paymentsOfExchange(exchangeId)).toEqual({
			payments: [
				{
					key: paymentIntentId,
					state: 'partially_refunded',
					amountCents: 3_000,
					refundedCents: 1_000,
					pendingRefundCents: 0
				}
			],
			paidCents: 3_000,
			refundedCents: 1_000,
			paidPayments: 1
		});
		expect((await payoutStatus(userId)).stage).toBe('payouts_enabled');
	});

	it('keeps an event that cannot be processed yet and retries it until it succeeds', async () => {
		const seller = await onboardedSeller();
		const { exchangeId, paymentIntentId, completed } = await paidCheckout(seller, 1_200);
		// The refund arrives first, from a charge that carries none of our metadata.
		const refunded = fake.event('charge.refunded', {
			id: 'ch_' + newId(),
			object: 'charge',
			payment_intent: paymentIntentId,
			amount: 1_200,
			amount_refunded: 1_200,
			metadata: {}
		});
		const t0 = new Date();
		expect(await deliver(refunded, t0)).toEqual({
			kind: 'stored',
			eventId: refunded.id,
			outcome: 'failed'
		});
		expect(await findEventDone(refunded.id)).toBeNull();
		expect((await listPendingEvents()).map((p) => p._id)).toContain(refunded.id);
		const [failure] = await listEventFailures(refunded.id);
		expect(failure!.error).toMatch(/PaymentNotYetKnownError/);

		// Before the wait is over nothing is tried; a retry that still cannot place it records a
		// second failure; after an hour the quarter management sees it.
		expect((await retryPendingEvents(new Date(t0.getTime() + 30_000))).tried).toBe(0);
		await retryPendingEvents(new Date(t0.getTime() + 2 * MINUTE));
		expect(await listEventFailures(refunded.id)).toHaveLength(2);
		// It names no quarter yet: only the platform's admins see it, not every quarter's team.
		const later = new Date(t0.getTime() + 61 * MINUTE);
		expect((await listStuckEvents(Q, later)).map((s) => s.id)).not.toContain(refunded.id);
		const stuck = await listStuckEvents(Q, later, { unassigned: true });
		expect(stuck.find((s) => s.id === refunded.id)).toMatchObject({
			type: 'charge.refunded',
			failures: 2
		});

		// The payment's own event arrives; the next retry places the refund.
		await deliver(completed);
		const retried = await retryPendingEvents(new Date(t0.getTime() + 10 * MINUTE));
		expect(retried.done).toBeGreaterThanOrEqual(1);
		expect((await findEventDone(refunded.id))?.outcome).toBe('done');
		expect((await listStuckEvents(Q, later, { unassigned: true })).map((s) => s.id)).not.toContain(
			refunded.id
		);
		expect((await paymentsOfExchange(exchangeId)).payments[0]).toMatchObject({
			state: 'refunded',
			refundedCents: 1_200
		});
		// Processing it once more (a late Stripe retry) changes nothing.
		expect(await processEvent(refunded, new Date())).toBe('done');
		expect(await listPaymentEvents(exchangeId)).toHaveLength(2);
	});

	it('keeps account.updated for an account not stored yet, ignores accounts of others', async () => {
		const userId = newId();
		const early = fake.event('account.updated', {
			id: 'acct_' + newId(),
			object: 'account',
			charges_enabled: false,
			metadata: { userId, quarterId: Q }
		});
		expect((await deliver(early)).kind).toBe('stored');
		expect(await findEventDone(early.id)).toBeNull();
		expect((await listEventFailures(early.id))[0]!.error).toMatch(/AccountNotYetKnownError/);
		// An account nobody here created is ignored, not retried.
		const foreign = fake.event('account.updated', {
			id: 'acct_foreign',
			object: 'account',
			metadata: {}
		});
		expect(await deliver(foreign)).toEqual({
			kind: 'stored',
			eventId: foreign.id,
			outcome: 'ignored'
		});
	});
});
