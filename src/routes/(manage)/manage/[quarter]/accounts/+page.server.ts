import { parseForm } from '$lib/schemas/form';
import { fail, redirect } from '@sveltejs/kit';
import { isGrantProblem, mayReceiveGrant } from '$lib/domain/budget/budget';
import { accountParam } from '$lib/domain/ledger/accounts';
import { formatMinutes } from '$lib/domain/exchanges/minutes';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	GRANT_FIELDS,
	grantSchema,
	REVERSAL_FIELDS,
	reversalSchema
} from '$lib/schemas/time-account';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { budget } from '$lib/server/services/budget';
import { ledgerLimits } from '$lib/server/services/exchanges';
import { describeBookingProblem, timeAccounts } from '$lib/server/services/time-accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const [overview, budgetLines] = await Promise.all([
		timeAccounts.overview(quarter, event.locals.locale),
		budget.hourGrantChoices(quarter, new Date())
	]);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		limits: ledgerLimits(quarter).member,
		sum: overview.sum,
		accounts: overview.rows.map((row) => ({
			param: accountParam(row.account),
			userId: row.userId,
			name: row.name,
			balance: row.balance,
			marker: row.marker,
			state: row.state
		})),
		// A grant goes to an active member; the quarter management does not grant itself hours.
		members: overview.rows
			.filter((row) => row.userId && mayReceiveGrant({ ...row, userId: row.userId }, user.id))
			.map((row) => ({ id: row.userId!, name: row.name })),
		// A grant is made against a budget line that is open today and has hours left.
		budgetLines,
		line: event.url.searchParams.get('line') ?? '',
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(grantSchema, form, GRANT_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const grant = parsed.data;
		const values = {
			member: grant.member,
			budgetLine: grant.budgetLine,
			hours: form.get('hours')?.toString() ?? '',
			purpose: grant.purpose,
			override: grant.override ? 'on' : '',
			overrideReason: grant.overrideReason
		};
		const result = await budget.grantHours({
			quarter,
			moderatorId: user.id,
			memberId: grant.member,
			lineId: grant.budgetLine,
			minutes: grant.hours,
			purpose: grant.purpose,
			override: grant.override ? { reason: grant.overrideReason } : null,
			nonce: grant.nonce,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem.code === 'not_member') {
				return fail(400, { errors: { member: 'account_error_not_member' }, values });
			}
			if (isGrantProblem(result.problem)) {
				const inputs: Record<string, string> =
					result.problem.code === 'exceeds_remaining'
						? { remaining: formatMinutes(result.problem.remaining, event.locals.locale) }
						: {};
				return fail(409, {
					errors: { budgetLine: `budget_error_${result.problem.code}` },
					inputs,
					values
				});
			}
			const problem = await describeBookingProblem(result.problem, event.locals.locale);
			return fail(409, { errors: { form: problem.key }, inputs: problem.inputs, values });
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/accounts?done=grant&member=${grant.member}`));
	},
	reverse: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(reversalSchema, form, REVERSAL_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const values = Object.fromEntries(
			REVERSAL_FIELDS.map((f) => [f, form.get(f)?.toString() ?? ''])
		);
		const result = await timeAccounts.reverse({
			quarter,
			moderatorId: user.id,
			seq: parsed.data.reverseSeq,
			minutes: parsed.data.reverseHours,
			reason: parsed.data.reverseReason,
			now: new Date()
		});
		if (!result.ok) {
			const field =
				result.problem === 'invalid_minutes'
					? 'reverseHours'
					: result.problem === 'reason_required'
						? 'reverseReason'
						: 'reverseSeq';
			const status = result.problem === 'contention' ? 409 : 400;
			return fail(status, {
				errors: { [field]: `account_error_reversal_${result.problem}` },
				values
			});
		}
		if (result.duplicate) {
			return fail(409, { errors: { reverseSeq: 'account_error_reversal_exists' }, values });
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/accounts?done=reversal`));
	}
};
