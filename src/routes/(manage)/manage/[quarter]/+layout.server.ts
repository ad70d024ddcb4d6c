import { requireRole } from '$lib/server/auth/guards';
import { listFlags } from '$lib/server/repos/flags';
import { listPendingApplications } from '$lib/server/repos/applications';
import { cases } from '$lib/server/services/cases';
import { countDisputed } from '$lib/server/services/exchanges';
import { reviewQueue } from '$lib/server/services/listings';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const [queue, flags, disputed, pending, openCases] = await Promise.all([
		reviewQueue(quarter.id),
		listFlags(quarter.id),
		countDisputed(quarter.id),
		listPendingApplications(quarter.id),
		cases.countOpen(quarter.id)
	]);
	return {
		manage: {
			quarterId: quarter.id,
			quarterName: quarter.name,
			reviewCount: queue.length,
			openFlags: flags.filter((f) => !f.resolution).length,
			disputes: disputed,
			applications: pending.length,
			openCases
		}
	};
};
