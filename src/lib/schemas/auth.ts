import { z } from 'zod';
import {
	currentPasswordField,
	displayNameField,
	emailField,
	localeField,
	newPasswordField,
	quarterIdField,
	tokenField
} from './fields';

export const signupSchema = z
	.object({
		displayName: displayNameField,
		email: emailField,
		password: newPasswordField,
		passwordRepeat: z.string({ error: 'error_password_repeat' }),
		quarterId: quarterIdField,
		locale: localeField,
		kind: z.enum(['resident', 'business'], { error: 'error_kind_required' }),
		terms: z.literal('on', { error: 'error_terms_required' })
	})
	.refine((v) => v.password === v.passwordRepeat, {
		path: ['passwordRepeat'],
		message: 'error_password_mismatch'
	});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
	email: emailField,
	password: currentPasswordField
});

export const emailOnlySchema = z.object({ email: emailField });

/** Deleting one's account is confirmed with the password (services/deletion.ts). */
export const deleteAccountSchema = z.object({ password: currentPasswordField });

export const resetPasswordSchema = z
	.object({
		token: tokenField,
		password: newPasswordField,
		passwordRepeat: z.string({ error: 'error_password_repeat' })
	})
	.refine((v) => v.password === v.passwordRepeat, {
		path: ['passwordRepeat'],
		message: 'error_password_mismatch'
	});

export const changePasswordSchema = z
	.object({
		currentPassword: currentPasswordField,
		password: newPasswordField,
		passwordRepeat: z.string({ error: 'error_password_repeat' })
	})
	.refine((v) => v.password === v.passwordRepeat, {
		path: ['passwordRepeat'],
		message: 'error_password_mismatch'
	});

export const profileSchema = z.object({
	displayName: displayNameField,
	locale: localeField
});

export const tokenSchema = z.object({ token: tokenField });
