import { db, isDuplicateKeyError, type TokenDoc, type TokenPurpose } from '../db';

export interface OneTimeToken {
	id: string; // the token hash
	purpose: TokenPurpose;
	userId: string;
	email: string;
	/** What the link is about beyond the person (see TokenDoc). */
	subject?: string;
	expiresAt: Date;
}

export async function insertToken(token: OneTimeToken, now: Date): Promise<void> {
	await (await db()).tokens.insertOne({ _id: token.id, ...omitId(token), createdAt: now });
}

/** Like insertToken; false when a token with this hash is stored already. */
export async function insertTokenIfAbsent(token: OneTimeToken, now: Date): Promise<boolean> {
	try {
		await insertToken(token, now);
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}

function omitId({ id: _id, ...rest }: OneTimeToken) {
	return rest;
}

export async function findToken(id: string, purpose: TokenPurpose): Promise<OneTimeToken | null> {
	const doc: TokenDoc | null = await (await db()).tokens.findOne({ _id: id });
	if (!doc || doc.purpose !== purpose) return null;
	return {
		id: doc._id,
		purpose: doc.purpose,
		userId: doc.userId,
		email: doc.email,
		...(doc.subject ? { subject: doc.subject } : {}),
		expiresAt: doc.expiresAt
	};
}

/** Removes a user's tokens of one purpose, e.g. all reset links once the password changed. */
export async function deleteTokensOfUser(userId: string, purpose: TokenPurpose): Promise<void> {
	await (await db()).tokens.deleteMany({ userId, purpose });
}

export async function deleteExpiredTokens(now: Date): Promise<number> {
	const result = await (await db()).tokens.deleteMany({ expiresAt: { $lte: now } });
	return result.deletedCount;
}

/**
 * Records that `key` happened; true only for the first caller. An insert under a unique `_id`
 * is the one atomic primitive FerretDB v1 offers, so single use never rests on an update.
 */
export async function claimOnce(key: string, now: Date): Promise<boolean> {
	try {
		await (await db()).once.insertOne({ _id: key, at: now });
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}
