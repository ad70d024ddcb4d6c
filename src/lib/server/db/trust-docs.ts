// The stored shapes of the trust records (issue 16 items 1-4, services/trust.ts): one collection,
// one document per person and kind, `_id` `<kind>:<userId>` or `<kind>:<quarterId>:<userId>`.
// Only what the rules need: a year of birth, that a parent consented and who recorded it, that a
// Führungszeugnis was seen (never a copy or its content), that an insurance was confirmed.
import type { Db } from 'mongodb';

interface Base {
	_id: string;
	userId: string;
	at: Date;
}

export type TrustRecordDoc =
	| (Base & { kind: 'age'; birthYear: number; adultConfirmed: boolean })
	| (Base & { kind: 'insurance' })
	| (Base & {
			kind: 'vetting';
			quarterId: string;
			seenOn: string;
			issuedOn: string;
			validUntil: string;
			recordedBy: string;
	  })
	| (Base & { kind: 'consent'; quarterId: string; recordedBy: string });

export function trustCollections(db: Db) {
	return { trustRecords: db.collection<TrustRecordDoc>('trust_records') };
}
