import { requireUser } from '$lib/server/auth/guards';
import { listExchangesOf } from '$lib/server/services/exchanges';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const list = await listExchangesOf(user.id);
	return {
		exchanges: list
			.map((e) => {
				const otherId = e.providerId === user.id ? e.receiverId : e.providerId;
				return {
					id: e.id,
					title: e.title,
					state: e.state,
					minutes: e.minutes,
					settlement: e.settlement,
					otherName: e.names[otherId] ?? '—',
					waitingForMe: e.waitingForMe,
					lastAt: e.lastAt.toISOString()
				};
			})
			.sort((a, b) => b.lastAt.localeCompare(a.lastAt))
	};
};
