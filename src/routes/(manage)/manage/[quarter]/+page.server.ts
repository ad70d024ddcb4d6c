import { error, fail, redirect } from '@sveltejs/kit';
import { isManagement } from '$lib/domain/members/roles';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { memberActionSchema } from '$lib/schemas/moderation';
import { setSuspended } from '$lib/server/services/moderation';
import { parseForm } from '$lib/schemas/form';
import { QUARTER_SETTINGS_FIELDS, quarterSettingsSchema } from '$lib/schemas/quarter';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { displayNames, membershipsOfQuarter } from '$lib/server/services/members';
import { changeQuarterSettings } from '$lib/server/services/quarters';
import { traderIdentityComplete } from '$lib/server/services/trader';
import type { Actions, PageServerLoad } from './$types';

const MANAGEMENT = ['moderator'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, MANAGEMENT);
	const memberships = await membershipsOfQuarter(quarter.id);
	const names = await displayNames(memberships.map((ms) => ms.userId));
	const traderComplete = await traderIdentityComplete(
		memberships.filter((ms) => ms.role === 'business').map((ms) => ms.userId)
	);
	return {
		quarter: { id: quarter.id, name: quarter.name, settings: quarter.settings },
		members: memberships.map((ms) => ({
			id: ms.userId,
			displayName: names.get(ms.userId) ?? '—',
			role: ms.role,
			state: ms.state,
			management: isManagement({ ...ms, state: 'active' }),
			// Art. 30 DSA: a business's trader identity is on record and complete.
			trader: ms.role === 'business' ? (traderComplete.get(ms.userId) ?? false) : null,
			since: ms.since.toISOString()
		}))
	};
};

async function suspension(event: Parameters<Actions[string]>[0], suspend: boolean) {
	const { quarter, user } = await requireRole(event, event.params.quarter!, MANAGEMENT);
	const form = await readForm(event.request);
	const parsed = parseForm(memberActionSchema, form, ['member', 'reason']);
	const member = String(form.get('member') ?? '');
	if (!parsed.ok) return fail(400, { member, errors: parsed.errors, values: parsed.values });
	const result = await setSuspended({
		quarter,
		memberId: parsed.data.member,
		moderatorId: user.id,
		suspend,
		reason: parsed.data.reason,
		now: new Date()
	});
	if (!result.ok) {
		if (result.problem === 'not_found') error(404, m.error_not_found());
		return fail(409, { member, errors: { form: `error_member_${result.problem}` }, values: {} });
	}
	redirect(303, localizeHref(`/manage/${quarter.id}?done=${suspend ? 'suspended' : 'reinstated'}`));
}

export const actions: Actions = {
	suspend: (event) => suspension(event, true),
	reinstate: (event) => suspension(event, false),
	settings: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const parsed = parseForm(quarterSettingsSchema, form, QUARTER_SETTINGS_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await changeQuarterSettings(quarter.id, parsed.data, user.id, new Date());
		if (!result.ok) {
			if (!result.errors) error(404, m.error_not_found());
			const values = Object.fromEntries(
				QUARTER_SETTINGS_FIELDS.map((f) => [f, String(form.get(f) ?? '')])
			);
			return fail(400, { errors: result.errors, values });
		}
		return { saved: true };
	}
};
