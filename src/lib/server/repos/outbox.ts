import { db, type OutboxDoc } from '../db';

export interface OutboxMail {
	id: string;
	to: string;
	subject: string;
	text: string;
	createdAt: Date;
	sentAt: Date | null;
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

export async function insertMail(mail: OutboxMail): Promise<void> {
	await (
		await db()
	).outbox.insertOne({
		_id: mail.id,
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		createdAt: mail.createdAt,
		sentAt: mail.sentAt
	});
}

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
