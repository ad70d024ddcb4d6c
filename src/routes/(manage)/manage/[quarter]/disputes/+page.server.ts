import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/guards';
import { caseProblemKey } from '$lib/server/case-form';
import { readForm } from '$lib/server/http';
import { cases } from '$lib/server/services/cases';
import { listDisputed } from '$lib/server/services/exchanges';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	// Oldest first: whoever waits longest is looked at first. Each dispute says what is at stake,
	// the hours the receiver claimed, and who disputed why.
	const disputed = await listDisputed(quarter.id);
	const caseIds = await Promise.all(disputed.map((d) => cases.caseOfExchange(quarter.id, d.id)));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		disputes: disputed.map((d, i) => ({
			id: d.id,
			title: d.title,
			settlement: d.settlement,
			amountCents: d.amountCents,
			providerName: d.names[d.providerId] ?? '—',
			receiverName: d.names[d.receiverId] ?? '—',
			proposedMinutes: d.minutes,
			claimedMinutes: d.receiverMinutes,
			since: (d.disputed?.at ?? d.lastAt).toISOString(),
			// A dispute is a party's move: one of the two names.
			disputedBy: d.disputed ? (d.names[d.disputed.by] ?? '—') : null,
			reason: d.disputed?.reason ?? null,
			caseId: caseIds[i] ?? null
		}))
	};
};

export const actions: Actions = {
	/** Turns a dispute into a mediation case (or opens the one that exists). */
	openCase: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const exchangeId = String(form.get('exchange') ?? '');
		if (!/^[0-9a-f]{24}$/.test(exchangeId)) error(404, m.error_not_found());
		const result = await cases.openFromExchange({
			quarter,
			moderatorId: user.id,
			exchangeId,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, { exchange: exchangeId, error: caseProblemKey(result.problem) });
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/cases/${result.caseId}?done=opened`));
	}
};
