import { requirePlatformAdmin } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	return {};
};
