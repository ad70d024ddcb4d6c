// The one way to Stripe. One client, created on first use from STRIPE_SECRET_KEY (and, in tests,
// STRIPE_API_BASE: the local fake in tests/support/fake-stripe.ts); typed wrappers for exactly
// the calls the app makes, so docs/payments.md can list them and every one has a test. Without
// keys (the demo default) `paymentsEnabled()` is false and no page offers card payments.
import type { Locale } from '../../domain/locale';
import Stripe from 'stripe';
import { env } from '../env';

let client: Stripe | null = null;

export function paymentsEnabled(): boolean {
	return !!env.STRIPE_SECRET_KEY && !!env.STRIPE_WEBHOOK_SECRET;
}

export class PaymentsDisabledError extends Error {
	constructor() {
		super('Card payments are not set up: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are unset.');
	}
}

/** Stripe's client options for an API base such as http://127.0.0.1:12111 (tests). */
export function apiBaseOptions(base: string | undefined): Stripe.StripeConfig {
	if (!base) return {};
	const url = new URL(base);
	const protocol = url.protocol === 'http:' ? 'http' : 'https';
	return {
		host: url.hostname,
		port: url.port || (protocol === 'http' ? 80 : 443),
		protocol
	};
}

/** The Stripe API version the app is written and tested against (stripe@23.1.0's own). */
export const STRIPE_API_VERSION = '2026-10-28.endive';

export function stripeClient(): Stripe {
	if (!paymentsEnabled()) throw new PaymentsDisabledError();
	client ??= new Stripe(env.STRIPE_SECRET_KEY!, {
		...apiBaseOptions(env.STRIPE_API_BASE),
		// Pinned with the SDK (package.json pins it exactly): an SDK update never changes the API
		// version by itself; the webhook endpoints must use the same (docs/payments.md).
		apiVersion: STRIPE_API_VERSION,
		// Network errors and 409/5xx are retried by the SDK under the same idempotency key.
		maxNetworkRetries: 2,
		timeout: 20_000,
		telemetry: false,
		appInfo: { name: 'Quartiermarkt' }
	});
	return client;
}

/** Where Stripe's pages live: the app's forms redirect there (the CSP must allow it). */
export function stripePageOrigins(): string[] {
	if (env.STRIPE_API_BASE) return [new URL(env.STRIPE_API_BASE).origin];
	return ['https://connect.stripe.com', 'https://checkout.stripe.com'];
}

/**
 * The page's Content-Security-Policy with Stripe's pages added to `form-action`: the forms that
 * start onboarding or Checkout are answered with a redirect there, and browsers apply
 * form-action to the redirect too. Unchanged when payments are off.
 */
export function allowStripeFormRedirects(csp: string): string {
	if (!paymentsEnabled()) return csp;
	return csp
		.split(';')
		.map((directive) => {
			const trimmed = directive.trim();
			return trimmed.startsWith('form-action ')
				? `${trimmed} ${stripePageOrigins().join(' ')}`
				: trimmed;
		})
		.join('; ');
}

// ── Connected accounts ──────────────────────────────────────────────────────────────────────

export interface ConnectedAccountInput {
	userId: string;
	quarterId: string;
	/** One key per person: two clicks (or servers) asking at once get the same account. */
	idempotencyKey: string;
}

/** POST /v1/accounts: an Express account in Germany that can take cards and receive transfers. */
export async function createConnectedAccount(
	input: ConnectedAccountInput
): Promise<Stripe.Account> {
	return stripeClient().accounts.create(
		{
			type: 'express',
			country: 'DE',
			capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
			metadata: { userId: input.userId, quarterId: input.quarterId }
		},
		{ idempotencyKey: input.idempotencyKey }
	);
}

/** GET /v1/accounts/:id */
export async function retrieveConnectedAccount(accountId: string): Promise<Stripe.Account> {
	return stripeClient().accounts.retrieve(accountId);
}

/** POST /v1/account_links: a single-use onboarding link (Stripe's hosted pages). */
export async function createOnboardingLink(input: {
	accountId: string;
	refreshUrl: string;
	returnUrl: string;
}): Promise<{ url: string; expiresAt: Date }> {
	const link = await stripeClient().accountLinks.create({
		account: input.accountId,
		refresh_url: input.refreshUrl,
		return_url: input.returnUrl,
		type: 'account_onboarding'
	});
	return { url: link.url, expiresAt: new Date(link.expires_at * 1000) };
}

// ── Paying (used by the payment pages of issue 5, parts 2 and 3) ─────────────────────────────

export interface CheckoutInput {
	exchangeId: string;
	quarterId: string;
	/** What the buyer sees on Stripe's page, e.g. the exchange's title. */
	description: string;
	amountCents: number;
	/** `application_fee_amount`, from domain/payments/fee.ts. */
	platformFeeCents: number;
	/** The seller's connected account (`acct_…`). */
	destinationAccountId: string;
	successUrl: string;
	cancelUrl: string;
	locale: Locale;
	/** When the session expires (Stripe allows 30 minutes to 24 hours from now). */
	expiresAt: Date;
	/** E.g. `checkout:<exchangeId>:s<n>`: a double click opens one session. */
	idempotencyKey: string;
}

/** POST /v1/checkout/sessions: a destination charge to the seller with the platform fee. The
 * exchange id travels in the session's and the payment intent's metadata, so every payment
 * event names it. */
export async function createCheckoutSession(
	input: CheckoutInput
): Promise<{ id: string; url: string; paymentIntentId: string | null; expiresAt: Date }> {
	const metadata = { exchangeId: input.exchangeId, quarterId: input.quarterId };
	const session = await stripeClient().checkout.sessions.create(
		{
			mode: 'payment',
			// Cards only at launch: the money is there when Checkout completes. Slow methods (SEPA
			// Direct Debit) would complete unpaid and settle days later; the webhook handles that
			// too, but the Dashboard's choice must not turn it on unnoticed. (API 2026-10-28 removed
			// `payment_method_types` here; `allowed_payment_method_types` filters the Dashboard's set.)
			allowed_payment_method_types: ['card'],
			line_items: [
				{
					quantity: 1,
					price_data: {
						currency: 'eur',
						unit_amount: input.amountCents,
						product_data: { name: input.description }
					}
				}
			],
			payment_intent_data: {
				// No fee, no fee object: Stripe refuses to refund an application fee that was never
				// taken (refund_application_fee on a charge without one).
				...(input.platformFeeCents > 0 ? { application_fee_amount: input.platformFeeCents } : {}),
				transfer_data: { destination: input.destinationAccountId },
				metadata
			},
			client_reference_id: input.exchangeId,
			// The fee travels with the session, so the webhook settles with the fee that was charged.
			metadata: { ...metadata, platformFeeCents: String(input.platformFeeCents) },
			locale: input.locale,
			success_url: input.successUrl,
			cancel_url: input.cancelUrl,
			expires_at: Math.floor(input.expiresAt.getTime() / 1000)
		},
		{ idempotencyKey: input.idempotencyKey }
	);
	if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
	const pi = session.payment_intent;
	return {
		id: session.id,
		url: session.url,
		paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
		expiresAt: new Date(session.expires_at * 1000)
	};
}

/** POST /v1/checkout/sessions/:id/expire: nobody can pay through the session any more. Stripe
 * answers 400 for a session that is not open (paid meanwhile, or expired): 'not_open'. */
export async function expireCheckoutSession(sessionId: string): Promise<'expired' | 'not_open'> {
	try {
		await stripeClient().checkout.sessions.expire(sessionId);
		return 'expired';
	} catch (err) {
		if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 400)
			return 'not_open';
		throw err;
	}
}

/** Stripe's answer that the idempotency key is in use by a request with other parameters, or
 * by one still running. */
export function isIdempotencyConflict(err: unknown): boolean {
	return (
		err instanceof Stripe.errors.StripeIdempotencyError ||
		(err instanceof Stripe.errors.StripeError && err.code === 'idempotency_key_in_use')
	);
}

export interface RefundInput {
	paymentIntentId: string;
	amountCents: number;
	exchangeId: string;
	quarterId: string;
	/** E.g. `refund:<exchangeId>:v<n>`: a retried refund is made once. */
	idempotencyKey: string;
	/** The platform's fee taken with the payment: refunded in proportion only when there is one. */
	platformFeeCents: number;
	/** The moderator who asked for it; a refund of a late payment says `late`. Carried in the
	 * refund's metadata so its webhook can record it if the app's own answer was lost. */
	requestedBy?: string;
	late?: boolean;
}

/** POST /v1/refunds. For a destination charge the transfer to the seller is reversed and the
 * platform fee refunded in proportion, so the refund is not paid out of the platform's balance. */
export async function createRefund(
	input: RefundInput
): Promise<{ id: string; status: 'pending' | 'succeeded' | 'failed'; amountCents: number }> {
	const refund = await stripeClient().refunds.create(
		{
			payment_intent: input.paymentIntentId,
			amount: input.amountCents,
			reverse_transfer: true,
			...(input.platformFeeCents > 0 ? { refund_application_fee: true } : {}),
			metadata: {
				exchangeId: input.exchangeId,
				quarterId: input.quarterId,
				...(input.requestedBy ? { requestedBy: input.requestedBy } : {}),
				...(input.late ? { late: 'true' } : {})
			}
		},
		{ idempotencyKey: input.idempotencyKey }
	);
	const status =
		refund.status === 'succeeded'
			? 'succeeded'
			: refund.status === 'failed' || refund.status === 'canceled'
				? 'failed'
				: 'pending';
	return { id: refund.id, status, amountCents: refund.amount };
}

// ── Webhooks ────────────────────────────────────────────────────────────────────────────────

/**
 * Checks the `Stripe-Signature` of a raw body against each configured signing secret and
 * returns the event, or null when no secret matches (or the timestamp is older than 5 minutes).
 */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event | null {
	if (!signature || !env.STRIPE_WEBHOOK_SECRET) return null;
	for (const secret of env.STRIPE_WEBHOOK_SECRET.split(',')) {
		try {
			return stripeClient().webhooks.constructEvent(rawBody, signature, secret);
		} catch {
			// A signature made with another secret, too old, or a body that is not an event.
		}
	}
	return null;
}
