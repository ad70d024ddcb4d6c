import { fail } from '@sveltejs/kit';
import { emailOnlySchema, tokenSchema } from '$lib/schemas/auth';
import { parseForm } from '$lib/schemas/form';
import { readForm, requestContext } from '$lib/server/http';
import { resendVerification, verifyEmail } from '$lib/server/services/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token');
	if (token === null) return { result: null };
	const parsed = tokenSchema.safeParse({ token });
	// Opening the emailed link verifies: it changes one flag of the link's own account and is
	// harmless to repeat, so a GET is fine here (unlike the password reset, which asks first).
	const result = parsed.success ? await verifyEmail(parsed.data.token, new Date()) : 'invalid';
	return { result };
};

export const actions: Actions = {
	resend: async (event) => {
		const form = await readForm(event.request);
		const parsed = parseForm(emailOnlySchema, form, ['email']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const limited = await resendVerification(parsed.data.email, requestContext(event));
		if (limited) {
			event.setHeaders({ 'retry-after': String(limited.retryAfter) });
			return fail(429, {
				errors: { form: 'error_rate_limited' },
				values: { email: parsed.data.email }
			});
		}
		return { sent: true };
	}
};
