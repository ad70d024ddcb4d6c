// The writes that erase one person's data (docs/legal.md, "Löschen mit Einfüge-Logs"). Each
// overwrites with fixed values or deletes, so running it again changes nothing: a deletion that
// stopped half-way is finished by running every step again. Insert-only logs are overwritten in
// place here, once, for the erasure the GDPR requires; nothing else ever updates them. The
// filters are not on `_id`, so FerretDB reads each collection once: fine for a rare act.
import type { Document } from 'mongodb';
import { erasedEmail, ERASED, scrub } from '../../domain/members/deletion';
import { db, getDb } from '../db';
import { refMatches, valuesAt, type Person } from '../privacy/refs';
import { PERSONAL_COLLECTIONS, type PersonalCollection } from '../privacy/registry';

/** The account becomes its pseudonym: no address, no password, no name. Then the address is
 * freed for a new sign-up (after the account stops naming it, so the unique index allows it). */
export async function eraseUser(userId: string, n: number, pseudonym: string): Promise<void> {
	const c = await db();
	await c.users.updateOne(
		{ _id: userId },
		{
			$set: {
				email: erasedEmail(userId),
				displayName: pseudonym,
				passwordHash: '',
				emailVerifiedAt: null,
				deletedAs: n
			}
		}
	);
	await c.emails.deleteMany({ userId });
}

/** Every one-time token of the person (any purpose). */
export async function deleteTokensOf(userId: string): Promise<void> {
	await (await db()).tokens.deleteMany({ userId });
}

/** The ids of the person's listings and of every photo any version of them had. */
export async function listingsAndPhotosOf(
	userId: string
): Promise<{ listingIds: string[]; photoIds: string[] }> {
	const docs = await (
		await db()
	).listingRevisions
		.find({ 'listing.authorId': userId }, { projection: { listingId: 1, 'listing.photoId': 1 } })
		.toArray();
	const listingIds = new Set<string>();
	const photoIds = new Set<string>();
	for (const d of docs) {
		listingIds.add(d.listingId);
		if (d.listing?.photoId) photoIds.add(d.listing.photoId);
	}
	return { listingIds: [...listingIds], photoIds: [...photoIds] };
}

/** Overwrites the text of every version of the person's listings. */
export async function eraseListingRevisions(userId: string, title: string): Promise<number> {
	const result = await (
		await db()
	).listingRevisions.updateMany(
		{ 'listing.authorId': userId },
		{
			$set: {
				'listing.title': title,
				'listing.description': ERASED,
				'listing.tags': [],
				'listing.availability': ERASED,
				'listing.photoId': null,
				'listing.moderation': null,
				'search.tokens': [],
				'search.text': ERASED
			}
		}
	);
	return result.modifiedCount;
}

/** Deletes photos by `_id` (the one filter that does not decode every photo's bytes). */
export async function deletePhotos(ids: readonly string[]): Promise<void> {
	const c = await db();
	await Promise.all(ids.map((id) => c.photos.deleteOne({ _id: id })));
}

/** The person's messages say "gelöscht"; the other party's stay as they are. */
export async function eraseMessagesOf(userId: string): Promise<number> {
	const c = await db();
	const result = await c.chatMessages.updateMany(
		{ senderId: userId },
		{ $set: { text: ERASED, erased: true } }
	);
	await c.chatPending.deleteMany({ senderId: userId });
	return result.modifiedCount;
}

/** Profiles, memberships (with application and consent texts) and trader identities. */
export async function deleteMemberData(
	userId: string,
	quarterIds: readonly string[]
): Promise<void> {
	const c = await db();
	const database = await getDb();
	await c.profiles.deleteMany({ userId });
	await Promise.all(quarterIds.map((q) => c.memberships.deleteOne({ _id: `${q}:${userId}` })));
	await c.memberships.deleteMany({ userId });
	await database.collection('trader_identities').deleteMany({ userId });
	await c.trustRecords.deleteMany({ userId });
}

/** Thank-you notes and report notes they wrote; their notifications and mails to them. */
export async function eraseRecordsOf(userId: string, email: string | null): Promise<void> {
	const c = await db();
	await c.thanks.updateMany({ authorId: userId }, { $set: { text: ERASED } });
	await c.flags.updateMany({ reporterId: userId }, { $set: { note: ERASED } });
	await c.notifications.deleteMany({ userId });
	await c.notificationReads.deleteOne({ _id: userId });
	await c.chatReads.deleteMany({ userId });
	if (email) {
		const mails = await c.outbox.find({ to: email }, { projection: { _id: 1 } }).toArray();
		const ids = mails.map((d) => d._id);
		if (ids.length > 0) {
			await c.mailEvents.deleteMany({ mailId: { $in: ids } });
			await c.mailPending.deleteMany({ _id: { $in: ids } });
			await c.mailFailures.deleteMany({ _id: { $in: ids } });
			await c.outbox.deleteMany({ _id: { $in: ids } });
		}
	}
}

/** Collections the sweep leaves alone: photos (bytes, deleted by id above), snapshots (dropped
 * whole afterwards), and the account and its address (erased by `eraseUser`). */
const NOT_SWEPT = new Set(['photos', 'snapshots', 'users', 'emails']);

export interface SweepResult {
	collections: number;
	documents: number;
	changed: number;
}

/**
 * Goes through every collection of the personal-data registry (server/privacy/registry.ts) and
 * overwrites, in the fields it lists as personal: the person's address and phone wherever they
 * are (`everywhere`, emptied), and their name and profile text (`related`, replaced by the
 * pseudonym) in the documents the registry says are about them, and in mails and notices
 * (collections found by an address: free text about anyone). Only changed top-level fields are
 * written. Idempotent: a second run finds nothing.
 */
export async function sweep(
	person: Person,
	everywhere: RegExp | null,
	related: RegExp | null,
	pseudonym: string
): Promise<SweepResult> {
	const database = await getDb();
	const existing = new Set(
		(await database.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name)
	);
	const entries = PERSONAL_COLLECTIONS.filter((c) => existing.has(c.name));
	const byName = new Map(entries.map((c) => [c.name, c]));
	const parentSets = new Map<string, Set<unknown>>();
	const parents = (collection: string, field: string) =>
		parentSets.get(`${collection}|${field}`) ?? new Set<unknown>();

	const isAbout = (doc: Document, entry: PersonalCollection) =>
		entry.refs.some((ref) => refMatches(doc as { _id: unknown }, ref, person, parents));

	// The values `via` references point at, parents first (a parent may itself be found via one).
	const fillParents = async (name: string, field: string, depth = 0): Promise<void> => {
		const key = `${name}|${field}`;
		const entry = byName.get(name);
		if (parentSets.has(key) || !entry || depth > 3) return;
		for (const ref of entry.refs) {
			if ('via' in ref) await fillParents(ref.via, ref.parentField, depth + 1);
		}
		const values = new Set<unknown>();
		for await (const doc of database.collection<Document>(name).find({})) {
			if (isAbout(doc, entry)) for (const v of valuesAt(doc, field)) values.add(String(v));
		}
		parentSets.set(key, values);
	};
	for (const entry of entries) {
		for (const ref of entry.refs) if ('via' in ref) await fillParents(ref.via, ref.parentField);
	}

	const result: SweepResult = { collections: 0, documents: 0, changed: 0 };
	for (const entry of entries) {
		// Records under a legal hold are kept unchanged for their period (registry: `legalHold`).
		if (NOT_SWEPT.has(entry.name) || entry.legalHold || entry.personal.length === 0) continue;
		result.collections++;
		const fields = [...new Set(entry.personal.map((path) => path.split('.')[0]!))].filter(
			(f) => f !== '_id'
		);
		const freeText = entry.refs.some((ref) => 'email' in ref);
		const collection = database.collection<Document>(entry.name);
		for await (const doc of collection.find({})) {
			result.documents++;
			const about = related !== null && (freeText || isAbout(doc, entry));
			const set: Record<string, unknown> = {};
			for (const field of fields) {
				if (!(field in doc)) continue;
				let next: unknown = doc[field];
				let changed = false;
				if (everywhere) {
					const out = scrub(next, everywhere, ERASED);
					next = out.value;
					changed = out.changed;
				}
				if (about) {
					const out = scrub(next, related, pseudonym);
					next = out.value;
					changed ||= out.changed;
				}
				if (changed) set[field] = next;
			}
			if (Object.keys(set).length > 0) {
				await collection.updateOne({ _id: doc._id }, { $set: set });
				result.changed++;
			}
		}
	}
	return result;
}
