import { error, fail, redirect } from '@sveltejs/kit';
import { isManagement } from '$lib/domain/members/roles';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { memberActionSchema } from '$lib/schemas/moderation';
import { setSuspended } from '$lib/server/services/moderation';
import { checkFeeSettings } from '$lib/domain/payments/fee';
import { checkTimeBankLimits } from '$lib/domain/quarters/settings';
import { parseForm } from '$lib/schemas/form';
import { QUARTER_SETTINGS_FIELDS, quarterSettingsSchema } from '$lib/schemas/quarter';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { displayNames, membershipsOfQuarter } from '$lib/server/services/members';
import { saveQuarterSettings } from '$lib/server/services/quarters';
import type { Actions, PageServerLoad } from './$types';

const MANAGEMENT = ['moderator'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, MANAGEMENT);
	const memberships = await membershipsOfQuarter(quarter.id);
	const names = await displayNames(memberships.map((ms) => ms.userId));
	return {
		quarter: { id: quarter.id, name: quarter.name, settings: quarter.settings },
		members: memberships.map((ms) => ({
			id: ms.userId,
			displayName: names.get(ms.userId) ?? '—',
			role: ms.role,
			state: ms.state,
			management: isManagement({ ...ms, state: 'active' }),
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
		const { quarter } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const parsed = parseForm(quarterSettingsSchema, form, QUARTER_SETTINGS_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const timeBank = {
			minBalanceMinutes: parsed.data.minBalanceHours,
			maxBalanceMinutes: parsed.data.maxBalanceHours
		};
		const fee = {
			platformFeeBasisPoints: parsed.data.platformFeePercent,
			platformFeeCapCents: parsed.data.platformFeeCapEuros
		};
		const values = () =>
			Object.fromEntries(QUARTER_SETTINGS_FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
		const problem = checkTimeBankLimits(timeBank);
		if (problem) {
			const field = problem === 'max_negative' ? 'maxBalanceHours' : 'minBalanceHours';
			return fail(400, { errors: { [field]: `error_limits_${problem}` }, values: values() });
		}
		// The schema keeps to these bounds already; the domain rule has the last word before saving.
		const feeProblem = checkFeeSettings(fee);
		if (feeProblem) {
			const field = feeProblem === 'cap_invalid' ? 'platformFeeCapEuros' : 'platformFeePercent';
			return fail(400, { errors: { [field]: `error_fee_${feeProblem}` }, values: values() });
		}
		await saveQuarterSettings(quarter.id, {
			...quarter.settings,
			memberApproval: parsed.data.memberApproval,
			listingPreModeration: parsed.data.listingPreModeration,
			timeBank,
			listingExpiryDays: parsed.data.listingExpiryDays,
			paidOfferHintThreshold: parsed.data.paidOfferHintThreshold,
			autoSettleAfterDays: parsed.data.autoSettleAfterDays,
			startCreditMinutes: parsed.data.startCreditHours,
			...fee
		});
		return { saved: true };
	}
};
