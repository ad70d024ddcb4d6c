import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	REPLY_FIELDS,
	REPORT_FIELDS,
	START_FIELDS,
	parseChatForm,
	replySchema,
	reportSchema,
	startSchema
} from './messages';

const LISTING = '0123456789abcdef01234567';
const MEMBER = 'a'.repeat(24);

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

describe('reply form', () => {
	it.each<[string, string, Record<string, string> | null]>([
		['a message', 'Hallo Anna!', null],
		['line breaks are kept', 'Hallo,\r\nbis morgen', null],
		['blank', '   \n ', { text: 'chat_error_text_empty' }],
		['too long', 'x'.repeat(2001), { text: 'chat_error_text_too_long' }],
		['a NUL', 'a\u0000b', { text: 'chat_error_text_invalid' }]
	])('%s', (_name, text, errors) => {
		const parsed = parseChatForm(replySchema, form({ text }), REPLY_FIELDS);
		if (errors === null) expect(parsed.ok).toBe(true);
		else expect(parsed).toMatchObject({ ok: false, errors });
	});

	it('normalises line breaks and trims', () => {
		const parsed = parseChatForm(
			replySchema,
			form({ text: ' Hallo,\r\nbis morgen \n' }),
			REPLY_FIELDS
		);
		expect(parsed).toEqual({ ok: true, data: { text: 'Hallo,\nbis morgen' } });
	});

	it('keeps the whole refused text for the form, not the first 300 characters', () => {
		const text = `${'y'.repeat(1500)}\u0007`;
		const parsed = parseChatForm(replySchema, form({ text }), REPLY_FIELDS);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.values.text).toBe(text);
	});

	it('treats a file in place of the text as no text', () => {
		const data = new FormData();
		data.set('text', new Blob(['x']), 'x.txt');
		expect(parseChatForm(replySchema, data, REPLY_FIELDS)).toMatchObject({
			ok: false,
			errors: { text: 'chat_error_text_empty' }
		});
	});
});

describe('start form', () => {
	it.each<[string, Record<string, string>, unknown]>([
		[
			'about a listing',
			{ quarter: 'nordstadt', listing: LISTING, text: 'Hallo' },
			{
				ok: true,
				data: { quarterId: 'nordstadt', listingId: LISTING, memberId: undefined, text: 'Hallo' }
			}
		],
		[
			'to a member',
			{ quarter: 'nordstadt', member: MEMBER, listing: '', text: 'Hallo' },
			{
				ok: true,
				data: { quarterId: 'nordstadt', listingId: undefined, memberId: MEMBER, text: 'Hallo' }
			}
		],
		[
			'neither',
			{ quarter: 'nordstadt', text: 'Hallo' },
			{ ok: false, errors: { form: 'chat_error_target' } }
		],
		[
			'both',
			{ quarter: 'nordstadt', listing: LISTING, member: MEMBER, text: 'Hallo' },
			{ ok: false, errors: { form: 'chat_error_target' } }
		],
		[
			'a malformed member id',
			{ quarter: 'nordstadt', member: '{"$ne":null}', text: 'Hallo' },
			{ ok: false, errors: { member: 'chat_error_target' } }
		],
		[
			'a malformed quarter',
			{ quarter: '../x', member: MEMBER, text: 'Hallo' },
			{ ok: false, errors: { quarter: 'error_quarter_invalid' } }
		],
		[
			'no text',
			{ quarter: 'nordstadt', member: MEMBER, text: '' },
			{ ok: false, errors: { text: 'chat_error_text_empty' } }
		]
	])('%s', (_name, fields, expected) => {
		expect(parseChatForm(startSchema, form(fields), START_FIELDS)).toMatchObject(
			expected as object
		);
	});
});

describe('report form', () => {
	it.each<[Record<string, string>, Record<string, string> | null]>([
		[{ reason: 'inappropriate', note: '' }, null],
		[{ reason: 'other', note: 'Will Geld vorab.\nBitte prüfen.' }, null],
		[{ reason: 'bored', note: '' }, { reason: 'chat_error_reason' }],
		[{ note: '' }, { reason: 'chat_error_reason' }],
		[{ reason: 'spam', note: 'x'.repeat(1001) }, { note: 'chat_error_note_too_long' }],
		[{ reason: 'spam', note: 'a\u0000' }, { note: 'chat_error_note_invalid' }]
	])('%j', (fields, errors) => {
		const parsed = parseChatForm(reportSchema, form(fields), REPORT_FIELDS);
		if (errors === null) expect(parsed.ok).toBe(true);
		else expect(parsed).toMatchObject({ ok: false, errors });
	});
});

describe('message keys', () => {
	const source = ['messages.ts', 'messages.test.ts']
		.map((file) => readFileSync(join(process.cwd(), 'src/lib/schemas', file), 'utf8'))
		.join('\n');
	const keys = [...new Set([...source.matchAll(/'(chat_error_[a-z_]+)'/g)].map((m) => m[1]!))];
	const dynamic = ['empty', 'too_long', 'invalid'].map((p) => `chat_error_text_${p}`);

	it.each(['de', 'en'])('exist in %s', (locale) => {
		const messages = JSON.parse(
			readFileSync(join(process.cwd(), 'messages', `${locale}.json`), 'utf8')
		) as Record<string, string>;
		const missing = [...keys, ...dynamic].filter((key) => typeof messages[key] !== 'string');
		expect(keys.length).toBeGreaterThan(3);
		expect(missing).toEqual([]);
	});
});
