// What a message may contain. Messages are plain text shown as typed (never as HTML), so the
// rules only keep out what cannot be stored or shown: control characters other than line
// breaks (NUL breaks the embedded database; others hide or garble text) and lone surrogates.

export const MESSAGE_MIN = 1;
export const MESSAGE_MAX = 2000;

export type MessageTextProblem = 'empty' | 'too_long' | 'invalid';

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** One spelling per text: NFC, `\n` line breaks, no surrounding blank space. */
export function normalizeMessageText(text: string): string {
	return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Counted in characters as people see them (code points), not UTF-16 units: 🙂 is one. */
export function messageLength(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}

/** Checks a normalised text; null when it may be sent. */
export function messageTextProblem(text: string): MessageTextProblem | null {
	if (LONE_SURROGATE.test(text)) return 'invalid';
	if (CONTROL_EXCEPT_NEWLINE.test(text)) return 'invalid';
	const length = messageLength(text);
	if (length < MESSAGE_MIN) return 'empty';
	if (length > MESSAGE_MAX) return 'too_long';
	return null;
}
