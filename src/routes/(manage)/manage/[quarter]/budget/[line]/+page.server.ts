import { error, fail, redirect } from '@sveltejs/kit';
import { dayOf } from '$lib/domain/time/zone';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { CLOSE_FIELDS, closeSchema } from '$lib/schemas/budget';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { budget } from '$lib/server/services/budget';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const line = await budget.line(quarter, event.params.line);
	if (!line) error(404, m.error_not_found());
	const now = new Date();
	const detail = await budget.detail(quarter, line, event.locals.locale, now);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		line: {
			id: line.id,
			name: line.name,
			from: line.from,
			to: line.to,
			purpose: line.purpose,
			decidedBy: line.decidedBy,
			decidedOn: line.decidedOn,
			closedOn: line.closedOn,
			hasHours: line.minutes !== null,
			state: detail.state
		},
		usage: detail.usage,
		grants: detail.grants.map((g) => ({
			kind: g.kind,
			seq: g.seq,
			day: g.day,
			recipient: g.recipient,
			minutes: g.minutes,
			reversedMinutes: g.reversedMinutes,
			cents: g.cents,
			purpose: g.purpose,
			by: g.by
		})),
		today: dayOf(now, quarter.settings.timeZone)
	};
};

export const actions: Actions = {
	close: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const line = await budget.line(quarter, event.params.line);
		if (!line) error(404, m.error_not_found());
		const form = await readForm(event.request);
		const parsed = parseForm(closeSchema, form, CLOSE_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await budget.closeLine({
			quarter,
			moderatorId: user.id,
			lineId: line.id,
			closedOn: dayOf(new Date(), quarter.settings.timeZone),
			reason: parsed.data.reason,
			now: new Date()
		});
		if (!result.ok) {
			return fail(409, {
				errors: { form: `budget_error_${result.problem}` },
				values: { reason: parsed.data.reason }
			});
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/budget/${line.id}?done=closed`));
	}
};
