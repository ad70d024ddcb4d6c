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
