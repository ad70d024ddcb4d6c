import { error } from '@sveltejs/kit';
import { FIGURES } from '$lib/domain/impact';
import * as m from '$lib/paraglide/messages';
import { readImpactPeriod } from '$lib/schemas/impact';
import { requireRole } from '$lib/server/auth/guards';
import { impact } from '$lib/server/services/impact';
import type { RequestHandler } from './$types';
import { csvResponse } from '$lib/server/http';

/** Every figure's numbers (or one figure's with `?figure=`), one row per figure, series and
 * month; suppressed cells are "< 5" here too. */
export const GET: RequestHandler = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const now = new Date();
	const query = readImpactPeriod(event.url.searchParams, now, quarter.settings.timeZone);
	const figure = event.url.searchParams.get('figure') ?? '';
	if (!query.period || (figure !== '' && !(FIGURES as readonly string[]).includes(figure))) {
		error(400, m.error_invalid_input());
	}
	const report = await impact.report(quarter, query.period, now);
	const csv = impact.csv(quarter, report, event.locals.locale, figure || undefined);
	const name = `impact-${quarter.id}-${query.period.from}-${query.period.to}${figure ? `-${figure}` : ''}.csv`;
	return csvResponse(csv, name);
};
