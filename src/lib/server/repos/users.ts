import type { Locale } from '../../domain/locale';
import * as m from '../../paraglide/messages';
import { db, isDuplicateKeyError, type UserDoc } from '../db';
import { RecentCache } from '../logs';

export interface User {
	id: string;
	email: string;
	displayName: string;
	locale: Locale;
	emailVerified: boolean;
	/** A deleted account: its name is the pseudonym in the reader's language. */
	deleted?: boolean;
}

export interface UserWithPassword extends User {
	passwordHash: string;
}

function toUser(doc: UserDoc): User {
	if (doc.deletedAs !== undefined) {
		return {
			id: doc._id,
			email: '',
			displayName: m.account_deletion_pseudonym({ n: doc.deletedAs }),
			locale: doc.locale,
			emailVerified: false,
			deleted: true
		};
	}
	return {
		id: doc._id,
		email: doc.email,
		displayName: doc.displayName,
		locale: doc.locale,
		emailVerified: doc.emailVerifiedAt !== null
	};
}

export class EmailTakenError extends Error {
	constructor() {
		super('email taken');
	}
}

/**
 * Creates the user after claiming the address: the claim is an insert under the address as
 * `_id`, so two sign-ups with one address cannot both succeed, whichever server they reach.
 */
export async function insertUser(
	user: { id: string; email: string; displayName: string; locale: Locale; passwordHash: string },
	now: Date,
	verified = false
): Promise<User> {
	const c = await db();
	try {
		await c.emails.insertOne({ _id: user.email, userId: user.id, createdAt: now });
	} catch (err) {
		if (isDuplicateKeyError(err)) throw new EmailTakenError();
		throw err;
	}
	const doc: UserDoc = {
		_id: user.id,
		email: user.email,
		displayName: user.displayName,
		locale: user.locale,
		passwordHash: user.passwordHash,
		emailVerifiedAt: verified ? now : null,
		createdAt: now
	};
	try {
		await c.users.insertOne(doc);
	} catch (err) {
		// Give the address back so that the person can try again.
		await c.emails.deleteOne({ _id: user.email, userId: user.id });
		throw err;
	}
	return toUser(doc);
}

export async function findUserById(id: string): Promise<User | null> {
	const doc = await (await db()).users.findOne({ _id: id });
	return doc ? toUser(doc) : null;
}

export async function findUserWithPasswordByEmail(email: string): Promise<UserWithPassword | null> {
	const c = await db();
	const claim = await c.emails.findOne({ _id: email });
	if (!claim) return null;
	const doc = await c.users.findOne({ _id: claim.userId });
	return doc ? { ...toUser(doc), passwordHash: doc.passwordHash } : null;
}

export async function findPasswordHash(userId: string): Promise<string | null> {
	const doc = await (
		await db()
	).users.findOne({ _id: userId }, { projection: { passwordHash: 1 } });
	return doc?.passwordHash ?? null;
}

export async function markEmailVerified(userId: string, now: Date): Promise<void> {
	await (await db()).users.updateOne({ _id: userId }, { $set: { emailVerifiedAt: now } });
}

export async function setPasswordHash(userId: string, passwordHash: string): Promise<void> {
	await (await db()).users.updateOne({ _id: userId }, { $set: { passwordHash } });
}

export async function updateProfile(
	userId: string,
	profile: { displayName: string; locale: Locale }
): Promise<void> {
	await (await db()).users.updateOne({ _id: userId }, { $set: profile });
	names.drop(userId);
}

export async function findUsersByIds(ids: string[]): Promise<User[]> {
	return (await findUserDocsByIds(ids)).map(toUser);
}

async function findUserDocsByIds(ids: string[]): Promise<UserDoc[]> {
	if (ids.length === 0) return [];
	const users = (await db()).users;
	// The embedded database answers only `{_id: x}` from the index; `$in` reads every user
	// (measured: 45 ms with 1,000 members, on every page that names people). A few ids are
	// looked up one by one, in parallel; many at once are still one query.
	if (ids.length <= BY_ONE_MAX) {
		const docs = await Promise.all(ids.map((id) => users.findOne({ _id: id })));
		return docs.filter((d) => d !== null);
	}
	return users.find({ _id: { $in: ids } }).toArray();
}

const BY_ONE_MAX = 32;

/** What a name in a list is made of: the name, or the number of a deleted account's pseudonym. */
type NameFacts = { displayName: string } | { deletedAs: number };

/**
 * Names in lists (a statement's counterparties, a conversation's people) may be up to 10 s old on
 * another server (freshness rule 6, docs/architecture.md): a member's statement named about a
 * dozen people, one database read each, on every view. A rename on this server is seen at once.
 */
const names = new RecentCache<string, NameFacts>(10_000, 20_000);

/** Display names by user id, for lists that name people; `system` and unknown ids are left out.
 * A deleted account's pseudonym is in the reader's language. */
export async function displayNamesOf(ids: Iterable<string>): Promise<Map<string, string>> {
	const unique = [...new Set(ids)].filter((id) => id !== 'system');
	const facts = await names.readMany(unique, async (missing) => {
		const docs = await findUserDocsByIds(missing);
		return new Map(
			docs.map((doc): [string, NameFacts] => [
				doc._id,
				doc.deletedAs !== undefined
					? { deletedAs: doc.deletedAs }
					: { displayName: doc.displayName }
			])
		);
	});
	return new Map(
		[...facts].map(([id, f]) => [
			id,
			'deletedAs' in f ? m.account_deletion_pseudonym({ n: f.deletedAs }) : f.displayName
		])
	);
}
