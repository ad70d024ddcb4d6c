// Notices of illegal content (Art. 16 DSA) and complaints (Art. 20), separate from members'
// reports: open notices oldest first with their age, complaints waiting for a second moderator,
// and what was decided.
import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	LEGAL_GROUNDS,
	RULES_GROUNDS,
	decisionDue,
	decisionsFor,
	type NoticeState
} from '$lib/domain/notices/notice';
import { parseForm } from '$lib/schemas/form';
import { complaintDecisionSchema, decisionSchema, parseGround } from '$lib/schemas/notices';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { displayNames } from '$lib/server/services/members';
import { messaging } from '$lib/server/services/messaging';
import { notices } from '$lib/server/services/notices';
import type { Actions, PageServerLoad } from './$types';

const HOUR = 60 * 60 * 1000;

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const queue = await notices.queue(quarter.id);
	const now = Date.now();
	// A conversation's participants are who a measure may be taken against.
	const participants = new Map(
		await Promise.all(
			queue.open
				.filter((s) => s.notice.target.type === 'conversation')
				.map(
					async (s) =>
						[
							s.notice.noticeId,
							(await messaging.conversation(s.notice.target.id))?.participants ?? []
						] as const
				)
		)
	);
	const all = [...queue.open, ...queue.complaints.map((c) => c.state), ...queue.done];
	const names = await displayNames([
		...all.flatMap((s) => [...s.deciders, ...(s.notice.authorId ? [s.notice.authorId] : [])]),
		...[...participants.values()].flat()
	]);
	const base = (s: NoticeState) => ({
		id: s.notice.noticeId,
		type: s.notice.target.type,
		label: s.notice.target.label,
		url: s.notice.target.url,
		author: s.notice.authorId ? (names.get(s.notice.authorId) ?? '—') : null,
		explanation: s.notice.explanation,
		notifier: s.notice.name,
		notifierEmail: s.notice.email,
		at: s.notice.at.toISOString()
	});
	const effective = (s: NoticeState) =>
		s.effective && {
			decision: s.effective.decision,
			ground: s.effective.ground ? `${s.effective.ground.type}_${s.effective.ground.code}` : null,
			facts: s.effective.facts,
			at: s.effective.at.toISOString()
		};
	return {
		quarter: { id: quarter.id, name: quarter.name },
		grounds: { law: LEGAL_GROUNDS, rules: RULES_GROUNDS },
		open: queue.open.map((s) => {
			const ageMs = now - s.notice.at.getTime();
			return {
				...base(s),
				ageHours: Math.floor(ageMs / HOUR),
				overdue: now > decisionDue(s.notice.at).getTime(),
				kinds: decisionsFor(s.notice.target.type),
				participants: (participants.get(s.notice.noticeId) ?? []).map((id) => ({
					id,
					name: names.get(id) ?? '—'
				}))
			};
		}),
		complaints: queue.complaints.map(({ state, complaint }) => ({
			...base(state),
			party: complaint.complaint.party,
			reasons: complaint.complaint.reasons,
			lodgedAt: complaint.complaint.at.toISOString(),
			ageHours: Math.floor((now - complaint.complaint.at.getTime()) / HOUR),
			effective: effective(state),
			deciders: state.deciders.map((id) => names.get(id) ?? '—'),
			// Four eyes: whoever decided on this notice before does not decide the complaint.
			mayDecide: !state.deciders.includes(user.id)
		})),
		done: queue.done.slice(0, 50).map((s) => ({
			...base(s),
			effective: effective(s),
			by: s.decision ? (names.get(s.decision.by) ?? '—') : '—',
			complaints: Object.values(s.complaints).map((c) => ({
				party: c.complaint.party,
				outcome: c.decision?.outcome ?? null
			}))
		}))
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const fields = ['notice', 'decision', 'ground', 'facts', 'affected'];
		const parsed = parseForm(decisionSchema, form, fields, [], 4000);
		const notice = String(form.get('notice') ?? '').slice(0, 40);
		if (!parsed.ok) return fail(400, { notice, errors: parsed.errors, values: parsed.values });
		const result = await notices.decide({
			quarter,
			noticeId: parsed.data.notice,
			moderatorId: user.id,
			decision: parsed.data.decision,
			ground: parseGround(parsed.data.ground),
			facts: parsed.data.facts,
			affectedId: parsed.data.affected || null,
			origin: event.url.origin,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				notice,
				errors: {
					[result.problem === 'ground_required' ? 'ground' : 'form']:
						`notices_error_${result.problem}`
				},
				values: parsed.data
			});
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/notices?done=decided`));
	},
	complaint: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const fields = ['notice', 'party', 'outcome', 'reasons', 'replacement', 'ground'];
		const parsed = parseForm(complaintDecisionSchema, form, fields, [], 4000);
		const notice = `${String(form.get('notice') ?? '').slice(0, 40)}:${String(form.get('party') ?? '').slice(0, 10)}`;
		if (!parsed.ok) return fail(400, { notice, errors: parsed.errors, values: parsed.values });
		const { replacement, ground } = parsed.data;
		const result = await notices.decideComplaint({
			quarter,
			noticeId: parsed.data.notice,
			by: user.id,
			party: parsed.data.party,
			outcome: parsed.data.outcome,
			reasons: parsed.data.reasons,
			// A measure taken instead of a keep is taken against the content's author.
			replacement: replacement
				? { decision: replacement, ground: parseGround(ground), affectedId: null }
				: undefined,
			origin: event.url.origin,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				notice,
				errors: { form: `notices_error_${result.problem}` },
				values: parsed.data
			});
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/notices?done=complaint`));
	}
};
