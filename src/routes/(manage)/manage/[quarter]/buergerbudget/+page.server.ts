import { fail, redirect } from '@sveltejs/kit';
import { keyPart } from '$lib/i18n';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { ROUND_FIELDS, roundSchema, roundSettingsOf } from '$lib/schemas/participation';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { participation } from '$lib/server/services/participation';
import { roundCard } from '$lib/server/services/participation/views';
import type { Actions, PageServerLoad } from './$types';

// The quarter's Bürgerbudget rounds in the cockpit, and the form that opens a new one.
export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const now = new Date();
	return {
		quarter: { id: quarter.id, name: quarter.name },
		rounds: (await participation.rounds(quarter)).map((r) => roundCard(quarter, r, now)),
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	open: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
			'moderator'
		]);
		const form = await readForm(event.request);
		const parsed = parseForm(roundSchema, form, ROUND_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await participation.open({
			quarter,
			moderatorId: user.id,
			membership,
			settings: roundSettingsOf(parsed.data),
			nonce: parsed.data.nonce,
			now: new Date()
		});
		if (!result.ok) {
			// What was typed (not the parsed minutes and cents), so that a second submit means the same.
			const values = Object.fromEntries(
				ROUND_FIELDS.filter((f) => f !== 'nonce').map((f) => [f, String(form.get(f) ?? '')])
			);
			return fail(409, {
				errors: { form: `buergerbudget_error_${keyPart(result.problem)}` },
				values
			});
		}
		redirect(
			303,
			localizeHref(`/manage/${quarter.id}/buergerbudget/${result.round.id}?done=opened`)
		);
	}
};
