// Reports (Meldungen) by members, and how the quarter management handled them. Both insert-only:
// a report's resolution is its own document keyed by the report's id, so it happens once.
import { db, isDuplicateKeyError, type FlagDoc, type FlagTargetType } from '../db';

export interface Flag {
	id: string;
	quarterId: string;
	target: { type: FlagTargetType; id: string };
	reporterId: string;
	reason: string;
	note: string;
	createdAt: Date;
	resolution: { by: string; at: Date; outcome: string; note: string } | null;
}

export function flagId(type: FlagTargetType, targetId: string, reporterId: string, n: number) {
	return `${type}:${targetId}:${reporterId}:${n}`;
}

/** Stores a report once: the same form sent twice is the same `_id`. */
export async function insertFlag(flag: Omit<Flag, 'resolution'>): Promise<boolean> {
	const { id, ...rest } = flag;
	try {
		await (await db()).flags.insertOne({ _id: id, ...rest });
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}

/** True for the one moderator whose resolution was stored. */
export async function resolveFlag(
	flag: Pick<Flag, 'id' | 'quarterId'>,
	resolution: { by: string; at: Date; outcome: string; note: string }
): Promise<boolean> {
	try {
		await (
			await db()
		).flagResolutions.insertOne({
			_id: flag.id,
			quarterId: flag.quarterId,
			...resolution
		});
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}

async function withResolutions(docs: FlagDoc[]): Promise<Flag[]> {
	if (docs.length === 0) return [];
	const c = await db();
	const resolutions = new Map(
		(await c.flagResolutions.find({ _id: { $in: docs.map((d) => d._id) } }).toArray()).map((r) => [
			r._id,
			{ by: r.by, at: r.at, outcome: r.outcome, note: r.note }
		])
	);
	return docs.map(({ _id, ...rest }) => ({
		id: _id,
		...rest,
		resolution: resolutions.get(_id) ?? null
	}));
}

export async function findFlag(id: string): Promise<Flag | null> {
	const doc = await (await db()).flags.findOne({ _id: id });
	return doc ? ((await withResolutions([doc]))[0] ?? null) : null;
}

/** A quarter's reports, newest first. */
export async function listFlags(quarterId: string): Promise<Flag[]> {
	const docs = await (await db()).flags.find({ quarterId }).sort({ createdAt: -1 }).toArray();
	return withResolutions(docs);
}

/** The reports about one thing (a listing, a conversation, a member). */
export async function listFlagsOf(type: FlagTargetType, targetId: string): Promise<Flag[]> {
	const docs = await (
		await db()
	).flags
		.find({ 'target.type': type, 'target.id': targetId })
		.sort({ createdAt: -1 })
		.toArray();
	return withResolutions(docs);
}

/**
 * The number of this member's next report about this thing: how many of their earlier reports
 * about it were resolved. While one is open, every new submit gets the open one's number, so a
 * double click (or five at once) stores one report.
 */
export async function nextFlagNumber(
	type: FlagTargetType,
	targetId: string,
	reporterId: string
): Promise<number> {
	const mine = (await listFlagsOf(type, targetId)).filter((f) => f.reporterId === reporterId);
	return mine.filter((f) => f.resolution !== null).length;
}
