import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';
import { ObjectId } from 'mongodb';

/** A new document id: 24 hex characters, ordered by creation time. */
export function newId(): string {
	return new ObjectId().toHexString();
}

/** A secret token for a cookie or an emailed link: 160 random bits, 32 base32 characters. */
export function newSecretToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Only this hash of a secret token is ever stored. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
