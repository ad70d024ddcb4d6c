import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { joinQuarterSchema } from '$lib/schemas/trade';
import { quarterViewer, requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { joinQuarter } from '$lib/server/services/join';
import type { Actions, PageServerLoad } from './$types';

/** A signed-in person joins a further quarter (docs/cross-quarter.md). */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const { quarter, membership } = await quarterViewer(event, event.params.quarter);
	const done = event.url.searchParams.get('done');
	return {
		quarter: { id: quarter.id, name: quarter.name },
		approval: quarter.settings.memberApproval,
		// After joining, the page says how it went; before, a member or applicant is told so.
		done: done === 'active' || done === 'pending' ? done : null,
		already: membership !== null && done === null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const { quarter } = await quarterViewer(event, event.params.quarter);
		const form = await readForm(event.request);
		const parsed = joinQuarterSchema.safeParse({
			kind: form.get('kind') ?? undefined,
			application: form.get('application') ?? ''
		});
		if (!parsed.success) return fail(400, { error: 'error_invalid_input' });
		const result = await joinQuarter({
			userId: user.id,
			quarterId: quarter.id,
			kind: parsed.data.kind,
			application: parsed.data.application
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, { error: 'trade_join_already' });
		}
		redirect(303, localizeHref(`/q/${quarter.id}/beitreten?done=${result.state}`));
	}
};
