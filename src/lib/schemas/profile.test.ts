import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/members/roles';
import type { ParseResult } from './form';
import {
	parseProfileForm,
	profileSchema,
	talentFilterSchema,
	type ProfileFormContext,
	type ProfileInput
} from './profile';

const resident: ProfileFormContext = { role: 'resident', blockIds: ['b-1', 'b-2'] };

function formOf(entries: Record<string, string | Blob | undefined>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(entries)) {
		if (value !== undefined) form.append(name, value);
	}
	return form;
}

/** A complete, valid form; tests change one field at a time. */
const base = { messageNotification: 'batched' };

const parse = (
	entries: Record<string, string | Blob | undefined>,
	context: ProfileFormContext = resident
) => parseProfileForm(formOf({ ...base, ...entries }), context);

function dataOf<T>(result: ParseResult<T>): T {
	if (!result.ok) throw new Error(`expected data, got ${JSON.stringify(result.errors)}`);
	return result.data;
}

function errorsOf<T>(result: ParseResult<T>) {
	if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

describe('profile form: phone numbers as Germans write them', () => {
	it.each(['0511/123456', '0511 123456', '+49 511 123456', '(0511) 12 34 56'])('%s', (phone) => {
		expect(dataOf(parse({ phone })).phone).toBe(phone);
	});
});

describe('profile form: a whole valid form', () => {
	it('reads every field', () => {
		expect(
			dataOf(
				parse({
					bio: '  Ich backe gern.\r\nUnd ich repariere Fahrräder.  ',
					skills: 'Brot backen: gut\nFahrrad reparieren\n\n  Nähen : Expert:in  ',
					languages: 'Deutsch, Türkisch ,, Englisch',
					phone: ' +49 (511) 123-456 ',
					blockId: 'b-2',
					talentDirectory: 'on',
					showEmail: 'on',
					messageNotification: 'daily'
				})
			)
		).toEqual<ProfileInput>({
			bio: 'Ich backe gern.\nUnd ich repariere Fahrräder.',
			skills: [
				{ name: 'Brot backen', level: 'good' },
				{ name: 'Fahrrad reparieren', level: null },
				{ name: 'Nähen', level: 'expert' }
			],
			languages: ['Deutsch', 'Türkisch', 'Englisch'],
			phone: '+49 (511) 123-456',
			blockId: 'b-2',
			talentDirectory: true,
			showEmail: true,
			showBalance: false,
			messageNotification: 'daily'
		});
	});

	it('an empty form is an empty profile', () => {
		expect(dataOf(parse({ bio: '', skills: '', languages: '', phone: '', blockId: '' }))).toEqual({
			bio: '',
			skills: [],
			languages: [],
			phone: '',
			blockId: null,
			talentDirectory: false,
			showEmail: false,
			showBalance: false,
			messageNotification: 'batched'
		});
	});
});

describe('profile form: skills, one per line', () => {
	it.each<[string, Array<{ name: string; level: string | null }>]>([
		['Backen', [{ name: 'Backen', level: null }]],
		['Backen:', [{ name: 'Backen', level: null }]],
		['Backen: gut', [{ name: 'Backen', level: 'good' }]],
		['Backen:GUT', [{ name: 'Backen', level: 'good' }]],
		['Backen: Grundkenntnisse', [{ name: 'Backen', level: 'basic' }]],
		['Backen: Expert:in', [{ name: 'Backen', level: 'expert' }]],
		['Backen: Expertin', [{ name: 'Backen', level: 'expert' }]],
		['Backen: sehr  gut', [{ name: 'Backen', level: 'expert' }]],
		['Backen: Anfaenger', [{ name: 'Backen', level: 'basic' }]],
		['Baking: expert', [{ name: 'Baking', level: 'expert' }]],
		['  Brot   backen  :  good ', [{ name: 'Brot backen', level: 'good' }]],
		[
			'Backen\nbacken: gut\nBACKEN',
			// A second spelling of the same skill is dropped, the first kept.
			[{ name: 'Backen', level: null }]
		],
		['Straße fegen\nStrasse fegen', [{ name: 'Straße fegen', level: null }]],
		['\n\n\n', []],
		// Operator-looking text is a name like any other: stored as text, never part of a query.
		['$where', [{ name: '$where', level: null }]]
	])('%j', (skills, expected) => {
		expect(dataOf(parse({ skills })).skills).toEqual(expected);
	});

	const fifteen = Array.from({ length: 15 }, (_, i) => `Fähigkeit ${i + 1}: gut`).join('\n');

	it.each<[string, string]>([
		[': gut', 'profile_error_skill_empty_name'],
		['{"$gt": ""}', 'profile_error_skill_unknown_level'],
		['{ $ne: null }', 'profile_error_skill_unknown_level'],
		['Backen: meisterhaft', 'profile_error_skill_unknown_level'],
		['Kochen: italienisch', 'profile_error_skill_unknown_level'],
		['x'.repeat(41), 'profile_error_skill_too_long'],
		[`${'x'.repeat(41)}: gut`, 'profile_error_skill_too_long'],
		[`${fifteen}\nNoch eine`, 'profile_error_skills_too_many'],
		['a\n'.repeat(800), 'profile_error_skills_too_long'],
		['Backen\u0000', 'profile_error_text_invalid'],
		['Backen\u001b[31m', 'profile_error_text_invalid']
	])('%j -> %s', (skills, expected) => {
		expect(errorsOf(parse({ skills }))).toEqual({ skills: expected });
	});

	it('takes fifteen skills and names of 40 characters', () => {
		expect(dataOf(parse({ skills: fifteen })).skills).toHaveLength(15);
		expect(dataOf(parse({ skills: `${'x'.repeat(40)}: gut` })).skills).toEqual([
			{ name: 'x'.repeat(40), level: 'good' }
		]);
	});
});

describe('profile form: the other fields', () => {
	it.each<[string, string | Blob | undefined, string]>([
		['bio', 'x'.repeat(501), 'profile_error_bio_too_long'],
		['bio', 'Hallo\u0000', 'profile_error_text_invalid'],
		['bio', new Blob(['Hallo']), 'profile_error_invalid'],
		[
			'languages',
			Array.from({ length: 11 }, (_, i) => `Sprache ${i}`).join(', '),
			'profile_error_languages_too_many'
		],
		['languages', 'x'.repeat(41), 'profile_error_language_too_long'],
		['languages', 'Deutsch\u0007', 'profile_error_text_invalid'],
		['phone', '0511 123 456 789 012 345 678 901', 'profile_error_phone_too_long'],
		['phone', 'ruf mich an', 'profile_error_phone_invalid'],
		['phone', '+', 'profile_error_phone_invalid'],
		['phone', '12', 'profile_error_phone_invalid'],
		['phone', '0511\u000012345', 'profile_error_phone_invalid'],
		['blockId', 'b-3', 'profile_error_block_invalid'],
		['blockId', '{"$ne": null}', 'profile_error_block_invalid'],
		['blockId', 'x'.repeat(100), 'profile_error_block_invalid'],
		['showEmail', 'yes', 'profile_error_invalid'],
		['showEmail', '', 'profile_error_invalid'],
		['showBalance', new Blob(['on']), 'profile_error_invalid'],
		['messageNotification', undefined, 'profile_error_notification_invalid'],
		['messageNotification', 'hourly', 'profile_error_notification_invalid'],
		['messageNotification', '{"$in": ["daily"]}', 'profile_error_notification_invalid']
	])('%s %j -> %s', (field, value, expected) => {
		expect(errorsOf(parse({ [field]: value }))).toEqual({ [field]: expected });
	});

	it('languages: commas, semicolons and line breaks; one per spelling; at most ten', () => {
		expect(
			dataOf(parse({ languages: 'Deutsch;türkisch\nTürkisch, deutsch ,  ' })).languages
		).toEqual(['Deutsch', 'türkisch']);
		const ten = Array.from({ length: 10 }, (_, i) => `Sprache ${i}`).join(', ');
		expect(dataOf(parse({ languages: ten })).languages).toHaveLength(10);
	});

	it('a quarter without blocks takes none', () => {
		expect(errorsOf(parse({ blockId: 'b-1' }, { role: 'resident', blockIds: [] }))).toEqual({
			blockId: 'profile_error_block_invalid'
		});
		expect(dataOf(parse({}, { role: 'resident', blockIds: [] })).blockId).toBeNull();
	});

	it('reports every wrong field and echoes what was typed, in full', () => {
		const bio = 'x'.repeat(501);
		const result = parse({ bio, phone: 'abc', talentDirectory: 'on' });
		expect(errorsOf(result)).toEqual({
			bio: 'profile_error_bio_too_long',
			phone: 'profile_error_phone_invalid'
		});
		if (result.ok) return;
		expect(result.values).toEqual({
			bio,
			phone: 'abc',
			talentDirectory: 'on',
			messageNotification: 'batched'
		});
	});
});

describe('profile form: the talent directory is for residents', () => {
	it.each<[Role, boolean]>([
		['resident', true],
		['business', false],
		['moderator', false],
		['admin', false]
	])('%s opting in -> allowed: %s', (role, allowed) => {
		const result = parse({ talentDirectory: 'on' }, { role, blockIds: [] });
		if (allowed) expect(dataOf(result).talentDirectory).toBe(true);
		else {
			expect(errorsOf(result)).toEqual({
				talentDirectory: 'profile_error_talent_residents_only'
			});
		}
	});

	it.each<[Role]>([['business'], ['moderator']])('%s not opting in saves', (role) => {
		expect(dataOf(parse({ showEmail: 'on' }, { role, blockIds: [] })).talentDirectory).toBe(false);
	});
});

describe('profile schema: values that are not form strings', () => {
	// What a JSON body or a query-string parser could hand over, were the schema ever fed with one.
	it.each<[string, unknown]>([
		['bio', { $ne: '' }],
		['skills', ['Backen']],
		['skills', { $where: 'sleep(1000)' }],
		['languages', ['Deutsch']],
		['phone', 123],
		['blockId', { $gt: '' }],
		['talentDirectory', true],
		['showEmail', { $exists: true }],
		['messageNotification', { $in: ['daily'] }],
		// FormData already turns these into U+FFFD; a JSON body would not.
		['skills', 'Backen \ud800'],
		['bio', '\udc00']
	])('%s = %j is refused', (field, value) => {
		const result = profileSchema(resident).safeParse({ ...base, [field]: value });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path[0])).toEqual([field]);
	});
});

describe('talent filter', () => {
	it.each<[Record<string, string>, { skill: string; language: string }]>([
		[
			{ skill: ' back ', language: 'Türkisch' },
			{ skill: 'back', language: 'Türkisch' }
		],
		[
			{ skill: 'x'.repeat(41), language: '' },
			{ skill: '', language: '' }
		],
		[
			{ skill: 'a\u0000b', language: 'x'.repeat(41) },
			{ skill: '', language: '' }
		]
	])('%j', (input, expected) => {
		expect(talentFilterSchema.parse(input)).toEqual(expected);
	});
});

describe('messages', () => {
	const messages = (locale: string): Record<string, string> =>
		JSON.parse(readFileSync(join(process.cwd(), 'messages', `${locale}.json`), 'utf8'));
	const source = readFileSync(join(process.cwd(), 'src/lib/schemas/profile.ts'), 'utf8');
	const keys = [
		...new Set([
			...[...source.matchAll(/'(profile_error_[a-z_]+)'/g)].map((match) => match[1]!),
			// Built from the skill-line problems.
			'profile_error_skill_empty_name',
			'profile_error_skill_unknown_level'
		])
	];

	it.each(['de', 'en'])('%s has every error key of the schema', (locale) => {
		const all = messages(locale);
		expect(keys.filter((key) => !(key in all))).toEqual([]);
		expect(keys.length).toBeGreaterThan(10);
	});

	// The form shows saved skills with the level labels of the reader's language; saving again
	// must read them back as the same levels.
	it.each(['de', 'en'])('%s level labels read back as their levels', (locale) => {
		const all = messages(locale);
		for (const level of ['basic', 'good', 'expert'] as const) {
			const label = all[`profile_level_${level}`]!;
			expect(dataOf(parse({ skills: `Backen: ${label}` })).skills).toEqual([
				{ name: 'Backen', level }
			]);
		}
	});
});
