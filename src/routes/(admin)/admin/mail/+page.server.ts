import { z } from 'zod';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { listMail, mailQueue } from '$lib/server/services/mail';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

const querySchema = z.object({
	status: z.enum(['queued', 'sent', 'failed']).optional().catch(undefined),
	before: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,64}$/)
		.optional()
		.catch(undefined)
});

/** The outbox for the platform administrator: what waits, what went out, what failed and why. */
export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	const query = querySchema.parse({
		status: event.url.searchParams.get('status') ?? undefined,
		before: event.url.searchParams.get('before') ?? undefined
	});
	const [mails, queue] = await Promise.all([
		listMail({ ...query, limit: PAGE_SIZE + 1 }),
		mailQueue()
	]);
	return {
		status: query.status ?? null,
		queue: {
			queued: queue.queued,
			failedLast24h: queue.failedLast24h,
			unsentLast24h: queue.unsentLast24h,
			smtpConfigured: queue.smtpConfigured
		},
		mails: mails.slice(0, PAGE_SIZE).map((mail) => ({
			id: mail.id,
			to: mail.to,
			subject: mail.subject,
			createdAt: mail.createdAt.toISOString(),
			sentAt: mail.sentAt?.toISOString() ?? null,
			status: mail.status,
			attempts: mail.attempts,
			failure: mail.failure,
			lastError: mail.lastError
		})),
		older: mails.length > PAGE_SIZE ? mails[PAGE_SIZE - 1]!.id : null
	};
};
