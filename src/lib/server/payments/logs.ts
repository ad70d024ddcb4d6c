// The payment logs, streams of the shared log mechanism (server/logs): each connected account's
// status snapshots, each exchange's payment events and each webhook event's failed attempts.
// Every read follows the log to its head (freshMs 0: a page shows the status Stripe reported to
// any server, and the retry job sees another server's failures); a log is read whole once per
// server and then only probed for its next number. An entry that must be stored once (a
// snapshot's source, a Stripe event) is found in the log before appending, and two servers
// appending the same one meet at the number: the loser reads it and answers with it.
import type { StatusSnapshot } from '../../domain/payments/account-status';
import { Log, entryList, type LogStore } from '../logs';
import {
	accountStatusStore,
	checkoutSessionStore,
	eventFailureStore,
	type CheckoutSessionEntry,
	paymentEventStore,
	type EventFailure,
	type PaymentEventEntry
} from '../repos/payments';

/** A log whose state is its entries, read to the head on every read. */
function entryLog<E extends { n: number }>(name: string, store: LogStore<E>, maxStreams: number) {
	return new Log<E[], E>({
		name,
		store,
		seqOf: (entry) => entry.n,
		...entryList<E>(),
		freshMs: 0,
		maxStreams
	});
}

const accountStatus = entryLog('account-status', accountStatusStore, 5_000);
const paymentEvents = entryLog('payment-events', paymentEventStore, 2_000);
const eventFailures = entryLog('stripe-event-failures', eventFailureStore, 1_000);
const checkoutSessions = entryLog('checkout-sessions', checkoutSessionStore, 2_000);

/** Appends `entry` numbered n unless `same` finds it in the log; true when it was new. */
async function appendOnce<E extends { n: number }>(
	log: Log<E[], E>,
	stream: string,
	same: (entry: E) => boolean,
	entry: (n: number) => E
): Promise<boolean> {
	const appended = await log.append<never>(stream, (entries, n) => {
		const existing = entries.find(same);
		return existing ? { ok: true, existing } : { ok: true, entry: entry(n) };
	});
	if (!appended.ok) throw new Error(`${log.name} ${stream}: not stored (${appended.problem})`);
	return !appended.duplicate;
}

/** Stores a status snapshot unless one from the same source (event, read) is stored already. */
export function appendAccountStatus(accountId: string, snapshot: StatusSnapshot): Promise<boolean> {
	return appendOnce(
		accountStatus,
		accountId,
		(entry) => entry.source === snapshot.source,
		(n) => ({
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
}

export async function listAccountStatus(accountId: string): Promise<StatusSnapshot[]> {
	return (await accountStatus.read(accountId)).map((entry) => ({
		chargesEnabled: entry.chargesEnabled,
		payoutsEnabled: entry.payoutsEnabled,
		detailsSubmitted: entry.detailsSubmitted,
		currentlyDue: entry.currentlyDue,
		disabledReason: entry.disabledReason,
		observedAt: entry.observedAt.getTime(),
		source: entry.source
	}));
}

/** Stores a payment event in its exchange's log once, however often it is recorded. */
export function appendPaymentEvent(entry: Omit<PaymentEventEntry, 'n'>): Promise<boolean> {
	return appendOnce(
		paymentEvents,
		entry.exchangeId,
		(stored) => stored.eventId === entry.eventId,
		(n) => ({ ...entry, n })
	);
}

export async function listPaymentEvents(exchangeId: string): Promise<PaymentEventEntry[]> {
	return [...(await paymentEvents.read(exchangeId))];
}

/** Records a failed attempt as the next number; two servers failing at once record both. */
export async function recordEventFailure(
	eventId: string,
	error: string,
	at: Date
): Promise<number> {
	const appended = await eventFailures.append<never>(eventId, (_failures, n) => ({
		ok: true,
		entry: { n, error: error.slice(0, 500), at }
	}));
	if (!appended.ok) throw new Error(`failures of ${eventId}: not stored (${appended.problem})`);
	return appended.seq;
}

/** The event's failed attempts, oldest first. */
export async function listEventFailures(eventId: string): Promise<EventFailure[]> {
	return [...(await eventFailures.read(eventId))];
}

/** The exchange's Checkout Sessions, oldest first. */
export async function listCheckoutSessions(exchangeId: string): Promise<CheckoutSessionEntry[]> {
	return [...(await checkoutSessions.read(exchangeId))];
}

/**
 * Stores the session opened as number n. When another server stored number n first, its
 * session is the one to hand out, and this one is returned as `stored: false`.
 */
export async function appendCheckoutSession(
	entry: CheckoutSessionEntry
): Promise<{ stored: boolean; entry: CheckoutSessionEntry }> {
	const appended = await checkoutSessions.append<'skipped'>(entry.exchangeId, (entries, n) => {
		const first = entries.find((e) => e.n === entry.n);
		if (first) return { ok: true, existing: first };
		return n === entry.n ? { ok: true, entry } : { ok: false, problem: 'skipped' };
	});
	if (!appended.ok)
		throw new Error(`checkout sessions of ${entry.exchangeId}: not stored (${appended.problem})`);
	return { stored: !appended.duplicate, entry: appended.entry };
}
