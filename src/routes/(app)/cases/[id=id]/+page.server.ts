import { DEFAULT_TIME_ZONE } from '$lib/domain/time/zone';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { RESPOND_FIELDS, WRITE_FIELDS, respondSchema, writeSchema } from '$lib/schemas/cases';
import { parseForm } from '$lib/schemas/form';
import { requireUser } from '$lib/server/auth/guards';
import { caseProblemKey, proposalsOf, timelineOf } from '$lib/server/case-form';
import { newFormNonce, readForm } from '$lib/server/http';
import { cases } from '$lib/server/services/cases';
import { findQuarter } from '$lib/server/services/quarters';
import type { Actions, PageServerLoad } from './$types';

/** A party's view of their case: the shared timeline, never the management's private notes. */
export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const view = await cases.view(event.params.id, user.id);
	if (!view) error(404, m.error_not_found());
	const quarter = await findQuarter(view.facts.quarterId);
	const locale = event.locals.locale;
	return {
		quarterName: quarter?.name ?? '',
		timeZone: quarter?.settings.timeZone ?? DEFAULT_TIME_ZONE,
		management: view.role === 'moderator',
		case: {
			id: view.facts.id,
			title: view.facts.title,
			state: view.fold.state,
			openedAt: view.fold.openedAt.toISOString(),
			summary: view.fold.summary,
			exchangeId: view.facts.exchangeId,
			parties: view.facts.partyIds.map((id) => view.names[id] ?? '—')
		},
		// A moderator who is also looking here sees what the parties see.
		timeline: timelineOf({ ...view, events: view.events.filter((e) => e.kind !== 'note') }, locale),
		proposals: proposalsOf(view),
		myAnswers: Object.fromEntries(
			view.fold.proposals.map((p) => [p.n, p.answers[user.id] ?? null])
		),
		isParty: view.facts.partyIds.includes(user.id),
		nonce: newFormNonce()
	};
};

type Event = RequestEvent<{ id: string }, '/(app)/cases/[id=id]'>;

async function partyWrite(event: Event, kind: 'message' | 'response') {
	const { user } = requireUser(event);
	const form = await readForm(event.request);
	const parsed =
		kind === 'message'
			? parseForm(writeSchema, form, WRITE_FIELDS)
			: parseForm(respondSchema, form, RESPOND_FIELDS);
	if (!parsed.ok) return fail(400, { action: kind, errors: parsed.errors, values: parsed.values });
	const data = parsed.data as {
		text?: string;
		proposal?: number;
		answer?: 'agree' | 'object';
		nonce: string;
	};
	const result = await cases.write({
		caseId: event.params.id,
		actorId: user.id,
		kind,
		text: data.text ?? '',
		proposal: data.proposal,
		answer: data.answer,
		nonce: data.nonce,
		now: new Date()
	});
	if (!result.ok) {
		if (result.problem === 'not_found') error(404, m.error_not_found());
		return fail(409, {
			action: kind,
			errors: { form: caseProblemKey(result.problem) },
			values: { text: data.text ?? '' }
		});
	}
	redirect(303, localizeHref(`/cases/${event.params.id}?done=${kind}`));
}

export const actions: Actions = {
	message: (event) => partyWrite(event, 'message'),
	respond: (event) => partyWrite(event, 'response')
};
