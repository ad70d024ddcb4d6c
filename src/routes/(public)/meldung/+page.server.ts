// "Rechtswidrigen Inhalt melden" (Art. 16 DSA): anyone, with or without an account, names the
// content (pre-filled from the link beside it), says why it is illegal and confirms good faith.
import { fail } from '@sveltejs/kit';
import { parseForm } from '$lib/schemas/form';
import { noticeSchema } from '$lib/schemas/notices';
import { newFormNonce, rateLimited, readForm, requestContext } from '$lib/server/http';
import { notices } from '$lib/server/services/notices';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['location', 'explanation', 'name', 'email', 'goodFaith', 'nonce'] as const;

export const load: PageServerLoad = async (event) => {
	const given = (event.url.searchParams.get('location') ?? '').slice(0, 500);
	// A path from our own link becomes the full address the notice records.
	const location = given.startsWith('/') ? event.url.origin + given : given;
	const user = event.locals.user;
	return {
		nonce: newFormNonce(),
		values: {
			location,
			name: user?.displayName ?? '',
			email: user?.email ?? ''
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const parsed = parseForm(noticeSchema, form, FIELDS, [], 4000);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const ctx = requestContext(event);
		const result = await notices.file(
			{ ...parsed.data, locale: event.locals.locale, origin: ctx.origin },
			{ ip: ctx.ip, now: ctx.now }
		);
		const values = { ...parsed.data, goodFaith: 'yes' };
		if (!result.ok) {
			if ('reason' in result) return rateLimited(event, result, values);
			return fail(400, { errors: { location: 'notice_error_unknown_location' }, values });
		}
		return { sent: true as const, reference: result.noticeId, receipt: !!parsed.data.email };
	}
};
