// Forms of the first installation (setup link) and the admin area (/admin). Messages are keys.
import { z } from 'zod';
import { isTimeZone } from '../domain/time/zone';
import { hasControlCharacters, hasLoneSurrogate } from '../domain/auth/text';
import { displayNameField, emailField, newPasswordField } from './fields';

const cleanText = (s: string) => !hasControlCharacters(s) && !hasLoneSurrogate(s);

export const setupSchema = z
	.object({
		displayName: displayNameField,
		email: emailField,
		password: newPasswordField,
		passwordRepeat: z.string({ error: 'error_password_repeat' })
	})
	.refine((v) => v.password === v.passwordRepeat, {
		path: ['passwordRepeat'],
		message: 'error_password_mismatch'
	});
export const SETUP_FIELDS = ['displayName', 'email', 'password', 'passwordRepeat'] as const;
export const SETUP_SECRET = ['password', 'passwordRepeat'] as const;

/** A setup link's token: 32 base32 characters, as every emailed token. */
export const setupTokenSchema = z.string().regex(/^[a-z2-7]{32}$/);

const line = (required: string, max: number, tooLong: string) =>
	z
		.string({ error: required })
		.trim()
		.min(1, required)
		.max(max, tooLong)
		.refine(cleanText, 'error_invalid_input');

export const quarterSlugField = z
	.string({ error: 'admin_error_slug_invalid' })
	.trim()
	.min(2, 'admin_error_slug_invalid')
	.max(48, 'admin_error_slug_invalid')
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'admin_error_slug_invalid');

export const quarterDetailsSchema = z.object({
	name: line('admin_error_name_required', 60, 'admin_error_name_too_long'),
	city: line('admin_error_city_required', 60, 'admin_error_city_too_long'),
	description: z
		.string({ error: 'admin_error_description_too_long' })
		.trim()
		.max(1000, 'admin_error_description_too_long')
		.refine(cleanText, 'error_invalid_input'),
	timeZone: z
		.string({ error: 'admin_error_time_zone_invalid' })
		.trim()
		.refine(isTimeZone, 'admin_error_time_zone_invalid')
});
export const QUARTER_DETAILS_FIELDS = ['name', 'city', 'description', 'timeZone'] as const;

export const newQuarterSchema = quarterDetailsSchema.extend({ slug: quarterSlugField });
export const NEW_QUARTER_FIELDS = ['slug', ...QUARTER_DETAILS_FIELDS] as const;
export type NewQuarterInput = z.infer<typeof newQuarterSchema>;
export type QuarterDetailsInput = z.infer<typeof quarterDetailsSchema>;

export const blockSchema = z.object({
	name: z
		.string({ error: 'admin_error_block_name_missing' })
		.max(200, 'admin_error_block_name_too_long'),
	lat: z
		.string({ error: 'admin_error_block_lat_invalid' })
		.max(40, 'admin_error_block_lat_invalid'),
	lng: z.string({ error: 'admin_error_block_lng_invalid' }).max(40, 'admin_error_block_lng_invalid')
});
export const BLOCK_FIELDS = ['name', 'lat', 'lng'] as const;

/** An id of a block or category as the pages post it back. */
export const itemIdSchema = z.object({
	id: z.string({ error: 'error_invalid_input' }).regex(/^[a-z0-9-]{1,64}$/, 'error_invalid_input')
});

export const blocksCsvSchema = z.object({
	csv: z
		.string({ error: 'admin_csv_empty' })
		.max(200_000, 'admin_csv_too_large')
		.refine((s) => s.trim().length > 0, 'admin_csv_empty')
});

export const categorySchema = z.object({
	labelDe: line('admin_error_label_required', 60, 'admin_error_label_too_long'),
	labelEn: line('admin_error_label_required', 60, 'admin_error_label_too_long')
});
export const CATEGORY_FIELDS = ['labelDe', 'labelEn'] as const;

export const appointSchema = z.object({
	email: emailField,
	/** Only needed to invite someone without an account. */
	displayName: z
		.string()
		.optional()
		.transform((s) => s?.trim() ?? '')
		.pipe(z.string().max(60, 'error_name_too_long').refine(cleanText, 'error_name_invalid'))
});
export const APPOINT_FIELDS = ['email', 'displayName'] as const;

export const memberIdSchema = z.object({
	member: z.string({ error: 'error_invalid_input' }).regex(/^[0-9a-f]{24}$/, 'error_invalid_input')
});

export const roleChangeSchema = memberIdSchema.extend({
	role: z.enum(['resident', 'business'], { error: 'admin_error_role_invalid' }),
	reason: z
		.string({ error: 'admin_error_reason_required' })
		.trim()
		.min(3, 'admin_error_reason_required')
		.max(1000, 'admin_error_reason_too_long')
		.refine(cleanText, 'error_invalid_input')
});
export const ROLE_CHANGE_FIELDS = ['member', 'role', 'reason'] as const;
