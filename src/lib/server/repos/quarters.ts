import type { QuarterSettings } from '../../domain/quarters/settings';
import { db, type QuarterDoc } from '../db';

export interface Quarter {
	id: string;
	name: string;
	city: string;
	description: string;
	settings: QuarterSettings;
}

function toQuarter(doc: QuarterDoc): Quarter {
	return {
		id: doc._id,
		name: doc.name,
		city: doc.city,
		description: doc.description,
		settings: doc.settings
	};
}

export async function findQuarter(id: string): Promise<Quarter | null> {
	const doc = await (await db()).quarters.findOne({ _id: id });
	return doc ? toQuarter(doc) : null;
}

export async function listQuarterIds(): Promise<string[]> {
	const docs = await (await db()).quarters.find({}, { projection: { _id: 1 } }).toArray();
	return docs.map((doc) => doc._id);
}

export async function listQuarters(): Promise<Quarter[]> {
	const docs = await (await db()).quarters.find({}).sort({ name: 1 }).toArray();
	return docs.map(toQuarter);
}

/** Inserts a quarter; a taken slug fails with a duplicate-key error. */
export async function insertQuarter(quarter: Quarter, now: Date): Promise<void> {
	await (
		await db()
	).quarters.insertOne({
		_id: quarter.id,
		name: quarter.name,
		city: quarter.city,
		description: quarter.description,
		settings: quarter.settings,
		createdAt: now
	});
}

export async function updateQuarterSettings(id: string, settings: QuarterSettings): Promise<void> {
	await (await db()).quarters.updateOne({ _id: id }, { $set: { settings } });
}
