import { error, fail, redirect } from '@sveltejs/kit';
import { isActiveMember, isManagement } from '$lib/domain/members/roles';
import { phaseStarts } from '$lib/domain/participation/round';
import { keyPart } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { ballotChoiceOf } from '$lib/schemas/participation';
import { quarterViewer, requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { participation } from '$lib/server/services/participation';
import { lineIdOf, roundResults } from '$lib/server/services/participation/results';
import { proposalCards, roundCard } from '$lib/server/services/participation/views';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['voted', 'proposed'];

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const now = new Date();
	let round = await participation.round(quarter, event.params.id);
	if (!round) error(404, m.error_not_found());
	// A finished round's winners become budget lines on the first view after the vote (the job
	// does it too); both are the same idempotent step.
	if ((await roundResults.publish(quarter, round, now)) > 0) {
		round = (await participation.round(quarter, round.id))!;
	}
	const card = roundCard(quarter, round, now);
	const moderator = isManagement(membership);
	const member = isActiveMember(membership);
	const proposals = await proposalCards(round, user?.id ?? null);
	const view = await roundResults.result(quarter, round, now);
	const byId = new Map(proposals.map((p) => [p.id, p]));
	const done = event.url.searchParams.get('done');
	return {
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		round: card,
		phaseStarts: Object.fromEntries(
			Object.entries(phaseStarts(round, quarter.settings.timeZone)).map(([k, v]) => [
				k,
				v.toISOString()
			])
		),
		signedIn: user !== null,
		member,
		moderator,
		proposals,
		myChoice:
			user && member && (card.phase === 'vote' || card.phase === 'result')
				? await participation.myBallot(round.id, user.id)
				: null,
		votersSoFar:
			moderator && card.phase === 'vote' ? await participation.votersSoFar(round.id) : null,
		result: view
			? {
					voters: view.result.voters,
					used: view.result.used,
					rows: view.result.rows.map((r) => ({
						...r,
						title: byId.get(r.proposalId)?.title ?? '',
						minutes: byId.get(r.proposalId)?.minutes ?? null,
						cents: byId.get(r.proposalId)?.cents ?? null,
						lineId: moderator && r.won ? lineIdOf(round, r.proposalId) : null
					}))
				}
			: null,
		done: done && DONE.includes(done) ? done : null
	};
};

export const actions: Actions = {
	vote: async (event) => {
		const { user } = requireUser(event);
		const { quarter, membership } = await quarterViewer(event, event.params.quarter);
		const form = await readForm(event.request);
		const choice = ballotChoiceOf(form);
		if (!choice) {
			return fail(400, { form: 'vote', errors: { form: 'buergerbudget_error_unknown_proposal' } });
		}
		const result = await participation.vote({
			quarter,
			roundId: event.params.id,
			userId: user.id,
			membership,
			choice,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(result.problem === 'not_member' ? 403 : 409, {
				form: 'vote',
				errors: { form: `buergerbudget_error_${keyPart(result.problem)}` },
				choice
			});
		}
		redirect(
			303,
			localizeHref(`/q/${event.params.quarter}/buergerbudget/${event.params.id}?done=voted#ballot`)
		);
	}
};
