import { past, upcoming } from '$lib/domain/events/event';
import { quarterViewer } from '$lib/server/auth/guards';
import { calendar } from '$lib/server/services/calendar';
import { eventCard } from '$lib/server/services/calendar/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const viewer = calendar.viewer(user?.id ?? null, membership);
	const now = new Date();
	const events = await calendar.list(quarter, viewer);
	const card = (e: (typeof events)[number]) => eventCard(e, quarter);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		member: viewer.member,
		moderator: viewer.moderator,
		signedIn: user !== null,
		upcoming: upcoming(events, now).map(card),
		// The author's own waiting suggestions; the management reviews all of them elsewhere.
		waiting: events
			.filter((e) => e.status === 'pending' || e.status === 'rejected')
			.filter((e) => viewer.moderator || e.authorId === viewer.userId)
			.map(card),
		past: past(events, now).slice(0, 20).map(card)
	};
};
