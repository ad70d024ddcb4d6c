import { requireRole } from '$lib/server/auth/guards';
import { countPendingApplications } from '$lib/server/services/approval';
import { calendar } from '$lib/server/services/calendar';
import { cases } from '$lib/server/services/cases';
import { countDisputed } from '$lib/server/services/exchanges';
import { reviewQueue } from '$lib/server/services/listings';
import { countOpenFlags } from '$lib/server/services/moderation';
import { notices } from '$lib/server/services/notices';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const waitingEvents = calendar.countWaiting(quarter);
	const [queue, openFlags, disputed, applications, openCases, waitingNotices] = await Promise.all([
		reviewQueue(quarter.id),
		countOpenFlags(quarter.id),
		countDisputed(quarter.id),
		countPendingApplications(quarter.id),
		cases.countOpen(quarter.id),
		notices.countWaiting(quarter.id)
	]);
	return {
		// Every date and time on the cockpit's pages is read in the quarter's zone (lib/format.ts).
		timeZone: quarter.settings.timeZone,
		manage: {
			quarterId: quarter.id,
			quarterName: quarter.name,
			reviewCount: queue.length,
			openFlags,
			disputes: disputed,
			applications,
			openCases,
			waitingNotices,
			waitingEvents: await waitingEvents
		}
	};
};
