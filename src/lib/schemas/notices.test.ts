import { describe, expect, it } from 'vitest';
import { parseForm } from './form';
import { complaintDecisionSchema, noticeSchema, parseGround } from './notices';

const FIELDS = ['location', 'explanation', 'name', 'email', 'goodFaith', 'nonce'];
const valid = {
	location: 'https://quartier.example/q/nordstadt/listings/abc',
	explanation: 'Gefälschte Markenware.',
	name: '',
	email: '',
	goodFaith: 'yes',
	nonce: 'abcdefghijklmnop1234'
};
const form = (values: Record<string, string | undefined>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) if (v !== undefined) data.set(k, v);
	return data;
};

describe('the public notice form', () => {
	it.each<[string, Record<string, string | undefined>, Record<string, string> | null]>([
		['anonymous, without name and address', {}, null],
		['with name and address', { name: 'Eva', email: 'Eva@Beispiel.de' }, null],
		['no location', { location: '  ' }, { location: 'notice_error_location_required' }],
		['no explanation', { explanation: '' }, { explanation: 'notice_error_explanation_required' }],
		['too long', { explanation: 'x'.repeat(4001) }, { explanation: 'notice_error_too_long' }],
		['no good faith', { goodFaith: undefined }, { goodFaith: 'notice_error_good_faith' }],
		[
			'good faith must be the checkbox value',
			{ goodFaith: 'on' },
			{ goodFaith: 'notice_error_good_faith' }
		],
		['a wrong address', { email: 'keine' }, { email: 'error_email_invalid' }],
		['an expired form', { nonce: '' }, { nonce: 'account_error_form_expired' }]
	])('%s', (_name, over, errors) => {
		const parsed = parseForm(noticeSchema, form({ ...valid, ...over }), FIELDS);
		if (errors === null) expect(parsed.ok).toBe(true);
		else expect(parsed.ok ? null : parsed.errors).toEqual(errors);
	});

	it('normalises the address for the receipt', () => {
		const parsed = parseForm(noticeSchema, form({ ...valid, email: ' Eva@Beispiel.DE ' }), FIELDS);
		expect(parsed.ok && parsed.data.email).toBe('eva@beispiel.de');
	});
});

describe('grounds and complaint decisions', () => {
	it.each([
		['law:fraud', { type: 'law', code: 'fraud' }],
		['rules:spam', { type: 'rules', code: 'spam' }],
		['law:spam', null],
		['rules:fraud', null],
		['', null],
		['law', null]
	])('%s', (value, ground) => {
		expect(parseGround(value)).toEqual(ground);
	});

	it('needs an outcome and reasons', () => {
		const parsed = parseForm(
			complaintDecisionSchema,
			form({ notice: 'a'.repeat(24), party: 'author', reasons: '' }),
			['notice', 'party', 'outcome', 'reasons', 'replacement', 'ground']
		);
		expect(parsed.ok ? null : parsed.errors).toEqual({
			outcome: 'notices_error_outcome_required',
			reasons: 'notices_error_reasons_required'
		});
	});
});
