// The PStTG / DAC7 forms: a seller's tax data (Mein Konto) and the operator's setting (admin
// area). Errors are message keys. Fields may stay empty: the page then says what is missing,
// and saving what is there already helps (the law allows collecting until the report).
import { z } from 'zod';
import { hasControlCharacters, hasLoneSurrogate } from '../domain/auth/text';

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function text(max: number, lines = false) {
	return z
		.string()
		.optional()
		.transform((s) => (s ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim())
		.pipe(
			z
				.string()
				.max(max, 'dac7_error_too_long')
				.refine(
					(s) =>
						!(lines ? CONTROL_EXCEPT_LINES.test(s) : hasControlCharacters(s)) &&
						!hasLoneSurrogate(s),
					'dac7_error_invalid'
				)
		);
}

const birthDate = text(10).refine(
	(s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))),
	'dac7_error_birth_date'
);

const country = text(2)
	.transform((s) => s.toUpperCase())
	.refine((s) => s === '' || /^[A-Z]{2}$/.test(s), 'dac7_error_country');

const tin = text(40).refine((s) => s === '' || /^[A-Za-z0-9 ./-]+$/.test(s), 'dac7_error_tin');

export const SELLER_FIELDS = [
	'kind',
	'firstName',
	'lastName',
	'birthDate',
	'address',
	'tin',
	'tinCountry',
	'vatId'
] as const;

export const sellerSchema = z.object({
	kind: z.enum(['individual', 'entity'], { error: 'dac7_error_kind' }),
	firstName: text(100),
	lastName: text(100),
	birthDate,
	address: text(400, true),
	tin,
	tinCountry: country,
	vatId: text(20).refine((s) => s === '' || /^[A-Z]{2}[A-Za-z0-9]{2,13}$/.test(s), 'dac7_error_vat')
});

export const DAC7_SETTINGS_FIELDS = [
	'hoursAreConsideration',
	'hourValue',
	'operatorName',
	'operatorAddress',
	'operatorTin'
] as const;

/** The hour value in euros, e.g. "12" or "12,50"; required when hours count. */
export const dac7SettingsSchema = z
	.object({
		hoursAreConsideration: z
			.enum(['on'], { error: 'error_invalid_input' })
			.optional()
			.transform((v) => v === 'on'),
		hourValue: text(10).refine(
			(s) => s === '' || /^\d{1,4}([.,]\d{1,2})?$/.test(s),
			'dac7_error_hour_value'
		),
		operatorName: text(200),
		operatorAddress: text(400, true),
		operatorTin: tin
	})
	.transform((v) => ({
		...v,
		hourValueCents: v.hourValue === '' ? 0 : Math.round(Number(v.hourValue.replace(',', '.')) * 100)
	}))
	.refine((v) => !v.hoursAreConsideration || v.hourValueCents > 0, {
		path: ['hourValue'],
		message: 'dac7_error_hour_value'
	});

/** The year a report is asked for, 2023 (the first reporting year) to this year; by default
 * the year whose report is due next (in January: last year's, due on the 31st). */
export function reportYear(value: string | null, now: Date): number {
	const current = now.getUTCFullYear();
	const year = Number(value);
	if (value && Number.isInteger(year) && year >= 2023 && year <= current) return year;
	return now.getUTCMonth() === 0 ? current - 1 : current;
}
