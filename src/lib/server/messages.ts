// Message keys that travel to the browser as data (the errors of a failed form, the problems of a
// search's filters) are put into words here, on the server, in the request's language. The page
// then shows text and needs no lookup by key, which would load the whole catalogue of both
// languages into the browser (docs/architecture.md, "Messages").
import { t } from '$lib/i18n';

/** A message key (with its inputs) as text in the request's language. */
export function inWord(key: string, inputs: Record<string, unknown> = {}): string {
	return t(key, inputs);
}

/** Each message key of a record as text in the request's language. */
export function inWords<K extends string>(keys: Partial<Record<K, string>>): Record<K, string> {
	return Object.fromEntries(
		Object.entries(keys).map(([field, key]) => [field, inWord(key as string)])
	) as Record<K, string>;
}
