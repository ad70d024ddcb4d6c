import { error } from '@sveltejs/kit';
import { memberAccount } from '$lib/domain/ledger/ledger';
import { t } from '$lib/i18n';
import { readPeriod } from '$lib/schemas/time-account';
import { requireRole } from '$lib/server/auth/guards';
import { csvFileName, timeAccounts } from '$lib/server/services/time-accounts';
import type { RequestHandler } from './$types';
import { csvResponse } from '$lib/server/http';

const MEMBERS = ['resident', 'business'] as const;

/** The signed-in member's own statement; nobody else's account can be named here. */
export const GET: RequestHandler = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
	const query = readPeriod(event.url.searchParams, quarter.settings.timeZone);
	if (!query.period) error(400, t(Object.values(query.errors)[0] ?? 'account_error_date_invalid'));
	const locale = event.locals.locale;
	const now = new Date();
	const csv = await timeAccounts.statementCsv(
		quarter,
		memberAccount(user.id),
		query.period,
		locale
	);
	return csvResponse(csv, csvFileName('statement', quarter, now, locale));
};
