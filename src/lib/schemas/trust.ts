// Forms of the trust records (issue 16 items 1-4): year of birth at sign-up, the Führungszeugnis
// and a parent's consent recorded by the quarter management, the liability insurance, and the
// quarter's trust settings. Error messages are message keys with the `trust_error_` prefix.
import { z } from 'zod';
import {
	LICENSED_WORK_RULES,
	MAX_VETTING_MONTHS,
	type TrustSettings
} from '../domain/trust/settings';

const checkbox = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');

export const BIRTH_YEAR_FIELDS = ['birthYear', 'adultConfirmed'] as const;
export const birthYearSchema = z.object({
	birthYear: z
		.string({ error: 'trust_error_birth_year' })
		.trim()
		.regex(/^\d{4}$/, { error: 'trust_error_birth_year' })
		.transform(Number),
	adultConfirmed: checkbox
});

const DAY = z
	.string({ error: 'trust_error_day' })
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'trust_error_day' });
const ID = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const VETTING_FIELDS = ['memberId', 'issuedOn', 'seenOn'] as const;
export const vettingSchema = z.object({ memberId: ID, issuedOn: DAY, seenOn: DAY });

export const CONSENT_FIELDS = ['memberId'] as const;
export const consentSchema = z.object({ memberId: ID });

export const INSURANCE_FIELDS = ['insured'] as const;
export const insuranceSchema = z.object({ insured: checkbox });

export const TRUST_SETTINGS_FIELDS = [
	'vettingValidityMonths',
	'licensedWork',
	'minorsWithConsent'
] as const;
export const trustSettingsSchema = z.object({
	vettingValidityMonths: z
		.string()
		.trim()
		.regex(/^\d{0,3}$/, { error: 'trust_error_validity' })
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || (v >= 1 && v <= MAX_VETTING_MONTHS), {
			error: 'trust_error_validity'
		}),
	licensedWork: z.enum(LICENSED_WORK_RULES),
	minorsWithConsent: checkbox
});

/** The category checkboxes (a field sent once per ticked box), each a known category id. */
export function categoryList(form: FormData, name: string, known: readonly string[]): string[] {
	const ids = form.getAll(name).filter((v): v is string => typeof v === 'string');
	return [...new Set(ids)].filter((id) => known.includes(id));
}

export type TrustSettingsForm = Pick<
	TrustSettings,
	'vettingValidityMonths' | 'licensedWork' | 'minorsWithConsent'
>;
