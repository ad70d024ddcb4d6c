import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { currentYear, readBilanzYear } from '$lib/schemas/bilanz';
import { quarterViewer } from '$lib/server/auth/guards';
import { bilanz, bilanzFigureLabel, rowLabel, sectionLabel } from '$lib/server/services/bilanz';
import { unitLabel } from '$lib/server/services/impact';
import type { PageServerLoad } from './$types';

/** Years in the year menu: this one and the four before. */
const YEARS_SHOWN = 5;

/** Public: anyone may read it, signed in or not; only the figures the management chose. */
export const load: PageServerLoad = async (event) => {
	const { quarter } = await quarterViewer(event, event.params.quarter);
	const locale = event.locals.locale;
	const now = new Date();
	const tz = quarter.settings.timeZone;
	const year = readBilanzYear(event.url.searchParams, now, tz);
	if (year === null) error(400, m.error_invalid_input());
	const report = await bilanz.report(quarter, year, now);
	const current = currentYear(now, tz);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		year,
		running: year === current,
		years: Array.from({ length: YEARS_SHOWN }, (_, i) => current - i),
		months: report.months,
		sections: report.sections.map((s) => ({
			id: s.id,
			title: sectionLabel(s.id, locale),
			figures: s.figures.map((f) => ({
				id: f.id,
				title: bilanzFigureLabel(f.id, locale),
				unit: f.unit,
				cell: f.cell
			})),
			monthly: s.monthly.map((f) => ({
				id: f.id,
				title: bilanzFigureLabel(f.id, locale),
				unit: f.unit,
				unitLabel: unitLabel(f.unit, locale),
				cells: f.cells
			})),
			tables: s.tables.map((t) => ({
				id: t.id,
				columns: t.columns.map((c) => ({
					id: c,
					title: bilanzFigureLabel(c, locale),
					unit: s.figures.find((f) => f.id === c)?.unit ?? 'count'
				})),
				rows: t.rows.map((r) => ({
					key: r.key,
					label: rowLabel(t.id, r.label, locale),
					cells: r.cells
				}))
			}))
		}))
	};
};
