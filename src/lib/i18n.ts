// Translating message keys that travel as data (form errors, notices from the server).
import * as messages from './paraglide/messages/_index.js';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/** The message for a key, in the current language; unknown keys fall back to a generic text. */
export function t(key: string, inputs: Record<string, unknown> = {}): string {
	const fn = (messages as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn(inputs) : messages.error_invalid_input();
}

/** A code name as part of a message key: `requestChanges` → `request_changes`. */
export function keyPart(name: string): string {
	return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/[^a-z0-9_]/g, '_');
}
