import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { tradeSwitchSchema } from '$lib/schemas/trade';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { trade } from '$lib/server/services/trade';
import type { Actions, PageServerLoad } from './$types';

const MANAGEMENT = ['moderator'] as const;

/** Trade with other quarters: this management's switch and limit per partner (audited). */
export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, MANAGEMENT);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		pairs: await trade.pairsOf(quarter.id),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const raw = {
			partner: String(form.get('partner') ?? ''),
			on: String(form.get('on') ?? ''),
			limit: String(form.get('limit') ?? '').trim()
		};
		const parsed = tradeSwitchSchema.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				partner: raw.partner,
				error: 'trade_manage_error_limit',
				limit: raw.limit
			});
		}
		const { partner, on, limit } = parsed.data;
		const result = await trade.switchTrade({
			quarterId: quarter.id,
			partnerId: partner,
			on: on === '1',
			limitMinutes: limit * 60,
			by: user.id
		});
		if (!result.ok) {
			const error =
				result.problem === 'unchanged'
					? 'trade_manage_error_unchanged'
					: result.problem === 'contention'
						? 'trade_manage_error_contention'
						: 'error_invalid_input';
			return fail(result.problem === 'unchanged' ? 409 : 400, {
				partner,
				error,
				limit: raw.limit
			});
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/handel?done=${on === '1' ? 'on' : 'off'}`));
	}
};
