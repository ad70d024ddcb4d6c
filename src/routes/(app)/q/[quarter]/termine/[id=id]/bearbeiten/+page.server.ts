import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { EVENT_FIELDS, eventChangeSchema, eventDetailsOf } from '$lib/schemas/events';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { eventFormErrors, eventFormValues } from '$lib/server/event-form';
import { newFormNonce, readForm } from '$lib/server/http';
import { calendar } from '$lib/server/services/calendar';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
		'moderator'
	]);
	const found = await calendar.view(quarter, event.params.id, calendar.viewer(user.id, membership));
	if (!found || found.status === 'cancelled' || found.status === 'rejected') {
		error(404, m.error_not_found());
	}
	return {
		quarter: { id: quarter.id, name: quarter.name },
		eventId: found.id,
		title: found.details.title,
		timeZone: quarter.settings.timeZone,
		blocks: quarter.blocks.map((b) => ({ id: b.id, name: b.name })),
		values: eventFormValues(found, quarter.settings.timeZone),
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
			'moderator'
		]);
		const form = await readForm(event.request);
		const parsed = parseForm(eventChangeSchema, form, EVENT_FIELDS, [], 4000);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await calendar.change({
			quarter,
			eventId: event.params.id,
			moderatorId: user.id,
			membership,
			details: eventDetailsOf(parsed.data, quarter.settings.timeZone),
			note: parsed.data.note,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'forbidden') error(403, m.error_forbidden());
			if (result.problem === 'not_found') error(404, m.error_not_found());
			const values = Object.fromEntries(
				EVENT_FIELDS.map((f) => [f, form.get(f)?.toString() ?? ''])
			);
			return fail(409, { errors: eventFormErrors(result.problem), values });
		}
		redirect(303, localizeHref(`/q/${quarter.id}/termine/${event.params.id}?done=changed`));
	}
};
