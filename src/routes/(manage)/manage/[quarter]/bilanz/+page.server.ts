import { error, fail } from '@sveltejs/kit';
import { BILANZ_SECTIONS, SECTION_FIGURES } from '$lib/domain/bilanz';
import * as m from '$lib/paraglide/messages';
import { readPublicFigures } from '$lib/schemas/bilanz';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { bilanzFigureLabel, publicFigures, sectionLabel } from '$lib/server/services/bilanz';
import { changePublicReportFigures } from '$lib/server/services/quarters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const locale = event.locals.locale;
	const shown = new Set(publicFigures(quarter));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		sections: BILANZ_SECTIONS.map((id) => ({
			id,
			title: sectionLabel(id, locale),
			figures: SECTION_FIGURES[id].map((f) => ({
				id: f,
				title: bilanzFigureLabel(f, locale),
				shown: shown.has(f)
			}))
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const figures = readPublicFigures(await readForm(event.request));
		if (!figures) return fail(400, { invalid: true });
		if (!(await changePublicReportFigures(quarter.id, figures, user.id, new Date()))) {
			error(404, m.error_not_found());
		}
		return { saved: true };
	}
};
