import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { HOUSE_RULES_FIELDS, houseRulesSchema } from '$lib/schemas/legal';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { houseRulesHistory, houseRulesText, saveHouseRules } from '$lib/server/services/legal';
import { displayNames } from '$lib/server/services/members';
import type { Actions, PageServerLoad } from './$types';

const MANAGEMENT = ['moderator'] as const;

/** The quarter's own house rules, shown on /regeln under the platform's rules. */
export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, MANAGEMENT);
	const [text, history] = await Promise.all([
		houseRulesText(quarter.id),
		houseRulesHistory(quarter.id)
	]);
	const names = await displayNames([...new Set(history.map((v) => v.by))]);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		texts: text?.texts ?? { de: '', en: '' },
		history: history.map((v) => ({
			seq: v.seq,
			by: names.get(v.by) ?? '—',
			at: v.at.toISOString()
		})),
		done: event.url.searchParams.get('done') === 'saved'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const parsed = parseForm(houseRulesSchema, form, HOUSE_RULES_FIELDS, [], 70_000);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { textDe, textEn } = parsed.data;
		const result = await saveHouseRules(
			quarter.id,
			{ de: textDe, en: textEn },
			user.id,
			new Date()
		);
		if (!result.ok) {
			if (result.problem === 'unchanged') {
				return fail(409, {
					errors: { form: 'legal_error_unchanged' },
					values: { textDe, textEn }
				});
			}
			error(503, m.error_unexpected({ errorId: event.locals.requestId ?? '' }));
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/house-rules?done=saved`));
	}
};
