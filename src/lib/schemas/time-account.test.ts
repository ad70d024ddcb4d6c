import { parseForm } from './form';
import { describe, expect, it } from 'vitest';
import {
	DONATION_FIELDS,
	donationSchema,
	GRANT_FIELDS,
	grantSchema,
	REVERSAL_FIELDS,
	reversalSchema,
	readPeriod
} from './time-account';

const NONCE = 'abcdefghijklmnopqrstuvwxyz234567';
const MEMBER = 'a'.repeat(24);

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('donationSchema', () => {
	it.each<[Record<string, string>, Record<string, unknown>]>([
		[
			{ hours: '0,5', nonce: NONCE },
			{ ok: true, data: { hours: 30, memo: '', nonce: NONCE } }
		],
		[
			{ hours: '1:30', memo: '  für das  Sommerfest ', nonce: NONCE },
			{ ok: true, data: { hours: 90, memo: 'für das Sommerfest', nonce: NONCE } }
		],
		[
			{ hours: '', nonce: NONCE },
			{ ok: false, errors: { hours: 'account_error_hours_empty' } }
		],
		[
			{ hours: '0', nonce: NONCE },
			{ ok: false, errors: { hours: 'account_error_hours_zero' } }
		],
		[
			{ hours: '1,1', nonce: NONCE },
			{ ok: false, errors: { hours: 'account_error_hours_not_quarter_hour' } }
		],
		[
			{ hours: 'viel', nonce: NONCE },
			{ ok: false, errors: { hours: 'account_error_hours_invalid' } }
		],
		[
			{ hours: '25', nonce: NONCE },
			{ ok: false, errors: { hours: 'account_error_hours_too_large' } }
		],
		[{ hours: '1' }, { ok: false, errors: { nonce: 'account_error_form_expired' } }],
		[
			{ hours: '1', nonce: 'x' },
			{ ok: false, errors: { nonce: 'account_error_form_expired' } }
		],
		[
			{ hours: '1', nonce: NONCE, memo: 'x'.repeat(201) },
			{ ok: false, errors: { memo: 'account_error_memo_too_long' } }
		]
	])('%j', (fields, expected) => {
		const parsed = parseForm(donationSchema, form(fields), DONATION_FIELDS);
		expect(parsed).toMatchObject(expected);
	});

	it('treats a file where text belongs as invalid input', () => {
		const data = form({ nonce: NONCE });
		data.set('hours', new Blob(['1']));
		const parsed = parseForm(donationSchema, data, DONATION_FIELDS);
		expect(parsed).toMatchObject({ ok: false, errors: { hours: 'account_error_hours_empty' } });
	});
});

const LINE = '0123456789abcdef0123';

describe('grantSchema', () => {
	const base = {
		member: MEMBER,
		budgetLine: LINE,
		hours: '2',
		purpose: 'Budgetposten Nachbarschaftshilfe',
		nonce: NONCE
	};
	it.each<[Record<string, string>, Record<string, unknown>]>([
		[
			base,
			{
				ok: true,
				data: {
					member: MEMBER,
					budgetLine: LINE,
					hours: 120,
					purpose: 'Budgetposten Nachbarschaftshilfe',
					override: false,
					overrideReason: '',
					nonce: NONCE
				}
			}
		],
		[
			{ ...base, override: 'on', overrideReason: 'Umzugshilfe, beschlossen am 3.11.' },
			{ ok: true, data: { override: true, overrideReason: 'Umzugshilfe, beschlossen am 3.11.' } }
		],
		[
			{ ...base, override: 'on', overrideReason: '  ' },
			{ ok: false, errors: { overrideReason: 'account_error_override_reason_required' } }
		],
		[
			{ ...base, override: 'yes', overrideReason: 'x' },
			{ ok: false, errors: { override: 'account_error_override_reason_required' } }
		],
		[
			{ ...base, purpose: ' ' },
			{ ok: false, errors: { purpose: 'account_error_purpose_required' } }
		],
		[
			{ ...base, member: '' },
			{ ok: false, errors: { member: 'account_error_member_required' } }
		],
		[
			{ ...base, member: '{"$ne":null}' },
			{ ok: false, errors: { member: 'account_error_member_required' } }
		],
		[
			{ ...base, hours: '0' },
			{ ok: false, errors: { hours: 'account_error_hours_zero' } }
		],
		[
			{ ...base, budgetLine: '' },
			{ ok: false, errors: { budgetLine: 'budget_error_line_required' } }
		],
		[
			{ ...base, budgetLine: '{"$ne":null}' },
			{ ok: false, errors: { budgetLine: 'budget_error_line_required' } }
		]
	])('%j', (fields, expected) => {
		expect(parseForm(grantSchema, form(fields), GRANT_FIELDS)).toMatchObject(expected);
	});
});

describe('readPeriod', () => {
	it.each<[string, Record<string, unknown>]>([
		['', { values: { from: '', to: '' }, errors: {}, period: {} }],
		[
			'from=2026-11-01&to=2026-11-30',
			{
				errors: {},
				period: {
					from: new Date('2026-10-31T23:00:00.000Z'),
					to: new Date('2026-11-30T23:00:00.000Z')
				}
			}
		],
		['from=2026-11-01&to=', { errors: {}, period: { from: new Date('2026-10-31T23:00:00.000Z') } }],
		[
			'from=2026-02-30',
			{
				values: { from: '2026-02-30', to: '' },
				errors: { from: 'account_error_date_invalid' },
				period: null
			}
		],
		['to=morgen', { errors: { to: 'account_error_date_invalid' }, period: null }],
		[
			'from=2026-12-01&to=2026-11-01',
			{ errors: { to: 'account_error_period_order' }, period: null }
		],
		['from=2026-11-01&to=2026-11-01', { errors: {}, period: expect.any(Object) }]
	])('%s', (query, expected) => {
		expect(readPeriod(new URLSearchParams(query), 'Europe/Berlin')).toMatchObject(expected);
	});

	it("reads the days in the quarter's time zone", () => {
		const query = new URLSearchParams('from=2026-11-30&to=2026-11-30');
		expect(readPeriod(query, 'America/New_York').period).toEqual({
			from: new Date('2026-11-30T05:00:00.000Z'),
			to: new Date('2026-12-01T05:00:00.000Z')
		});
	});
});

describe('reversalSchema', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.set(k, v);
		return parseForm(reversalSchema, data, REVERSAL_FIELDS);
	};
	it.each<[Record<string, string>, Record<string, unknown> | Record<string, string>, boolean]>([
		[
			{ reverseSeq: '42', reverseHours: '', reverseReason: 'Doppelt' },
			{ reverseSeq: 42, reverseHours: null, reverseReason: 'Doppelt' },
			true
		],
		[
			{ reverseSeq: ' 7 ', reverseHours: '1,5', reverseReason: '  zu  viel ' },
			{ reverseSeq: 7, reverseHours: 90, reverseReason: 'zu viel' },
			true
		],
		[
			{ reverseSeq: '7', reverseReason: 'ohne Stunden' },
			{ reverseSeq: 7, reverseHours: null },
			true
		],
		[
			{ reverseSeq: '0', reverseHours: '', reverseReason: 'x' },
			{ reverseSeq: 'account_error_reversal_seq' },
			false
		],
		[
			{ reverseSeq: '-3', reverseHours: '', reverseReason: 'x' },
			{ reverseSeq: 'account_error_reversal_seq' },
			false
		],
		[
			{ reverseSeq: '4.5', reverseHours: '', reverseReason: 'x' },
			{ reverseSeq: 'account_error_reversal_seq' },
			false
		],
		[
			{ reverseSeq: '{"$gt":0}', reverseHours: '', reverseReason: 'x' },
			{ reverseSeq: 'account_error_reversal_seq' },
			false
		],
		[
			{ reverseSeq: '12345678901', reverseHours: '', reverseReason: 'x' },
			{ reverseSeq: 'account_error_reversal_seq' },
			false
		],
		[
			{ reverseSeq: '7', reverseHours: '0', reverseReason: 'x' },
			{ reverseHours: 'account_error_hours_zero' },
			false
		],
		[
			{ reverseSeq: '7', reverseHours: 'eine', reverseReason: 'x' },
			{ reverseHours: expect.stringMatching(/^account_error_hours_/) },
			false
		],
		[
			{ reverseSeq: '7', reverseHours: '', reverseReason: '   ' },
			{ reverseReason: 'account_error_reversal_reason' },
			false
		],
		[
			{ reverseSeq: '7', reverseHours: '' },
			{ reverseReason: 'account_error_reversal_reason' },
			false
		],
		[
			{ reverseSeq: '7', reverseHours: '', reverseReason: 'x'.repeat(201) },
			{ reverseReason: 'account_error_memo_too_long' },
			false
		]
	])('%j', (fields, expected, ok) => {
		const parsed = form(fields);
		expect(parsed.ok).toBe(ok);
		if (parsed.ok) expect(parsed.data).toMatchObject(expected);
		else expect(parsed.errors).toMatchObject(expected);
	});
});
