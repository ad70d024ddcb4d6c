import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { readBilanzYear } from '$lib/schemas/bilanz';
import { quarterViewer } from '$lib/server/auth/guards';
import { bilanz } from '$lib/server/services/bilanz';
import { csvResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The public figures of the year as CSV (anyone may download it, like the page). */
export const GET: RequestHandler = async (event) => {
	const { quarter } = await quarterViewer(event, event.params.quarter);
	const now = new Date();
	const year = readBilanzYear(event.url.searchParams, now, quarter.settings.timeZone);
	if (year === null) error(400, m.error_invalid_input());
	const report = await bilanz.report(quarter, year, now);
	return csvResponse(
		bilanz.csv(report, event.locals.locale),
		`quartiersbilanz-${quarter.id}-${year}.csv`
	);
};
