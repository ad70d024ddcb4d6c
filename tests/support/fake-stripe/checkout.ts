// Checkout Sessions in payment mode as destination charges: creating one (with Stripe's checks:
// the minimum amount, the fee, the destination's transfers capability, `expires_at`), paying it
// by card at once or by a slow method (complete but unpaid, then succeeded or failed later),
// expiring it, and the application fee object a paid charge with a fee gets.
import { integer, invalid, missing, need, newId, now, type Obj } from './http';
import type { FakeState } from './state';

/** Stripe's minimum charge in euros. */
export const MINIMUM_EUR_CENTS = 50;

/** The payment methods a session offers when the app names none: the Dashboard's choice, which
 * may include slow ones such as SEPA Direct Debit. */
const DASHBOARD_METHODS = ['card', 'sepa_debit'];
const SLOW_METHODS = ['sepa_debit', 'sofort'];

export function createSession(s: FakeState, params: Obj): Obj {
	if (need(params, 'mode') !== 'payment')
		throw invalid('The fake supports mode=payment only.', 'mode');
	const items = params.line_items as Obj[] | undefined;
	if (!Array.isArray(items) || items.length === 0)
		throw invalid('Missing required param: line_items.', 'line_items', 'parameter_missing');
	let amount = 0;
	for (const [i, item] of items.entries()) {
		const price = item.price_data as Obj | undefined;
		if (!price || price.currency !== 'eur')
			throw invalid(
				'The fake supports price_data in eur only.',
				`line_items[${i}][price_data][currency]`
			);
		amount +=
			integer(price.unit_amount, `line_items[${i}][price_data][unit_amount]`) *
			integer(item.quantity ?? '1', `line_items[${i}][quantity]`);
	}
	if (amount < MINIMUM_EUR_CENTS)
		throw invalid(
			"The Checkout Session's total amount due must add up to at least €0.50 eur",
			'line_items',
			'amount_too_small'
		);
	// API 2026-10-28 removed `payment_method_types` from Checkout Sessions; the allowed list
	// filters the methods the Dashboard turned on.
	if (params.payment_method_types !== undefined)
		throw invalid('Received unknown parameter: payment_method_types', 'payment_method_types');
	const allowed = params.allowed_payment_method_types;
	if (allowed !== undefined && (!Array.isArray(allowed) || allowed.length === 0))
		throw invalid('Invalid array', 'allowed_payment_method_types');
	const methods = DASHBOARD_METHODS.filter(
		(m) => allowed === undefined || (allowed as string[]).includes(m)
	);
	const created = now();
	const expiresAt =
		params.expires_at === undefined
			? created + 24 * 3600
			: integer(params.expires_at, 'expires_at');
	if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600)
		throw invalid(
			'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
			'expires_at'
		);
	const pid = (params.payment_intent_data ?? {}) as Obj;
	const fee =
		pid.application_fee_amount === undefined
			? null
			: integer(pid.application_fee_amount, 'payment_intent_data[application_fee_amount]');
	if (fee !== null && fee > amount)
		throw invalid(
			'The application fee must be smaller than the amount.',
			'payment_intent_data[application_fee_amount]'
		);
	const destination = (pid.transfer_data as Obj | undefined)?.destination as string | undefined;
	if (destination) {
		const account = s.accounts.get(destination);
		if (!account)
			throw invalid(
				`No such destination: '${destination}'`,
				'payment_intent_data[transfer_data][destination]',
				'resource_missing'
			);
		if ((account.capabilities as Obj | undefined)?.transfers !== 'active')
			throw invalid(
				'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
				'payment_intent_data[transfer_data][destination]',
				'insufficient_capabilities_for_transfer'
			);
	}
	const id = newId('cs_test', 58);
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
		expires_at: expiresAt,
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
		payment_method_types: methods,
		payment_status: 'unpaid',
		status: 'open',
		success_url: params.success_url ?? null,
		url: `${s.url}/checkout/pay/${id}`
	};
	s.sessions.set(id, session);
	return publicSession(session);
}

export function retrieveSession(s: FakeState, id: string): Obj {
	const session = s.sessions.get(id);
	if (!session) throw missing('checkout.session', id, 'session');
	return publicSession(session);
}

/** POST /v1/checkout/sessions/:id/expire: only an open session can be expired. */
export function expireSession(s: FakeState, id: string): Obj {
	const session = s.sessions.get(id);
	if (!session) throw missing('checkout.session', id, 'session');
	if (session.status !== 'open')
		throw invalid('Only Checkout Sessions with a status in ["open"] can be expired.');
	Object.assign(session, { status: 'expired', url: null });
	s.outbox.announce('checkout.session.expired', publicSession(session));
	return publicSession(session);
}

/** Sessions past their `expires_at` expire (Stripe does this within minutes). */
export function expireDue(s: FakeState, at = now()): string[] {
	const expired: string[] = [];
	for (const session of s.sessions.values()) {
		if (session.status === 'open' && (session.expires_at as number) <= at) {
			expireSession(s, session.id as string);
			expired.push(session.id as string);
		}
	}
	return expired;
}

/**
 * The buyer paid on the Checkout page. By card the money is there at once
 * (`checkout.session.completed`, paid). With a slow method (SEPA Direct Debit) the session
 * completes unpaid and the payment intent is processing; `finishSlowPayment` ends it.
 */
export async function paySession(s: FakeState, sessionId: string, method = 'card'): Promise<Obj> {
	const session = s.sessions.get(sessionId);
	if (!session) throw new Error(`no session ${sessionId}`);
	if (session.status !== 'open') return session;
	if (!(session.payment_method_types as string[]).includes(method))
		throw new Error(`session ${sessionId} does not offer ${method}`);
	const pid = session.payment_intent_data as Obj;
	const amount = session.amount_total as number;
	const pi = newId('pi');
	const slow = SLOW_METHODS.includes(method);
	s.paymentIntents.set(pi, {
		id: pi,
		object: 'payment_intent',
		amount,
		amount_received: slow ? 0 : amount,
		application_fee_amount: pid.application_fee_amount,
		currency: 'eur',
		latest_charge: null,
		metadata: pid.metadata,
		payment_method_types: [method],
		status: slow ? 'processing' : 'succeeded',
		transfer_data: pid.transfer_data,
		created: now(),
		livemode: false
	});
	if (!slow) charge(s, pi);
	Object.assign(session, {
		status: 'complete',
		payment_status: slow ? 'unpaid' : 'paid',
		payment_intent: pi
	});
	await s.outbox.deliver(s.outbox.event('checkout.session.completed', publicSession(session)));
	return session;
}

/** A slow payment (SEPA Direct Debit) went through or failed, days after the Checkout. */
export async function finishSlowPayment(
	s: FakeState,
	sessionId: string,
	succeeded: boolean
): Promise<Obj> {
	const session = s.sessions.get(sessionId);
	if (!session || session.status !== 'complete' || session.payment_status !== 'unpaid')
		throw new Error(`session ${sessionId} has no payment processing`);
	const pi = s.paymentIntents.get(session.payment_intent as string)!;
	if (succeeded) {
		Object.assign(pi, { status: 'succeeded', amount_received: pi.amount });
		charge(s, pi.id as string);
		session.payment_status = 'paid';
	} else {
		pi.status = 'requires_payment_method';
	}
	const type = succeeded
		? 'checkout.session.async_payment_succeeded'
		: 'checkout.session.async_payment_failed';
	await s.outbox.deliver(s.outbox.event(type, publicSession(session)));
	return session;
}

/** The charge of a payment intent whose money arrived, with its application fee. */
function charge(s: FakeState, piId: string): Obj {
	const pi = s.paymentIntents.get(piId)!;
	const id = newId('ch');
	const fee = pi.application_fee_amount as number | null;
	const destination = (pi.transfer_data as Obj).destination as string;
	let feeId: string | null = null;
	if (fee !== null && fee > 0) {
		feeId = newId('fee');
		s.applicationFees.set(feeId, {
			id: feeId,
			object: 'application_fee',
			account: destination,
			amount: fee,
			amount_refunded: 0,
			charge: id,
			currency: 'eur',
			refunded: false,
			created: now(),
			livemode: false
		});
	}
	const chargeObj: Obj = {
		id,
		object: 'charge',
		amount: pi.amount,
		amount_captured: pi.amount,
		amount_refunded: 0,
		application_fee: feeId,
		application_fee_amount: fee,
		currency: 'eur',
		destination,
		disputed: false,
		metadata: pi.metadata,
		paid: true,
		payment_intent: piId,
		refunded: false,
		status: 'succeeded',
		transfer_data: pi.transfer_data,
		created: now(),
		livemode: false
	};
	s.charges.set(id, chargeObj);
	pi.latest_charge = id;
	return chargeObj;
}

/** Stripe's session object does not echo payment_intent_data; the fake keeps it for paying. */
export function publicSession(session: Obj): Obj {
	const { payment_intent_data: _hidden, ...rest } = session;
	void _hidden;
	return structuredClone(rest);
}
