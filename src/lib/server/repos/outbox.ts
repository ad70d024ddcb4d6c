// The stored mails (`outbox`) and what the admin list and the housekeeping ask of them. Every
// filter here other than `_id` reads the whole collection on the embedded FerretDB: mails are
// kept 90 days at most (services/mail.ts), so it stays a few thousand small documents.
import type { Filter } from 'mongodb';
import type { MailStatus, MailSummary } from '../../domain/mail/delivery';
import { db, type OutboxDoc } from '../db';

export interface OutboxMail {
	id: string;
	to: string;
	subject: string;
	text: string;
	createdAt: Date;
	sentAt: Date | null;
}

export interface OutboxEntry extends OutboxMail, MailSummary {
	textPurgedAt: Date | null;
}

function toMail(doc: OutboxDoc): OutboxMail {
	return {
		id: doc._id,
		to: doc.to,
		subject: doc.subject,
		text: doc.text,
		createdAt: doc.createdAt,
		sentAt: doc.sentAt
	};
}

/** A mail stored before the sender existed has no status: it was kept instead of sent. */
function toEntry(doc: OutboxDoc): OutboxEntry {
	const legacy = doc.status === undefined;
	return {
		...toMail(doc),
		status: doc.status ?? 'failed',
		attempts: doc.attempts ?? 0,
		lastError: doc.lastError ?? null,
		failure: legacy ? 'no_smtp' : (doc.failure ?? null),
		endedAt: doc.endedAt ?? (legacy ? doc.createdAt : null),
		textPurgedAt: doc.textPurgedAt ?? null
	};
}

/** Stores a new mail as queued. */
export async function insertMail(mail: Omit<OutboxMail, 'sentAt'>): Promise<void> {
	await (
		await db()
	).outbox.insertOne({
		_id: mail.id,
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		createdAt: mail.createdAt,
		sentAt: null,
		status: 'queued',
		attempts: 0,
		lastError: null,
		failure: null,
		endedAt: null,
		textPurgedAt: null
	});
}

/** Writes what the mail's event log says (the log is the truth; this is for listing). */
export async function updateMailSummary(id: string, summary: MailSummary): Promise<void> {
	await (
		await db()
	).outbox.updateOne(
		{ _id: id },
		{
			$set: {
				status: summary.status,
				attempts: summary.attempts,
				lastError: summary.lastError,
				failure: summary.failure,
				sentAt: summary.sentAt,
				endedAt: summary.endedAt
			}
		}
	);
}

/** The newest mails, optionally to one address (the developers' /dev/mail and tests). */
export async function listMail(limit: number, to?: string): Promise<OutboxMail[]> {
	const docs = await (
		await db()
	).outbox
		.find(to ? { to } : {})
		.sort({ createdAt: -1, _id: -1 })
		.limit(limit)
		.toArray();
	return docs.map(toMail);
}

export async function findMail(id: string): Promise<OutboxMail | null> {
	const doc = await (await db()).outbox.findOne({ _id: id });
	return doc ? toMail(doc) : null;
}

const FAILED: Filter<OutboxDoc> = { $or: [{ status: 'failed' }, { status: { $exists: false } }] };

function statusFilter(status: MailStatus | undefined): Filter<OutboxDoc> {
	if (status === 'failed') return FAILED;
	return status ? { status } : {};
}

/** A page of the newest mails, optionally of one status, older than the mail `before`. */
export async function listMailEntries(query: {
	status?: MailStatus;
	limit: number;
	before?: string;
}): Promise<OutboxEntry[]> {
	const outbox = (await db()).outbox;
	const filters: Filter<OutboxDoc>[] = [statusFilter(query.status)];
	if (query.before) {
		const cursor = await outbox.findOne({ _id: query.before });
		if (!cursor) return [];
		filters.push({
			$or: [
				{ createdAt: { $lt: cursor.createdAt } },
				{ createdAt: cursor.createdAt, _id: { $lt: cursor._id } }
			]
		});
	}
	const docs = await outbox
		.find({ $and: filters })
		.sort({ createdAt: -1, _id: -1 })
		.limit(query.limit)
		.toArray();
	return docs.map(toEntry);
}

/** Empties the text of mails whose delivery ended before the given times. */
export async function purgeMailTexts(
	sentBefore: Date,
	failedBefore: Date,
	now: Date
): Promise<number> {
	const result = await (
		await db()
	).outbox.updateMany(
		{
			$and: [
				{ text: { $ne: '' } },
				{
					$or: [
						{ status: 'sent', sentAt: { $lt: sentBefore } },
						{ $and: [FAILED, { createdAt: { $lt: failedBefore } }] }
					]
				}
			]
		},
		{ $set: { text: '', textPurgedAt: now } }
	);
	return result.modifiedCount;
}

/** Deletes mails whose delivery ended before the given times; returns their ids. */
export async function deleteOldMail(sentBefore: Date, failedBefore: Date): Promise<string[]> {
	const outbox = (await db()).outbox;
	const filter: Filter<OutboxDoc> = {
		$or: [
			{ status: 'sent', sentAt: { $lt: sentBefore } },
			{ $and: [FAILED, { createdAt: { $lt: failedBefore } }] }
		]
	};
	const ids = (await outbox.find(filter).project<{ _id: string }>({ _id: 1 }).toArray()).map(
		(doc) => doc._id
	);
	if (ids.length > 0) await outbox.deleteMany({ _id: { $in: ids } });
	return ids;
}
