import { isPublic } from '$lib/domain/events/event';
import { quarterViewer } from '$lib/server/auth/guards';
import { calendar } from '$lib/server/services/calendar';
import { icsOf } from '$lib/server/services/calendar/ical';
import type { RequestHandler } from './$types';

// The quarter's calendar feed. A calendar app subscribes without a session and gets the
// management's public events; signed in, a member's download holds what their page shows
// (docs/events.md). Waiting and rejected suggestions are never in a feed.
export const GET: RequestHandler = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const viewer = calendar.viewer(user?.id ?? null, membership);
	const events = (await calendar.list(quarter, viewer)).filter(
		(e) => e.status === 'published' || e.status === 'cancelled'
	);
	const shown = user ? events : events.filter(isPublic);
	return new Response(icsOf(quarter, shown, event.url.origin, event.locals.locale), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="termine-${quarter.id}.ics"`,
			// Personal when signed in; calendar apps poll, a few minutes old is fine.
			'cache-control': user ? 'private, no-store' : 'public, max-age=300'
		}
	});
};
