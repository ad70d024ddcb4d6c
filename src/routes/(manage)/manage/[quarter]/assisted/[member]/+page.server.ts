import { parseForm } from '$lib/schemas/form';
import { error, fail, redirect } from '@sveltejs/kit';
import { consentActive } from '$lib/domain/members/assisted';
import { isFinalState } from '$lib/domain/exchanges/workflow';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	EXCHANGE_FIELDS,
	exchangeForSchema,
	MOVE_FIELDS,
	moveForSchema
} from '$lib/schemas/assisted';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { readListingForm } from '$lib/server/listing-form';
import {
	ASSISTED_MOVES,
	assistedOverview,
	checkActing,
	claimAssistedForm,
	createListingFor,
	moveFor,
	proposeFor,
	type AssistProblem
} from '$lib/server/services/assisted';
import { exchanges, problemStatus, type ExchangeProblem } from '$lib/server/services/exchanges';
import { displayNames, membershipsOfQuarter } from '$lib/server/services/members';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const LISTING_FIELDS = [
	'kind',
	'title',
	'description',
	'category',
	'tags',
	'settlement',
	'price',
	'priceUnit',
	'availability',
	'blockId'
] as const;

const ASSIST_PROBLEMS: readonly string[] = [
	'not_moderator',
	'not_member',
	'not_resident',
	'self',
	'no_consent',
	'withdrawn'
];

/** A refused act as a translated error: consent problems with their own keys. */
function problemKey(problem: AssistProblem | ExchangeProblem | 'contention'): string {
	return ASSIST_PROBLEMS.includes(problem)
		? `assisted_error_${problem}`
		: `exchange_page_error_${problem}`;
}

function statusOf(problem: AssistProblem | ExchangeProblem | 'contention'): number {
	if (problem === 'no_consent' || problem === 'withdrawn' || problem === 'not_moderator')
		return 403;
	if (problem === 'not_member' || problem === 'not_resident' || problem === 'self') return 400;
	return problemStatus(problem as ExchangeProblem);
}

async function guard(event: RequestEvent) {
	const ctx = await requireRole(event, event.params.quarter, ['moderator']);
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(event.params.member)) error(404, m.error_not_found());
	return ctx;
}

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await guard(event);
	const locale = event.locals.locale;
	const overview = await assistedOverview(quarter, event.params.member);
	if (!overview) error(404, m.error_not_found());
	const memberId = event.params.member;
	const acting = await checkActing(quarter, user.id, memberId, new Date());
	const open = overview.exchanges.filter((x) => !isFinalState(x.state));
	// The moves the member could make now, as the exchange page would offer them to the member.
	const views = await Promise.all(open.map((x) => exchanges.get(memberId, x.id)));
	const memberships = acting.ok ? await membershipsOfQuarter(quarter.id) : [];
	const others = memberships.filter(
		(ms) => ms.state === 'active' && ms.userId !== memberId && ms.userId !== user.id
	);
	const names = await displayNames(others.map((ms) => ms.userId));
	const consent = overview.member.assisted;
	return {
		quarter: {
			id: quarter.id,
			name: quarter.name,
			preModeration: quarter.settings.listingPreModeration,
			categories: quarter.categories.map((c) => ({ id: c.id, label: c.label[locale] })),
			blocks: quarter.blocks.map((b) => ({ id: b.id, label: b.name }))
		},
		member: { id: memberId, name: overview.name },
		consent: consent
			? {
					consentAt: consent.consentAt.toISOString().slice(0, 10),
					how: consent.how,
					recordedByName: overview.recordedByName ?? '—',
					active: consentActive(consent),
					withdrawnAt: consent.withdrawnAt?.toISOString() ?? null
				}
			: null,
		mayAct: acting.ok,
		refusal: acting.ok ? null : problemKey(acting.problem),
		listings: overview.listings.map((l) => ({
			id: l.id,
			title: l.title,
			kind: l.kind,
			state: l.state,
			recorded: l.recordedBy !== undefined
		})),
		exchanges: overview.exchanges.map((x) => {
			const view = views.find((v) => v?.id === x.id);
			const otherId = x.providerId === memberId ? x.receiverId : x.providerId;
			return {
				id: x.id,
				title: x.title,
				state: x.state,
				minutes: x.minutes,
				side: x.mySide,
				otherName: x.names[otherId] ?? '—',
				moves: acting.ok
					? (view?.moves ?? []).filter((mv) => (ASSISTED_MOVES as readonly string[]).includes(mv))
					: []
			};
		}),
		others: others
			.map((ms) => ({ id: ms.userId, name: names.get(ms.userId) ?? '—' }))
			.sort((a, b) => a.name.localeCompare(b.name, 'de')),
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	listing: async (event) => {
		const { quarter, user } = await guard(event);
		const form = await readForm(event.request);
		const now = new Date();
		// Refused before anything (a photo) is stored.
		const acting = await checkActing(quarter, user.id, event.params.member, now);
		if (!acting.ok) {
			return fail(statusOf(acting.problem), {
				target: 'listing',
				errors: { form: problemKey(acting.problem) },
				values: {}
			});
		}
		const read = await readListingForm(form, quarter);
		if (!read.ok) {
			return fail(400, { target: 'listing', errors: read.errors, values: read.values });
		}
		const nonce = form.get('nonce')?.toString() ?? '';
		if (!(await claimAssistedForm('listing', nonce, now))) {
			redirect(
				303,
				localizeHref(`/manage/${quarter.id}/assisted/${event.params.member}?done=listing`)
			);
		}
		const photoId =
			read.photo.kind === 'new' ? await read.photo.save(event.params.member, now) : null;
		const result = await createListingFor({
			quarter,
			moderatorId: user.id,
			memberId: event.params.member,
			content: { ...read.content, photoId },
			submit: read.submit,
			now
		});
		if (!result.ok) {
			return fail(statusOf(result.problem), {
				target: 'listing',
				errors: { form: problemKey(result.problem) },
				values: Object.fromEntries(
					LISTING_FIELDS.map((f) => [f, form.get(f)?.toString().slice(0, 5000) ?? ''])
				),
				nonce: newFormNonce()
			});
		}
		redirect(
			303,
			localizeHref(
				`/manage/${quarter.id}/assisted/${event.params.member}?done=listing&listing=${result.listing.id}`
			)
		);
	},
	exchange: async (event) => {
		const { quarter, user } = await guard(event);
		const form = await readForm(event.request);
		const parsed = parseForm(exchangeForSchema, form, EXCHANGE_FIELDS);
		if (!parsed.ok) {
			return fail(400, { target: 'exchange', errors: parsed.errors, values: parsed.values });
		}
		const values = Object.fromEntries(
			EXCHANGE_FIELDS.map((f) => [f, form.get(f)?.toString() ?? ''])
		);
		const now = new Date();
		const acting = await checkActing(quarter, user.id, event.params.member, now);
		if (!acting.ok) {
			return fail(statusOf(acting.problem), {
				target: 'exchange',
				errors: { form: problemKey(acting.problem) },
				values
			});
		}
		const nonce = form.get('nonce')?.toString() ?? '';
		if (!(await claimAssistedForm('exchange', nonce, now))) {
			// The same form again (a double click): the exchange was recorded with the first one.
			redirect(
				303,
				localizeHref(`/manage/${quarter.id}/assisted/${event.params.member}?done=exchange`)
			);
		}
		const result = await proposeFor({
			quarter,
			moderatorId: user.id,
			memberId: event.params.member,
			otherId: parsed.data.other,
			side: parsed.data.side,
			title: parsed.data.title,
			date: parsed.data.date,
			minutes: parsed.data.hours,
			origin: event.url.origin,
			now
		});
		if (!result.ok) {
			return fail(statusOf(result.problem), {
				target: 'exchange',
				errors: { form: problemKey(result.problem) },
				values,
				nonce: newFormNonce()
			});
		}
		redirect(
			303,
			localizeHref(
				`/manage/${quarter.id}/assisted/${event.params.member}?done=exchange&exchange=${result.exchange.id}`
			)
		);
	},
	move: async (event) => {
		const { quarter, user } = await guard(event);
		const form = await readForm(event.request);
		const parsed = parseForm(moveForSchema, form, MOVE_FIELDS);
		if (!parsed.ok) {
			return fail(400, {
				target: `move-${form.get('exchange')?.toString().slice(0, 64) ?? ''}`,
				errors: parsed.errors,
				values: parsed.values
			});
		}
		const { exchange, move, minutes, reason } = parsed.data;
		const result = await moveFor({
			quarter,
			moderatorId: user.id,
			memberId: event.params.member,
			exchangeId: exchange,
			move,
			...(minutes !== undefined ? { minutes } : {}),
			...(reason !== undefined ? { reason } : {}),
			now: new Date()
		});
		if (!result.ok) {
			return fail(statusOf(result.problem), {
				target: `move-${exchange}`,
				errors: { form: problemKey(result.problem) },
				values: {}
			});
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/assisted/${event.params.member}?done=move`));
	}
};
