// The names of each form's fields, in one place for the action and the test that posts them.
export const SIGNUP_FIELDS = [
	'displayName',
	'email',
	'password',
	'passwordRepeat',
	'quarterId',
	'kind',
	'terms'
] as const;
export const LOGIN_FIELDS = ['email', 'password'] as const;
export const RESET_FIELDS = ['token', 'password', 'passwordRepeat'] as const;
export const CHANGE_PASSWORD_FIELDS = ['currentPassword', 'password', 'passwordRepeat'] as const;
export const PROFILE_FIELDS = ['displayName', 'locale'] as const;
export const PASSWORD_FIELDS = ['password', 'passwordRepeat', 'currentPassword'] as const;
