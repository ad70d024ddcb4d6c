import { requireRole } from '$lib/server/auth/guards';
import { getExchange, listDisputed } from '$lib/server/services/exchanges';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	// Oldest first: whoever waits longest is looked at first. The full view adds the hours the
	// receiver claimed and who disputed why; the list is short, each is read from memory.
	const disputed = await listDisputed(quarter.id);
	const views = await Promise.all(disputed.map((d) => getExchange(user.id, d.id)));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		disputes: disputed.map((d, i) => {
			const view = views[i];
			const opened = view?.timeline.findLast((e) => e.toState === 'disputed');
			return {
				id: d.id,
				title: d.title,
				settlement: d.settlement,
				amountCents: view?.amountCents ?? null,
				providerName: d.names[d.providerId] ?? '—',
				receiverName: d.names[d.receiverId] ?? '—',
				proposedMinutes: d.minutes,
				claimedMinutes: view?.receiverMinutes ?? null,
				since: (opened?.at ?? d.lastAt).toISOString(),
				disputedBy: opened ? (view!.names[opened.by] ?? '—') : null,
				reason: opened?.reason ?? null
			};
		})
	};
};
