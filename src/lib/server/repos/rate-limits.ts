import { db, isDuplicateKeyError } from '../db';

/**
 * Takes the first free attempt slot of a window; false when all are taken. Each slot is an
 * insert under its own `_id`, so concurrent attempts on several app servers can never take more
 * slots than exist. Slots fill in order, so the n-th attempt of a window costs n inserts; with
 * limits of a few dozen that is cheaper than keeping a counter that would need a lock.
 */
export async function takeRateLimitSlot(slotIds: string[], expiresAt: Date): Promise<boolean> {
	const c = await db();
	for (const id of slotIds) {
		try {
			await c.rateLimits.insertOne({ _id: id, expiresAt });
			return true;
		} catch (err) {
			if (!isDuplicateKeyError(err)) throw err;
		}
	}
	return false;
}

export async function deleteExpiredRateLimits(now: Date): Promise<number> {
	const result = await (await db()).rateLimits.deleteMany({ expiresAt: { $lte: now } });
	return result.deletedCount;
}
