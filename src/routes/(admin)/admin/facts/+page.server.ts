import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { jobStatuses } from '$lib/server/jobs';
import { mailQueue } from '$lib/server/services/mail';
import { installationFacts } from '$lib/server/services/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	const [facts, mail] = await Promise.all([installationFacts(), mailQueue()]);
	return {
		facts,
		mail: {
			queued: mail.queued,
			failedLast24h: mail.failedLast24h,
			unsentLast24h: mail.unsentLast24h
		},
		jobs: jobStatuses().map((j) => ({
			name: j.name,
			runs: j.runs,
			lastFinishedAt: j.lastFinishedAt,
			lastOk: j.lastOk,
			lastError: j.lastError
		}))
	};
};
