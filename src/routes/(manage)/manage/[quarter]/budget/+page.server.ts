import { fail, redirect } from '@sveltejs/kit';
import { dayOf } from '$lib/domain/time/zone';
import { formatEuros } from '$lib/format';
import { localizeHref } from '$lib/paraglide/runtime';
import { EURO_GRANT_FIELDS, euroGrantSchema, LINE_FIELDS, lineSchema } from '$lib/schemas/budget';
import { mayReceiveGrant } from '$lib/domain/budget/budget';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { budget } from '$lib/server/services/budget';
import { timeAccounts } from '$lib/server/services/time-accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const now = new Date();
	const [{ lines, euroChoices: euroLines }, accounts] = await Promise.all([
		budget.overview(quarter, now),
		timeAccounts.overview(quarter, event.locals.locale)
	]);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		today: dayOf(now, quarter.settings.timeZone),
		lines: lines.map((line) => ({
			id: line.id,
			name: line.name,
			from: line.from,
			to: line.to,
			purpose: line.purpose,
			decidedBy: line.decidedBy,
			decidedOn: line.decidedOn,
			closedOn: line.closedOn,
			state: line.state,
			usage: line.usage
		})),
		euroLines,
		// Euro grants go to an active member (or a named project), never to the moderator.
		members: accounts.rows
			.filter((row) => row.userId && mayReceiveGrant({ ...row, userId: row.userId }, user.id))
			.map((row) => ({ id: row.userId!, name: row.name })),
		lineNonce: newFormNonce(),
		euroNonce: newFormNonce()
	};
};

export const actions: Actions = {
	createLine: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(lineSchema, form, LINE_FIELDS);
		if (!parsed.ok) {
			return fail(400, { form: 'line', errors: parsed.errors, values: parsed.values });
		}
		const input = parsed.data;
		const result = await budget.createLine({
			quarter,
			moderatorId: user.id,
			draft: {
				name: input.name,
				minutes: input.hours,
				cents: input.euros,
				from: input.from,
				to: input.to,
				purpose: input.purpose,
				decidedBy: input.decidedBy,
				decidedOn: input.decidedOn
			},
			nonce: input.nonce,
			now: new Date()
		});
		if (!result.ok) {
			const values = Object.fromEntries(LINE_FIELDS.map((f) => [f, form.get(f)?.toString() ?? '']));
			return fail(400, {
				form: 'line',
				errors: { form: `budget_error_${result.problems[0]}` },
				values
			});
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/budget/${result.line.id}?done=created`));
	},
	euroGrant: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const now = new Date();
		const parsed = parseForm(
			euroGrantSchema(dayOf(now, quarter.settings.timeZone)),
			form,
			EURO_GRANT_FIELDS
		);
		if (!parsed.ok) {
			return fail(400, { form: 'euro', errors: parsed.errors, values: parsed.values });
		}
		const grant = parsed.data;
		const values = Object.fromEntries(
			EURO_GRANT_FIELDS.map((f) => [f, form.get(f)?.toString() ?? ''])
		);
		const result = await budget.recordEuroGrant({
			quarter,
			moderatorId: user.id,
			lineId: grant.line,
			recipient:
				grant.member !== ''
					? { type: 'member', userId: grant.member }
					: { type: 'project', name: grant.project },
			cents: grant.euros,
			purpose: grant.purpose,
			paidOn: grant.paidOn,
			nonce: grant.nonce,
			now
		});
		if (!result.ok) {
			const problem = result.problem;
			const field = problem.code === 'not_member' ? 'member' : 'form';
			const key =
				problem.code === 'not_member' ? 'account_error_not_member' : `budget_error_${problem.code}`;
			const inputs: Record<string, string> =
				problem.code === 'exceeds_remaining'
					? { remaining: formatEuros(problem.remaining, event.locals.locale) }
					: {};
			return fail(409, { form: 'euro', errors: { [field]: key }, inputs, values });
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/budget/${grant.line}?done=euro`));
	}
};
