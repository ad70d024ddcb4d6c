// Address verification by letter (issue 16 item 5): the rules, pure. A member asks for a letter
// and gives their postal address; the quarter management prints a batch of letters, each with a
// one-time code; the member types the code in "Mein Konto". A code works once, only for the
// person it was printed for, and only until it expires. The postal address is kept only while it
// is needed (until the code is used or has expired); afterwards only the block stays.
import type { RateLimitRule } from '../auth/policy';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** A code stays valid this long after the letter was printed: post takes some days, and a
 * person away on holiday should still manage (as banks do with letters for online banking). */
export const CODE_TTL_MS = 30 * DAY;
/** A request nobody printed is dropped (with its address) after this long. */
export const REQUEST_TTL_MS = 60 * DAY;

/** Guessing: 8 attempts per person per hour and 30 per browser address per hour, stored as
 * hashed slots by the app's one rate-limit mechanism (services/rate-limit.ts). With 23^8 ≈ 7.8e10
 * codes, guessing one in a code's 30 days (at most 5,760 attempts) succeeds with p < 1e-7. */
export const CODE_LIMITS = {
	perUser: { name: 'letter-code-user', max: 8, windowMs: HOUR },
	perIp: { name: 'letter-code-ip', max: 30, windowMs: HOUR }
} satisfies Record<string, RateLimitRule>;

/** Letters and digits a reader cannot mix up on paper: no 0/O, 1/I/L, 5/S, 8/B, 2/Z, U/V. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 8;

/** A code from random bytes (one byte per character, rejection sampling keeps it uniform). */
export function codeFromRandom(nextByte: () => number): string {
	const limit = 256 - (256 % CODE_ALPHABET.length);
	let code = '';
	while (code.length < CODE_LENGTH) {
		const b = nextByte();
		if (b < limit) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
	}
	return code;
}

/** As printed: two groups of four, "ACDE-FGHJ". */
export function formatCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, as a code: case, spaces and dashes do not matter; null when it cannot
 * be a code (no database look-up for it). */
export function normalizeCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== CODE_LENGTH) return null;
	for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
	return code;
}

export type LetterState = 'requested' | 'printed' | 'verified' | 'expired';

export interface LetterFacts {
	requestedAt: Date;
	printedAt: Date | null;
	expiresAt: Date;
	verifiedAt: Date | null;
}

/** Where a letter is: a verified address stays verified; otherwise expiry wins. */
export function letterState(check: LetterFacts, now: Date): LetterState {
	if (check.verifiedAt) return 'verified';
	if (check.expiresAt.getTime() <= now.getTime()) return 'expired';
	return check.printedAt ? 'printed' : 'requested';
}

/** When a request expires, and when a printed letter's code does. */
export function requestExpiry(now: Date): Date {
	return new Date(now.getTime() + REQUEST_TTL_MS);
}
export function codeExpiry(printedAt: Date): Date {
	return new Date(printedAt.getTime() + CODE_TTL_MS);
}

/** Whether the postal address must be deleted now: once verified or expired it is not needed. */
export function addressNoLongerNeeded(check: LetterFacts, now: Date): boolean {
	const state = letterState(check, now);
	return state === 'verified' || state === 'expired';
}

export type CodeCheck = 'ok' | 'no_letter' | 'wrong_code' | 'expired' | 'used';

/** Whether a typed code fits the person's letter (the hashes are compared by the caller's
 * `matches`, so this stays free of crypto). Using it once is the caller's insert. */
export function checkCode(
	check: (LetterFacts & { hasCode: boolean }) | null,
	matches: boolean,
	now: Date
): CodeCheck {
	if (!check || !check.hasCode) return 'no_letter';
	if (check.verifiedAt) return 'used';
	if (!matches) return 'wrong_code';
	if (check.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'ok';
}

/** A postal address in Germany as the letter prints it (DIN 5008 address field). */
export interface PostalAddress {
	/** Name as on the letterbox. */
	name: string;
	/** Street and number. */
	street: string;
	/** c/o, floor, back building (optional). */
	extra: string;
	postcode: string;
	city: string;
}

export const ADDRESS_LINE_MAX = 60;

/** The lines of the address field, at most the 6 DIN 5008 allows for a recipient in Germany. */
export function addressLines(address: PostalAddress): string[] {
	return [
		address.name,
		...(address.extra ? [address.extra] : []),
		address.street,
		`${address.postcode} ${address.city}`
	];
}
