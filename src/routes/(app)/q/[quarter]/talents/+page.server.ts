import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/domain/members/roles';
import * as m from '$lib/paraglide/messages';
import { talentFilterSchema } from '$lib/schemas/profile';
import { requireRole } from '$lib/server/auth/guards';
import { talentDirectory } from '$lib/server/services/profiles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, membership } = await requireRole(event, event.params.quarter, [
		'resident',
		'business'
	]);
	// Residents are members too, but the directory lists residents for businesses: they are told
	// why it is closed to them and where to join it instead.
	if (!hasRole(membership, ['business', 'moderator'])) error(403, m.talent_forbidden());
	const params = event.url.searchParams;
	const filter = talentFilterSchema.parse({
		skill: params.get('skill') ?? '',
		language: params.get('language') ?? ''
	});
	const directory = await talentDirectory(quarter.id, filter);
	return { quarter: { id: quarter.id, name: quarter.name }, filter, ...directory };
};
