import { error, fail, redirect } from '@sveltejs/kit';
import { keyPart } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { cancelEventSchema, moderateEventSchema } from '$lib/schemas/events';
import { parseForm } from '$lib/schemas/form';
import { quarterViewer, requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { calendar } from '$lib/server/services/calendar';
import { eventCard } from '$lib/server/services/calendar/views';
import { displayNames } from '$lib/server/services/members';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = [
	'created',
	'proposed',
	'rsvp',
	'withdrawn',
	'changed',
	'cancelled',
	'approved',
	'rejected'
];

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const viewer = calendar.viewer(user?.id ?? null, membership);
	const found = await calendar.view(quarter, event.params.id, viewer);
	if (!found) error(404, m.error_not_found());
	const attendeeIds = viewer.moderator ? await calendar.attendees(found.id) : [];
	const names = await displayNames([
		...new Set([found.authorId, ...attendeeIds, ...found.history.map((h) => h.by)])
	]);
	const done = event.url.searchParams.get('done');
	const now = new Date();
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		event: {
			...eventCard(found, quarter),
			description: found.details.description,
			sequence: found.sequence,
			authorName: found.byManagement ? null : (names.get(found.authorId) ?? '—'),
			mine: found.authorId === viewer.userId,
			started: now.getTime() >= found.details.startsAt.getTime(),
			history: found.history.map((h) => ({
				type: h.type,
				note: h.note,
				at: h.at.toISOString(),
				by: viewer.moderator ? (names.get(h.by) ?? '—') : null
			}))
		},
		member: viewer.member,
		moderator: viewer.moderator,
		signedIn: user !== null,
		attendees: attendeeIds.map((id) => names.get(id) ?? '—'),
		done: done && DONE.includes(done) ? done : null
	};
};

/** The person, the quarter and their membership for an action; signed out: the login page. */
async function actor(event: RequestEvent) {
	const { user } = requireUser(event);
	const { quarter, membership } = await quarterViewer(event, event.params.quarter);
	return { user, quarter, membership };
}

const back = (event: RequestEvent, done: string) =>
	redirect(303, localizeHref(`/q/${event.params.quarter}/termine/${event.params.id}?done=${done}`));

export const actions: Actions = {
	rsvp: async (event) => {
		const { user, quarter, membership } = await actor(event);
		const result = await calendar.rsvp({
			quarter,
			eventId: event.params.id,
			userId: user.id,
			membership,
			now: new Date()
		});
		if (!result.ok) {
			return fail(result.problem === 'not_found' ? 404 : 409, {
				form: 'rsvp',
				errors: { form: `event_error_${keyPart(result.problem)}` }
			});
		}
		back(event, 'rsvp');
	},
	withdraw: async (event) => {
		const { user, quarter, membership } = await actor(event);
		const result = await calendar.withdraw({
			quarter,
			eventId: event.params.id,
			userId: user.id,
			membership,
			now: new Date()
		});
		if (!result.ok) {
			return fail(409, {
				form: 'rsvp',
				errors: { form: `event_error_${keyPart(result.problem)}` }
			});
		}
		back(event, 'withdrawn');
	},
	moderate: async (event) => {
		const { user, quarter, membership } = await actor(event);
		const form = await readForm(event.request);
		const parsed = parseForm(moderateEventSchema, form, ['decision', 'reason']);
		if (!parsed.ok) {
			return fail(400, { form: 'moderate', errors: parsed.errors, values: parsed.values });
		}
		const approve = parsed.data.decision === 'approve';
		const result = await calendar.moderate({
			quarter,
			eventId: event.params.id,
			moderatorId: user.id,
			membership,
			approve,
			reason: parsed.data.reason,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'forbidden') error(403, m.error_forbidden());
			return fail(409, {
				form: 'moderate',
				errors: { form: `event_error_${keyPart(result.problem)}` },
				values: parsed.data
			});
		}
		back(event, approve ? 'approved' : 'rejected');
	},
	cancel: async (event) => {
		const { user, quarter, membership } = await actor(event);
		const form = await readForm(event.request);
		const parsed = parseForm(cancelEventSchema, form, ['note']);
		if (!parsed.ok) {
			return fail(400, { form: 'cancel', errors: parsed.errors, values: parsed.values });
		}
		const result = await calendar.cancel({
			quarter,
			eventId: event.params.id,
			moderatorId: user.id,
			membership,
			note: parsed.data.note,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'forbidden') error(403, m.error_forbidden());
			return fail(409, {
				form: 'cancel',
				errors: { form: `event_error_${keyPart(result.problem)}` },
				values: parsed.data
			});
		}
		back(event, 'cancelled');
	}
};
