import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_CATEGORIES, type Block } from '../domain/listings/categories';
import { LISTING_SETTLEMENTS, REASON_MAX, type ListingContent } from '../domain/listings/listing';
import { parseForm, type ParseResult } from './form';
import {
	AVAILABILITY_MAX,
	DESCRIPTION_MAX,
	FLAG_REASONS,
	flagSchema,
	LISTING_FIELDS,
	listingSchema,
	PRICE_MAX_CENTS,
	reasonSchema,
	TAG_MAX,
	TAGS_MAX,
	TITLE_MAX,
	TITLE_MIN
} from './listing';

const BLOCKS: Block[] = [
	{ id: 'marktplatz', name: 'Am Marktplatz', lat: 51.4818, lon: 7.2162 },
	{ id: 'kirchstrasse-nord', name: 'Kirchstraße Nord', lat: 51.4831, lon: 7.2189 }
];
const schema = listingSchema(DEFAULT_CATEGORIES, BLOCKS);

const valid: Record<string, string> = {
	kind: 'offer',
	title: 'Fahrrad reparieren',
	description: 'Ich repariere **Fahrräder**.\nAuch Lastenräder.',
	category: 'reparatur',
	tags: 'Fahrrad, Reparatur; fahrrad',
	settlement: 'either',
	price: '12,50',
	priceUnit: 'hour',
	availability: 'abends und am Wochenende',
	blockId: 'marktplatz'
};

const validContent: ListingContent = {
	kind: 'offer',
	title: 'Fahrrad reparieren',
	description: 'Ich repariere **Fahrräder**.\nAuch Lastenräder.',
	category: 'reparatur',
	tags: ['Fahrrad', 'Reparatur'],
	settlement: 'either',
	priceCents: 1250,
	priceUnit: 'hour',
	availability: 'abends und am Wochenende',
	blockId: 'marktplatz',
	photoId: null
};

/** What parseForm hands the schema for a non-string form value (a file). */
const NOT_A_STRING = { invalid: true };

type Overrides = Record<string, unknown>;

/** The valid input with some fields replaced; `undefined` leaves a field out. */
function input(overrides: Overrides = {}): Record<string, unknown> {
	const raw: Record<string, unknown> = { ...valid, ...overrides };
	for (const [name, value] of Object.entries(raw)) if (value === undefined) delete raw[name];
	return raw;
}

function formOf(entries: Record<string, string | Blob | undefined>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(entries)) {
		if (value !== undefined) form.append(name, value);
	}
	return form;
}

function submit(overrides: Record<string, string | Blob | undefined> = {}) {
	return parseForm(schema, formOf({ ...valid, ...overrides }), LISTING_FIELDS);
}

function direct(overrides: Overrides = {}) {
	return schema.safeParse(input(overrides));
}

function dataOf<T>(result: ParseResult<T>): T {
	if (!result.ok) throw new Error(`expected data, got ${JSON.stringify(result.errors)}`);
	return result.data;
}

function errorsOf<T>(result: ParseResult<T>) {
	if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

/** The first message per field, as parseForm reports it. */
function directErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
	if (result.success) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues)
		errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
}

describe('listingSchema: valid input', () => {
	it('parses a complete form into ListingContent', () => {
		const parsed = direct();
		expect(parsed.success && parsed.data).toEqual(validContent);
		expect(dataOf(submit())).toEqual(validContent);
	});

	it('covers exactly the form fields', () => {
		expect([...LISTING_FIELDS].sort()).toEqual(Object.keys(valid).sort());
	});

	it.each<[string, string, Partial<ListingContent>]>([
		['kind', 'request', { kind: 'request' }],
		['title', 'x'.repeat(TITLE_MIN), { title: 'x'.repeat(TITLE_MIN) }],
		['title', 'x'.repeat(TITLE_MAX), { title: 'x'.repeat(TITLE_MAX) }],
		['title', `  ${'x'.repeat(TITLE_MAX)}  `, { title: 'x'.repeat(TITLE_MAX) }],
		['title', '  Kuchen backen ', { title: 'Kuchen backen' }],
		['title', 'Zoë backt 🌻-Kuchen', { title: 'Zoë backt 🌻-Kuchen' }],
		['description', 'x'.repeat(DESCRIPTION_MAX), { description: 'x'.repeat(DESCRIPTION_MAX) }],
		[
			'description',
			'\n  Zeile 1\r\nZeile 2\n\n- Punkt\t3\n',
			{ description: 'Zeile 1\r\nZeile 2\n\n- Punkt\t3' }
		],
		['category', 'kinder-familie', { category: 'kinder-familie' }],
		['category', 'sonstiges', { category: 'sonstiges' }],
		['availability', '', { availability: '' }],
		['availability', '   ', { availability: '' }],
		['availability', 'x'.repeat(AVAILABILITY_MAX), { availability: 'x'.repeat(AVAILABILITY_MAX) }],
		['availability', ' Mo–Fr ab 18 Uhr ', { availability: 'Mo–Fr ab 18 Uhr' }],
		['blockId', '', { blockId: null }],
		['blockId', 'kirchstrasse-nord', { blockId: 'kirchstrasse-nord' }]
	])('%s = %j', (field, value, expected) => {
		const data = dataOf(submit({ [field]: value }));
		expect(data).toEqual({ ...validContent, ...expected });
	});

	it('drops fields it does not know and never takes a photo from the form', () => {
		const form = formOf({
			...valid,
			photoId: 'evil',
			state: 'published',
			authorId: 'mallory',
			needsReview: 'false'
		});
		expect(dataOf(parseForm(schema, form, LISTING_FIELDS))).toEqual(validContent);
	});

	it('takes the first value of a repeated field', () => {
		const form = formOf(valid);
		form.append('category', 'garten');
		expect(dataOf(parseForm(schema, form, LISTING_FIELDS)).category).toBe('reparatur');
	});

	it('checks categories and blocks against the quarter it was built for', () => {
		const own = listingSchema(
			[{ id: 'fahrraeder', label: { de: 'Fahrräder', en: 'Bicycles' } }],
			[{ id: 'hof', name: 'Hinterhof', lat: 0, lon: 0 }]
		);
		const ok = own.safeParse(input({ category: 'fahrraeder', blockId: 'hof' }));
		expect(ok.success).toBe(true);
		expect(directErrors(own.safeParse(input()))).toEqual({
			category: 'error_category_invalid',
			blockId: 'error_block_invalid'
		});
	});
});

describe('listingSchema: tags', () => {
	const eight = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

	it.each<[string, string[]]>([
		['', []],
		['   ', []],
		[',;, ;', []],
		// The author's spelling is kept; repeats are found without regard to case.
		['Straßenrad', ['Straßenrad']],
		['Garten', ['Garten']],
		['Garten, Rasen; Hecke', ['Garten', 'Rasen', 'Hecke']],
		['  Garten ,,; rasen  ', ['Garten', 'rasen']],
		['Garten, garten; GARTEN,  gArTeN ', ['Garten']],
		['Gemüse   Beet', ['Gemüse Beet']],
		['Äpfel, ÄPFEL', ['Äpfel']],
		[eight.join(','), eight],
		[[...eight, 'A', 'b', 'H'].join(';'), eight],
		['x'.repeat(TAG_MAX), ['x'.repeat(TAG_MAX)]]
	])('%j -> %j', (tags, expected) => {
		expect(dataOf(submit({ tags })).tags).toEqual(expected);
	});

	it.each<[string, string, string]>([
		['nine tags', [...eight, 'i'].join(','), 'error_tags_too_many'],
		['nine tags, semicolons', [...eight, 'i'].join(';'), 'error_tags_too_many'],
		['a tag of TAG_MAX + 1', 'garten, ' + 'x'.repeat(TAG_MAX + 1), 'error_tag_too_long'],
		[
			'a long tag by its inner spaces',
			'a' + ' '.repeat(5) + 'b'.repeat(TAG_MAX - 1),
			'error_tag_too_long'
		],
		['a very long string', 'x'.repeat(10_000), 'error_tags_too_many'],
		['NUL', 'garten\u0000rasen', 'error_text_invalid'],
		['a bell', 'garten\u0007', 'error_text_invalid'],
		['a newline', 'garten\nrasen', 'error_text_invalid']
	])('%s -> %s', (_label, tags, key) => {
		expect(errorsOf(submit({ tags }))).toEqual({ tags: key });
		expect(directErrors(direct({ tags }))).toEqual({ tags: key });
	});

	it('allows the limit', () => {
		expect(TAGS_MAX).toBe(8);
		expect(TAG_MAX).toBe(30);
	});
});

describe('listingSchema: price', () => {
	it.each<[string, number]>([
		['12,50', 1250],
		['12.50', 1250],
		['12.5', 1250],
		['12,5', 1250],
		['0,99', 99],
		['0.05', 5],
		['12', 1200],
		[' 7 ', 700],
		['12.05', 1205],
		['9999,99', 999_999],
		['10000', PRICE_MAX_CENTS],
		['10000,00', PRICE_MAX_CENTS]
	])('%j -> %i cents', (price, cents) => {
		for (const settlement of ['euros', 'either']) {
			expect(dataOf(submit({ settlement, price })).priceCents).toBe(cents);
		}
	});

	it('10,000 euros is the most', () => {
		expect(PRICE_MAX_CENTS).toBe(1_000_000);
	});

	it.each<[string, string]>([
		['12,345', 'error_price_invalid'],
		['1.000,00', 'error_price_invalid'],
		['1.000.000', 'error_price_invalid'],
		['-5', 'error_price_invalid'],
		['+5', 'error_price_invalid'],
		['1e3', 'error_price_invalid'],
		['0x10', 'error_price_invalid'],
		['Infinity', 'error_price_invalid'],
		['NaN', 'error_price_invalid'],
		['12,', 'error_price_invalid'],
		[',50', 'error_price_invalid'],
		['12 50', 'error_price_invalid'],
		['12 €', 'error_price_invalid'],
		['€12', 'error_price_invalid'],
		['１２', 'error_price_invalid'],
		['١٢', 'error_price_invalid'],
		['123456', 'error_price_invalid'],
		['12\u0000', 'error_price_invalid'],
		['10000,01', 'error_price_too_high'],
		['10001', 'error_price_too_high'],
		['99999,99', 'error_price_too_high'],
		['', 'error_price_required'],
		['   ', 'error_price_required']
	])('%j -> %s', (price, key) => {
		for (const settlement of ['euros', 'either']) {
			expect(errorsOf(submit({ settlement, price }))).toEqual({ price: key });
			expect(directErrors(direct({ settlement, price }))).toEqual({ price: key });
		}
	});

	it.each(['euros', 'either'])('is required for %s when the field is missing', (settlement) => {
		expect(errorsOf(submit({ settlement, price: undefined })).price).toMatch(/^error_price_/);
	});

	it.each(['hours', 'free'])('a price given for %s is dropped, with its unit', (settlement) => {
		const data = dataOf(submit({ settlement, price: '12,50', priceUnit: 'job' }));
		expect(data).toMatchObject({ settlement, priceCents: null, priceUnit: null });
	});

	it.each(['hours', 'free'])('%s needs no price', (settlement) => {
		const data = dataOf(submit({ settlement, price: '' }));
		expect(data).toMatchObject({ settlement, priceCents: null, priceUnit: null });
	});

	it.each<[string, string]>([
		['euros', 'job'],
		['either', 'hour']
	])('%s keeps the unit %s', (settlement, priceUnit) => {
		expect(dataOf(submit({ settlement, priceUnit })).priceUnit).toBe(priceUnit);
	});

	// Price and unit are dropped for hours and free, so a form may leave them out or blank
	// (disabled inputs are not submitted).
	it.each<[string, string, Record<string, string | undefined>]>([
		['hours', 'not sent', { price: undefined, priceUnit: undefined }],
		['free', 'not sent', { price: undefined, priceUnit: undefined }],
		['hours', 'left blank', { price: '', priceUnit: '' }],
		['free', 'left blank', { price: '', priceUnit: '' }]
	])('%s with price and unit %s parses', (settlement, _label, fields) => {
		const data = dataOf(submit({ settlement, ...fields }));
		expect(data).toMatchObject({ settlement, priceCents: null, priceUnit: null });
	});
});

describe('listingSchema: one error key per field', () => {
	const cases: [string, string | undefined, string][] = [
		['kind', undefined, 'error_listing_kind'],
		['kind', '', 'error_listing_kind'],
		['kind', 'service', 'error_listing_kind'],
		['kind', 'Offer', 'error_listing_kind'],
		['title', undefined, 'error_title_required'],
		['title', '', 'error_title_required'],
		['title', ' \n\t ', 'error_title_required'],
		['title', 'x'.repeat(TITLE_MIN - 1), 'error_title_too_short'],
		['title', `   ${'x'.repeat(TITLE_MIN - 1)}   `, 'error_title_too_short'],
		['title', 'x'.repeat(TITLE_MAX + 1), 'error_title_too_long'],
		['title', 'Hallo\u0000Welt', 'error_text_invalid'],
		['title', 'Hallo\u0007Welt', 'error_text_invalid'],
		['title', 'Hallo\u007fWelt', 'error_text_invalid'],
		['title', 'Hallo\u0085Welt', 'error_text_invalid'],
		['title', 'Zeile eins\nZeile zwei', 'error_text_invalid'],
		['title', 'Zeile eins\r\nZeile zwei', 'error_text_invalid'],
		['title', 'Hallo\tWelt', 'error_text_invalid'],
		['description', undefined, 'error_description_required'],
		['description', '', 'error_description_required'],
		['description', '\n \r\n\t', 'error_description_required'],
		['description', 'x'.repeat(DESCRIPTION_MAX + 1), 'error_description_too_long'],
		['description', 'Zeile\u0000eins', 'error_text_invalid'],
		['description', 'Zeile eins\n\u0007', 'error_text_invalid'],
		['description', 'Zeile \u001b[31meins', 'error_text_invalid'],
		['category', undefined, 'error_category_invalid'],
		['category', '', 'error_category_invalid'],
		['category', 'autos', 'error_category_invalid'],
		['category', 'Haushalt', 'error_category_invalid'],
		['category', 'HAUSHALT', 'error_category_invalid'],
		['category', ' haushalt', 'error_category_invalid'],
		['category', '__proto__', 'error_category_invalid'],
		['category', 'constructor', 'error_category_invalid'],
		['category', 'toString', 'error_category_invalid'],
		['settlement', undefined, 'error_settlement_invalid'],
		['settlement', 'barter', 'error_settlement_invalid'],
		['settlement', 'Hours', 'error_settlement_invalid'],
		['priceUnit', undefined, 'error_price_unit_invalid'],
		['priceUnit', 'day', 'error_price_unit_invalid'],
		['priceUnit', '', 'error_price_unit_invalid'],
		['availability', 'x'.repeat(AVAILABILITY_MAX + 1), 'error_availability_too_long'],
		['availability', 'abends\u0000', 'error_text_invalid'],
		['availability', 'abends\u0007', 'error_text_invalid'],
		['availability', 'abends\nund morgens', 'error_text_invalid'],
		['blockId', undefined, 'error_block_invalid'],
		['blockId', 'unbekannt', 'error_block_invalid'],
		['blockId', 'Marktplatz', 'error_block_invalid'],
		['blockId', '__proto__', 'error_block_invalid'],
		['blockId', ' ', 'error_block_invalid']
	];

	it.each(cases)('%s = %j -> %s', (field, value, key) => {
		expect(errorsOf(submit({ [field]: value }))).toEqual({ [field]: key });
		expect(directErrors(direct({ [field]: value }))).toEqual({ [field]: key });
	});

	// FormData turns a lone surrogate into U+FFFD, so only a direct caller can send one.
	it.each<[string, string]>([
		['title', 'Hallo \ud83c Welt'],
		['description', 'Zeile \udc00 eins'],
		['availability', 'abends \ud83c'],
		['tags', 'garten, \udc00']
	])('%s with a lone surrogate (%j) -> error_text_invalid', (field, value) => {
		expect(directErrors(direct({ [field]: value }))).toEqual({ [field]: 'error_text_invalid' });
		expect(dataOf(submit({ [field]: value }))).toBeTruthy();
	});

	it('the first message wins when a field breaks several rules', () => {
		expect(errorsOf(submit({ title: '' })).title).toBe('error_title_required');
		expect(errorsOf(submit({ title: 'ab\u0000' })).title).toBe('error_title_too_short');
	});

	it('reports every bad field at once', () => {
		const errors = errorsOf(
			submit({ kind: 'x', title: 'abc', category: 'autos', blockId: 'nirgendwo' })
		);
		expect(errors).toEqual({
			kind: 'error_listing_kind',
			title: 'error_title_too_short',
			category: 'error_category_invalid',
			blockId: 'error_block_invalid'
		});
	});

	it('echoes what was typed, shortened, so the form can be shown again', () => {
		const result = submit({ title: 'abc', description: 'y'.repeat(DESCRIPTION_MAX + 1) });
		if (result.ok) throw new Error('expected errors');
		expect(result.values.title).toBe('abc');
		expect(result.values.description).toBe('y'.repeat(300));
	});
});

describe('listingSchema: values that are not strings', () => {
	const OPERATORS: [string, unknown][] = [
		['what parseForm gives for a file', NOT_A_STRING],
		['a $ne operator', { $ne: null }],
		['a $regex operator', { $regex: '.*' }],
		['an array', ['reparatur']],
		['a number', 42],
		['null', null],
		['true', true]
	];

	const cases = LISTING_FIELDS.flatMap((field) =>
		OPERATORS.map(([label, value]) => [field, label, value] as const)
	);

	it.each(cases)('%s as %s -> an error key, no throw', (field, _label, value) => {
		let result: ReturnType<typeof direct> | undefined;
		expect(() => (result = direct({ [field]: value }))).not.toThrow();
		const errors = directErrors(result!);
		expect(Object.keys(errors)).toEqual([field]);
		expect(errors[field]).toMatch(/^error_[a-z_]+$/);
	});

	it.each(LISTING_FIELDS)('%s sent as a file through parseForm -> an error key', (field) => {
		const file = new Blob(['haushalt'], { type: 'text/plain' });
		const errors = errorsOf(submit({ [field]: file }));
		expect(Object.keys(errors)).toEqual([field]);
		expect(errors[field]).toMatch(/^error_[a-z_]+$/);
	});

	it.each<[string, string]>([
		['kind', 'error_listing_kind'],
		['title', 'error_title_required'],
		['description', 'error_description_required'],
		['category', 'error_category_invalid'],
		['tags', 'error_invalid_input'],
		['settlement', 'error_settlement_invalid'],
		['price', 'error_price_invalid'],
		['priceUnit', 'error_price_unit_invalid'],
		['availability', 'error_invalid_input'],
		['blockId', 'error_block_invalid']
	])('%s: { invalid: true } -> %s', (field, key) => {
		expect(directErrors(direct({ [field]: NOT_A_STRING }))).toEqual({ [field]: key });
	});

	it('an empty object or no input at all is refused, not thrown', () => {
		expect(schema.safeParse({}).success).toBe(false);
		expect(schema.safeParse(undefined).success).toBe(false);
		expect(schema.safeParse('kind=offer').success).toBe(false);
		// Price and unit are optional until the settlement asks for euros.
		expect(Object.keys(errorsOf(parseForm(schema, new FormData(), LISTING_FIELDS))).sort()).toEqual(
			LISTING_FIELDS.filter((f) => f !== 'price' && f !== 'priceUnit').sort()
		);
	});
});

describe('listingSchema: settlements', () => {
	it.each(LISTING_SETTLEMENTS)('%s parses', (settlement) => {
		expect(dataOf(submit({ settlement })).settlement).toBe(settlement);
	});
});

describe('reasonSchema', () => {
	const reason = (value: string | Blob | undefined) =>
		parseForm(reasonSchema, formOf({ reason: value }), ['reason']);

	it.each<[string, string]>([
		['Bitte nenne einen Preis.', 'Bitte nenne einen Preis.'],
		['  Bitte nenne einen Preis. \n', 'Bitte nenne einen Preis.'],
		['Erstens.\nZweitens.\r\n\tDrittens.', 'Erstens.\nZweitens.\r\n\tDrittens.'],
		['x'.repeat(REASON_MAX), 'x'.repeat(REASON_MAX)],
		[` ${'x'.repeat(REASON_MAX)} `, 'x'.repeat(REASON_MAX)],
		['Danke 🌻', 'Danke 🌻']
	])('%j -> %j', (value, expected) => {
		expect(dataOf(reason(value))).toEqual({ reason: expected });
		expect(reasonSchema.parse({ reason: value })).toEqual({ reason: expected });
	});

	it.each<[string, string | Blob | undefined, string]>([
		['missing', undefined, 'error_reason_required'],
		['empty', '', 'error_reason_required'],
		['blank', ' \n\t ', 'error_reason_required'],
		['too long', 'x'.repeat(REASON_MAX + 1), 'error_reason_too_long'],
		['NUL', 'Spam\u0000', 'error_text_invalid'],
		['a bell', 'Spam\u0007', 'error_text_invalid'],
		['a file', new Blob(['x']), 'error_reason_required']
	])('%s -> %s', (_label, value, key) => {
		expect(errorsOf(reason(value))).toEqual({ reason: key });
	});

	it('a lone surrogate (only a direct caller can send one) -> error_text_invalid', () => {
		const result = reasonSchema.safeParse({ reason: 'Spam \ud83c' });
		expect(directErrors(result)).toEqual({ reason: 'error_text_invalid' });
	});

	it.each<[string, unknown]>([
		['{ invalid: true }', NOT_A_STRING],
		['{ $ne: null }', { $ne: null }],
		['a number', 1]
	])('%s is refused, not thrown', (_label, value) => {
		const result = reasonSchema.safeParse({ reason: value });
		expect(directErrors(result)).toEqual({ reason: 'error_reason_required' });
	});
});

describe('flagSchema', () => {
	const flag = (fields: Record<string, string | Blob | undefined>) =>
		parseForm(flagSchema, formOf(fields), ['reason', 'note']);

	it.each(FLAG_REASONS)('reason %s with no note', (reason) => {
		expect(dataOf(flag({ reason, note: '' }))).toEqual({ reason, note: '' });
	});

	it('has the five reasons', () => {
		expect([...FLAG_REASONS]).toEqual([
			'spam',
			'inappropriate',
			'commercial',
			'wrong_category',
			'other'
		]);
	});

	it.each<[string, string]>([
		['  Verkauft gewerblich. ', 'Verkauft gewerblich.'],
		['Zeile 1\nZeile 2', 'Zeile 1\nZeile 2'],
		['x'.repeat(REASON_MAX), 'x'.repeat(REASON_MAX)]
	])('note %j -> %j', (note, expected) => {
		expect(dataOf(flag({ reason: 'other', note }))).toEqual({ reason: 'other', note: expected });
	});

	it.each<[string, Record<string, string | Blob | undefined>, Record<string, string>]>([
		['no reason', { note: '' }, { reason: 'error_flag_reason' }],
		['an unknown reason', { reason: 'abuse', note: '' }, { reason: 'error_flag_reason' }],
		['a reason in capitals', { reason: 'SPAM', note: '' }, { reason: 'error_flag_reason' }],
		[
			'a reason as a file',
			{ reason: new Blob(['spam']), note: '' },
			{ reason: 'error_flag_reason' }
		],
		[
			'a note too long',
			{ reason: 'spam', note: 'x'.repeat(REASON_MAX + 1) },
			{ note: 'error_note_too_long' }
		],
		['a note with NUL', { reason: 'spam', note: 'a\u0000b' }, { note: 'error_text_invalid' }],
		['a note with a bell', { reason: 'spam', note: 'a\u0007b' }, { note: 'error_text_invalid' }],
		['a note as a file', { reason: 'spam', note: new Blob(['x']) }, { note: 'error_invalid_input' }]
	])('%s -> %j', (_label, fields, errors) => {
		expect(errorsOf(flag(fields))).toEqual(errors);
	});

	it.each<[string, unknown]>([
		['{ invalid: true }', NOT_A_STRING],
		['{ $in: [...] }', { $in: ['spam'] }]
	])('a reason of %s is refused, not thrown', (_label, value) => {
		const result = flagSchema.safeParse({ reason: value, note: '' });
		expect(directErrors(result)).toEqual({ reason: 'error_flag_reason' });
	});
});
