import { describe, expect, it } from 'vitest';
import { EURO_GRANT_FIELDS, euroGrantSchema, LINE_FIELDS, lineSchema } from './budget';
import { parseForm } from './form';

const NONCE = 'nonce-aaaaaaaaaaaaaaaa';
const LINE = '0123456789abcdef0123';
const MEMBER = '0123456789abcdef01234567';

function form(fields: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
}

describe('lineSchema', () => {
	const base = {
		name: 'Sprachcafé',
		hours: '120',
		euros: '',
		from: '2026-01-01',
		to: '2026-12-31',
		purpose: 'Deutsch üben beim Kaffee',
		decidedBy: 'Quartierskonferenz',
		decidedOn: '2026-03-12',
		nonce: NONCE
	};
	it.each<[Record<string, string>, Record<string, unknown>]>([
		[base, { ok: true, data: { hours: 7200, euros: null, name: 'Sprachcafé' } }],
		[
			{ ...base, hours: '', euros: '1.500,00' },
			{ ok: true, data: { hours: null, euros: 150000 } }
		],
		[
			{ ...base, hours: '' },
			{ ok: false, errors: { hours: 'budget_error_amount_required' } }
		],
		[
			{ ...base, hours: 'viel' },
			{ ok: false, errors: { hours: 'budget_error_hours_invalid' } }
		],
		[
			{ ...base, euros: '0' },
			{ ok: false, errors: { euros: 'budget_error_euros_invalid' } }
		],
		[
			{ ...base, to: '2025-12-31' },
			{ ok: false, errors: { to: 'account_error_period_order' } }
		],
		[
			{ ...base, from: '' },
			{ ok: false, errors: { from: 'budget_error_from_required' } }
		],
		[
			{ ...base, decidedOn: '2026-02-30' },
			{ ok: false, errors: { decidedOn: 'account_error_date_invalid' } }
		],
		[
			{ ...base, name: ' ' },
			{ ok: false, errors: { name: 'budget_error_name_required' } }
		],
		[
			{ ...base, nonce: 'x' },
			{ ok: false, errors: { nonce: 'account_error_form_expired' } }
		]
	])('%j', (fields, expected) => {
		expect(parseForm(lineSchema, form(fields), LINE_FIELDS)).toMatchObject(expected);
	});
});

describe('euroGrantSchema', () => {
	const schema = euroGrantSchema('2026-11-26');
	const base = {
		line: LINE,
		member: '',
		project: 'Repair-Café Werkbank',
		euros: '250',
		purpose: 'Lötkolben',
		paidOn: '2026-11-20',
		nonce: NONCE
	};
	it.each<[Record<string, string>, Record<string, unknown>]>([
		[base, { ok: true, data: { euros: 25000, project: 'Repair-Café Werkbank' } }],
		[
			{ ...base, project: '', member: MEMBER },
			{ ok: true, data: { member: MEMBER } }
		],
		[
			{ ...base, member: MEMBER },
			{ ok: false, errors: { member: 'budget_error_recipient_required' } }
		],
		[
			{ ...base, project: '' },
			{ ok: false, errors: { member: 'budget_error_recipient_required' } }
		],
		[
			{ ...base, paidOn: '2026-11-27' },
			{ ok: false, errors: { paidOn: 'budget_error_paid_in_future' } }
		],
		[
			{ ...base, euros: '-3' },
			{ ok: false, errors: { euros: 'budget_error_euros_invalid' } }
		],
		[
			{ ...base, line: '' },
			{ ok: false, errors: { line: 'budget_error_line_required' } }
		]
	])('%j', (fields, expected) => {
		expect(parseForm(schema, form(fields), EURO_GRANT_FIELDS)).toMatchObject(expected);
	});
});
