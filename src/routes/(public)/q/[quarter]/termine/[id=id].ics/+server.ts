import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { quarterViewer } from '$lib/server/auth/guards';
import { calendar } from '$lib/server/services/calendar';
import { icsOf } from '$lib/server/services/calendar/ical';
import type { RequestHandler } from './$types';

// One event as a calendar file: whoever may see its page may download it.
export const GET: RequestHandler = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const viewer = calendar.viewer(user?.id ?? null, membership);
	const found = await calendar.view(quarter, event.params.id, viewer);
	if (!found || (found.status !== 'published' && found.status !== 'cancelled')) {
		error(404, m.error_not_found());
	}
	return new Response(icsOf(quarter, [found], event.url.origin, event.locals.locale), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="termin-${found.id}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
