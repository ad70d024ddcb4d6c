import { requireUser } from '$lib/server/auth/guards';
import { listConversations } from '$lib/server/services/messaging';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const conversations = await listConversations(user.id);
	return {
		conversations: conversations.map((c) => ({
			id: c.id,
			otherName: c.otherName,
			listingTitle: c.listingTitle,
			direct: c.direct,
			lastAt: c.lastAt.toISOString(),
			lastFromMe: c.lastFromMe,
			preview: c.preview,
			unread: c.unread
		}))
	};
};
