import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { installationFacts } from '$lib/server/services/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	// MERGER: add the jobs' last runs here — `jobs: jobStatuses()` from src/lib/server/jobs.ts
	// (job runner helper) — and the mail queue — `mail: await mailQueue()` (mail outbox helper).
	// Neither file is on main yet; the page shows a placeholder section until then.
	return { facts: await installationFacts() };
};
