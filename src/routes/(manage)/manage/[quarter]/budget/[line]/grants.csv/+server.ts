import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { budget, lineCsvFileName } from '$lib/server/services/budget';
import type { RequestHandler } from './$types';
import { csvResponse } from '$lib/server/http';

/** A budget line's grants (hours and euros) as CSV, for the quarter management only. */
export const GET: RequestHandler = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const line = await budget.line(quarter, event.params.line);
	if (!line) error(404, m.error_not_found());
	const locale = event.locals.locale;
	const csv = await budget.lineCsv(quarter, line, locale);
	return csvResponse(csv, lineCsvFileName(line, new Date(), locale, quarter.settings.timeZone));
};
