import { fail } from '@sveltejs/kit';
import { emailOnlySchema } from '$lib/schemas/auth';
import { parseForm } from '$lib/schemas/form';
import { readForm, requestContext } from '$lib/server/http';
import { requestPasswordReset } from '$lib/server/services/accounts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const parsed = parseForm(emailOnlySchema, form, ['email']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const limited = await requestPasswordReset(parsed.data.email, requestContext(event));
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
