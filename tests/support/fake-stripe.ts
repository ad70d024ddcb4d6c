// A small local stand-in for Stripe's API, for the calls Quartiermarkt makes (Accounts, Account
// Links, Checkout Sessions, Refunds), so the tests need no internet and no mock inside the app:
// the app's real Stripe SDK talks HTTP to this server (STRIPE_API_BASE). It
// - parses form bodies the way Stripe does (`a[b][0][c]=1`), checks the bearer key,
// - honours Idempotency-Key (same key and parameters → the same answer, marked
//   `Idempotent-Replayed`; same key, other parameters → 400 idempotency_error),
// - records every request so tests can assert exact parameters,
// - answers with objects shaped like Stripe's API reference (ids acct_…, cs_test_…, pi_…, re_…),
// - signs webhook events with the SDK's `generateTestHeaderString` and posts them to the app,
// - serves the hosted pages: onboarding (completes the account, sends `account.updated`, goes
//   back to return_url) and Checkout (a page with a pay button; paying sends
//   `checkout.session.completed` and goes to success_url).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

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

export interface Delivery {
	eventId: string;
	type: string;
	status: number;
}

export interface FakeStripeOptions {
	secretKey: string;
	webhookSecret: string;
	/** Where events are posted (the app's /api/stripe/webhook); none: events are only built. */
	webhookUrl?: string;
	port?: number;
	host?: string;
}

type Obj = Record<string, unknown>;

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string, length = 24) =>
	`${prefix}_${randomBytes(length).toString('base64url').replace(/[-_]/g, '').slice(0, length)}`;

/**
 * Stripe's form encoding back into objects: `metadata[userId]=u1`,
 * `line_items[0][price_data][unit_amount]=500`. Numeric keys make arrays. Values stay strings,
 * as Stripe receives them.
 */
export function parseStripeForm(body: string): Obj {
	const root: Obj = {};
	for (const [rawKey, value] of new URLSearchParams(body)) {
		const parts = rawKey.replace(/\]/g, '').split('[');
		let node: Obj | unknown[] = root;
		parts.forEach((part, i) => {
			const last = i === parts.length - 1;
			const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]!);
			const container = node as Record<string, unknown>;
			if (last) {
				container[part] = value;
				return;
			}
			container[part] ??= nextIsIndex ? [] : {};
			node = container[part] as Obj | unknown[];
		});
	}
	return root;
}

class StripeApiError extends Error {
	constructor(
		readonly status: number,
		readonly type: string,
		message: string,
		readonly param?: string,
		readonly code?: string
	) {
		super(message);
	}
}

const need = (params: Obj, name: string): string => {
	const value = params[name];
	if (typeof value !== 'string' || value === '')
		throw new StripeApiError(
			400,
			'invalid_request_error',
			`Missing required param: ${name}.`,
			name,
			'parameter_missing'
		);
	return value;
};
const integer = (value: unknown, param: string): number => {
	if (typeof value !== 'string' || !/^\d+$/.test(value))
		throw new StripeApiError(
			400,
			'invalid_request_error',
			`Invalid integer: ${String(value)}`,
			param
		);
	return Number(value);
};

export class FakeStripe {
	readonly requests: RecordedRequest[] = [];
	readonly deliveries: Delivery[] = [];
	/** Every event the fake made, in order, delivered or not. */
	readonly events: Stripe.Event[] = [];
	readonly accounts = new Map<string, Obj>();
	readonly sessions = new Map<string, Obj>();
	readonly paymentIntents = new Map<string, Obj>();
	readonly charges = new Map<string, Obj>();
	readonly refunds = new Map<string, Obj>();
	private readonly links = new Map<
		string,
		{ account: string; refresh: string; ret: string; used: boolean; expiresAt: number }
	>();
	private readonly idempotent = new Map<
		string,
		{ fingerprint: string; status: number; body: string }
	>();
	private readonly signer = new Stripe('sk_test_signer_only');
	private server: Server | null = null;
	url = '';

	constructor(readonly options: FakeStripeOptions) {}

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
	/** The next `count` answers to `path` are lost: the request is carried out (and its
	 * idempotency key remembered) but the connection is cut before the answer, as when a network
	 * or a proxy fails. The SDK retries; when all its tries are lost, the app sees an error. */
	loseAnswers(path: string, count: number): void {
		this.lost.set(path, count);
	}

	private readonly lost = new Map<string, number>();

	calls(method: string, path: string): RecordedRequest[] {
		return this.requests.filter((r) => r.method === method && r.path === path);
	}

	// ── Webhook events ──────────────────────────────────────────────────────────────────────

	/** An event as Stripe sends it; `account` is set for events of a connected account. */
	event(type: string, object: Obj, extra: { account?: string; previous?: Obj } = {}): Stripe.Event {
		const event = {
			id: newId('evt'),
			object: 'event',
			...(extra.account ? { account: extra.account } : {}),
			api_version: Stripe.API_VERSION,
			created: now(),
			data: { object, ...(extra.previous ? { previous_attributes: extra.previous } : {}) },
			livemode: false,
			pending_webhooks: 1,
			request: { id: null, idempotency_key: null },
			type
		} as unknown as Stripe.Event;
		this.events.push(event);
		return event;
	}

	/** The body and Stripe-Signature header for an event, signed with the webhook secret. */
	signed(
		event: Stripe.Event,
		secret = this.options.webhookSecret
	): { body: string; signature: string } {
		const body = JSON.stringify(event, null, 2);
		return {
			body,
			signature: this.signer.webhooks.generateTestHeaderString({ payload: body, secret })
		};
	}

	/** Posts a signed event to the app; the answer's status is recorded and returned. */
	async deliver(
		event: Stripe.Event,
		options: { secret?: string; url?: string } = {}
	): Promise<number> {
		const url = options.url ?? this.options.webhookUrl;
		if (!url) return 0;
		const { body, signature } = this.signed(event, options.secret);
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'stripe-signature': signature,
				'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'
			},
			body
		});
		await response.arrayBuffer();
		this.deliveries.push({ eventId: event.id, type: event.type, status: response.status });
		return response.status;
	}

	// ── What Stripe's hosted pages do ───────────────────────────────────────────────────────

	/** The person finished onboarding: everything is submitted and verified. */
	async completeOnboarding(accountId: string): Promise<Obj> {
		const account = this.accounts.get(accountId);
		if (!account) throw new Error(`no account ${accountId}`);
		const previous = {
			charges_enabled: account.charges_enabled,
			payouts_enabled: account.payouts_enabled,
			details_submitted: account.details_submitted
		};
		Object.assign(account, {
			charges_enabled: true,
			payouts_enabled: true,
			details_submitted: true,
			capabilities: { card_payments: 'active', transfers: 'active' },
			requirements: requirements([])
		});
		await this.deliver(
			this.event('account.updated', structuredClone(account), { account: accountId, previous })
		);
		return account;
	}

	/** The buyer paid on the Checkout page: a payment intent and its charge now exist. */
	async payCheckout(sessionId: string): Promise<Obj> {
		const session = this.sessions.get(sessionId);
		if (!session) throw new Error(`no session ${sessionId}`);
		if (session.status !== 'open') return session;
		const pid = session.payment_intent_data as Obj;
		const amount = session.amount_total as number;
		const pi = newId('pi');
		const charge = newId('ch');
		this.charges.set(charge, {
			id: charge,
			object: 'charge',
			amount,
			amount_captured: amount,
			amount_refunded: 0,
			application_fee_amount: pid.application_fee_amount,
			currency: 'eur',
			destination: (pid.transfer_data as Obj).destination,
			metadata: pid.metadata,
			paid: true,
			payment_intent: pi,
			refunded: false,
			status: 'succeeded',
			transfer_data: pid.transfer_data,
			created: now(),
			livemode: false
		});
		this.paymentIntents.set(pi, {
			id: pi,
			object: 'payment_intent',
			amount,
			amount_received: amount,
			application_fee_amount: pid.application_fee_amount,
			currency: 'eur',
			latest_charge: charge,
			metadata: pid.metadata,
			status: 'succeeded',
			transfer_data: pid.transfer_data,
			created: now(),
			livemode: false
		});
		Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: pi });
		await this.deliver(this.event('checkout.session.completed', publicSession(session)));
		return session;
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
		const onboarding = /^\/connect\/onboarding\/([A-Za-z0-9]+)$/.exec(url.pathname);
		if (onboarding && req.method === 'GET') {
			const link = this.links.get(onboarding[1]!);
			if (!link) return send(res, 404, 'text/plain', 'Unknown link');
			// Account links are single use and short-lived: Stripe sends a stale one to refresh_url.
			if (link.used || link.expiresAt < now() || url.searchParams.get('action') === 'leave') {
				link.used = true;
				return redirect(res, 302, link.refresh);
			}
			link.used = true;
			await this.completeOnboarding(link.account);
			return redirect(res, 302, link.ret);
		}
		const pay = /^\/checkout\/pay\/([A-Za-z0-9_]+)$/.exec(url.pathname);
		if (pay) {
			const session = this.sessions.get(pay[1]!);
			if (!session) return send(res, 404, 'text/plain', 'Unknown session');
			if (req.method === 'POST') {
				await this.payCheckout(session.id as string);
				return redirect(
					res,
					303,
					String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id as string)
				);
			}
			return send(res, 200, 'text/html; charset=utf-8', checkoutPage(session));
		}
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
		const idempotencyKey = header(req, 'idempotency-key');
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
		const fingerprint = `${method} ${url.pathname} ${JSON.stringify(params)}`;
		if (idempotencyKey && method === 'POST') {
			const seen = this.idempotent.get(idempotencyKey);
			if (seen && seen.fingerprint !== fingerprint) {
				return answer(
					400,
					JSON.stringify({
						error: {
							type: 'idempotency_error',
							message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
						}
					})
				);
			}
			if (seen) return answer(seen.status, seen.body, true);
		}
		let status = 200;
		let json: string;
		try {
			json = JSON.stringify(this.route(method, url.pathname, params));
		} catch (err) {
			if (!(err instanceof StripeApiError)) throw err;
			status = err.status;
			json = JSON.stringify({
				error: {
					type: err.type,
					message: err.message,
					...(err.param ? { param: err.param } : {}),
					...(err.code ? { code: err.code } : {})
				}
			});
		}
		// Stripe keeps the first answer for a key, errors from validation included.
		if (idempotencyKey && method === 'POST')
			this.idempotent.set(idempotencyKey, { fingerprint, status, body: json });
		answer(status, json);
	}

	private route(method: string, path: string, params: Obj): Obj {
		if (method === 'POST' && path === '/v1/accounts') return this.createAccount(params);
		const account = /^\/v1\/accounts\/(acct_[A-Za-z0-9]+)$/.exec(path);
		if (method === 'GET' && account) {
			const found = this.accounts.get(account[1]!);
			if (!found)
				throw new StripeApiError(
					404,
					'invalid_request_error',
					`No such account: '${account[1]}'`,
					'account',
					'resource_missing'
				);
			return found;
		}
		if (method === 'POST' && path === '/v1/account_links') return this.createAccountLink(params);
		if (method === 'POST' && path === '/v1/checkout/sessions') return this.createSession(params);
		if (method === 'POST' && path === '/v1/refunds') return this.createRefund(params);
		throw new StripeApiError(
			404,
			'invalid_request_error',
			`Unrecognized request URL (${method}: ${path}).`
		);
	}

	private createAccount(params: Obj): Obj {
		if (need(params, 'type') !== 'express')
			throw new StripeApiError(
				400,
				'invalid_request_error',
				'The fake supports Express accounts only.',
				'type'
			);
		const id = newId('acct', 16);
		const capabilities = (params.capabilities ?? {}) as Record<string, { requested?: string }>;
		const account: Obj = {
			id,
			object: 'account',
			business_profile: { mcc: null, name: null, url: null, support_email: null },
			business_type: null,
			capabilities: Object.fromEntries(
				Object.entries(capabilities)
					.filter(([, c]) => c.requested === 'true')
					.map(([name]) => [name, 'inactive'])
			),
			charges_enabled: false,
			controller: { is_controller: true, type: 'application' },
			country: need(params, 'country'),
			created: now(),
			default_currency: 'eur',
			details_submitted: false,
			email: null,
			external_accounts: {
				object: 'list',
				data: [],
				has_more: false,
				total_count: 0,
				url: `/v1/accounts/${id}/external_accounts`
			},
			metadata: params.metadata ?? {},
			payouts_enabled: false,
			requirements: requirements([
				'business_profile.url',
				'business_type',
				'external_account',
				'tos_acceptance.date',
				'tos_acceptance.ip'
			]),
			settings: { payouts: { schedule: { delay_days: 7, interval: 'daily' } } },
			tos_acceptance: { date: null },
			type: 'express'
		};
		this.accounts.set(id, account);
		return account;
	}

	private createAccountLink(params: Obj): Obj {
		const accountId = need(params, 'account');
		if (!this.accounts.has(accountId))
			throw new StripeApiError(
				400,
				'invalid_request_error',
				`No such account: '${accountId}'`,
				'account',
				'resource_missing'
			);
		if (need(params, 'type') !== 'account_onboarding')
			throw new StripeApiError(400, 'invalid_request_error', 'Invalid type', 'type');
		const token = randomBytes(12).toString('hex');
		const created = now();
		this.links.set(token, {
			account: accountId,
			refresh: need(params, 'refresh_url'),
			ret: need(params, 'return_url'),
			used: false,
			expiresAt: created + 300
		});
		return {
			object: 'account_link',
			created,
			expires_at: created + 300,
			url: `${this.url}/connect/onboarding/${token}`
		};
	}

	private createSession(params: Obj): Obj {
		if (need(params, 'mode') !== 'payment')
			throw new StripeApiError(
				400,
				'invalid_request_error',
				'The fake supports mode=payment only.',
				'mode'
			);
		const items = params.line_items as Obj[] | undefined;
		if (!Array.isArray(items) || items.length === 0)
			throw new StripeApiError(
				400,
				'invalid_request_error',
				'Missing required param: line_items.',
				'line_items',
				'parameter_missing'
			);
		let amount = 0;
		for (const [i, item] of items.entries()) {
			const price = item.price_data as Obj | undefined;
			if (!price || price.currency !== 'eur')
				throw new StripeApiError(
					400,
					'invalid_request_error',
					'The fake supports price_data in eur only.',
					`line_items[${i}][price_data][currency]`
				);
			amount +=
				integer(price.unit_amount, `line_items[${i}][price_data][unit_amount]`) *
				integer(item.quantity ?? '1', `line_items[${i}][quantity]`);
		}
		const pid = (params.payment_intent_data ?? {}) as Obj;
		const fee =
			pid.application_fee_amount === undefined
				? 0
				: integer(pid.application_fee_amount, 'payment_intent_data[application_fee_amount]');
		if (fee > amount)
			throw new StripeApiError(
				400,
				'invalid_request_error',
				'The application fee must be smaller than the amount.',
				'payment_intent_data[application_fee_amount]'
			);
		const destination = (pid.transfer_data as Obj | undefined)?.destination as string | undefined;
		if (destination) {
			const account = this.accounts.get(destination);
			if (!account)
				throw new StripeApiError(
					400,
					'invalid_request_error',
					`No such destination: '${destination}'`,
					'payment_intent_data[transfer_data][destination]',
					'resource_missing'
				);
			if (!account.charges_enabled)
				throw new StripeApiError(
					400,
					'invalid_request_error',
					'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
					'payment_intent_data[transfer_data][destination]',
					'insufficient_capabilities_for_transfer'
				);
		}
		const id = newId('cs_test', 58);
		const created = now();
		const session: Obj = {
			id,
			object: 'checkout.session',
			amount_subtotal: amount,
			amount_total: amount,
			cancel_url: params.cancel_url ?? null,
			client_reference_id: params.client_reference_id ?? null,
			created,
			currency: 'eur',
			customer: null,
			expires_at: created + 24 * 3600,
			livemode: false,
			locale: params.locale ?? null,
			metadata: params.metadata ?? {},
			mode: 'payment',
			payment_intent: null,
			payment_intent_data: {
				application_fee_amount: fee,
				transfer_data: pid.transfer_data ?? null,
				metadata: pid.metadata ?? {}
			},
			payment_status: 'unpaid',
			status: 'open',
			success_url: params.success_url ?? null,
			url: `${this.url}/checkout/pay/${id}`
		};
		this.sessions.set(id, session);
		return publicSession(session);
	}

	private createRefund(params: Obj): Obj {
		const piId = need(params, 'payment_intent');
		const pi = this.paymentIntents.get(piId);
		if (!pi)
			throw new StripeApiError(
				400,
				'invalid_request_error',
				`No such payment_intent: '${piId}'`,
				'payment_intent',
				'resource_missing'
			);
		const charge = this.charges.get(pi.latest_charge as string)!;
		const left = (charge.amount as number) - (charge.amount_refunded as number);
		const amount = params.amount === undefined ? left : integer(params.amount, 'amount');
		if (amount <= 0 || amount > left)
			throw new StripeApiError(
				400,
				'invalid_request_error',
				`Refund amount (€${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (€${(left / 100).toFixed(2)})`,
				'amount',
				left === 0 ? 'charge_already_refunded' : 'amount_too_large'
			);
		const id = newId('re');
		const refund: Obj = {
			id,
			object: 'refund',
			amount,
			charge: charge.id,
			created: now(),
			currency: 'eur',
			metadata: params.metadata ?? {},
			payment_intent: piId,
			reason: params.reason ?? null,
			status: 'succeeded',
			transfer_reversal: params.reverse_transfer === 'true' ? newId('trr') : null
		};
		this.refunds.set(id, refund);
		charge.amount_refunded = (charge.amount_refunded as number) + amount;
		charge.refunded = charge.amount_refunded === charge.amount;
		// Stripe announces the refund asynchronously; the app must not depend on when.
		setTimeout(() => {
			void this.deliver(this.event('refund.created', structuredClone(refund))).catch(
				() => undefined
			);
			void this.deliver(this.event('charge.refunded', structuredClone(charge))).catch(
				() => undefined
			);
		}, 10);
		return refund;
	}
}

function requirements(due: string[]): Obj {
	return {
		alternatives: [],
		current_deadline: null,
		currently_due: due,
		disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
		errors: [],
		eventually_due: due,
		past_due: due,
		pending_verification: []
	};
}

/** Stripe's session object does not echo payment_intent_data; the fake keeps it for paying. */
function publicSession(session: Obj): Obj {
	const { payment_intent_data: _hidden, ...rest } = session;
	void _hidden;
	return rest;
}

function header(req: IncomingMessage, name: string): string | null {
	const value = req.headers[name];
	return typeof value === 'string' ? value : null;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
	res.writeHead(status, { 'content-type': type });
	res.end(body);
}

function redirect(res: ServerResponse, status: number, location: string): void {
	res.writeHead(status, { location });
	res.end();
}

const escape = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/** Checkout's hosted page, reduced to what a test needs: the amount, pay, go back. */
function checkoutPage(session: Obj): string {
	const de = session.locale !== 'en';
	const items = new Intl.NumberFormat(de ? 'de-DE' : 'en-GB', {
		style: 'currency',
		currency: 'EUR'
	}).format((session.amount_total as number) / 100);
	const paid = session.status !== 'open';
	return `<!doctype html>
<html lang="${de ? 'de' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${de ? 'Bezahlen' : 'Pay'} · Stripe (Test)</title></head>
<body><main>
<h1>${de ? 'Bezahlen' : 'Pay'} ${escape(items)}</h1>
<p>${de ? 'Testseite des lokalen Stripe-Ersatzes.' : 'Test page of the local Stripe stand-in.'}</p>
${paid ? `<p>${de ? 'Bereits bezahlt.' : 'Already paid.'}</p>` : `<form method="post"><button type="submit">${de ? 'Jetzt bezahlen' : 'Pay now'}</button></form>`}
${session.cancel_url ? `<p><a href="${escape(String(session.cancel_url))}">${de ? 'Zurück' : 'Back'}</a></p>` : ''}
</main></body></html>`;
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
	const keys = await import('./stripe-env');
	const server = await startFakeStripe({
		secretKey: keys.FAKE_STRIPE_SECRET_KEY,
		webhookSecret: keys.FAKE_STRIPE_WEBHOOK_SECRET
	});
	process.env.STRIPE_SECRET_KEY = keys.FAKE_STRIPE_SECRET_KEY;
	process.env.STRIPE_WEBHOOK_SECRET = keys.FAKE_STRIPE_WEBHOOK_SECRET;
	process.env.STRIPE_API_BASE = server.url;
	return server;
}
