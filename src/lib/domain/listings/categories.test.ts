import type { Locale } from '../locale';
import { describe, expect, it } from 'vitest';
import {
	categoryLabel,
	DEFAULT_CATEGORIES,
	isUnchangedDefault,
	withStandardLabels,
	type Category
} from './categories';

// The twelve categories of the product brief, in the order people see them ("Senioren" became
// the inclusive "Ältere Menschen", issue 17; the id stays).
const BRIEF = [
	'Haushalt',
	'Garten',
	'Reparatur',
	'Kinder & Familie',
	'Ältere Menschen',
	'Nachhilfe & Sprachen',
	'Computer & Technik',
	'Transport',
	'Handwerk',
	'Kultur & Freizeit',
	'Gesundheit & Wohlbefinden',
	'Sonstiges'
];

describe('DEFAULT_CATEGORIES', () => {
	it('are the twelve German categories of the product brief', () => {
		expect(DEFAULT_CATEGORIES.map((c) => c.label.de)).toEqual(BRIEF);
	});

	it('have unique, stable ASCII slugs as ids', () => {
		const ids = DEFAULT_CATEGORIES.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it.each(DEFAULT_CATEGORIES.map((c) => [c.id, c.label.de, c.label.en] as const))(
		'%s: "%s" has an English label ("%s")',
		(_id, de, en) => {
			expect(de.trim()).toBe(de);
			expect(en.trim()).not.toBe('');
			expect(en.trim()).toBe(en);
		}
	);

	it('have unique labels in both languages', () => {
		for (const locale of ['de', 'en'] as const) {
			const labels = DEFAULT_CATEGORIES.map((c) => c.label[locale]);
			expect(new Set(labels).size).toBe(labels.length);
		}
	});

	it('keep the ids that existing listings refer to', () => {
		expect(DEFAULT_CATEGORIES.map((c) => c.id)).toEqual([
			'haushalt',
			'garten',
			'reparatur',
			'kinder-familie',
			'senioren',
			'nachhilfe-sprachen',
			'computer-technik',
			'transport',
			'handwerk',
			'kultur-freizeit',
			'gesundheit-wohlbefinden',
			'sonstiges'
		]);
	});
});

describe('categoryLabel', () => {
	const custom: Category[] = [
		{ id: 'fahrraeder', label: { de: 'Fahrräder', en: 'Bicycles' } },
		{ id: 'haushalt', label: { de: 'Haus & Hof', en: 'House & yard' } }
	];

	const lists = { default: DEFAULT_CATEGORIES, custom, empty: [] } as const;

	it.each<[keyof typeof lists, string, Locale, string]>([
		['default', 'haushalt', 'de', 'Haushalt'],
		['default', 'haushalt', 'en', 'Household'],
		['default', 'kinder-familie', 'de', 'Kinder & Familie'],
		['default', 'gesundheit-wohlbefinden', 'en', 'Health & wellbeing'],
		['default', 'sonstiges', 'en', 'Other'],
		// A quarter's own taxonomy wins; a renamed category keeps its id.
		['custom', 'fahrraeder', 'de', 'Fahrräder'],
		['custom', 'haushalt', 'en', 'House & yard'],
		// Unknown ids (a category the quarter removed) fall back to the id itself.
		['custom', 'garten', 'de', 'garten'],
		['default', 'autos', 'en', 'autos'],
		['default', '', 'de', ''],
		['empty', 'haushalt', 'de', 'haushalt'],
		// Ids are compared exactly: no case folding, no lookup on the object prototype.
		['default', 'Haushalt', 'de', 'Haushalt'],
		['default', 'HAUSHALT', 'en', 'HAUSHALT'],
		['default', '__proto__', 'de', '__proto__'],
		['default', 'constructor', 'en', 'constructor']
	])('%s categories: %j (%s) -> %j', (list, id, locale, expected) => {
		expect(categoryLabel(lists[list], id, locale)).toBe(expected);
	});

	it('every default category has a label of its own in both languages', () => {
		for (const { id, label } of DEFAULT_CATEGORIES) {
			expect(categoryLabel(DEFAULT_CATEGORIES, id, 'de')).toBe(label.de);
			expect(categoryLabel(DEFAULT_CATEGORIES, id, 'en')).toBe(label.en);
			expect(label.de).not.toBe(id);
		}
	});
});

describe('withStandardLabels', () => {
	const standard = (id: string) => ({ de: `de:${id}`, en: `en:${id}` });

	it.each<[string, Category, Category['label'] | 'kept']>([
		[
			'a default category',
			{ id: 'garten', label: { de: 'Garten', en: 'Garden' } },
			standard('garten')
		],
		[
			'a default one saved under its former label',
			{ id: 'senioren', label: { de: 'Senioren', en: 'Older people' } },
			standard('senioren')
		],
		[
			'a renamed default category',
			{ id: 'haushalt', label: { de: 'Haus & Hof', en: 'Household' } },
			'kept'
		],
		[
			'a default whose English label the quarter changed',
			{ id: 'garten', label: { de: 'Garten', en: 'Gardening' } },
			'kept'
		],
		[
			'a category of the quarter',
			{ id: 'fahrraeder', label: { de: 'Fahrräder', en: 'Bicycles' } },
			'kept'
		],
		['an id only on the prototype', { id: 'constructor', label: { de: 'x', en: 'y' } }, 'kept']
	])('%s', (_name, category, expected) => {
		const [result] = withStandardLabels([category], standard);
		expect(result).toEqual({
			id: category.id,
			label: expected === 'kept' ? category.label : expected
		});
		expect(isUnchangedDefault(category)).toBe(expected !== 'kept');
	});

	it('keeps the order and every id', () => {
		const result = withStandardLabels(DEFAULT_CATEGORIES, standard);
		expect(result.map((c) => c.id)).toEqual(DEFAULT_CATEGORIES.map((c) => c.id));
		expect(result.every((c) => c.label.de === `de:${c.id}`)).toBe(true);
	});
});
