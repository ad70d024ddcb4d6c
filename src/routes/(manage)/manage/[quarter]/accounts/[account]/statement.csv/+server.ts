import { error } from '@sveltejs/kit';
import { accountFromParam } from '$lib/domain/ledger/accounts';
import { t } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { readPeriod } from '$lib/schemas/time-account';
import { requireRole } from '$lib/server/auth/guards';
import { csvFileName, timeAccounts } from '$lib/server/services/time-accounts';
import type { RequestHandler } from './$types';
import { csvResponse } from '$lib/server/http';

/** Any account's statement, for the quarter management only. */
export const GET: RequestHandler = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const account = accountFromParam(event.params.account);
	if (!account || !(await timeAccounts.exists(quarter, account))) error(404, m.error_not_found());
	const query = readPeriod(event.url.searchParams, quarter.settings.timeZone);
	if (!query.period) error(400, t(Object.values(query.errors)[0] ?? 'account_error_date_invalid'));
	const locale = event.locals.locale;
	const csv = await timeAccounts.statementCsv(quarter, account, query.period, locale);
	return csvResponse(
		csv,
		csvFileName('statement', quarter, new Date(), locale, event.params.account)
	);
};
