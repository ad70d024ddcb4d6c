// Assisted members' consent lives on their membership (`assisted`). Recording and withdrawing
// are updates where the last write may win: both are audited, and the audit log keeps the
// history; no count or balance rests on them.
import type { AssistedConsent } from '../db';
import { db } from '../db';
import { membershipId, toMembership, type Membership } from './memberships';

export interface AssistedMembership extends Membership {
	assisted: AssistedConsent | null;
}

export async function findAssistedMembership(
	quarterId: string,
	userId: string
): Promise<AssistedMembership | null> {
	const doc = await (await db()).memberships.findOne({ _id: membershipId(quarterId, userId) });
	return doc ? { ...toMembership(doc), assisted: doc.assisted ?? null } : null;
}

/** The quarter's memberships with their consent, if any (withdrawn ones too), by `quarterId`. */
export async function listMembershipsWithConsent(quarterId: string): Promise<AssistedMembership[]> {
	const docs = await (await db()).memberships.find({ quarterId }).toArray();
	return docs.map((doc) => ({ ...toMembership(doc), assisted: doc.assisted ?? null }));
}

export async function setAssistedConsent(
	quarterId: string,
	userId: string,
	consent: AssistedConsent
): Promise<void> {
	await (
		await db()
	).memberships.updateOne(
		{ _id: membershipId(quarterId, userId) },
		{ $set: { assisted: consent } }
	);
}
