// Normalising what people type, so that one address or name is stored one way.

/** Emails are compared trimmed, NFC-normalised and lower-cased (the whole address, as most
 * providers treat the local part case-insensitively and people mistype case). */
export function normalizeEmail(email: string): string {
	return email.normalize('NFC').trim().toLowerCase();
}

/** Display names: NFC, no leading/trailing space, inner whitespace runs collapsed. */
export function normalizeDisplayName(name: string): string {
	return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Control characters (incl. NUL, which the embedded database cannot store) and lone surrogates
 * never belong in a single-line field. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlCharacters(text: string): boolean {
	return CONTROL.test(text);
}

export function hasLoneSurrogate(text: string): boolean {
	return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Characters that change how text around them is shown without showing themselves: direction
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069, marks U+200E/U+200F/U+061C), zero-width
 * characters (U+200B–U+200D, U+2060–U+2064, U+FEFF), the Mongolian vowel separator and the soft
 * hyphen. In a name they let "Anna" pose as someone else ("‮annA" reads as "Anna"). */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export function hasInvisibleCharacters(text: string): boolean {
	return INVISIBLE.test(text);
}
