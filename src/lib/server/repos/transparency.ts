// What the transparency report counts, read from the records that exist anyway: one function
// per source, each returning only the fields counted (no names, no texts).
import type { FlagTargetType } from '../db';
import { db } from '../db';

/** Every member report (flag): what it is about and when it came in. */
export async function reportTimes(): Promise<Array<{ type: FlagTargetType; at: Date }>> {
	const docs = await (
		await db()
	).flags
		.find({}, { projection: { _id: 0, target: 1, createdAt: 1 } })
		.toArray();
	return docs.map((d) => ({ type: d.target.type, at: d.createdAt }));
}

/** The audit entries of these actions: which act and when, across all quarters. */
export async function auditTimes(
	actions: readonly string[]
): Promise<Array<{ action: string; at: Date }>> {
	const docs = await (
		await db()
	).audit
		.find({ action: { $in: [...actions] } as never }, { projection: { _id: 0, action: 1, at: 1 } })
		.toArray();
	return docs.map((d) => ({ action: d.action, at: d.at }));
}
