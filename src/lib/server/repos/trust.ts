// Trust records (server/db/trust-docs.ts): every look-up is by `_id`, the one filter the
// embedded FerretDB pushes down. A record is replaced whole; the last moderator's word counts.
import type { AgeRecord } from '../../domain/trust/age';
import type { VettingRecord } from '../../domain/trust/vetting';
import { db, type TrustRecordDoc } from '../db';

const ageId = (userId: string) => `age:${userId}`;
const insuranceId = (userId: string) => `insurance:${userId}`;
const vettingId = (quarterId: string, userId: string) => `vetting:${quarterId}:${userId}`;
const consentId = (quarterId: string, userId: string) => `consent:${quarterId}:${userId}`;

async function put(doc: TrustRecordDoc): Promise<void> {
	await (await db()).trustRecords.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

async function get(id: string): Promise<TrustRecordDoc | null> {
	return (await db()).trustRecords.findOne({ _id: id });
}

export async function saveAgeRecord(userId: string, record: AgeRecord, at: Date): Promise<void> {
	await put({ _id: ageId(userId), kind: 'age', userId, at, ...record });
}

export async function findAgeRecord(userId: string): Promise<AgeRecord | null> {
	const doc = await get(ageId(userId));
	return doc?.kind === 'age'
		? { birthYear: doc.birthYear, adultConfirmed: doc.adultConfirmed }
		: null;
}

/** Looked up one by one: `$in` would read every document in the embedded database. */
export async function findAgeRecords(userIds: readonly string[]): Promise<Map<string, AgeRecord>> {
	const found = await Promise.all(
		userIds.map(async (id) => [id, await findAgeRecord(id)] as const)
	);
	return new Map(found.filter((f): f is [string, AgeRecord] => f[1] !== null));
}

export async function saveInsurance(userId: string, confirmed: boolean, at: Date): Promise<void> {
	if (confirmed) await put({ _id: insuranceId(userId), kind: 'insurance', userId, at });
	else await (await db()).trustRecords.deleteOne({ _id: insuranceId(userId) });
}

/** When the person confirmed a liability insurance; null if not (or withdrawn). */
export async function findInsurance(userId: string): Promise<Date | null> {
	return (await get(insuranceId(userId)))?.at ?? null;
}

export async function saveVetting(
	quarterId: string,
	userId: string,
	record: VettingRecord,
	at: Date
): Promise<void> {
	await put({
		_id: vettingId(quarterId, userId),
		kind: 'vetting',
		quarterId,
		userId,
		at,
		...record
	});
}

export async function findVetting(
	quarterId: string,
	userId: string
): Promise<VettingRecord | null> {
	const doc = await get(vettingId(quarterId, userId));
	return doc?.kind === 'vetting'
		? {
				seenOn: doc.seenOn,
				issuedOn: doc.issuedOn,
				recordedBy: doc.recordedBy,
				validUntil: doc.validUntil
			}
		: null;
}

export async function saveConsent(
	quarterId: string,
	userId: string,
	recordedBy: string,
	at: Date
): Promise<void> {
	await put({
		_id: consentId(quarterId, userId),
		kind: 'consent',
		quarterId,
		userId,
		recordedBy,
		at
	});
}

export async function findConsent(
	quarterId: string,
	userId: string
): Promise<{ recordedBy: string; at: Date } | null> {
	const doc = await get(consentId(quarterId, userId));
	return doc?.kind === 'consent' ? { recordedBy: doc.recordedBy, at: doc.at } : null;
}
