// Address checks by letter (services/address-letters.ts): one document per member and quarter,
// changed read-then-write (only its owner and the quarter management touch it, and every change
// is safe to repeat), and the code uses, an insert under the code's hash (exactly once).
import type { PostalAddress } from '../../domain/trust/address-letter';
import { db, insertUnique, type AddressCheckDoc } from '../db';

export type AddressCheck = Omit<AddressCheckDoc, '_id'> & { id: string };

export function addressCheckId(quarterId: string, userId: string): string {
	return `${quarterId}:${userId}`;
}

function fromDoc({ _id, ...rest }: AddressCheckDoc): AddressCheck {
	return { id: _id, ...rest };
}

export async function findAddressCheck(
	quarterId: string,
	userId: string
): Promise<AddressCheck | null> {
	const doc = await (await db()).addressChecks.findOne({ _id: addressCheckId(quarterId, userId) });
	return doc ? fromDoc(doc) : null;
}

export async function listAddressChecks(quarterId: string): Promise<AddressCheck[]> {
	const docs = await (await db()).addressChecks.find({ quarterId }).toArray();
	return docs.map(fromDoc).sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
}

/** Every check that still holds a postal address (for the purge job). */
export async function listChecksWithAddress(): Promise<AddressCheck[]> {
	const docs = await (await db()).addressChecks.find({ address: { $ne: null } }).toArray();
	return docs.map(fromDoc);
}

/** A new request (replacing an expired one). */
export async function saveAddressRequest(input: {
	quarterId: string;
	userId: string;
	blockId: string | null;
	address: PostalAddress;
	now: Date;
	expiresAt: Date;
}): Promise<void> {
	const doc: AddressCheckDoc = {
		_id: addressCheckId(input.quarterId, input.userId),
		quarterId: input.quarterId,
		userId: input.userId,
		blockId: input.blockId,
		address: input.address,
		codeHash: null,
		requestedAt: input.now,
		printedAt: null,
		printedBy: null,
		expiresAt: input.expiresAt,
		verifiedAt: null,
		addressDeletedAt: null
	};
	await (await db()).addressChecks.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

export async function markPrinted(
	id: string,
	codeHash: string,
	by: string,
	printedAt: Date,
	expiresAt: Date
): Promise<void> {
	await (
		await db()
	).addressChecks.updateOne(
		{ _id: id },
		{ $set: { codeHash, printedAt, printedBy: by, expiresAt } }
	);
}

export async function markVerified(id: string, now: Date): Promise<void> {
	await (
		await db()
	).addressChecks.updateOne(
		{ _id: id },
		{ $set: { verifiedAt: now, address: null, addressDeletedAt: now } }
	);
}

export async function deleteAddress(id: string, now: Date): Promise<void> {
	await (
		await db()
	).addressChecks.updateOne({ _id: id }, { $set: { address: null, addressDeletedAt: now } });
}

/** Takes the code's one use: 'taken' when it was used before (by anyone, on any server). */
export async function insertCodeUse(
	codeHash: string,
	quarterId: string,
	userId: string,
	now: Date
): Promise<'inserted' | 'taken'> {
	return insertUnique((await db()).addressCodeUses, { _id: codeHash, quarterId, userId, at: now });
}

export async function findCodeUse(codeHash: string): Promise<{ userId: string; at: Date } | null> {
	const doc = await (await db()).addressCodeUses.findOne({ _id: codeHash });
	return doc ? { userId: doc.userId, at: doc.at } : null;
}
