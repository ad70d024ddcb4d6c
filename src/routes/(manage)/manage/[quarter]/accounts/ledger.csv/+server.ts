import { requireRole } from '$lib/server/auth/guards';
import { csvFileName, timeAccounts } from '$lib/server/services/time-accounts';
import type { RequestHandler } from './$types';
import { csvResponse } from '$lib/server/http';

/** Every entry of the quarter, for the quarter management's own books and the conference. */
export const GET: RequestHandler = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const locale = event.locals.locale;
	const csv = await timeAccounts.ledgerCsv(quarter, locale);
	return csvResponse(csv, csvFileName('ledger', quarter, new Date(), locale));
};
