// Tags (Schlagwörter) of a listing: shown as the author wrote them ("Straßenrad"), compared
// without regard to case, so "straßenrad" and "Straßenrad" are one tag.

/** The key two tags are compared by: German and English lower case, ß kept. */
export function tagKey(tag: string): string {
	return tag.toLocaleLowerCase('de');
}

/** The tags without empty ones and without repeats; the first spelling of a tag wins. */
export function uniqueTags(tags: readonly string[]): string[] {
	const seen = new Map<string, string>();
	for (const tag of tags) {
		if (tag !== '' && !seen.has(tagKey(tag))) seen.set(tagKey(tag), tag);
	}
	return [...seen.values()];
}
