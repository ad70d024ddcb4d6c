import { readImpactPeriod } from '$lib/schemas/impact';
import { requireRole } from '$lib/server/auth/guards';
import { figureLabel, impact, seriesLabel, unitLabel } from '$lib/server/services/impact';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const locale = event.locals.locale;
	const now = new Date();
	const query = readImpactPeriod(event.url.searchParams, now, quarter.settings.timeZone);
	const [report, participation] = await Promise.all([
		query.period ? impact.report(quarter, query.period, now) : null,
		impact.participation(quarter, now)
	]);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		period: query.values,
		periodErrors: query.errors,
		months: report?.months ?? [],
		participation,
		figures:
			report?.figures.map((f) => ({
				id: f.id,
				title: figureLabel(f.id, locale),
				unit: f.unit,
				unitLabel: unitLabel(f.unit, locale),
				series: f.series.map((s) => ({
					id: s.id,
					label: seriesLabel(quarter, s.id, locale),
					cells: s.cells
				}))
			})) ?? []
	};
};
