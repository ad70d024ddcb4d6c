// Deleting an account (Art. 17 GDPR) as pure rules: what blocks it, the steps it runs in, the
// fixed values personal fields are overwritten with, and the scrub of free text. The service
// (server/services/deletion.ts) runs the steps; docs/legal.md, "Löschen mit Einfüge-Logs", has
// the design.

/** What keeps a person from deleting now: an exchange that is not over (a euro exchange waits
 * for its payment), each with the exchange to open. */
export interface DeletionBlocker {
	kind: 'open_exchange' | 'open_payment';
	exchangeId: string;
	quarterId: string;
	title: string;
}

export interface ExchangeFacts {
	id: string;
	quarterId: string;
	title: string;
	final: boolean;
	settlement: 'hours' | 'euros' | 'free';
}

/** Open exchanges block deletion: the other party is owed a move, hours or euros. */
export function deletionBlockers(exchanges: readonly ExchangeFacts[]): DeletionBlocker[] {
	return exchanges
		.filter((e) => !e.final)
		.map((e) => ({
			kind: e.settlement === 'euros' ? 'open_payment' : 'open_exchange',
			exchangeId: e.id,
			quarterId: e.quarterId,
			title: e.title
		}));
}

/**
 * The steps of a deletion, in order. Each is idempotent (it overwrites with fixed values or
 * deletes), so a deletion that stopped anywhere is finished by running all of them again. The
 * steps that look for the person's address and name run before the account is erased: a run
 * resumed after `account` finds nothing left to look for, and needs nothing.
 */
export const DELETION_STEPS = [
	'sessions', // sessions and one-time tokens: signed out everywhere, no link works
	'records', // thanks, reports, notifications, mails to them; the audit entry
	'sweep', // every string that still holds their address, phone, name or profile text
	'account', // the user becomes the pseudonym, the address is freed
	'ledger', // the balance goes to the community account
	'listings', // closed, photos deleted, their text overwritten in every revision
	'messages', // their messages overwritten, the other party's stay
	'profile', // profiles, memberships (application and consent texts), trader identity
	'caches' // snapshots dropped, every server's read models reloaded
] as const;
export type DeletionStep = (typeof DELETION_STEPS)[number];

/** What an overwritten free text holds: no content, only the fact that there was one. */
export const ERASED = '';

/** The stored address of a deleted account: unique (the index on addresses) and no address. */
export function erasedEmail(userId: string): string {
	return `deleted:${userId}`;
}

/** Needles shorter than this are not scrubbed out of other people's text (too many false hits). */
export const MIN_NEEDLE = 4;

/** The personal strings to look for: address, phone, name, profile texts; trimmed, long enough. */
export function needlesOf(values: readonly (string | null | undefined)[]): string[] {
	const out = new Set<string>();
	for (const v of values) {
		const t = (v ?? '').trim();
		if (t.length >= MIN_NEEDLE) out.add(t);
	}
	// Longest first, so that a name inside a longer text is replaced with the text.
	return [...out].sort((a, b) => b.length - a.length);
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for all needles, case-insensitive (addresses are, names are typed both ways). */
export function needlePattern(needles: readonly string[]): RegExp | null {
	if (needles.length === 0) return null;
	return new RegExp(needles.map(escape).join('|'), 'giu');
}

/**
 * The value with every needle in every string (recursively, in objects and arrays) replaced by
 * `replacement`; `changed` says whether anything was. Dates, numbers and binary data are kept.
 */
export function scrub<T>(
	value: T,
	pattern: RegExp,
	replacement: string
): { value: T; changed: boolean } {
	let changed = false;
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') {
			pattern.lastIndex = 0;
			if (!pattern.test(v)) return v;
			changed = true;
			pattern.lastIndex = 0;
			return v.replace(pattern, replacement);
		}
		if (Array.isArray(v)) return v.map(walk);
		if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
		}
		return v;
	};
	const out = walk(value) as T;
	return { value: out, changed };
}

/** The balance moved on deletion: a positive balance goes to the community account, a negative
 * one is made good from it; both leave the member's account at zero. */
export function closingTransfer(
	balance: number
): { direction: 'to-community' | 'from-community'; minutes: number } | null {
	if (!Number.isSafeInteger(balance) || balance === 0) return null;
	return balance > 0
		? { direction: 'to-community', minutes: balance }
		: { direction: 'from-community', minutes: -balance };
}

/** The ledger key of a deleted member's closing transfer: one per person and quarter. */
export function closingKey(userId: string): string {
	return `account-deleted:${userId}`;
}
