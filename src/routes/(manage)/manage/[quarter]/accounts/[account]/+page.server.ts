import { inWords } from '$lib/server/messages';
import { error } from '@sveltejs/kit';
import { accountFromParam } from '$lib/domain/ledger/accounts';
import * as m from '$lib/paraglide/messages';
import { readPeriod } from '$lib/schemas/time-account';
import { requireRole } from '$lib/server/auth/guards';
import { periodQuery, statementData, timeAccounts } from '$lib/server/services/time-accounts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const account = accountFromParam(event.params.account);
	if (!account || !(await timeAccounts.exists(quarter, account))) error(404, m.error_not_found());
	const query = readPeriod(event.url.searchParams, quarter.settings.timeZone);
	const view = await timeAccounts.view(quarter, account, query.period, event.locals.locale);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		account: event.params.account,
		name: view.name,
		balance: view.balance,
		limits: view.limits,
		period: query.values,
		periodErrors: inWords(query.errors),
		statement: query.period ? statementData(view) : null,
		csvQuery: periodQuery(query.values)
	};
};
