import { error, fail, redirect } from '@sveltejs/kit';
import { caseAgeDays } from '$lib/domain/cases/case';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { OPEN_CASE_FIELDS, openCaseSchema } from '$lib/schemas/cases';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { caseProblemKey } from '$lib/server/case-form';
import { newFormNonce, readForm } from '$lib/server/http';
import { displayNames, membershipsOfQuarter } from '$lib/server/services/members';
import { cases } from '$lib/server/services/cases';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const now = new Date();
	const [list, memberships] = await Promise.all([
		cases.list(quarter.id),
		membershipsOfQuarter(quarter.id)
	]);
	const people = memberships.filter(
		(ms) => ms.userId !== user.id && (ms.state === 'active' || ms.state === 'suspended')
	);
	const names = await displayNames(people.map((ms) => ms.userId));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		cases: list.map((c) => ({
			id: c.id,
			title: c.title,
			source: c.source,
			state: c.state,
			openedAt: c.openedAt.toISOString(),
			lastAt: c.lastAt.toISOString(),
			closedAt: c.closedAt?.toISOString() ?? null,
			ageDays: caseAgeDays(c.openedAt, c.closedAt ?? now),
			partyNames: c.partyNames,
			outcomes: c.outcomes
		})),
		members: [...names]
			.map(([id, name]) => ({ id, name }))
			.sort((a, b) => a.name.localeCompare(b.name, event.locals.locale)),
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	open: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(openCaseSchema, form, OPEN_CASE_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const values = { title: parsed.data.title, text: parsed.data.text };
		const result = await cases.open({
			quarter,
			moderatorId: user.id,
			source: { type: 'moderator', id: null },
			partyIds: [parsed.data.partyA, ...(parsed.data.partyB ? [parsed.data.partyB] : [])],
			exchangeId: null,
			title: parsed.data.title,
			text: parsed.data.text,
			nonce: parsed.data.nonce,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(400, { errors: { form: caseProblemKey(result.problem) }, values });
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/cases/${result.caseId}?done=opened`));
	}
};
