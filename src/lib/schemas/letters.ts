// Forms of the address check by letter and the Jahresübersicht's year. Errors are message keys
// (`letter_error_…`, `yearly_error_…`).
import { z } from 'zod';
import {
	hasControlCharacters,
	hasInvisibleCharacters,
	hasLoneSurrogate
} from '../domain/auth/text';
import { ADDRESS_LINE_MAX, normalizeCode } from '../domain/trust/address-letter';
import { quarterIdField } from './fields';

const clean = (s: string) =>
	!hasControlCharacters(s) && !hasLoneSurrogate(s) && !hasInvisibleCharacters(s);

const line = (required: string | null) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
		.pipe(
			(required ? z.string().min(1, required) : z.string())
				.max(ADDRESS_LINE_MAX, 'letter_error_too_long')
				.refine(clean, 'letter_error_invalid_text')
		);

export const LETTER_REQUEST_FIELDS = [
	'quarter',
	'name',
	'extra',
	'street',
	'postcode',
	'city',
	'block'
] as const;

export const letterRequestSchema = z.object({
	quarter: quarterIdField,
	name: line('letter_error_name'),
	extra: line(null),
	street: line('letter_error_street'),
	postcode: z
		.string({ error: 'letter_error_postcode' })
		.trim()
		.regex(/^\d{5}$/, 'letter_error_postcode'),
	city: line('letter_error_city'),
	block: z.string({ error: 'letter_error_block' }).trim().min(1, 'letter_error_block').max(80)
});

export const LETTER_CODE_FIELDS = ['quarter', 'code'] as const;

export const letterCodeSchema = z.object({
	quarter: quarterIdField,
	code: z
		.string({ error: 'letter_error_code_format' })
		.max(40, 'letter_error_code_format')
		.refine((s) => normalizeCode(s) !== null, 'letter_error_code_format')
});

/** `?jahr=2026`: a year the platform can have figures for. */
export const yearSchema = z.coerce
	.number({ error: 'yearly_error_year' })
	.int('yearly_error_year')
	.min(2000, 'yearly_error_year')
	.max(2100, 'yearly_error_year');
