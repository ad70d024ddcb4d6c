// A mail's delivery events, as a stream of the shared log mechanism (server/logs): event n+1 is
// taken by inserting `<mailId>:<n+1>`, and each event also carries the unique key of its attempt
// (domain/mail/delivery.ts `eventKey`), so an attempt is claimed, and its result recorded, once.
// Beside them, the pending list (mails whose delivery has not ended) and the recent failures.
import { eventKey, type FailureKind, type MailEvent } from '../../domain/mail/delivery';
import { db, insertUnique, type MailPendingDoc } from '../db';
import type { LogStore } from '../logs';

export type StoredMailEvent = MailEvent & { mailId: string; n: number };

function eventId(mailId: string, n: number): string {
	return `${mailId}:${String(n).padStart(4, '0')}`;
}

export const mailEventStore: LogStore<StoredMailEvent> = {
	async insert(mailId, n, event) {
		return insertUnique((await db()).mailEvents, {
			...event,
			_id: eventId(mailId, n),
			mailId,
			n,
			key: `${mailId}:${eventKey(event)}`
		});
	},
	async find(mailId, n) {
		const doc = await (await db()).mailEvents.findOne({ _id: eventId(mailId, n) });
		if (!doc) return null;
		const { _id: _ignored, key: _key, ...event } = doc;
		return event;
	}
};

export async function deleteMailEvents(mailIds: string[]): Promise<void> {
	if (mailIds.length === 0) return;
	await (await db()).mailEvents.deleteMany({ mailId: { $in: mailIds } });
}

export async function insertPending(mailId: string, createdAt: Date): Promise<void> {
	await insertUnique((await db()).mailPending, { _id: mailId, createdAt });
}

export async function deletePending(mailId: string): Promise<void> {
	await (await db()).mailPending.deleteOne({ _id: mailId });
}

/** Every mail not yet sent or failed, oldest first. */
export async function listPending(): Promise<MailPendingDoc[]> {
	const docs = await (await db()).mailPending.find({}).toArray();
	return docs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Notes that a mail ended unsent; once, however often it is settled. */
export async function insertFailure(mailId: string, at: Date, failure: FailureKind): Promise<void> {
	await insertUnique((await db()).mailFailures, { _id: mailId, at, failure });
}

/** Failures since `since`, counted by why (the collection holds two days at most). */
export async function countFailuresSince(since: Date): Promise<Record<FailureKind, number>> {
	const counts: Record<FailureKind, number> = { permanent: 0, gave_up: 0, no_smtp: 0 };
	for (const doc of await (await db()).mailFailures.find({}).toArray()) {
		if (doc.at >= since) counts[doc.failure]++;
	}
	return counts;
}

export async function deleteFailuresBefore(before: Date): Promise<void> {
	await (await db()).mailFailures.deleteMany({ at: { $lt: before } });
}
