import { fail } from '@sveltejs/kit';
import { checkTimeBankLimits } from '$lib/domain/quarters/settings';
import { parseForm } from '$lib/schemas/form';
import { QUARTER_SETTINGS_FIELDS, quarterSettingsSchema } from '$lib/schemas/quarter';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { listMembershipsOfQuarter } from '$lib/server/repos/memberships';
import { updateQuarterSettings } from '$lib/server/repos/quarters';
import { findUsersByIds } from '$lib/server/repos/users';
import type { Actions, PageServerLoad } from './$types';

const MANAGEMENT = ['moderator'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, MANAGEMENT);
	const memberships = await listMembershipsOfQuarter(quarter.id);
	const users = new Map(
		(await findUsersByIds(memberships.map((ms) => ms.userId))).map((u) => [u.id, u])
	);
	return {
		quarter: { id: quarter.id, name: quarter.name, settings: quarter.settings },
		members: memberships.map((ms) => ({
			id: ms.userId,
			displayName: users.get(ms.userId)?.displayName ?? '—',
			role: ms.role,
			state: ms.state,
			since: ms.since.toISOString()
		}))
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const { quarter } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const parsed = parseForm(quarterSettingsSchema, form, QUARTER_SETTINGS_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const timeBank = {
			minBalanceMinutes: parsed.data.minBalanceHours,
			maxBalanceMinutes: parsed.data.maxBalanceHours
		};
		const problem = checkTimeBankLimits(timeBank);
		if (problem) {
			const field = problem === 'max_negative' ? 'maxBalanceHours' : 'minBalanceHours';
			const values = Object.fromEntries(
				QUARTER_SETTINGS_FIELDS.map((f) => [f, String(form.get(f) ?? '')])
			);
			return fail(400, { errors: { [field]: `error_limits_${problem}` }, values });
		}
		await updateQuarterSettings(quarter.id, {
			memberApproval: parsed.data.memberApproval,
			listingPreModeration: parsed.data.listingPreModeration,
			timeBank
		});
		return { saved: true };
	}
};
