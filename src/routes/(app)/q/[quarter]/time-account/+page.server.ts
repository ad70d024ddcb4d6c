import { parseForm } from '$lib/schemas/form';
import { fail, redirect } from '@sveltejs/kit';
import { memberAccount } from '$lib/domain/ledger/ledger';
import { localizeHref } from '$lib/paraglide/runtime';
import { DONATION_FIELDS, donationSchema, readPeriod } from '$lib/schemas/time-account';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { inWord, inWords } from '$lib/server/messages';
import {
	describeBookingProblem,
	periodQuery,
	statementData,
	timeAccounts
} from '$lib/server/services/time-accounts';
import type { Actions, PageServerLoad } from './$types';

// The quarter management and admins pass too: they are members of the quarter as well.
const MEMBERS = ['resident', 'business'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
	const query = readPeriod(event.url.searchParams, quarter.settings.timeZone);
	const view = await timeAccounts.view(
		quarter,
		memberAccount(user.id),
		query.period,
		event.locals.locale
	);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		balance: view.balance,
		limits: view.limits,
		period: query.values,
		periodErrors: inWords(query.errors),
		statement: query.period ? statementData(view) : null,
		csvQuery: periodQuery(query.values),
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	donate: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
		const form = await readForm(event.request);
		const parsed = parseForm(donationSchema, form, DONATION_FIELDS);
		if (!parsed.ok) return fail(400, { errors: inWords(parsed.errors), values: parsed.values });
		const result = await timeAccounts.donate({
			quarter,
			userId: user.id,
			minutes: parsed.data.hours,
			memo: parsed.data.memo,
			nonce: parsed.data.nonce,
			now: new Date()
		});
		if (!result.ok) {
			const problem = await describeBookingProblem(
				result.problem,
				event.locals.locale,
				memberAccount(user.id)
			);
			return fail(409, {
				errors: { form: inWord(problem.key, problem.inputs) },
				values: { hours: form.get('hours')?.toString() ?? '', memo: parsed.data.memo }
			});
		}
		redirect(303, localizeHref(`/q/${quarter.id}/time-account?done=donation`));
	}
};
