import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { caseAgeDays } from '$lib/domain/cases/case';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	CLOSE_FIELDS,
	OUTCOME_FIELDS,
	WRITE_FIELDS,
	closeSchema,
	memberOutcomeSchema,
	refundSchema,
	reverseSchema,
	settleSchema,
	writeSchema
} from '$lib/schemas/cases';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { caseProblemKey, proposalsOf, timelineOf } from '$lib/server/case-form';
import { newFormNonce, readForm } from '$lib/server/http';
import { cases, type OutcomeInput } from '$lib/server/services/cases';
import { refundableCents } from '$lib/domain/exchanges/workflow';
import type { Actions, PageServerLoad } from './$types';
import type { z } from 'zod';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const view = await cases.view(event.params.id, user.id);
	if (!view || view.facts.quarterId !== quarter.id) error(404, m.error_not_found());
	const locale = event.locals.locale;
	const x = view.exchange;
	return {
		quarter: { id: quarter.id, name: quarter.name },
		case: {
			id: view.facts.id,
			title: view.facts.title,
			source: view.facts.source.type,
			state: view.fold.state,
			openedAt: view.fold.openedAt.toISOString(),
			closedAt: view.fold.closedAt?.toISOString() ?? null,
			ageDays: caseAgeDays(view.fold.openedAt, view.fold.closedAt ?? new Date()),
			openedByName: view.names[view.facts.openedBy] ?? '—',
			summary: view.fold.summary,
			parties: view.facts.partyIds.map((id) => ({ id, name: view.names[id] ?? '—' }))
		},
		exchange: x
			? {
					id: x.id,
					title: x.title,
					state: x.state,
					settlement: x.settlement,
					minutes: x.minutes,
					receiverMinutes: x.receiverMinutes,
					amountCents: x.amountCents,
					providerName: x.names[x.providerId] ?? '—',
					receiverName: x.names[x.receiverId] ?? '—',
					// The workflow's own rule: a disputed exchange in hours (or free help).
					canSettle: x.moves.includes('moderatorSettle'),
					refundableCents: refundableCents(x)
				}
			: null,
		transfers: view.transfers.map((t) => ({
			seq: t.seq,
			at: t.at.toISOString(),
			fromName: t.fromId ? (view.names[t.fromId] ?? '—') : m.account_community({}, { locale }),
			toName: t.toId ? (view.names[t.toId] ?? '—') : m.account_community({}, { locale }),
			minutes: t.minutes,
			memo: t.memo,
			reversedMinutes: t.reversedMinutes
		})),
		timeline: timelineOf(view, locale),
		proposals: proposalsOf(view),
		nonce: newFormNonce()
	};
};

type Event = RequestEvent<
	{ quarter: string; id: string },
	'/(manage)/manage/[quarter]/cases/[id=id]'
>;

function done(event: Event, what: string): never {
	redirect(
		303,
		localizeHref(`/manage/${event.params.quarter}/cases/${event.params.id}?done=${what}`)
	);
}

async function writeAction(event: Event, kind: 'note' | 'message' | 'proposal') {
	const { user } = await requireRole(event, event.params.quarter, ['moderator']);
	const form = await readForm(event.request);
	const parsed = parseForm(writeSchema, form, WRITE_FIELDS);
	if (!parsed.ok) return fail(400, { action: kind, errors: parsed.errors, values: parsed.values });
	const result = await cases.write({
		caseId: event.params.id,
		actorId: user.id,
		kind,
		text: parsed.data.text,
		nonce: parsed.data.nonce,
		now: new Date()
	});
	if (!result.ok) {
		if (result.problem === 'not_found') error(404, m.error_not_found());
		return fail(409, {
			action: kind,
			errors: { form: caseProblemKey(result.problem) },
			values: { text: parsed.data.text }
		});
	}
	done(event, kind);
}

/** Parses an outcome form and carries it out; errors go back to that form. */
async function outcomeAction<S extends z.ZodType>(
	event: Event,
	action: string,
	schema: S,
	toOutcome: (data: z.infer<S>) => OutcomeInput
) {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const form = await readForm(event.request);
	const parsed = parseForm(schema, form, OUTCOME_FIELDS);
	if (!parsed.ok) return fail(400, { action, errors: parsed.errors, values: parsed.values });
	const data = parsed.data as z.infer<S> & { reason: string; nonce: string };
	const result = await cases.carryOut({
		quarter,
		caseId: event.params.id,
		moderatorId: user.id,
		outcome: toOutcome(data),
		reason: data.reason,
		nonce: data.nonce,
		now: new Date()
	});
	if (!result.ok) {
		if (result.problem === 'not_found') error(404, m.error_not_found());
		const values = Object.fromEntries(
			OUTCOME_FIELDS.map((f) => [f, String(form.get(f) ?? '').slice(0, 300)])
		);
		return fail(409, { action, errors: { form: caseProblemKey(result.problem) }, values });
	}
	done(event, action);
}

export const actions: Actions = {
	note: (event) => writeAction(event, 'note'),
	message: (event) => writeAction(event, 'message'),
	proposal: (event) => writeAction(event, 'proposal'),
	settle: (event) =>
		outcomeAction(event, 'settle', settleSchema, (d) => ({
			kind: 'settleHours',
			minutes: d.hours
		})),
	refund: (event) =>
		outcomeAction(event, 'refund', refundSchema, (d) => ({
			kind: 'refundEuros',
			cents: d.euros ?? 0
		})),
	reverse: (event) =>
		outcomeAction(event, 'reverse', reverseSchema, (d) => ({
			kind: 'reverseTransfer',
			seq: d.seq,
			minutes: d.hours
		})),
	warn: (event) =>
		outcomeAction(event, 'warn', memberOutcomeSchema, (d) => ({
			kind: 'warn',
			memberId: d.member
		})),
	suspend: (event) =>
		outcomeAction(event, 'suspend', memberOutcomeSchema, (d) => ({
			kind: 'suspend',
			memberId: d.member
		})),
	close: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(closeSchema, form, CLOSE_FIELDS);
		if (!parsed.ok) {
			return fail(400, { action: 'close', errors: parsed.errors, values: parsed.values });
		}
		const result = await cases.close({
			quarter,
			caseId: event.params.id,
			moderatorId: user.id,
			summary: parsed.data.summary,
			nonce: parsed.data.nonce,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				action: 'close',
				errors: { form: caseProblemKey(result.problem) },
				values: { summary: parsed.data.summary }
			});
		}
		done(event, 'close');
	}
};
