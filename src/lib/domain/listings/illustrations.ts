// The picture a listing without a photo gets on its card: one small drawing per group of
// categories. Quarters may add their own categories; their ids are matched by the words in them,
// and anything else gets the general drawing.

export const ILLUSTRATIONS = [
	'home',
	'garden',
	'tools',
	'family',
	'care',
	'learning',
	'tech',
	'transport',
	'leisure',
	'other'
] as const;
export type Illustration = (typeof ILLUSTRATIONS)[number];

// First match wins: "reparatur" before "haus" would not matter, but "kinder" must come before
// the general words.
const WORDS: ReadonlyArray<[RegExp, Illustration]> = [
	[/garten|pflanz|garden/, 'garden'],
	[/reparatur|handwerk|werkzeug|repair|craft/, 'tools'],
	[/kinder|familie|child|family/, 'family'],
	[/senior|aelter|älter|pflege|gesundheit|wohlbefinden|older|care|health/, 'care'],
	[/nachhilfe|sprache|lernen|bildung|tutor|language|learn/, 'learning'],
	[/computer|technik|tech|digital/, 'tech'],
	[/transport|umzug|fahr|mobil|move/, 'transport'],
	[/kultur|freizeit|sport|musik|culture|leisure/, 'leisure'],
	[/haushalt|haus|einkauf|household|home/, 'home']
];

/** The drawing for a category id (a stable ASCII slug, see categories.ts). */
export function illustrationOf(categoryId: string): Illustration {
	const id = categoryId.toLowerCase();
	return WORDS.find(([pattern]) => pattern.test(id))?.[1] ?? 'other';
}
