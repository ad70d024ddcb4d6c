// A small local stand-in for Stripe's API, for the calls Quartiermarkt makes (Accounts, Account
// Links, Checkout Sessions, Refunds), so the tests need no internet and no mock inside the app:
// the app's real Stripe SDK talks HTTP to this server (STRIPE_API_BASE). It
// - parses form bodies the way Stripe does (`a[b][0][c]=1`), checks the bearer key,
// - keeps idempotency keys as Stripe does (idempotency.ts: 409 while the first request runs,
//   400 for other parameters, validation errors not kept),
// - records every request so tests can assert exact parameters, and can slow answers down or
//   lose them (the request is carried out, the answer never arrives),
// - answers with objects shaped like Stripe's API reference (accounts.ts, checkout.ts,
//   refunds.ts, disputes.ts), with Stripe's checks where the app's bugs could hide,
// - signs webhook events and delivers them at least once, in any order (events.ts),
// - serves the hosted pages: onboarding and Checkout (pages.ts).
// Where it still differs from Stripe is listed in docs/payments.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import {
	completeOnboarding,
	createAccount,
	createAccountLink,
	pauseTransfers,
	retrieveAccount
} from './accounts';
import {
	createSession,
	expireDue,
	expireSession,
	finishSlowPayment,
	paySession,
	retrieveSession
} from './checkout';
import { closeDispute, openDispute } from './disputes';
import { atLeastOnce, EventOutbox, type Delivery } from './events';
import { StripeApiError, errorBody, header, newId, parseStripeForm, send, type Obj } from './http';
import { IdempotencyKeys } from './idempotency';
import { hostedPage } from './pages';
import { createRefund, settleRefund, type RefundOutcome } from './refunds';
import type { FakeState } from './state';

export { parseStripeForm } from './http';
export { atLeastOnce, type Delivery } from './events';
export { MINIMUM_EUR_CENTS } from './checkout';

export interface RecordedRequest {
	method: string;
	path: string;
	params: Record<string, unknown>;
	idempotencyKey: string | null;
	stripeVersion: string | null;
	authorized: boolean;
	status: number;
	at: Date;
}

export interface FakeStripeOptions {
	secretKey: string;
	webhookSecret: string;
	/** Where events are posted (the app's /api/stripe/webhook); none: events are only built. */
	webhookUrl?: string;
	port?: number;
	host?: string;
}

export class FakeStripe {
	readonly requests: RecordedRequest[] = [];
	readonly accounts = new Map<string, Obj>();
	readonly sessions = new Map<string, Obj>();
	readonly paymentIntents = new Map<string, Obj>();
	readonly charges = new Map<string, Obj>();
	readonly refunds = new Map<string, Obj>();
	readonly applicationFees = new Map<string, Obj>();
	readonly disputes = new Map<string, Obj>();
	readonly outbox: EventOutbox;
	private readonly links: FakeState['links'] = new Map();
	private readonly keys = new IdempotencyKeys();
	private readonly lost = new Map<string, number>();
	private readonly slow = new Map<string, number>();
	private readonly refundOutcomes: RefundOutcome[] = [];
	private server: Server | null = null;
	url = '';

	constructor(readonly options: FakeStripeOptions) {
		this.outbox = new EventOutbox(options.webhookSecret, options.webhookUrl);
	}

	/** Every event the fake made, in order, delivered or not. */
	get events(): Stripe.Event[] {
		return this.outbox.events;
	}

	get deliveries(): Delivery[] {
		return this.outbox.deliveries;
	}

	private get state(): FakeState {
		return {
			url: this.url,
			outbox: this.outbox,
			accounts: this.accounts,
			links: this.links,
			sessions: this.sessions,
			paymentIntents: this.paymentIntents,
			charges: this.charges,
			refunds: this.refunds,
			applicationFees: this.applicationFees,
			disputes: this.disputes
		};
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((err) => {
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { type: 'api_error', message: String(err) } }));
			});
		});
		const host = this.options.host ?? '127.0.0.1';
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(this.options.port ?? 0, host, () => resolve());
		});
		this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** The recorded API calls to one endpoint, e.g. `calls('POST', '/v1/accounts')`. */
	calls(method: string, path: string): RecordedRequest[] {
		return this.requests.filter((r) => r.method === method && r.path === path);
	}

	/** The next `count` answers to `path` are lost: the request is carried out (and its
	 * idempotency key remembered) but the connection is cut before the answer, as when a network
	 * or a proxy fails. The SDK retries; when all its tries are lost, the app sees an error. */
	loseAnswers(path: string, count: number): void {
		this.lost.set(path, count);
	}

	/** Requests to `path` take `ms` before they are carried out (0: at once again). */
	slowDown(path: string, ms: number): void {
		this.slow.set(path, ms);
	}

	/** 24 hours pass: Stripe forgets every idempotency key. */
	forgetIdempotencyKeys(): void {
		this.keys.forgetAll();
	}

	// ── Events ──────────────────────────────────────────────────────────────────────────────

	/** The API version the webhook endpoint renders events in. */
	set eventApiVersion(version: string) {
		this.outbox.apiVersion = version;
	}

	event(type: string, object: Obj, extra: { account?: string; previous?: Obj } = {}) {
		return this.outbox.event(type, object, extra);
	}

	signed(event: Stripe.Event, secret?: string) {
		return this.outbox.signed(event, secret);
	}

	deliver(event: Stripe.Event, options: { secret?: string; url?: string } = {}) {
		return this.outbox.deliver(event, options);
	}

	/** Hands every event `copies` times, shuffled, to `receive`: at-least-once, any order. */
	async deliverAtLeastOnce(
		events: readonly Stripe.Event[],
		receive: (event: Stripe.Event) => Promise<unknown>,
		options: { copies?: number; random: () => number; parallel?: number }
	): Promise<void> {
		const all = atLeastOnce(events, options.copies ?? 3, options.random);
		const parallel = options.parallel ?? 4;
		for (let i = 0; i < all.length; i += parallel) {
			await Promise.all(all.slice(i, i + parallel).map((e) => receive(e)));
		}
	}

	// ── What happens at Stripe outside the app's requests ───────────────────────────────────

	completeOnboarding(accountId: string): Promise<Obj> {
		return completeOnboarding(this.state, accountId);
	}

	pauseTransfers(accountId: string): Promise<Obj> {
		return pauseTransfers(this.state, accountId);
	}

	/** The buyer pays on the Checkout page: by card (paid at once) or a slow method. */
	payCheckout(sessionId: string, method: 'card' | 'sepa_debit' = 'card'): Promise<Obj> {
		return paySession(this.state, sessionId, method);
	}

	finishSlowPayment(sessionId: string, succeeded: boolean): Promise<Obj> {
		return finishSlowPayment(this.state, sessionId, succeeded);
	}

	/** Sessions past `expires_at` (or all open ones, with a time far ahead) expire. */
	expireDueSessions(atSeconds?: number): string[] {
		return expireDue(this.state, atSeconds);
	}

	/** The next refunds the app asks for end this way (default: succeeded at once). */
	nextRefunds(...outcomes: RefundOutcome[]): void {
		this.refundOutcomes.push(...outcomes);
	}

	settleRefund(refundId: string, to: 'succeeded' | 'failed'): Obj {
		return settleRefund(this.state, refundId, to);
	}

	/** Someone refunds in Stripe's Dashboard: no metadata, no idempotency key. */
	dashboardRefund(paymentIntentId: string, amountCents: number): Obj {
		return createRefund(this.state, {
			payment_intent: paymentIntentId,
			amount: String(amountCents)
		});
	}

	openDispute(paymentIntentId: string, reason?: string): Promise<Obj> {
		return openDispute(this.state, paymentIntentId, reason);
	}

	closeDispute(disputeId: string, status: 'won' | 'lost'): Promise<Obj> {
		return closeDispute(this.state, disputeId, status);
	}

	// ── HTTP ────────────────────────────────────────────────────────────────────────────────

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.url);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks).toString('utf8');

		if (url.pathname.startsWith('/v1/')) return this.api(req, res, url, body);
		if (url.pathname === '/health') return send(res, 200, 'text/plain', 'ok');
		if (url.pathname === '/__fake/requests')
			return send(res, 200, 'application/json', JSON.stringify(this.requests));
		if (url.pathname === '/__fake/deliveries')
			return send(res, 200, 'application/json', JSON.stringify(this.deliveries));
		if (url.pathname === '/__fake/events' && req.method === 'POST') {
			// Tests in another process send an event: { type, object, account?, secret? }.
			const { type, object, account, secret } = JSON.parse(body) as {
				type: string;
				object: Obj;
				account?: string;
				secret?: string;
			};
			const event = this.event(type, object, { account });
			const status = await this.deliver(event, { secret });
			return send(res, 200, 'application/json', JSON.stringify({ id: event.id, status }));
		}
		if (await hostedPage(this.state, req, res, url)) return;
		return send(res, 404, 'text/plain', 'Not found');
	}

	private async api(
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		body: string
	): Promise<void> {
		const method = req.method ?? 'GET';
		const params = method === 'GET' ? parseStripeForm(url.search.slice(1)) : parseStripeForm(body);
		const idempotencyKey = method === 'POST' ? header(req, 'idempotency-key') : null;
		const record: RecordedRequest = {
			method,
			path: url.pathname,
			params,
			idempotencyKey,
			stripeVersion: header(req, 'stripe-version'),
			authorized: header(req, 'authorization') === `Bearer ${this.options.secretKey}`,
			status: 0,
			at: new Date()
		};
		this.requests.push(record);
		const answer = (status: number, json: string, replayed = false) => {
			record.status = status;
			const lose = this.lost.get(record.path) ?? 0;
			if (lose > 0) {
				this.lost.set(record.path, lose - 1);
				res.destroy();
				return;
			}
			res.writeHead(status, {
				'content-type': 'application/json',
				'request-id': newId('req', 14),
				'stripe-version': record.stripeVersion ?? Stripe.API_VERSION,
				...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
				...(replayed ? { 'idempotent-replayed': 'true' } : {})
			});
			res.end(json);
		};
		if (!record.authorized) {
			return answer(
				401,
				JSON.stringify({
					error: {
						type: 'invalid_request_error',
						message:
							'Invalid API Key provided: ' +
							(header(req, 'authorization') ?? '').slice(7, 15) +
							'****'
					}
				})
			);
		}
		if (idempotencyKey) {
			const seen = this.keys.begin(
				idempotencyKey,
				`${method} ${url.pathname} ${JSON.stringify(params)}`
			);
			if (seen.kind === 'replay') return answer(seen.status, seen.body, true);
			if (seen.kind === 'conflict') return answer(seen.status, seen.body);
		}
		const delay = this.slow.get(url.pathname) ?? 0;
		if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
		let status = 200;
		let json: string;
		let started = true;
		try {
			json = JSON.stringify(this.route(method, url.pathname, params));
		} catch (err) {
			if (!(err instanceof StripeApiError)) throw err;
			status = err.status;
			json = errorBody(err);
			started = err.started;
		}
		if (idempotencyKey) this.keys.finish(idempotencyKey, started ? { status, body: json } : null);
		answer(status, json);
	}

	private route(method: string, path: string, params: Obj): Obj {
		const s = this.state;
		if (method === 'POST' && path === '/v1/accounts') return createAccount(s, params);
		const account = /^\/v1\/accounts\/(acct_[A-Za-z0-9]+)$/.exec(path);
		if (method === 'GET' && account) return retrieveAccount(s, account[1]!);
		if (method === 'POST' && path === '/v1/account_links') return createAccountLink(s, params);
		if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(s, params);
		const session = /^\/v1\/checkout\/sessions\/(cs_[A-Za-z0-9_]+)(\/expire)?$/.exec(path);
		if (session && method === 'GET' && !session[2]) return retrieveSession(s, session[1]!);
		if (session && method === 'POST' && session[2]) return expireSession(s, session[1]!);
		if (method === 'POST' && path === '/v1/refunds')
			return createRefund(s, params, this.refundOutcomes.shift() ?? 'succeeded');
		throw new StripeApiError(
			404,
			'invalid_request_error',
			`Unrecognized request URL (${method}: ${path}).`
		);
	}
}

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
	return new FakeStripe(options).start();
}

/**
 * For integration tests: starts the fake with the test keys and points the app at it. The app
 * reads its configuration once, at import, so call this from `vi.hoisted` before any app module
 * loads.
 */
export async function startFakeStripeForApp(): Promise<FakeStripe> {
	const keys = await import('../stripe-env');
	const server = await startFakeStripe({
		secretKey: keys.FAKE_STRIPE_SECRET_KEY,
		webhookSecret: keys.FAKE_STRIPE_WEBHOOK_SECRET
	});
	process.env.STRIPE_SECRET_KEY = keys.FAKE_STRIPE_SECRET_KEY;
	process.env.STRIPE_WEBHOOK_SECRET = keys.FAKE_STRIPE_WEBHOOK_SECRET;
	process.env.STRIPE_API_BASE = server.url;
	return server;
}
