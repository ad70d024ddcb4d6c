// The stored shapes of the address check by letter (services/address-letters.ts, issue 16 item
// 5). Split from collections.ts, which re-exports them.
import type { Db } from 'mongodb';
import type { PostalAddress } from '../../domain/trust/address-letter';

/** A member's address check in one quarter: `_id` `<quarterId>:<userId>`. The postal address
 * and the code's hash are kept only while needed; a verified check keeps the block and dates. */
export interface AddressCheckDoc {
	_id: string;
	quarterId: string;
	userId: string;
	/** The block (Straßenzug) of the quarter the address lies in; stays after the address goes. */
	blockId: string | null;
	/** null once the code was used or the letter expired (the purge job makes sure). */
	address: PostalAddress | null;
	/** SHA-256 of the printed code, hex; null before printing. */
	codeHash: string | null;
	requestedAt: Date;
	printedAt: Date | null;
	printedBy: string | null;
	expiresAt: Date;
	verifiedAt: Date | null;
	addressDeletedAt: Date | null;
}

/** One use of a code: `_id` is the code's hash, so a code is used at most once, whatever
 * servers and browsers race (an insert under a unique key; FerretDB v1 has no atomic update). */
export interface AddressCodeUseDoc {
	_id: string;
	quarterId: string;
	userId: string;
	at: Date;
}

export function letterCollections(db: Db) {
	return {
		addressChecks: db.collection<AddressCheckDoc>('address_checks'),
		addressCodeUses: db.collection<AddressCodeUseDoc>('address_code_uses')
	};
}
