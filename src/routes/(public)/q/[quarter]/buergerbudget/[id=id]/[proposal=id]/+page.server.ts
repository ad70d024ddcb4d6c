import { error, fail, redirect } from '@sveltejs/kit';
import { isActiveMember, isManagement } from '$lib/domain/members/roles';
import { keyPart } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { assessSchema, commentSchema } from '$lib/schemas/participation';
import { quarterViewer, requireUser } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { displayNames } from '$lib/server/services/members';
import { participation } from '$lib/server/services/participation';
import { proposalCard, roundCard } from '$lib/server/services/participation/views';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = ['proposed', 'commented', 'assessed'];

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const round = await participation.round(quarter, event.params.id);
	const proposal = round?.proposals.find((p) => p.id === event.params.proposal);
	if (!round || !proposal) error(404, m.error_not_found());
	const now = new Date();
	const names = await displayNames([proposal.authorId, ...proposal.comments.map((c) => c.by)]);
	const done = event.url.searchParams.get('done');
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		round: roundCard(quarter, round, now),
		proposal: proposalCard(proposal, names, user?.id ?? null),
		comments: proposal.comments.map((c) => ({
			id: c.id,
			name: names.get(c.by) ?? '—',
			text: c.text,
			at: c.at.toISOString()
		})),
		signedIn: user !== null,
		member: isActiveMember(membership),
		moderator: isManagement(membership),
		commentNonce: newFormNonce(),
		done: done && DONE.includes(done) ? done : null
	};
};

async function actor(event: RequestEvent) {
	const { user } = requireUser(event);
	const { quarter, membership } = await quarterViewer(event, event.params.quarter);
	return { user, quarter, membership };
}

const back = (event: RequestEvent, done: string) =>
	redirect(
		303,
		localizeHref(
			`/q/${event.params.quarter}/buergerbudget/${event.params.id}/${event.params.proposal}?done=${done}`
		)
	);

export const actions: Actions = {
	comment: async (event) => {
		const { user, quarter, membership } = await actor(event);
		const parsed = parseForm(
			commentSchema,
			await readForm(event.request),
			['text', 'nonce'],
			[],
			1_000
		);
		if (!parsed.ok)
			return fail(400, { form: 'comment', errors: parsed.errors, values: parsed.values });
		const result = await participation.comment({
			quarter,
			roundId: event.params.id,
			proposalId: event.params.proposal,
			userId: user.id,
			membership,
			text: parsed.data.text,
			nonce: parsed.data.nonce,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(result.problem === 'not_member' ? 403 : 409, {
				form: 'comment',
				errors: { form: `buergerbudget_error_${keyPart(result.problem)}` },
				values: { text: parsed.data.text }
			});
		}
		back(event, 'commented');
	},
	assess: async (event) => {
		const { user, quarter, membership } = await actor(event);
		const parsed = parseForm(
			assessSchema,
			await readForm(event.request),
			['decision', 'reason'],
			[],
			1_000
		);
		if (!parsed.ok)
			return fail(400, { form: 'assess', errors: parsed.errors, values: parsed.values });
		const result = await participation.assess({
			quarter,
			roundId: event.params.id,
			proposalId: event.params.proposal,
			moderatorId: user.id,
			membership,
			feasible: parsed.data.decision === 'feasible',
			reason: parsed.data.reason,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'forbidden') error(403, m.error_forbidden());
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				form: 'assess',
				errors: { form: `buergerbudget_error_${keyPart(result.problem)}` },
				values: parsed.data
			});
		}
		back(event, 'assessed');
	}
};
