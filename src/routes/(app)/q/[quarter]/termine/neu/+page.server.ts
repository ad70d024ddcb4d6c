import { error, fail, redirect } from '@sveltejs/kit';
import { isManagement } from '$lib/domain/members/roles';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { EVENT_FIELDS, eventDetailsOf, eventSchema } from '$lib/schemas/events';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { eventFormErrors } from '$lib/server/event-form';
import { newFormNonce, readForm } from '$lib/server/http';
import { calendar } from '$lib/server/services/calendar';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
		'resident',
		'business'
	]);
	const management = isManagement(membership);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		blocks: quarter.blocks.map((b) => ({ id: b.id, name: b.name })),
		management,
		organiser: management ? m.event_organiser_default({ quarter: quarter.name }) : user.displayName,
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
			'resident',
			'business'
		]);
		const form = await readForm(event.request);
		const parsed = parseForm(eventSchema, form, EVENT_FIELDS, [], 4000);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await calendar.propose({
			quarter,
			userId: user.id,
			membership,
			details: eventDetailsOf(parsed.data, quarter.settings.timeZone),
			nonce: parsed.data.nonce,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_member') error(403, m.error_forbidden());
			const values = Object.fromEntries(
				EVENT_FIELDS.map((f) => [f, form.get(f)?.toString() ?? ''])
			);
			return fail(400, { errors: eventFormErrors(result.problem), values });
		}
		const done = result.event.status === 'published' ? 'created' : 'proposed';
		redirect(303, localizeHref(`/q/${quarter.id}/termine/${result.event.id}?done=${done}`));
	}
};
