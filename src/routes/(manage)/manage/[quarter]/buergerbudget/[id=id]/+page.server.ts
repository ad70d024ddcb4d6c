import { error, fail, redirect } from '@sveltejs/kit';
import { minutesToDecimalHours } from '$lib/domain/ledger/csv';
import { keyPart } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import {
	endPhaseSchema,
	ROUND_FIELDS,
	roundSchema,
	roundSettingsOf
} from '$lib/schemas/participation';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { participation } from '$lib/server/services/participation';
import { roundResults } from '$lib/server/services/participation/results';
import { proposalCards, roundCard } from '$lib/server/services/participation/views';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = ['opened', 'changed', 'ended'];

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const now = new Date();
	let round = await participation.round(quarter, event.params.id);
	if (!round) error(404, m.error_not_found());
	if ((await roundResults.publish(quarter, round, now)) > 0) {
		round = (await participation.round(quarter, round.id))!;
	}
	const card = roundCard(quarter, round, now);
	const done = event.url.searchParams.get('done');
	return {
		quarter: { id: quarter.id, name: quarter.name },
		round: card,
		// The settings as the form shows them (hours and euros as typed).
		settings: {
			title: round.title,
			hours:
				round.minutes === null
					? ''
					: String(minutesToDecimalHours(round.minutes)).replace('.', ','),
			euros: round.cents === null ? '' : String(round.cents / 100).replace('.', ','),
			proposalsFrom: round.proposalsFrom,
			checkFrom: round.checkFrom,
			voteFrom: round.voteFrom,
			voteUntil: round.voteUntil,
			linesUntil: round.linesUntil
		},
		proposals: await proposalCards(round, user.id),
		votersSoFar: card.phase === 'vote' ? await participation.votersSoFar(round.id) : null,
		nonce: newFormNonce(),
		done: done && DONE.includes(done) ? done : null
	};
};

const back = (event: RequestEvent, done: string) =>
	redirect(
		303,
		localizeHref(`/manage/${event.params.quarter}/buergerbudget/${event.params.id}?done=${done}`)
	);

export const actions: Actions = {
	change: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
			'moderator'
		]);
		const parsed = parseForm(roundSchema, await readForm(event.request), ROUND_FIELDS);
		if (!parsed.ok) {
			return fail(400, { form: 'change', errors: parsed.errors, values: parsed.values });
		}
		const result = await participation.change({
			quarter,
			roundId: event.params.id,
			moderatorId: user.id,
			membership,
			settings: roundSettingsOf(parsed.data),
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				form: 'change',
				errors: { form: `buergerbudget_error_${keyPart(result.problem)}` },
				values: {}
			});
		}
		back(event, 'changed');
	},
	end: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, [
			'moderator'
		]);
		const parsed = parseForm(endPhaseSchema, await readForm(event.request), ['phase']);
		if (!parsed.ok) return fail(400, { form: 'end', errors: parsed.errors, values: {} });
		const result = await participation.endPhase({
			quarter,
			roundId: event.params.id,
			moderatorId: user.id,
			membership,
			phase: parsed.data.phase,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				form: 'end',
				errors: { form: `buergerbudget_error_${keyPart(result.problem)}` },
				values: {}
			});
		}
		back(event, 'ended');
	}
};
