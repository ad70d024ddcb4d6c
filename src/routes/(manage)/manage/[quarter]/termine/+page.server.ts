import { requireRole } from '$lib/server/auth/guards';
import { calendar } from '$lib/server/services/calendar';
import { eventCard } from '$lib/server/services/calendar/views';
import { displayNames } from '$lib/server/services/members';
import type { PageServerLoad } from './$types';

// Members' event suggestions waiting for a decision, oldest first (like the listings' review
// queue); each is decided on its own page.
export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
		'moderator'
	]);
	const waiting = (await calendar.list(quarter, calendar.viewer(user.id, membership)))
		.filter((e) => e.status === 'pending')
		.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
	const names = await displayNames(waiting.map((e) => e.authorId));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		queue: waiting.map((e) => ({
			...eventCard(e, quarter),
			authorName: names.get(e.authorId) ?? '—',
			createdAt: e.createdAt.toISOString()
		}))
	};
};
