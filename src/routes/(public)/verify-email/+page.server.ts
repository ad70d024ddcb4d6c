import { tokenSchema } from '$lib/schemas/auth';
import { mailRequestAction } from '$lib/server/http';
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
	resend: (event) => mailRequestAction(event, resendVerification)
};
