// The quarter an admin page is about, after the guard; 404 when it does not exist.
import { error, type RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { findQuarter, type Quarter } from '$lib/server/services/quarters';

export async function adminQuarter(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ user: Awaited<ReturnType<typeof requirePlatformAdmin>>['user']; quarter: Quarter }> {
	const { user } = await requirePlatformAdmin(event);
	const quarter = await findQuarter(event.params.quarter ?? '');
	if (!quarter) error(404, m.error_not_found());
	return { user, quarter };
}
