import { csvResponse } from '$lib/server/http';
import { yearlyCsv, yearlyCsvFileName } from '$lib/server/services/yearly-statement';
import { loadYearly } from '../year.server';
import type { RequestHandler } from './$types';

/** The signed-in member's own Jahresübersicht as CSV; nobody else's can be named here. */
export const GET: RequestHandler = async (event) => {
	const { quarter, statement, year } = await loadYearly(event);
	const locale = event.locals.locale;
	return csvResponse(
		yearlyCsv(statement, quarter.name, locale),
		yearlyCsvFileName(quarter, year, locale)
	);
};
