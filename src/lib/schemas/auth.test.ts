import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	changePasswordSchema,
	emailOnlySchema,
	loginSchema,
	profileSchema,
	resetPasswordSchema,
	signupSchema
} from './auth';
import {
	CHANGE_PASSWORD_FIELDS,
	LOGIN_FIELDS,
	PASSWORD_FIELDS,
	PROFILE_FIELDS,
	RESET_FIELDS,
	SIGNUP_FIELDS
} from './auth-fields';
import { parseForm, type ParseResult } from './form';

// The signup action adds the locale the page was shown in.
const SIGNUP_FORM_FIELDS = [...SIGNUP_FIELDS, 'locale'] as const;
const PASSWORD = 'Tomaten und Basilikum';
const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';

const validSignup: Record<string, string> = {
	displayName: 'Anna B.',
	email: 'anna@example.org',
	password: PASSWORD,
	passwordRepeat: PASSWORD,
	quarterId: 'nordstadt',
	kind: 'resident',
	terms: 'on',
	locale: 'de'
};

function formOf(entries: Record<string, string | Blob | undefined>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(entries)) {
		if (value !== undefined) form.append(name, value);
	}
	return form;
}

function signup(overrides: Record<string, string | Blob | undefined> = {}) {
	return parseForm(
		signupSchema,
		formOf({ ...validSignup, ...overrides }),
		SIGNUP_FORM_FIELDS,
		PASSWORD_FIELDS
	);
}

function errorsOf<T>(result: ParseResult<T>) {
	if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

function dataOf<T>(result: ParseResult<T>): T {
	if (!result.ok) throw new Error(`expected data, got ${JSON.stringify(result.errors)}`);
	return result.data;
}

describe('signup: valid input', () => {
	it('parses a complete form', () => {
		expect(dataOf(signup())).toEqual({
			displayName: 'Anna B.',
			email: 'anna@example.org',
			password: PASSWORD,
			passwordRepeat: PASSWORD,
			quarterId: 'nordstadt',
			kind: 'resident',
			terms: 'on',
			locale: 'de'
		});
	});

	it.each([
		['kind', 'business'],
		['locale', 'en'],
		['quarterId', 'bochum-ehrenfeld-2'],
		['displayName', 'Al'],
		['displayName', 'x'.repeat(60)],
		['password', 'x'.repeat(10)],
		['password', 'x'.repeat(200)]
	])('accepts %s = %j', (field, value) => {
		const overrides: Record<string, string> = { [field]: value };
		if (field === 'password') overrides.passwordRepeat = value;
		expect(signup(overrides).ok).toBe(true);
	});

	it('lower-cases and trims the email', () => {
		expect(dataOf(signup({ email: 'Anna.Becker@Example.ORG ' })).email).toBe(
			'anna.becker@example.org'
		);
	});

	it.each<[string, string]>([
		['Ömer Çelik', 'Ömer Çelik'],
		['O\u0308mer C\u0327elik', 'Ömer Çelik'],
		['Zoë 🌻', 'Zoë 🌻'],
		['Zoe\u0308 🌻', 'Zoë 🌻'],
		['  Anna   Becker ', 'Anna Becker'],
		['Łucja Wójcik-Nowak', 'Łucja Wójcik-Nowak'],
		['李小龍', '李小龍']
	])('accepts the name %j as %j (NFC, collapsed spaces)', (input, expected) => {
		const name = dataOf(signup({ displayName: input })).displayName;
		expect(name).toBe(expected);
		expect(name).toBe(name.normalize('NFC'));
	});

	it('takes the first value of a repeated field', () => {
		const form = formOf(validSignup);
		form.append('email', 'mallory@example.org');
		const result = parseForm(signupSchema, form, SIGNUP_FORM_FIELDS, PASSWORD_FIELDS);
		expect(dataOf(result).email).toBe('anna@example.org');
	});

	it('drops fields that are not named', () => {
		const form = formOf({ ...validSignup, role: 'admin', state: 'active' });
		const data = dataOf(parseForm(signupSchema, form, SIGNUP_FORM_FIELDS, PASSWORD_FIELDS));
		expect(Object.keys(data).sort()).toEqual([...SIGNUP_FORM_FIELDS].sort());
	});
});

describe('signup: missing or empty fields', () => {
	// [field, value, expected error]; undefined means the field is not sent at all
	it.each<[string, string | undefined, string]>([
		['displayName', '', 'error_name_required'],
		['displayName', '   ', 'error_name_required'],
		['displayName', undefined, 'error_name_required'],
		['email', '', 'error_email_required'],
		['email', '  ', 'error_email_required'],
		['email', undefined, 'error_email_required'],
		['password', '', 'error_password_required'],
		['password', undefined, 'error_password_required'],
		['passwordRepeat', undefined, 'error_password_repeat'],
		['quarterId', '', 'error_quarter_required'],
		['quarterId', undefined, 'error_quarter_required'],
		['kind', '', 'error_kind_required'],
		['kind', undefined, 'error_kind_required'],
		['terms', '', 'error_terms_required'],
		['terms', undefined, 'error_terms_required'],
		['locale', undefined, 'error_locale_invalid']
	])('%s = %j -> %s', (field, value, expected) => {
		const overrides: Record<string, string | undefined> = { [field]: value };
		// keep the repeat equal so that only the field under test fails (a missing password
		// stops the mismatch check on its own)
		if (field === 'password' && value !== undefined) overrides.passwordRepeat = value;
		const errors = errorsOf(signup(overrides));
		expect(errors[field]).toBe(expected);
		expect(Object.keys(errors)).toEqual([field]);
	});

	it('reports every empty field at once', () => {
		const errors = errorsOf(
			parseForm(signupSchema, new FormData(), SIGNUP_FORM_FIELDS, PASSWORD_FIELDS)
		);
		expect(errors).toEqual({
			displayName: 'error_name_required',
			email: 'error_email_required',
			password: 'error_password_required',
			passwordRepeat: 'error_password_repeat',
			quarterId: 'error_quarter_required',
			kind: 'error_kind_required',
			terms: 'error_terms_required',
			locale: 'error_locale_invalid'
		});
	});
});

describe('signup: invalid values', () => {
	it.each<[string, string, string]>([
		['email', 'anna', 'error_email_invalid'],
		['email', 'anna@', 'error_email_invalid'],
		['email', '@example.org', 'error_email_invalid'],
		['email', 'anna@example', 'error_email_invalid'],
		['email', 'anna b@example.org', 'error_email_invalid'],
		['email', 'anna@@example.org', 'error_email_invalid'],
		['email', '{"$ne": null}', 'error_email_invalid'],
		['email', '{"$gt": ""}', 'error_email_invalid'],
		['email', 'anna\u0000@example.org', 'error_email_invalid'],
		['email', 'anna@example.org\u0000', 'error_email_invalid'],
		['email', 'a'.repeat(243) + '@example.org', 'error_email_too_long'],
		['email', 'a'.repeat(300) + '@example.org', 'error_email_too_long'],
		['displayName', 'A', 'error_name_too_short'],
		['displayName', 'x'.repeat(61), 'error_name_too_long'],
		['displayName', 'Anna\u0000', 'error_name_invalid'],
		['displayName', '\u0000\u0000', 'error_name_invalid'],
		['displayName', 'Anna\u0085Becker', 'error_name_invalid'],
		['displayName', 'Anna\u007f', 'error_name_invalid'],
		// Look-alike names: a right-to-left override, zero-width and other invisible characters.
		['displayName', '\u202eannA', 'error_name_invalid'],
		['displayName', 'An\u200bna', 'error_name_invalid'],
		['displayName', 'Anna\u200d', 'error_name_invalid'],
		['displayName', '\u2066Anna\u2069', 'error_name_invalid'],
		['displayName', 'An\u00adna', 'error_name_invalid'],
		['displayName', '\u2060Anna', 'error_name_invalid'],
		['quarterId', 'Nordstadt', 'error_quarter_invalid'],
		['quarterId', 'nord stadt', 'error_quarter_invalid'],
		['quarterId', '{"$ne":null}', 'error_quarter_invalid'],
		['quarterId', 'a'.repeat(49), 'error_quarter_invalid'],
		['kind', 'moderator', 'error_kind_required'],
		['kind', 'admin', 'error_kind_required'],
		['terms', 'yes', 'error_terms_required'],
		['terms', 'true', 'error_terms_required'],
		['locale', 'fr', 'error_locale_invalid'],
		['locale', 'DE', 'error_locale_invalid']
	])('%s = %j -> %s', (field, value, expected) => {
		const errors = errorsOf(signup({ [field]: value }));
		expect(errors).toEqual({ [field]: expected });
	});

	it('accepts an email of exactly 254 characters', () => {
		const email = 'a'.repeat(242) + '@example.org';
		expect(email).toHaveLength(254);
		expect(dataOf(signup({ email })).email).toBe(email);
	});

	it.each<[string, string, string]>([
		['too short', 'x'.repeat(9), 'error_password_too_short'],
		['too long', 'x'.repeat(201), 'error_password_too_long'],
		['with NUL', 'Tomaten\u0000Basilikum', 'error_password_invalid']
	])('password %s -> %s', (_label, password, expected) => {
		const errors = errorsOf(signup({ password, passwordRepeat: password }));
		expect(errors).toEqual({ password: expected });
	});

	it.each<[string, string]>([
		['a different password', 'Tomaten und Oregano!!'],
		['an empty repeat', ''],
		['different case', PASSWORD.toUpperCase()],
		['a trailing space', PASSWORD + ' ']
	])('password repeat with %s -> error_password_mismatch', (_label, passwordRepeat) => {
		const errors = errorsOf(signup({ passwordRepeat }));
		expect(errors).toEqual({ passwordRepeat: 'error_password_mismatch' });
	});
});

describe('signup: lone surrogates', () => {
	// FormData holds USVStrings: a lone surrogate arrives as U+FFFD and never reaches the schema.
	it('FormData replaces a lone surrogate with U+FFFD', () => {
		const form = formOf({ displayName: 'Anna \ud800' });
		expect(form.get('displayName')).toBe('Anna \ufffd');
	});

	// The schema refuses them anyway, for input that does not come through FormData.
	it.each<[string, string, string]>([
		['displayName', 'Anna \ud800', 'error_name_invalid'],
		['displayName', '\udc00Anna', 'error_name_invalid'],
		['email', 'anna\ud800@example.org', 'error_email_invalid'],
		['password', 'Tomaten \ud83c Basilikum', 'error_password_invalid']
	])('%s = %j -> %s', (field, value, expected) => {
		const input = { ...validSignup, [field]: value };
		if (field === 'password') input.passwordRepeat = value;
		const result = signupSchema.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			[field, expected]
		]);
	});
});

describe('signup: files instead of text', () => {
	it.each([...SIGNUP_FORM_FIELDS])('a Blob as %s is an error, never ok', (field) => {
		const result = signup({ [field]: new Blob(['anna@example.org'], { type: 'text/plain' }) });
		const errors = errorsOf(result);
		expect(errors[field]).toMatch(/^error_/);
		expect(result.ok).toBe(false);
	});

	it('a File as email gives error_email_required and is not echoed', () => {
		const file = new File(['anna@example.org'], 'email.txt', { type: 'text/plain' });
		const result = signup({ email: file });
		expect(errorsOf(result)).toEqual({ email: 'error_email_required' });
		if (!result.ok) expect(result.values).not.toHaveProperty('email');
	});
});

describe('parseForm: values echoed back', () => {
	it('never echoes secret fields', () => {
		const result = signup({ displayName: 'A' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values).toEqual({
			displayName: 'A',
			email: 'anna@example.org',
			quarterId: 'nordstadt',
			kind: 'resident',
			terms: 'on',
			locale: 'de'
		});
		for (const secret of PASSWORD_FIELDS) expect(result.values).not.toHaveProperty(secret);
		expect(JSON.stringify(result)).not.toContain(PASSWORD);
	});

	it('never echoes the password, even when it is the field in error', () => {
		const result = signup({ passwordRepeat: 'something else entirely' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values).not.toHaveProperty('password');
		expect(result.values).not.toHaveProperty('passwordRepeat');
		expect(JSON.stringify(result)).not.toContain(PASSWORD);
		expect(JSON.stringify(result)).not.toContain('something else entirely');
	});

	it('echoes the raw text as typed, not the normalised one', () => {
		const result = signup({ email: ' Anna@Example', displayName: '  A ' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values.email).toBe(' Anna@Example');
		expect(result.values.displayName).toBe('  A ');
	});

	it.each<[string, number, number]>([
		['displayName', 1000, 300],
		['email', 5000, 300],
		['quarterId', 301, 300],
		['quarterId', 300, 300],
		['quarterId', 299, 299]
	])('cuts %s of %d characters to %d', (field, length, expected) => {
		const result = signup({ [field]: 'x'.repeat(length) });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values[field]).toBe('x'.repeat(expected));
	});
});

describe('parseForm: error keys', () => {
	const forms: Record<string, string | Blob | undefined>[] = [
		Object.fromEntries(SIGNUP_FORM_FIELDS.map((field) => [field, undefined])),
		{ email: '{"$ne": null}', displayName: '\u0000', password: 'x' },
		{ email: new Blob(['x']), displayName: new Blob(['x']), kind: new Blob(['x']) },
		{ terms: new Blob(['on']), locale: new Blob(['de']), quarterId: new Blob(['x']) },
		{ password: new Blob(['x']), passwordRepeat: new Blob(['x']) },
		{ kind: 'x'.repeat(1000), terms: 'off', locale: '', quarterId: '../..' },
		{ email: 'x'.repeat(10_000), displayName: 'x'.repeat(10_000), password: 'x'.repeat(10_000) },
		{ displayName: '\ud800\udc00\ud800', email: '\ud800@example.org' }
	];

	it.each(forms)('every error key starts with error_ (%#)', (overrides) => {
		const errors = errorsOf(signup(overrides));
		expect(Object.keys(errors).length).toBeGreaterThan(0);
		for (const [field, key] of Object.entries(errors)) {
			expect(SIGNUP_FORM_FIELDS as readonly string[]).toContain(field);
			expect(key).toMatch(/^error_[a-z0-9_]+$/);
		}
	});

	it('maps a message that is not a key to error_invalid_input', () => {
		const schema = z.object({ n: z.string().regex(/^\d+$/) });
		const errors = errorsOf(parseForm(schema, formOf({ n: 'abc' }), ['n']));
		expect(errors).toEqual({ n: 'error_invalid_input' });
	});

	it("puts errors without a path under 'form'", () => {
		const schema = z
			.object({ a: z.string(), b: z.string() })
			.refine((v) => v.a !== v.b, { message: 'error_invalid_input' });
		const errors = errorsOf(parseForm(schema, formOf({ a: 'x', b: 'x' }), ['a', 'b']));
		expect(errors).toEqual({ form: 'error_invalid_input' });
	});
});

describe('loginSchema', () => {
	const login = (entries: Record<string, string | Blob | undefined>) =>
		parseForm(loginSchema, formOf(entries), LOGIN_FIELDS, ['password']);

	it('accepts any stored password, however short', () => {
		expect(dataOf(login({ email: ' Anna@Example.org', password: 'kurz' }))).toEqual({
			email: 'anna@example.org',
			password: 'kurz'
		});
	});

	it.each<[Record<string, string | Blob | undefined>, Record<string, string>]>([
		[{}, { email: 'error_email_required', password: 'error_password_required' }],
		[{ email: 'anna@example.org', password: '' }, { password: 'error_password_required' }],
		[{ email: 'anna', password: 'x' }, { email: 'error_email_invalid' }],
		[{ email: '{"$ne": null}', password: 'x' }, { email: 'error_email_invalid' }],
		[
			{ email: 'anna@example.org', password: 'x'.repeat(201) },
			{ password: 'error_password_too_long' }
		],
		[{ email: new Blob(['anna@example.org']), password: 'x' }, { email: 'error_email_required' }],
		[
			{ email: 'anna@example.org', password: new Blob(['x']) },
			{ password: 'error_password_required' }
		]
	])('%j -> %j', (entries, expected) => {
		const result = login(entries);
		expect(errorsOf(result)).toEqual(expected);
		if (!result.ok) expect(result.values).not.toHaveProperty('password');
	});

	it('accepts a password of exactly 200 characters', () => {
		expect(login({ email: 'anna@example.org', password: 'x'.repeat(200) }).ok).toBe(true);
	});
});

describe('emailOnlySchema', () => {
	it.each<[string, string | null]>([
		['anna@example.org', null],
		['ANNA@example.org', null],
		['', 'error_email_required'],
		['anna', 'error_email_invalid']
	])('%j -> %s', (email, expected) => {
		const result = parseForm(emailOnlySchema, formOf({ email }), ['email']);
		if (expected === null) expect(dataOf(result)).toEqual({ email: email.toLowerCase() });
		else expect(errorsOf(result)).toEqual({ email: expected });
	});
});

describe('resetPasswordSchema', () => {
	const reset = (entries: Record<string, string | Blob | undefined>) =>
		parseForm(resetPasswordSchema, formOf(entries), RESET_FIELDS, PASSWORD_FIELDS);

	it('accepts a valid token and matching passwords', () => {
		expect(dataOf(reset({ token: TOKEN, password: PASSWORD, passwordRepeat: PASSWORD }))).toEqual({
			token: TOKEN,
			password: PASSWORD,
			passwordRepeat: PASSWORD
		});
	});

	it.each<[string, string | Blob | undefined]>([
		['missing', undefined],
		['empty', ''],
		['31 characters', TOKEN.slice(1)],
		['33 characters', TOKEN + 'a'],
		['upper case', TOKEN.toUpperCase()],
		['with 0, 1, 8 or 9', '0189' + TOKEN.slice(4)],
		['with a dash', '-' + TOKEN.slice(1)],
		['with a trailing newline', TOKEN + '\n'],
		['with a leading space', ' ' + TOKEN.slice(1)],
		['an operator', '{"$ne": null}'],
		['a Blob', new Blob([TOKEN])]
	])('token %s -> error_token_invalid', (_label, token) => {
		const errors = errorsOf(reset({ token, password: PASSWORD, passwordRepeat: PASSWORD }));
		expect(errors).toEqual({ token: 'error_token_invalid' });
	});

	it.each<[string, string, Record<string, string>]>([
		['x'.repeat(9), 'x'.repeat(9), { password: 'error_password_too_short' }],
		['x'.repeat(201), 'x'.repeat(201), { password: 'error_password_too_long' }],
		['', '', { password: 'error_password_required' }],
		[PASSWORD, PASSWORD + '!', { passwordRepeat: 'error_password_mismatch' }]
	])('password %j / %j -> %j', (password, passwordRepeat, expected) => {
		const result = reset({ token: TOKEN, password, passwordRepeat });
		expect(errorsOf(result)).toEqual(expected);
		if (!result.ok) expect(result.values).toEqual({ token: TOKEN });
	});
});

describe('changePasswordSchema', () => {
	const change = (entries: Record<string, string | Blob | undefined>) =>
		parseForm(changePasswordSchema, formOf(entries), CHANGE_PASSWORD_FIELDS, PASSWORD_FIELDS);

	it('accepts a short current password and a valid new one', () => {
		expect(
			dataOf(change({ currentPassword: 'alt', password: PASSWORD, passwordRepeat: PASSWORD }))
		).toEqual({ currentPassword: 'alt', password: PASSWORD, passwordRepeat: PASSWORD });
	});

	it.each<[Record<string, string | undefined>, Record<string, string>]>([
		[
			{},
			{
				currentPassword: 'error_password_required',
				password: 'error_password_required',
				passwordRepeat: 'error_password_repeat'
			}
		],
		[
			{ currentPassword: '', password: PASSWORD, passwordRepeat: PASSWORD },
			{ currentPassword: 'error_password_required' }
		],
		[
			{ currentPassword: 'x'.repeat(201), password: PASSWORD, passwordRepeat: PASSWORD },
			{ currentPassword: 'error_password_too_long' }
		],
		[
			{ currentPassword: 'alt', password: 'kurz', passwordRepeat: 'kurz' },
			{ password: 'error_password_too_short' }
		],
		[
			{ currentPassword: 'alt', password: PASSWORD, passwordRepeat: 'Tomaten und Basilikum.' },
			{ passwordRepeat: 'error_password_mismatch' }
		]
	])('%j -> %j', (entries, expected) => {
		const result = change(entries);
		expect(errorsOf(result)).toEqual(expected);
		if (!result.ok) expect(result.values).toEqual({});
	});
});

describe('profileSchema', () => {
	const profile = (entries: Record<string, string | Blob | undefined>) =>
		parseForm(profileSchema, formOf(entries), PROFILE_FIELDS);

	it.each(['de', 'en'])('accepts locale %s', (locale) => {
		expect(dataOf(profile({ displayName: ' Zoe\u0308  🌻 ', locale }))).toEqual({
			displayName: 'Zoë 🌻',
			locale
		});
	});

	it.each<[Record<string, string | Blob | undefined>, Record<string, string>]>([
		[{ displayName: 'Anna', locale: 'fr' }, { locale: 'error_locale_invalid' }],
		[{ displayName: 'Anna', locale: 'EN' }, { locale: 'error_locale_invalid' }],
		[{ displayName: 'Anna', locale: 'de-DE' }, { locale: 'error_locale_invalid' }],
		[{ displayName: 'Anna', locale: '' }, { locale: 'error_locale_invalid' }],
		[{ displayName: 'Anna' }, { locale: 'error_locale_invalid' }],
		[{ displayName: 'Anna', locale: new Blob(['de']) }, { locale: 'error_locale_invalid' }],
		[{ displayName: '', locale: 'de' }, { displayName: 'error_name_required' }],
		[{ displayName: 'Anna\u0000', locale: 'de' }, { displayName: 'error_name_invalid' }],
		[{}, { displayName: 'error_name_required', locale: 'error_locale_invalid' }]
	])('%j -> %j', (entries, expected) => {
		expect(errorsOf(profile(entries))).toEqual(expected);
	});
});
