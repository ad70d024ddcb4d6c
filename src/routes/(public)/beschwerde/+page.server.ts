// A complaint against a decision (Art. 20 DSA), from the link in the decision's mail: no account
// needed, the link names the decision and who contests it.
import { fail } from '@sveltejs/kit';
import { complaintDeadline } from '$lib/domain/notices/notice';
import { parseForm } from '$lib/schemas/form';
import { complaintSchema } from '$lib/schemas/notices';
import { rateLimited, readForm, requestContext } from '$lib/server/http';
import { groundText, label } from '$lib/server/services/notices/mails';
import { notices } from '$lib/server/services/notices';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const token = (event.url.searchParams.get('token') ?? '').slice(0, 64);
	const now = new Date();
	const access = await notices.complaintAccess(token, now);
	if (!access || !access.state.effective) return { token: '', view: null };
	const { state, party, quarter } = access;
	const locale = event.locals.locale;
	const effective = state.effective!;
	const complaint = state.complaints[party];
	return {
		token,
		view: {
			quarter: quarter.name,
			party,
			location: state.notice.target.url,
			label: state.notice.target.label,
			decision: label(`notice_decision_${effective.decision}`, locale),
			ground: groundText(effective.ground, locale),
			facts: effective.facts,
			decidedAt: effective.at.toISOString(),
			until: complaintDeadline(effective.at).toISOString(),
			open: now < complaintDeadline(effective.at),
			lodged: complaint
				? {
						at: complaint.complaint.at.toISOString(),
						outcome: complaint.decision?.outcome ?? null,
						reasons: complaint.decision?.reasons ?? null
					}
				: null
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const parsed = parseForm(complaintSchema, form, ['token', 'reasons'], [], 4000);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const ctx = requestContext(event);
		const result = await notices.lodgeComplaint(parsed.data, { ip: ctx.ip, now: ctx.now });
		if (!result.ok) {
			if ('reason' in result) return rateLimited(event, result, parsed.data);
			return fail(409, {
				errors: { form: `complaint_error_${result.problem}` },
				values: parsed.data
			});
		}
		return { sent: true as const };
	}
};
