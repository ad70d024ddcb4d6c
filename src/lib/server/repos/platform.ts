// The platform itself, above the quarters: who administers it, the one-time setup links of a
// fresh installation, and the facts the installation page shows. Hot look-ups go by `_id`.
import { db, getDb, insertUnique } from '../db';

/** A platform administrator; `_id` is the user's id. */
interface PlatformAdminDoc {
	_id: string;
	createdAt: Date;
	/** The user who appointed them, or `setup` for the first one. */
	createdBy: string;
}

/** A setup link of an installation without an administrator; `_id` is the token's SHA-256. */
interface SetupTokenDoc {
	_id: string;
	createdAt: Date;
	expiresAt: Date;
}

async function admins() {
	return (await getDb()).collection<PlatformAdminDoc>('platform_admins');
}

async function setupTokens() {
	return (await getDb()).collection<SetupTokenDoc>('setup_tokens');
}

export async function isPlatformAdmin(userId: string): Promise<boolean> {
	return (await (await admins()).findOne({ _id: userId }, { projection: { _id: 1 } })) !== null;
}

/** Whether the installation has any administrator (the collection holds a handful at most). */
export async function hasPlatformAdmin(): Promise<boolean> {
	return (await (await admins()).findOne({}, { projection: { _id: 1 } })) !== null;
}

export async function listPlatformAdminIds(): Promise<string[]> {
	const docs = await (await admins()).find({}).sort({ createdAt: 1 }).toArray();
	return docs.map((d) => d._id);
}

/** 'taken' when the person is an administrator already. */
export async function insertPlatformAdmin(
	userId: string,
	createdBy: string,
	now: Date
): Promise<'inserted' | 'taken'> {
	return insertUnique(await admins(), { _id: userId, createdAt: now, createdBy });
}

export async function insertSetupToken(id: string, now: Date, expiresAt: Date): Promise<void> {
	await (await setupTokens()).insertOne({ _id: id, createdAt: now, expiresAt });
}

export async function findSetupToken(id: string): Promise<{ expiresAt: Date } | null> {
	const doc = await (await setupTokens()).findOne({ _id: id });
	return doc ? { expiresAt: doc.expiresAt } : null;
}

/** Once an administrator exists, no setup link works any more. */
export async function deleteSetupTokens(): Promise<void> {
	await (await setupTokens()).deleteMany({});
}

/** Gives back a once-key whose act failed half-way (repos/tokens.ts claimOnce), so it can be
 * tried again; only for acts that changed nothing before failing. */
export async function releaseOnce(key: string): Promise<void> {
	await (await db()).once.deleteOne({ _id: key });
}

/** Every collection with its document count, by name. */
export async function collectionCounts(): Promise<Array<{ name: string; count: number }>> {
	const database = await getDb();
	const names = (await database.listCollections({}, { nameOnly: true }).toArray())
		.map((c) => c.name)
		.sort();
	return Promise.all(
		names.map(async (name) => ({
			name,
			count: await database.collection(name).countDocuments({})
		}))
	);
}
