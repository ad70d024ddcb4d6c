import { describe, expect, it } from 'vitest';
import { parseForm } from './form';
import {
	APPLICATION_FIELDS,
	DECLINE_FIELDS,
	QUESTION_FIELDS,
	applicationSchema,
	declineSchema,
	KEEP_TYPED,
	questionSchema
} from './approval';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};
const MEMBER = 'a'.repeat(24);

describe('application at sign-up', () => {
	it('is optional, trimmed, keeps line breaks', () => {
		expect(parseForm(applicationSchema, form({}), APPLICATION_FIELDS, [], KEEP_TYPED)).toEqual({
			ok: true,
			data: { application: '' }
		});
		expect(
			parseForm(
				applicationSchema,
				form({ application: '  Hallo!\r\nIch wohne hier.  ' }),
				APPLICATION_FIELDS,
				[],
				KEEP_TYPED
			)
		).toEqual({ ok: true, data: { application: 'Hallo!\nIch wohne hier.' } });
	});

	it.each<[string, string]>([
		['x'.repeat(1001), 'approval_error_application_too_long'],
		['a\u0000b', 'approval_error_invalid']
	])('refuses %#', (text, key) => {
		const parsed = parseForm(
			applicationSchema,
			form({ application: text }),
			APPLICATION_FIELDS,
			[],
			KEEP_TYPED
		);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.errors.application).toBe(key);
			// A long text is echoed whole, so the person does not lose it.
			expect(parsed.values.application).toBe(text);
		}
	});

	it('counts characters, not UTF-16 units', () => {
		const parsed = parseForm(
			applicationSchema,
			form({ application: '😀'.repeat(1000) }),
			APPLICATION_FIELDS,
			[],
			KEEP_TYPED
		);
		expect(parsed.ok).toBe(true);
	});
});

describe('decline', () => {
	it.each<[Record<string, string>, Record<string, string> | null]>([
		[{ member: MEMBER, reason: 'Wohnt nicht im Quartier.' }, null],
		[{ member: MEMBER, reason: '   ' }, { reason: 'approval_error_reason_required' }],
		[{ member: MEMBER }, { reason: 'approval_error_invalid' }],
		[{ member: 'nope', reason: 'x' }, { member: 'approval_error_not_found' }],
		[{ member: MEMBER, reason: 'x'.repeat(1001) }, { reason: 'approval_error_reason_too_long' }],
		[
			{ member: { $ne: null } as unknown as string, reason: 'x' },
			{ member: 'approval_error_not_found' }
		]
	])('%j', (fields, errors) => {
		const parsed = parseForm(declineSchema, form(fields), DECLINE_FIELDS, [], KEEP_TYPED);
		if (errors === null) expect(parsed.ok).toBe(true);
		else expect(parsed.ok ? null : parsed.errors).toEqual(errors);
	});
});

describe('question', () => {
	const nonce = 'abcdefghijklmnop1234';
	it('needs a text and the form nonce', () => {
		expect(
			parseForm(
				questionSchema,
				form({ member: MEMBER, text: 'Wo wohnst du?', nonce }),
				QUESTION_FIELDS,
				[],
				KEEP_TYPED
			)
		).toEqual({ ok: true, data: { member: MEMBER, text: 'Wo wohnst du?', nonce } });
		const empty = parseForm(
			questionSchema,
			form({ member: MEMBER, text: ' ', nonce: 'x' }),
			QUESTION_FIELDS,
			[],
			KEEP_TYPED
		);
		expect(empty.ok ? null : empty.errors).toEqual({
			text: 'chat_error_text_empty',
			nonce: 'approval_error_form_expired'
		});
	});
});
