// Two app servers on one database (two exchange and messaging services, each with its own read
// model, ledger book and notifications, as in exchanges.test.ts): what a person does through
// server A is what server B shows on the next request, for exchange moves, refunds (on settled
// and cancelled exchanges too, issue 18, finding 1) and messages. Stripe is the local fake,
// reached over HTTP by the app's own SDK; webhooks go through the app's webhook service (the
// app's own exchange service: a third server).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEEN_COOKIE, withSeenMarks } from '../../src/lib/server/logs';
import { createCheckoutSession } from '../../src/lib/server/payments/stripe';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import {
	createExchangeService,
	type ExchangeService
} from '../../src/lib/server/services/exchanges';
import { LedgerBook } from '../../src/lib/server/services/ledger';
import { createMessagingService } from '../../src/lib/server/services/messaging';
import { Notifications } from '../../src/lib/server/services/notifications';
import { deliver, euroQuarter, ok, person as quarterPerson, type Role } from './euro-quarter';

// The app reads its configuration at import: the fake runs and the variables are set first.
const fake = await vi.hoisted(async () => {
	const { startFakeStripeForApp } = await import('../support/fake-stripe/index');
	return startFakeStripeForApp();
});

afterAll(async () => {
	await fake.stop();
});

const Q = 'zweiserver';
const ORIGIN = 'http://quartier.test';

function server(): ExchangeService {
	return createExchangeService({ ledger: new LedgerBook(), notifications: new Notifications() });
}

const person = (role?: Role) => quarterPerson(Q, role);

/** The Stripe refunds asked for this exchange so far. */
const refundCalls = (id: string) =>
	fake
		.calls('POST', '/v1/refunds')
		.filter((c) => (c.params.metadata as Record<string, unknown> | undefined)?.exchangeId === id);

let seller: string;
let accountId: string;
let moderator: string;

beforeAll(async () => {
	({ seller, accountId, moderator } = await euroQuarter(fake, {
		id: Q,
		name: 'Zwei Server',
		settings: { startCreditMinutes: 0 }
	}));
});

/** The buyer's exchange with the seller, proposed on `on`: in euros, or in hours. */
async function proposeOn(on: ExchangeService, buyer: string, title: string, amountCents?: number) {
	const settlement = amountCents === undefined ? 'hours' : 'euros';
	const proposed = await on.propose({
		actorId: buyer,
		quarterId: Q,
		memberId: seller,
		side: 'receiver',
		title,
		minutes: 60,
		settlement,
		...(amountCents === undefined ? {} : { amountCents }),
		origin: ORIGIN
	});
	return ok(proposed).id;
}

async function proposeInEuros(on: ExchangeService, title: string, amountCents: number) {
	const buyer = await person();
	return { buyer, id: await proposeOn(on, buyer, title, amountCents) };
}

/** A euro exchange proposed on A and confirmed on B, waiting for the money. */
async function confirmedInEuros(a: ExchangeService, b: ExchangeService, amountCents: number) {
	const { buyer, id } = await proposeInEuros(a, 'Fahrrad reparieren', amountCents);
	ok(await b.move(seller, id, 'accept'));
	ok(await a.move(seller, id, 'markDone'));
	ok(await b.move(buyer, id, 'confirm'));
	return { buyer, id };
}

/** Pays the exchange by card at the fake Stripe and delivers its events. */
async function payByCard(id: string, amountCents: number, key: string) {
	const session = await createCheckoutSession({
		exchangeId: id,
		quarterId: Q,
		description: 'Fahrrad reparieren',
		amountCents,
		platformFeeCents: 0,
		destinationAccountId: accountId,
		successUrl: `${ORIGIN}/ok`,
		cancelUrl: `${ORIGIN}/no`,
		locale: 'de',
		expiresAt: new Date(Date.now() + 3_600_000),
		idempotencyKey: key
	});
	const before = fake.events.length;
	await fake.payCheckout(session.id);
	for (const e of fake.events.slice(before)) await deliver(fake, e);
}

describe('two servers, one database: the next request sees what the last one did', () => {
	it('exchange moves alternate between the servers; each list and page is current at once', async () => {
		const a = server();
		const b = server();
		const buyer = await person();
		// Both servers have read the lists before: they hold them in memory.
		await Promise.all([a.listOf(buyer), b.listOf(seller)]);
		const id = await proposeOn(a, buyer, 'Regal aufbauen');
		expect((await b.listOf(seller)).map((x) => x.id)).toContain(id);
		expect((await b.listOf(buyer)).map((x) => x.id)).toContain(id);
		const steps = [
			[b, seller, 'accept', 'accepted'],
			[a, seller, 'markDone', 'done'],
			[b, buyer, 'confirm', 'settled']
		] as const;
		for (const [on, actor, move, state] of steps) {
			ok(await on.move(actor, id, move));
			const other = on === a ? b : a;
			expect((await other.get(buyer, id))?.state).toBe(state);
			expect((await other.listOf(seller)).find((x) => x.id === id)?.state).toBe(state);
		}
		// A move the other server already made is answered as a repeat, not made twice.
		expect(await a.move(buyer, id, 'confirm')).toMatchObject({ ok: true, repeated: true });
		expect((await listLedgerEntries(Q)).filter((e) => e.key === id)).toHaveLength(1);
	});

	it('the seen marks of a move on A make B read that exchange up to it (read-your-writes)', async () => {
		const a = server();
		const b = server();
		const { buyer, id } = await confirmedInEuros(a, b, 1200);
		await b.get(buyer, id);
		const moved = await withSeenMarks(undefined, () => a.move(buyer, id, 'cashPaid'));
		expect(moved.cookie).toContain(id);
		const { result } = await withSeenMarks(moved.cookie ?? undefined, () => b.get(seller, id));
		expect(result).toMatchObject({ state: 'confirmed', cashPaidBy: ['receiver'] });
		expect(SEEN_COOKIE).toBe('qm_seen');
	});

	it('a refund of a settled exchange made on A is on B at once, and B refunds only what is left', async () => {
		const a = server();
		const b = server();
		const { buyer, id } = await confirmedInEuros(a, b, 3000);
		await payByCard(id, 3000, `checkout:${id}:two-servers`);
		// Both servers hold the settled exchange in memory.
		expect((await a.get(moderator, id))?.state).toBe('settled');
		expect((await b.get(moderator, id))?.refundedCents).toBe(0);

		ok(await a.moderatorRefund(moderator, id, 1000, 'Teil fehlte', 'nonce-a-000000000000'));
		// B shows A's refund on the next request (issue 18: B showed 0 € refunded).
		expect((await b.get(buyer, id))?.refundedCents).toBe(1000);
		expect((await b.get(moderator, id))?.timeline.filter((t) => t.move === 'refund')).toHaveLength(
			1
		);
		// B refuses more than is left before asking Stripe …
		const calls = refundCalls(id).length;
		expect(
			await b.moderatorRefund(moderator, id, 2001, 'Zu viel', 'nonce-b-000000000000')
		).toMatchObject({ ok: false, problem: 'invalid_amount' });
		expect(refundCalls(id)).toHaveLength(calls);
		// … and records what is left without running into A's entry (no 'contention').
		const second = ok(await b.moderatorRefund(moderator, id, 2000, 'Rest', 'nonce-b-111111111111'));
		expect(second).toMatchObject({ state: 'settled', refundedCents: 3000 });
		const onA = (await a.get(moderator, id))!;
		expect(onA.refundedCents).toBe(3000);
		expect(onA.timeline.filter((t) => t.move === 'refund').map((t) => t.amountCents)).toEqual([
			1000, 2000
		]);
		expect(refundCalls(id).map((c) => c.params.amount)).toEqual(['1000', '2000']);
	});

	it('a late payment refunded on a cancelled exchange is seen by the server that cancelled it', async () => {
		const a = server();
		const b = server();
		const { buyer, id } = await proposeInEuros(a, 'Abgesagt', 900);
		ok(await b.move(buyer, id, 'cancel'));
		expect((await b.get(buyer, id))?.state).toBe('cancelled');
		// A checkout opened from an old page is paid; the app's webhook refunds it.
		await payByCard(id, 900, `checkout:${id}:stale`);
		const view = (await b.get(buyer, id))!;
		expect(view.state).toBe('cancelled');
		expect(view.timeline.at(-1)).toMatchObject({ move: 'refund', amountCents: 900, by: 'system' });
		expect((await a.get(buyer, id))!.timeline.at(-1)).toMatchObject({ move: 'refund' });
	});

	it('messages sent through A are in the conversation and the inbox on B at once', async () => {
		const a = createMessagingService();
		const b = createMessagingService();
		const anna = await person();
		const jonas = await person();
		await b.list(jonas); // B holds Jonas's (empty) inbox
		const started = await a.start({
			senderId: anna,
			target: { quarterId: Q, memberId: jonas },
			text: 'Hallo Jonas!',
			origin: ORIGIN,
			now: new Date()
		});
		if (!started.ok) throw new Error(`not started: ${started.problem}`);
		expect((await b.list(jonas)).map((c) => c.id)).toEqual([started.conversationId]);
		for (let i = 1; i <= 3; i++) {
			const [from, to, reader] = i % 2 ? [a, b, jonas] : [b, a, anna];
			const sent = await from.send({
				conversationId: started.conversationId,
				senderId: i % 2 ? anna : jonas,
				text: `Nachricht ${i}`,
				origin: ORIGIN,
				now: new Date()
			});
			expect(sent.ok).toBe(true);
			const view = await to.read({
				conversationId: started.conversationId,
				userId: reader,
				now: new Date()
			});
			expect(view?.messages.at(-1)?.text).toBe(`Nachricht ${i}`);
		}
	});
});
