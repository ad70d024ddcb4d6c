// Payments storage: connected accounts, their status snapshots, stored Stripe webhook events with
// their processing outcomes, and each exchange's payment events. Everything that must happen once
// is an insert under `_id` or a unique index (FerretDB v1 has no transactions and no atomic
// update); nothing here is ever updated. The three numbered logs (an account's status, an
// exchange's payment events, an event's failed attempts) are stores of the shared log mechanism
// (server/logs; the logs are in payments/logs.ts), found by probing `_id`s, the one look-up the
// embedded database answers from its index.
import type { Collection, OptionalUnlessRequiredId } from 'mongodb';
import type { LogStore } from '../logs';
import {
	db,
	insertUnique,
	type AccountStatusDoc,
	type CheckoutSessionDoc,
	type ConnectedAccountDoc,
	type PaymentEventDoc,
	type PaymentIntentDoc,
	type StripeEventDoc,
	type StripeEventOutcomeDoc,
	type StripeEventPendingDoc
} from '../db';

/** Inserts; false when the `_id` (or a unique key) is taken. */
async function insertOnce<T extends { _id: string }>(
	collection: Collection<T>,
	doc: T
): Promise<boolean> {
	// The driver's OptionalUnlessRequiredId cannot see that T has its own `_id`.
	return (await insertUnique(collection, doc as OptionalUnlessRequiredId<T>)) === 'inserted';
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A log whose entry n of stream s is the document `<s>:<n, 4 digits>`, naming s in `field`. */
function streamStore<T extends { _id: string; n: number }>(
	collection: () => Promise<Collection<T>>,
	field: keyof T & string
): LogStore<Omit<T, '_id'>> {
	const id = (stream: string, n: number) => `${stream}:${pad(n, 4)}`;
	return numberedStore<T, Omit<T, '_id'>>(
		collection,
		id,
		(stream, n, entry) => ({ ...entry, _id: id(stream, n), [field]: stream, n }) as T,
		({ _id: _ignored, ...entry }) => entry
	);
}

/** A log whose entry n of a stream is the document `id(stream, n)` of one collection. */
function numberedStore<T extends { _id: string }, E>(
	collection: () => Promise<Collection<T>>,
	id: (stream: string, n: number) => string,
	toDoc: (stream: string, n: number, entry: E) => T,
	fromDoc: (doc: T) => E
): LogStore<E> {
	return {
		async insert(stream, n, entry) {
			const doc = toDoc(stream, n, entry) as OptionalUnlessRequiredId<T>;
			return insertUnique(await collection(), doc);
		},
		async find(stream, n) {
			const found = await (await collection()).findOne({ _id: id(stream, n) } as never);
			return found && fromDoc(found as T);
		}
	};
}

// ── Connected accounts ──────────────────────────────────────────────────────────────────────

export interface ConnectedAccount {
	userId: string;
	stripeAccountId: string;
	quarterId: string;
	createdAt: Date;
}

const toConnected = (doc: ConnectedAccountDoc): ConnectedAccount => ({
	userId: doc._id,
	stripeAccountId: doc.stripeAccountId,
	quarterId: doc.quarterId,
	createdAt: doc.createdAt
});

export async function findConnectedAccount(userId: string): Promise<ConnectedAccount | null> {
	const doc = await (await db()).connectedAccounts.findOne({ _id: userId });
	return doc ? toConnected(doc) : null;
}

/** The first mapping for a person wins; false when they already have one. */
export async function insertConnectedAccount(account: ConnectedAccount): Promise<boolean> {
	return insertOnce((await db()).connectedAccounts, {
		_id: account.userId,
		stripeAccountId: account.stripeAccountId,
		quarterId: account.quarterId,
		createdAt: account.createdAt
	});
}

export async function insertAccountOwner(accountId: string, userId: string): Promise<void> {
	await insertOnce((await db()).connectedAccountOwners, { _id: accountId, userId });
}

export async function findAccountOwner(accountId: string): Promise<string | null> {
	return (await (await db()).connectedAccountOwners.findOne({ _id: accountId }))?.userId ?? null;
}

export type AccountStatusEntry = Omit<AccountStatusDoc, '_id'>;

/** An account's status snapshots as a log (`<accountId>:<n>`); a source is stored once. */
export const accountStatusStore = streamStore<AccountStatusDoc>(
	async () => (await db()).accountStatus,
	'accountId'
);

// ── Webhook events ──────────────────────────────────────────────────────────────────────────

export type StoredEvent = Omit<StripeEventDoc, '_id'> & { id: string };

/** Stores a verified event; false when it was stored before (a replay). */
export async function insertStripeEvent(event: StoredEvent): Promise<boolean> {
	const { id, ...rest } = event;
	return insertOnce((await db()).stripeEvents, { _id: id, ...rest });
}

export async function findStripeEvent(id: string): Promise<StoredEvent | null> {
	const doc = await (await db()).stripeEvents.findOne({ _id: id });
	if (!doc) return null;
	const { _id, ...rest } = doc;
	return { id: _id, ...rest };
}

export async function insertPendingEvent(doc: StripeEventPendingDoc): Promise<void> {
	await insertOnce((await db()).stripeEventPending, doc);
}

export async function deletePendingEvent(eventId: string): Promise<void> {
	await (await db()).stripeEventPending.deleteOne({ _id: eventId });
}

/** Every event not yet processed (a small collection: processed events leave it). */
export async function listPendingEvents(): Promise<StripeEventPendingDoc[]> {
	return (await db()).stripeEventPending.find({}).toArray();
}

export async function findEventDone(eventId: string): Promise<StripeEventOutcomeDoc | null> {
	return (await db()).stripeEventOutcomes.findOne({ _id: `${eventId}:done` });
}

/** Records that the event was processed (or deliberately ignored); once. */
export async function insertEventDone(
	eventId: string,
	outcome: 'done' | 'ignored',
	at: Date
): Promise<void> {
	await insertOnce((await db()).stripeEventOutcomes, {
		_id: `${eventId}:done`,
		eventId,
		outcome,
		error: null,
		at
	});
}

/** A failed attempt to process an event: entry n of the event's log of failures. */
export interface EventFailure {
	n: number;
	error: string;
	at: Date;
}

const failureId = (eventId: string, n: number) => `${eventId}:fail:${pad(n, 3)}`;

/** An event's failed attempts as a log (`<eventId>:fail:<n>`, beside its `done` outcome). */
export const eventFailureStore = numberedStore<StripeEventOutcomeDoc, EventFailure>(
	async () => (await db()).stripeEventOutcomes,
	failureId,
	(eventId, n, failure) => ({
		_id: failureId(eventId, n),
		eventId,
		outcome: 'failed',
		error: failure.error.slice(0, 500),
		at: failure.at
	}),
	(doc) => ({ n: Number(doc._id.split(':fail:')[1]), error: doc.error ?? '', at: doc.at })
);

// ── Payments of exchanges ───────────────────────────────────────────────────────────────────

export type PaymentEventEntry = Omit<PaymentEventDoc, '_id'>;

/** An exchange's payment events as a log (`<exchangeId>:<n>`); a Stripe event is stored once. */
export const paymentEventStore = streamStore<PaymentEventDoc>(
	async () => (await db()).paymentEvents,
	'exchangeId'
);

/** Each exchange's Checkout Sessions as a log (`<exchangeId>:<n>`). */
export const checkoutSessionStore = streamStore<CheckoutSessionDoc>(
	async () => (await db()).checkoutSessions,
	'exchangeId'
);

export type CheckoutSessionEntry = Omit<CheckoutSessionDoc, '_id'>;

export async function insertPaymentIntent(doc: PaymentIntentDoc): Promise<void> {
	await insertOnce((await db()).paymentIntents, doc);
}

export async function findPaymentIntent(id: string): Promise<PaymentIntentDoc | null> {
	return (await db()).paymentIntents.findOne({ _id: id });
}
