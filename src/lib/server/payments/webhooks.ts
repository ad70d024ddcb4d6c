// Stripe webhooks: verify, store once, process, retry. The order of steps makes every crash
// harmless: an event is stored under its id before anything else (a replay stores nothing), is
// marked pending, processed by its handler (effects are inserts under unique keys), and only then
// marked done. A failure is recorded and the event stays pending for the maintenance job; Stripe's
// own retries of an event that is not done yet process it again. Nothing is ever thrown away.
import type Stripe from 'stripe';
import { isStuck, retryDue } from '../../domain/payments/webhook-retry';
import {
	deletePendingEvent,
	findEventDone,
	findStripeEvent,
	insertEventDone,
	insertPendingEvent,
	insertStripeEvent,
	listPendingEvents
} from '../repos/payments';
import { WEBHOOK_HANDLERS } from './handlers';
import { listEventFailures, recordEventFailure } from './logs';
import { STRIPE_API_VERSION, verifyWebhook } from './stripe';
import { logger } from '../logger.js';

export type ProcessOutcome = 'done' | 'ignored' | 'failed';

export type WebhookResult =
	| { kind: 'bad_signature' }
	| { kind: 'stored'; eventId: string; outcome: ProcessOutcome }
	| { kind: 'replay'; eventId: string; outcome: ProcessOutcome | 'already_done' };

/** Our metadata's quarter, when the event's object carries it. */
function quarterOf(event: Stripe.Event): string | null {
	const metadata = (event.data.object as { metadata?: Record<string, unknown> }).metadata;
	const quarterId = metadata?.quarterId;
	return typeof quarterId === 'string' && quarterId !== '' ? quarterId : null;
}

/**
 * Handles one delivery. Errors of the database (storing, recording) are thrown: the route answers
 * 503 and Stripe delivers again. Errors of a handler are recorded and answered 200.
 */
export async function receiveWebhook(
	rawBody: string,
	signature: string | null,
	now: Date
): Promise<WebhookResult> {
	const event = verifyWebhook(rawBody, signature);
	if (!event) return { kind: 'bad_signature' };
	// The endpoint renders events in its own API version (set when it was created): an event in
	// another version may name fields differently. It is still processed; the operator is told
	// to align the endpoint (docs/payments.md).
	if (event.api_version && event.api_version !== STRIPE_API_VERSION) {
		logger.warn(
			`Stripe event ${event.id} (${event.type}) has API version ${event.api_version}, the app expects ${STRIPE_API_VERSION}: set the webhook endpoint's version (docs/payments.md)`
		);
	}
	const quarterId = quarterOf(event);
	const stored = await insertStripeEvent({
		id: event.id,
		type: event.type,
		created: new Date(event.created * 1000),
		account: event.account ?? null,
		quarterId,
		payload: rawBody,
		receivedAt: now
	});
	if (!stored && (await findEventDone(event.id))) {
		return { kind: 'replay', eventId: event.id, outcome: 'already_done' };
	}
	await insertPendingEvent({ _id: event.id, type: event.type, quarterId, receivedAt: now });
	const outcome = await processEvent(event, now);
	return stored
		? { kind: 'stored', eventId: event.id, outcome }
		: { kind: 'replay', eventId: event.id, outcome };
}

/** Runs the event's handler and records how it went. */
export async function processEvent(event: Stripe.Event, now: Date): Promise<ProcessOutcome> {
	if (await findEventDone(event.id)) {
		await deletePendingEvent(event.id);
		return 'done';
	}
	const handler = WEBHOOK_HANDLERS[event.type];
	let outcome: 'done' | 'ignored';
	try {
		outcome = handler ? await handler(event, now) : 'ignored';
	} catch (err) {
		const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
		await recordEventFailure(event.id, message, now);
		logger.warn(`Stripe event ${event.id} (${event.type}) failed, will retry: ${message}`);
		return 'failed';
	}
	await insertEventDone(event.id, outcome, now);
	await deletePendingEvent(event.id);
	return outcome;
}

/** Events younger than this may still be in the hands of the request that received them. */
const IN_FLIGHT_MS = 60_000;

/** The maintenance job: tries every pending event whose wait after its last failure is over. */
export async function retryPendingEvents(
	now: Date
): Promise<{ tried: number; done: number; failed: number }> {
	const result = { tried: 0, done: 0, failed: 0 };
	for (const pending of await listPendingEvents()) {
		const failures = await listEventFailures(pending._id);
		const last = failures.at(-1)?.at ?? null;
		if (failures.length === 0 && now.getTime() - pending.receivedAt.getTime() < IN_FLIGHT_MS)
			continue;
		if (!retryDue(failures.length, last, now)) continue;
		const stored = await findStripeEvent(pending._id);
		if (!stored) continue; // pending is written after the event: cannot happen, but never crash
		result.tried++;
		const outcome = await processEvent(JSON.parse(stored.payload) as Stripe.Event, now);
		if (outcome === 'failed') result.failed++;
		else result.done++;
	}
	return result;
}

export interface StuckEvent {
	id: string;
	type: string;
	receivedAt: Date;
	failures: number;
	lastError: string | null;
	lastAttemptAt: Date | null;
}

/** Events the quarter management should know about: failed several times or long unprocessed.
 * Events whose quarter is unknown (they may name other quarters' people and accounts) are shown
 * only with `unassigned`, which the page sets for the platform's admins. */
export async function listStuckEvents(
	quarterId: string,
	now: Date,
	options: { unassigned?: boolean } = {}
): Promise<StuckEvent[]> {
	return (await listAllStuckEvents(now)).filter((s) =>
		s.quarterId === null ? options.unassigned : s.quarterId === quarterId
	);
}

/** Every stuck event of the installation, for the platform's admins (/admin/payments). An event
 * that cannot be applied (`UnappliableEventError`) is stuck from its first failure. */
export async function listAllStuckEvents(
	now: Date
): Promise<(StuckEvent & { quarterId: string | null })[]> {
	const stuck: (StuckEvent & { quarterId: string | null })[] = [];
	for (const pending of await listPendingEvents()) {
		const failures = await listEventFailures(pending._id);
		const last = failures.at(-1);
		const unappliable = last?.error.startsWith('UnappliableEventError') ?? false;
		if (!unappliable && !isStuck(failures.length, pending.receivedAt, now)) continue;
		stuck.push({
			id: pending._id,
			type: pending.type,
			quarterId: pending.quarterId,
			receivedAt: pending.receivedAt,
			failures: failures.length,
			lastError: last?.error ?? null,
			lastAttemptAt: last?.at ?? null
		});
	}
	return stuck.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
