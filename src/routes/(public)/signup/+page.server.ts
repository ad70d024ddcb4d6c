import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { APPLICATION_FIELDS, applicationSchema, KEEP_TYPED } from '$lib/schemas/approval';
import { signupSchema } from '$lib/schemas/auth';
import { PASSWORD_FIELDS, SIGNUP_FIELDS } from '$lib/schemas/auth-fields';
import { parseForm } from '$lib/schemas/form';
import { BIRTH_YEAR_FIELDS, birthYearSchema } from '$lib/schemas/trust';
import { rateLimited, readForm, requestContext } from '$lib/server/http';
import { signUp } from '$lib/server/services/accounts';
import { listQuarters } from '$lib/server/services/quarters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/account'));
	const quarters = await listQuarters();
	return {
		quarters: quarters.map((q) => ({ id: q.id, name: q.name, approval: q.settings.memberApproval }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const parsed = parseForm(
			signupSchema,
			withLocale(form, event.locals.locale),
			[...SIGNUP_FIELDS, 'locale'],
			PASSWORD_FIELDS
		);
		// What the person tells the quarter management: parsed apart, so its long text is kept
		// whole when the form comes back with an error.
		const application = parseForm(applicationSchema, form, APPLICATION_FIELDS, [], KEEP_TYPED);
		const age = parseForm(birthYearSchema, form, BIRTH_YEAR_FIELDS);
		const birthYear = String(form.get('birthYear') ?? '').slice(0, 4);
		if (!parsed.ok || !application.ok || !age.ok) {
			return fail(400, {
				errors: {
					...(parsed.ok ? {} : parsed.errors),
					...(application.ok ? {} : application.errors),
					...(age.ok ? {} : age.errors)
				},
				values: {
					...(parsed.ok ? {} : parsed.values),
					birthYear,
					application: String(form.get('application') ?? '').slice(0, KEEP_TYPED)
				}
			});
		}

		const { displayName, email, password, quarterId, locale, kind } = parsed.data;
		const result = await signUp(
			{
				displayName,
				email,
				password,
				quarterId,
				locale,
				kind,
				application: application.data.application,
				age: age.data
			},
			requestContext(event)
		);
		const values = {
			displayName,
			email,
			quarterId,
			kind,
			application: application.data.application,
			birthYear
		};
		if (!result.ok && result.reason === 'rate_limited') return rateLimited(event, result, values);
		if (!result.ok && (result.reason === 'too_young' || result.reason === 'minors_not_admitted')) {
			return fail(400, { errors: { birthYear: `trust_error_${result.reason}` }, values });
		}
		if (!result.ok) return fail(400, { errors: { quarterId: 'error_quarter_invalid' }, values });
		redirect(303, localizeHref('/signup/sent'));
	}
};

/** The account's language is the one the person signed up in. */
function withLocale(form: FormData, locale: string): FormData {
	form.set('locale', locale);
	return form;
}
