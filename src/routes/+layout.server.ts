import { isManagement } from '$lib/domain/members/roles';
import { listMembershipsOfUser } from '$lib/server/repos/memberships';
import { listQuarterIds } from '$lib/server/repos/quarters';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	const managed = user
		? (await listMembershipsOfUser(user.id, await listQuarterIds()))
				.filter(isManagement)
				.map((m) => m.quarterId)
		: [];
	return {
		user: user ? { displayName: user.displayName } : null,
		managedQuarterIds: managed,
		locale: locals.locale,
		showDevMail: process.env.NODE_ENV !== 'production'
	};
};
