// Field schemas shared by the forms. Error messages are message keys (messages/*.json), so the
// page shows them in the reader's language; a unit test checks that every key exists.
import { z } from 'zod';
import { minutesFromHoursInput } from '../domain/exchanges/minutes';
import {
	hasControlCharacters,
	hasInvisibleCharacters,
	hasLoneSurrogate,
	normalizeDisplayName,
	normalizeEmail
} from '../domain/auth/text';
import { EMAIL_MAX } from './limits';

const cleanText = (s: string) => !hasControlCharacters(s) && !hasLoneSurrogate(s);

export const emailField = z
	.string({ error: 'error_email_required' })
	.trim()
	.min(1, 'error_email_required')
	.max(EMAIL_MAX, 'error_email_too_long')
	.refine(cleanText, 'error_email_invalid')
	.pipe(z.email({ error: 'error_email_invalid' }))
	.transform(normalizeEmail);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const newPasswordField = z
	.string({ error: 'error_password_required' })
	.min(1, 'error_password_required')
	.min(PASSWORD_MIN, 'error_password_too_short')
	.max(PASSWORD_MAX, 'error_password_too_long')
	.refine((s) => !s.includes('\u0000') && !hasLoneSurrogate(s), 'error_password_invalid');

/** Login takes any stored password; only absurd sizes are refused before hashing. */
export const currentPasswordField = z
	.string({ error: 'error_password_required' })
	.min(1, 'error_password_required')
	.max(PASSWORD_MAX, 'error_password_too_long');

export const displayNameField = z
	.string({ error: 'error_name_required' })
	.transform(normalizeDisplayName)
	.pipe(
		z
			.string()
			.min(1, 'error_name_required')
			.min(2, 'error_name_too_short')
			.max(60, 'error_name_too_long')
			.refine((s) => cleanText(s) && !hasInvisibleCharacters(s), 'error_name_invalid')
	);

export const localeField = z.enum(['de', 'en'], { error: 'error_locale_invalid' });

/** Emailed tokens are 32 base32 characters; anything else is not worth a database look-up. */
export const tokenField = z
	.string({ error: 'error_token_invalid' })
	.regex(/^[a-z2-7]{32}$/, 'error_token_invalid');

export const quarterIdField = z
	.string({ error: 'error_quarter_required' })
	.min(1, 'error_quarter_required')
	.max(48, 'error_quarter_invalid')
	.regex(/^[a-z0-9-]+$/, 'error_quarter_invalid');

/** A random value the page puts into each form: the key of what it stores, so a double submit
 * stores (books, refunds) once. */
export const formNonceField = z
	.string({ error: 'account_error_form_expired' })
	.regex(/^[A-Za-z0-9_-]{16,64}$/, 'account_error_form_expired');

/** Hours as people type them ("1,5", "0,75", "1:30") into minutes; none only when `zero`. */
export function hoursField({ zero }: { zero: boolean }) {
	return z.string({ error: 'account_error_hours_empty' }).transform((text, ctx) => {
		const parsed = minutesFromHoursInput(text);
		if (!parsed.ok) {
			ctx.addIssue({ code: 'custom', message: `account_error_hours_${parsed.error}` });
			return z.NEVER;
		}
		if (!zero && parsed.minutes === 0) {
			ctx.addIssue({ code: 'custom', message: 'account_error_hours_zero' });
			return z.NEVER;
		}
		return parsed.minutes;
	});
}
