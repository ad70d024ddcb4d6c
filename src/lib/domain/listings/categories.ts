// The category taxonomy is per quarter (stored on the quarter); new quarters start with this
// German set. Ids are stable ASCII slugs: a renamed category keeps its listings.
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
	{ id: 'senioren', label: { de: 'Senioren', en: 'Older people' } },
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
