// The category taxonomy is per quarter (stored on the quarter); new quarters start with this
// set. Ids are stable ASCII slugs: a renamed category keeps its listings. A default category the
// quarter has not renamed takes its label from the message files (category_<id>), so that its
// name is translated and can be worded better without touching stored quarters.
import type { Locale } from '../locale';

export interface Category {
	id: string;
	label: { de: string; en: string };
}

export const DEFAULT_CATEGORIES: readonly Category[] = [
	{ id: 'haushalt', label: { de: 'Haushalt', en: 'Household' } },
	{ id: 'garten', label: { de: 'Garten', en: 'Garden' } },
	{ id: 'reparatur', label: { de: 'Reparatur', en: 'Repairs' } },
	{ id: 'kinder-familie', label: { de: 'Kinder & Familie', en: 'Children & family' } },
	{ id: 'senioren', label: { de: 'Ältere Menschen', en: 'Older people' } },
	{ id: 'nachhilfe-sprachen', label: { de: 'Nachhilfe & Sprachen', en: 'Tutoring & languages' } },
	{ id: 'computer-technik', label: { de: 'Computer & Technik', en: 'Computers & tech' } },
	{ id: 'transport', label: { de: 'Transport', en: 'Transport' } },
	{ id: 'handwerk', label: { de: 'Handwerk', en: 'Crafts & trades' } },
	{ id: 'kultur-freizeit', label: { de: 'Kultur & Freizeit', en: 'Culture & leisure' } },
	{
		id: 'gesundheit-wohlbefinden',
		label: { de: 'Gesundheit & Wohlbefinden', en: 'Health & wellbeing' }
	},
	{ id: 'sonstiges', label: { de: 'Sonstiges', en: 'Other' } }
];

/** Labels a default category had before; quarters saved then still hold them. */
const FORMER_LABELS: Record<string, Array<Category['label']>> = {
	senioren: [{ de: 'Senioren', en: 'Older people' }]
};

/** Whether a stored category is a default one that the quarter has not renamed. */
export function isUnchangedDefault(category: Category): boolean {
	const standard = DEFAULT_CATEGORIES.find((c) => c.id === category.id);
	if (!standard) return false;
	return [standard.label, ...(FORMER_LABELS[category.id] ?? [])].some(
		(label) => label.de === category.label.de && label.en === category.label.en
	);
}

/**
 * The categories as pages show them: each unchanged default category labelled by `standard`
 * (the message files), every category the quarter named itself as it is.
 */
export function withStandardLabels(
	categories: readonly Category[],
	standard: (id: string) => Category['label']
): Category[] {
	return categories.map((c) => (isUnchangedDefault(c) ? { id: c.id, label: standard(c.id) } : c));
}

export function categoryLabel(categories: readonly Category[], id: string, locale: Locale): string {
	return categories.find((c) => c.id === id)?.label[locale] ?? id;
}

/** A block (Baublock, street section) of the quarter: where a listing is, roughly. */
export interface Block {
	id: string;
	name: string;
	lat: number;
	lon: number;
}
