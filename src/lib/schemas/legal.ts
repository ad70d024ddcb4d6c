// The legal forms: a version of a legal text (admin area, quarter house rules), accepting the
// rules, and a business member's trader identity (Art. 30 DSA). Errors are message keys.
import { z } from 'zod';
import { hasControlCharacters, hasLoneSurrogate } from '../domain/auth/text';
import { LEGAL_TEXT_MAX } from '../domain/legal/documents';
import { TRADER_LIMITS } from '../domain/legal/trader';
import { emailField } from './fields';

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const checkbox = z
	.enum(['on'], { error: 'error_invalid_input' })
	.optional()
	.transform((v) => v === 'on');

const legalText = z
	.string({ error: 'legal_error_text_required' })
	.transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
	.pipe(
		z
			.string()
			.max(LEGAL_TEXT_MAX, 'legal_error_text_too_long')
			.refine(
				(s) => !CONTROL_EXCEPT_LINES.test(s) && !hasLoneSurrogate(s),
				'legal_error_text_invalid'
			)
	);

export const LEGAL_VERSION_FIELDS = ['textDe', 'textEn', 'substantial'] as const;

/** German is required (the base language); an empty English text shows the German one. */
export const legalVersionSchema = z.object({
	textDe: legalText.refine((s) => s.length > 0, 'legal_error_text_required'),
	textEn: legalText,
	substantial: checkbox
});

export const ACCEPT_RULES_FIELDS = ['accept', 'version'] as const;

export const acceptRulesSchema = z.object({
	accept: z.literal('on', { error: 'legal_error_accept_required' }),
	/** The version the page showed: a newer one saved meanwhile is shown again. */
	version: z.coerce
		.number({ error: 'error_invalid_input' })
		.int('error_invalid_input')
		.min(0, 'error_invalid_input')
		.max(1_000_000, 'error_invalid_input')
});

const oneLine = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function line(max: number, required: string, tooLong: string) {
	return z
		.string({ error: required })
		.transform(oneLine)
		.pipe(
			z
				.string()
				.min(1, required)
				.max(max, tooLong)
				.refine((s) => !hasControlCharacters(s) && !hasLoneSurrogate(s), 'trader_error_invalid')
		);
}

export const TRADER_FIELDS = [
	'legalName',
	'address',
	'email',
	'phone',
	'registerNumber',
	'lawful'
] as const;

export const traderSchema = z.object({
	legalName: line(TRADER_LIMITS.legalName, 'trader_error_name_required', 'trader_error_too_long'),
	address: z
		.string({ error: 'trader_error_address_required' })
		.transform((s) =>
			s
				.normalize('NFC')
				.replace(/\r\n?/g, '\n')
				.split('\n')
				.map((l) => l.replace(/[ \t]+/g, ' ').trim())
				.filter(Boolean)
				.join('\n')
		)
		.pipe(
			z
				.string()
				.min(1, 'trader_error_address_required')
				.max(TRADER_LIMITS.address, 'trader_error_too_long')
				// A street with a number and a postcode with a town, as a letter needs.
				.refine((s) => /\d/.test(s) && /\b\d{4,5}\b/.test(s), 'trader_error_address_invalid')
				.refine(
					(s) => !CONTROL_EXCEPT_LINES.test(s) && !hasLoneSurrogate(s),
					'trader_error_invalid'
				)
		),
	email: emailField,
	phone: z
		.string({ error: 'trader_error_phone_required' })
		.transform(oneLine)
		.pipe(
			z
				.string()
				.min(1, 'trader_error_phone_required')
				.max(TRADER_LIMITS.phone, 'trader_error_too_long')
				.refine(
					(s) => /^[0-9 +\-()/]+$/.test(s) && (s.match(/\d/g) ?? []).length >= 5,
					'trader_error_phone_invalid'
				)
		),
	registerNumber: z
		.string()
		.optional()
		.transform((s) => oneLine(s ?? ''))
		.pipe(
			z
				.string()
				.max(TRADER_LIMITS.registerNumber, 'trader_error_too_long')
				.refine((s) => !hasControlCharacters(s) && !hasLoneSurrogate(s), 'trader_error_invalid')
		),
	lawful: z.literal('on', { error: 'trader_error_lawful_required' })
});
export type TraderInput = z.infer<typeof traderSchema>;

export const HOUSE_RULES_FIELDS = ['textDe', 'textEn'] as const;

/** A quarter's house rules: an empty text withdraws them. */
export const houseRulesSchema = z.object({ textDe: legalText, textEn: legalText });
