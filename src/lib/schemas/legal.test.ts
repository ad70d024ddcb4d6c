import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseForm } from './form';
import {
	ACCEPT_RULES_FIELDS,
	acceptRulesSchema,
	LEGAL_VERSION_FIELDS,
	legalVersionSchema,
	TRADER_FIELDS,
	traderSchema
} from './legal';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

const TRADER = {
	legalName: '  Café  Eckbank GmbH ',
	address: 'Eckweg 1\r\n\r\n30161   Hannover',
	email: 'Cafe@Eckbank.example',
	phone: '0511 / 123456',
	registerNumber: '',
	lawful: 'on'
};

const errorsOf = (fields: Record<string, string>) => {
	const parsed = parseForm(traderSchema, form(fields), TRADER_FIELDS);
	return parsed.ok ? null : parsed.errors;
};

describe('trader identity form', () => {
	it('tidies what was typed', () => {
		const parsed = parseForm(traderSchema, form(TRADER), TRADER_FIELDS);
		expect(parsed).toEqual({
			ok: true,
			data: {
				legalName: 'Café Eckbank GmbH',
				address: 'Eckweg 1\n30161 Hannover',
				email: 'cafe@eckbank.example',
				phone: '0511 / 123456',
				registerNumber: '',
				lawful: 'on'
			}
		});
	});

	it.each<[string, Record<string, string>, Record<string, string>]>([
		['no name', { legalName: ' ' }, { legalName: 'trader_error_name_required' }],
		['no address', { address: '' }, { address: 'trader_error_address_required' }],
		['no postcode', { address: 'Eckweg\nHannover' }, { address: 'trader_error_address_invalid' }],
		['bad email', { email: 'cafe@' }, { email: 'error_email_invalid' }],
		['no phone', { phone: '' }, { phone: 'trader_error_phone_required' }],
		['letters as phone', { phone: 'ruf an' }, { phone: 'trader_error_phone_invalid' }],
		[
			'long register number',
			{ registerNumber: 'x'.repeat(121) },
			{ registerNumber: 'trader_error_too_long' }
		],
		['not confirmed', { lawful: '' }, { lawful: 'trader_error_lawful_required' }],
		['a NUL', { legalName: 'Café\u0000' }, { legalName: 'trader_error_invalid' }]
	])('%s', (_name, change, errors) => {
		expect(errorsOf({ ...TRADER, ...change })).toEqual(errors);
	});
});

describe('legal text form', () => {
	it('needs the German text; English may stay empty; substance is a checkbox', () => {
		expect(
			parseForm(legalVersionSchema, form({ textDe: ' ', textEn: 'x' }), LEGAL_VERSION_FIELDS)
		).toMatchObject({
			ok: false,
			errors: { textDe: 'legal_error_text_required' }
		});
		expect(
			parseForm(
				legalVersionSchema,
				form({ textDe: 'Regeln\r\n', textEn: '', substantial: 'on' }),
				LEGAL_VERSION_FIELDS
			)
		).toEqual({ ok: true, data: { textDe: 'Regeln', textEn: '', substantial: true } });
		expect(
			parseForm(
				legalVersionSchema,
				form({ textDe: 'x'.repeat(60_001), textEn: '' }),
				LEGAL_VERSION_FIELDS
			)
		).toMatchObject({ ok: false, errors: { textDe: 'legal_error_text_too_long' } });
	});
});

describe('accepting the rules', () => {
	it('needs the box ticked and a version number', () => {
		expect(parseForm(acceptRulesSchema, form({ version: '3' }), ACCEPT_RULES_FIELDS)).toMatchObject(
			{
				ok: false,
				errors: { accept: 'legal_error_accept_required' }
			}
		);
		expect(
			parseForm(acceptRulesSchema, form({ accept: 'on', version: '3' }), ACCEPT_RULES_FIELDS)
		).toEqual({
			ok: true,
			data: { accept: 'on', version: 3 }
		});
		expect(
			parseForm(acceptRulesSchema, form({ accept: 'on', version: '-1' }), ACCEPT_RULES_FIELDS).ok
		).toBe(false);
	});
});

describe('every error of these forms has a text in both languages', () => {
	const source = readFileSync(join(import.meta.dirname, 'legal.ts'), 'utf8');
	const keys = [
		...new Set(source.match(/'(?:legal_|trader_)?error_[a-z_]+'/g)!.map((k) => k.slice(1, -1)))
	];
	for (const locale of ['de', 'en']) {
		it(locale, () => {
			const messages = JSON.parse(
				readFileSync(join(import.meta.dirname, `../../../messages/${locale}.json`), 'utf8')
			);
			for (const key of keys) expect(messages[key], key).toBeTruthy();
		});
	}
});
