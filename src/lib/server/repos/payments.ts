// Payments storage: connected accounts, their status snapshots, stored Stripe webhook events with
// their processing outcomes, and each exchange's payment events. Everything that must happen once
// is an insert under `_id` or a unique index (FerretDB v1 has no transactions and no atomic
// update); nothing here is ever updated. Logs are read by probing `_id`s, the one look-up the
// embedded database answers from its index.
import type { Collection } from 'mongodb';
import type { StatusSnapshot } from '../../domain/payments/account-status';
import type { PaymentFact } from '../../domain/payments/payment-events';
import {
	db,
	isDuplicateKeyError,
	type AccountStatusDoc,
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
	try {
		// The driver's OptionalUnlessRequiredId cannot see that T has its own `_id`.
		await collection.insertOne(doc as Parameters<Collection<T>['insertOne']>[0]);
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A numbered log `<key>:<n>`: entries 1, 2, … until the first missing `_id`. */
async function readLog<T extends { _id: string }>(
	collection: Collection<T>,
	key: string
): Promise<T[]> {
	const docs: T[] = [];
	for (let n = 1; ; n++) {
		const doc = (await collection.findOne({ _id: `${key}:${pad(n, 4)}` } as never)) as T | null;
		if (!doc) return docs;
		docs.push(doc);
	}
}

/**
 * Appends to a numbered log unless an entry `matches` already: read, then insert n+1 without a
 * conditional update. A duplicate key means another writer took n+1 (or stored the same entry,
 * which the unique secondary index refuses), so read again and decide again.
 */
async function appendOnce<T extends { _id: string }>(
	collection: Collection<T>,
	key: string,
	matches: (doc: T) => boolean,
	build: (id: string, n: number) => T
): Promise<{ doc: T; appended: boolean }> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const log = await readLog(collection, key);
		const existing = log.find(matches);
		if (existing) return { doc: existing, appended: false };
		const n = log.length + 1;
		const doc = build(`${key}:${pad(n, 4)}`, n);
		if (await insertOnce(collection, doc)) return { doc, appended: true };
	}
	throw new Error(`Could not append to the log ${key}: too many concurrent writers`);
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

/** Stores a status snapshot unless one from the same source (event, read) is stored already. */
export async function appendAccountStatus(
	accountId: string,
	snapshot: StatusSnapshot
): Promise<boolean> {
	const { appended } = await appendOnce(
		(await db()).accountStatus,
		accountId,
		(doc) => doc.source === snapshot.source,
		(id, n) => ({
			_id: id,
			accountId,
			n,
			source: snapshot.source,
			observedAt: new Date(snapshot.observedAt),
			chargesEnabled: snapshot.chargesEnabled,
			payoutsEnabled: snapshot.payoutsEnabled,
			detailsSubmitted: snapshot.detailsSubmitted,
			currentlyDue: snapshot.currentlyDue,
			disabledReason: snapshot.disabledReason
		})
	);
	return appended;
}

export async function listAccountStatus(accountId: string): Promise<StatusSnapshot[]> {
	const docs = await readLog((await db()).accountStatus, accountId);
	return docs.map((doc: AccountStatusDoc) => ({
		chargesEnabled: doc.chargesEnabled,
		payoutsEnabled: doc.payoutsEnabled,
		detailsSubmitted: doc.detailsSubmitted,
		currentlyDue: doc.currentlyDue,
		disabledReason: doc.disabledReason,
		observedAt: doc.observedAt.getTime(),
		source: doc.source
	}));
}

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

export async function listEventFailures(eventId: string): Promise<StripeEventOutcomeDoc[]> {
	const outcomes = (await db()).stripeEventOutcomes;
	const failures: StripeEventOutcomeDoc[] = [];
	for (let n = 1; ; n++) {
		const doc = await outcomes.findOne({ _id: `${eventId}:fail:${pad(n, 3)}` });
		if (!doc) return failures;
		failures.push(doc);
	}
}

/** Records a failed attempt as the next number; two servers failing at once record both. */
export async function insertEventFailure(
	eventId: string,
	error: string,
	at: Date
): Promise<number> {
	const outcomes = (await db()).stripeEventOutcomes;
	let n = (await listEventFailures(eventId)).length + 1;
	for (; ; n++) {
		const inserted = await insertOnce(outcomes, {
			_id: `${eventId}:fail:${pad(n, 3)}`,
			eventId,
			outcome: 'failed',
			error: error.slice(0, 500),
			at
		});
		if (inserted) return n;
	}
}

// ── Payments of exchanges ───────────────────────────────────────────────────────────────────

export interface PaymentEventEntry {
	exchangeId: string;
	quarterId: string | null;
	eventId: string;
	type: string;
	fact: PaymentFact;
	at: Date;
}

/** Stores a payment event in its exchange's log once, however often it is recorded. */
export async function appendPaymentEvent(entry: PaymentEventEntry): Promise<boolean> {
	const { appended } = await appendOnce(
		(await db()).paymentEvents,
		entry.exchangeId,
		(doc) => doc.eventId === entry.eventId,
		(id, n): PaymentEventDoc => ({ _id: id, n, ...entry })
	);
	return appended;
}

export async function listPaymentEvents(exchangeId: string): Promise<PaymentEventEntry[]> {
	const docs = await readLog((await db()).paymentEvents, exchangeId);
	return docs.map((doc) => ({
		exchangeId: doc.exchangeId,
		quarterId: doc.quarterId,
		eventId: doc.eventId,
		type: doc.type,
		fact: doc.fact,
		at: doc.at
	}));
}

export async function insertPaymentIntent(doc: PaymentIntentDoc): Promise<void> {
	await insertOnce((await db()).paymentIntents, doc);
}

export async function findPaymentIntent(id: string): Promise<PaymentIntentDoc | null> {
	return (await db()).paymentIntents.findOne({ _id: id });
}
