import { DEFAULT_TIME_ZONE } from '$lib/domain/time/zone';
import { error, fail, redirect } from '@sveltejs/kit';
import { formatMinutes, minutesFromHoursInput } from '$lib/domain/exchanges/minutes';
import {
	awaitsCardPayment,
	openChargeback,
	refundableCents,
	type PartyMove
} from '$lib/domain/exchanges/workflow';
import { exchangeConversationIds } from '$lib/domain/messages/conversation';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { moderatorSchema, moveSchema, refundSchema, thanksSchema } from '$lib/schemas/exchange';
import { euroField } from '$lib/schemas/listing';
import { requireUser } from '$lib/server/auth/guards';
import { stripePageOrigins } from '$lib/server/payments/stripe';
import { cases } from '$lib/server/services/cases';
import { newFormNonce, readForm } from '$lib/server/http';
import {
	describeExchangeEvent,
	exchanges,
	getExchange,
	leaveThanks,
	listThanksFor,
	moderatorCancelExchange,
	moderatorRefundExchange,
	moderatorSettleExchange,
	moveExchange,
	paymentOffer,
	problemStatus,
	startCardPayment,
	type ExchangeProblem,
	type ExchangeView
} from '$lib/server/services/exchanges';
import { conversationExists } from '$lib/server/services/messaging';
import { findQuarter } from '$lib/server/services/quarters';
import { overLimitMessage } from '$lib/server/limit-message';
import type { Actions, PageServerLoad } from './$types';
import { logger } from '$lib/server/logger.js';

const REASONED: readonly PartyMove[] = ['decline', 'cancel', 'dispute'];

function field(form: FormData, name: string): string | undefined {
	const value = form.get(name);
	return typeof value === 'string' ? value : undefined;
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const view = await getExchange(user.id, event.params.id);
	if (!view) error(404, m.error_not_found());
	const locale = event.locals.locale;
	const settles = ['settle', 'autoSettle', 'moderatorSettle'];
	const booked = view.settlement === 'hours' && (view.settledMinutes ?? 0) > 0;
	// One read by _id: its times are shown in its zone, and it tells the auto-settle delay.
	const quarter = await findQuarter(view.quarterId);
	const afterDays = view.timeline.some((e) => e.move === 'autoSettle')
		? quarter?.settings.autoSettleAfterDays
		: undefined;
	const thanked =
		view.viewerSide !== null && view.state === 'settled'
			? await exchanges.hasThanked(view.id, user.id)
			: true;
	const offer = view.settlement === 'euros' ? await paymentOffer(view.id) : null;
	const caseId = await cases.caseOfExchange(view.quarterId, view.id);
	// A slow payment on its way, or the last one failed (Stripe's events): shown to both sides.
	const cardPayment =
		offer && awaitsCardPayment(view) ? await exchanges.cardPaymentState(view.id) : null;
	const chargeback = openChargeback(view);
	// Only the quarter management sees an exchange it is not part of.
	const management = view.viewerSide === null;
	const notes =
		view.state === 'settled'
			? (
					await Promise.all(
						[view.providerId, view.receiverId].map((id) => listThanksFor(view.quarterId, id))
					)
				)
					.flat()
					.filter((n) => n.exchangeId === view.id)
			: [];
	return {
		timeZone: quarter?.settings.timeZone ?? DEFAULT_TIME_ZONE,
		conversation: await conversationLink(view),
		// The mediation case about this exchange: the parties' view, or the management's.
		caseHref: caseId
			? view.viewerSide === null
				? `/manage/${view.quarterId}/cases/${caseId}`
				: `/cases/${caseId}`
			: null,
		exchange: {
			id: view.id,
			quarterId: view.quarterId,
			listingId: view.listingId,
			title: view.title,
			date: view.date?.toISOString() ?? null,
			minutes: view.minutes,
			settlement: view.settlement,
			amountCents: view.amountCents,
			payment: view.payment,
			refundedCents: view.refundedCents,
			cashPaidBy: view.cashPaidBy,
			state: view.state,
			providerName: view.names[view.providerId] ?? '—',
			receiverName: view.names[view.receiverId] ?? '—',
			settledMinutes: view.settledMinutes,
			viewerSide: view.viewerSide,
			moves: view.moves.filter((mv) => !mv.startsWith('moderator')),
			moderatorMoves: view.moves.filter((mv) => mv.startsWith('moderator')),
			settling: view.settling,
			refusals: view.refusals.map((r) => ({ at: r.at.toISOString() })),
			autoSettleAt: view.autoSettleAt?.toISOString() ?? null,
			timeline: view.timeline
				.map((e) => ({
					at: e.at.toISOString(),
					reason: e.reason ?? null,
					// Recorded by the quarter management for an assisted member: both parties see who.
					recorded: e.recordedBy
						? m.assisted_recorded_by(
								{ moderator: view.names[e.recordedBy] ?? '—', member: view.names[e.by] ?? '—' },
								{ locale }
							)
						: null,
					// Confirming other hours than proposed is a dispute, not a confirmation.
					text:
						e.move === 'confirm' && e.toState === 'disputed'
							? m.exchange_event_confirm_other(
									{
										name: view.names[e.by] ?? '—',
										minutes: formatMinutes(e.minutes ?? 0, locale),
										proposed: formatMinutes(view.minutes, locale)
									},
									{ locale }
								)
							: describeExchangeEvent(
									{
										move: e.move,
										minutes: e.minutes,
										afterDays,
										amountCents: e.amountCents,
										late: e.late,
										refundStatus: e.refundStatus,
										chargebackStatus: e.chargebackStatus,
										settlement: view.settlement,
										// The timeline does not carry the ledger entry; a settle booked hours when the
										// exchange is in hours and settled with more than nothing.
										ledgerSeq:
											settles.includes(e.move) && booked ? (view.ledgerSeq ?? 0) : undefined
									},
									view.names[e.by] ?? '—',
									locale
								)
				}))
				.filter((e) => e.text !== '')
		},
		offer,
		canPayByCard:
			view.viewerSide === 'receiver' &&
			awaitsCardPayment(view) &&
			offer?.card === 'available' &&
			cardPayment !== 'processing',
		cardPayment,
		chargebackCents: chargeback?.amountCents ?? null,
		refundableCents: management ? refundableCents(view) : 0,
		refundNonce: newFormNonce(),
		canThank: view.viewerSide !== null && view.state === 'settled' && !thanked,
		notes: notes.map((n) => ({ authorName: n.authorName, text: n.text, at: n.at.toISOString() }))
	};
};

/**
 * The two parties' conversation, for a party: the one they have (about the listing, else direct),
 * or the form that starts one. The quarter management, not a party, gets none.
 */
async function conversationLink(view: ExchangeView): Promise<{
	href: string;
	exists: boolean;
	name: string;
} | null> {
	if (view.viewerSide === null) return null;
	const otherId = view.viewerSide === 'provider' ? view.receiverId : view.providerId;
	const proposerId = view.proposedBy === 'provider' ? view.providerId : view.receiverId;
	const name = view.names[otherId] ?? '—';
	for (const id of exchangeConversationIds({ ...view, proposerId })) {
		if (await conversationExists(id)) return { href: `/messages/${id}`, exists: true, name };
	}
	// A direct one: the listing may be closed by now, the two of them are still neighbours.
	const href = `/messages/start?quarter=${view.quarterId}&member=${otherId}`;
	return { href, exists: false, name };
}

function problemFail(problem: ExchangeProblem, target: string, values: Record<string, string>) {
	if (problem === 'not_found') error(404, m.error_not_found());
	const errors: Record<string, string> = {};
	errors[target === 'form' ? 'form' : target] = `exchange_page_error_${problem}`;
	return fail(problemStatus(problem), { errors, values });
}

export const actions: Actions = {
	move: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = moveSchema.safeParse({
			move: field(form, 'move'),
			hours: field(form, 'hours'),
			reason: field(form, 'reason')
		});
		if (!parsed.success) return fail(400, { errors: { form: 'error_invalid_input' }, values: {} });
		const { move } = parsed.data;
		const values = { move, hours: parsed.data.hours ?? '', reason: parsed.data.reason ?? '' };
		let minutes: number | undefined;
		if (move === 'confirm' && parsed.data.hours !== undefined) {
			const hours = minutesFromHoursInput(parsed.data.hours);
			if (!hours.ok) {
				return fail(400, { errors: { hours: `exchange_page_error_hours_${hours.error}` }, values });
			}
			minutes = hours.minutes;
		}
		const reason = parsed.data.reason?.trim() || undefined;
		const result = await moveExchange(user.id, event.params.id, move, {
			minutes,
			reason: REASONED.includes(move) ? reason : undefined
		});
		if (!result.ok && result.problem === 'over_limit') {
			const { key, inputs } = await overLimitMessage(result.ledger, event.locals.locale);
			return fail(409, { errors: { form: key }, formInputs: inputs, values });
		}
		if (!result.ok) {
			const target =
				result.problem === 'reason_required'
					? 'reason'
					: result.problem === 'invalid_minutes'
						? 'hours'
						: 'form';
			return problemFail(result.problem, target, values);
		}
		if (result.refused) {
			const { key, inputs } = await overLimitMessage(result.refused, event.locals.locale);
			return fail(409, { errors: { form: key }, formInputs: inputs, values });
		}
		redirect(303, localizeHref(`/exchanges/${event.params.id}?done=move`));
	},
	moderatorSettle: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = moderatorSchema.safeParse({
			hours: field(form, 'hours'),
			reason: field(form, 'reason') ?? ''
		});
		const values = {
			move: 'moderatorSettle',
			hours: field(form, 'hours') ?? '',
			reason: field(form, 'reason') ?? ''
		};
		if (!parsed.success) return fail(400, { errors: { form: 'error_invalid_input' }, values });
		const hours = minutesFromHoursInput(parsed.data.hours ?? '');
		if (!hours.ok) {
			return fail(400, { errors: { hours: `exchange_page_error_hours_${hours.error}` }, values });
		}
		if (!parsed.data.reason.trim()) {
			return fail(400, { errors: { reason: 'exchange_page_error_reason_required' }, values });
		}
		const result = await moderatorSettleExchange(
			user.id,
			event.params.id,
			hours.minutes,
			parsed.data.reason.trim()
		);
		if (!result.ok) {
			const target =
				result.problem === 'reason_required'
					? 'reason'
					: result.problem === 'invalid_minutes'
						? 'hours'
						: 'form';
			return problemFail(result.problem, target, values);
		}
		redirect(303, localizeHref(`/exchanges/${event.params.id}?done=move`));
	},
	moderatorCancel: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = moderatorSchema.safeParse({ reason: field(form, 'reason') ?? '' });
		const values = { move: 'moderatorCancel', hours: '', reason: field(form, 'reason') ?? '' };
		if (!parsed.success || !parsed.data.reason.trim()) {
			return fail(400, { errors: { reason: 'exchange_page_error_reason_required' }, values });
		}
		const result = await moderatorCancelExchange(
			user.id,
			event.params.id,
			parsed.data.reason.trim()
		);
		if (!result.ok) {
			return problemFail(
				result.problem,
				result.problem === 'reason_required' ? 'reason' : 'form',
				values
			);
		}
		redirect(303, localizeHref(`/exchanges/${event.params.id}?done=move`));
	},
	/** The receiver pays by card: off to Stripe's Checkout. Settled only by the webhook. */
	pay: async (event) => {
		const { user } = requireUser(event);
		let result: Awaited<ReturnType<typeof startCardPayment>>;
		try {
			result = await startCardPayment(user.id, event.params.id, {
				origin: event.url.origin,
				locale: event.locals.locale
			});
		} catch (err) {
			// Stripe unreachable or refusing: nothing was stored, the person may try again.
			logger.error({ err }, `Checkout for exchange ${event.params.id} failed`);
			return fail(502, { errors: { form: 'exchange_page_error_stripe' }, values: {} });
		}
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			const status =
				result.problem === 'not_configured' || result.problem === 'seller_not_ready'
					? 409
					: problemStatus(result.problem);
			return fail(status, {
				errors: { form: `exchange_page_error_${result.problem}` },
				values: {}
			});
		}
		redirect(303, result.url, { external: stripePageOrigins() });
	},
	refund: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const values = {
			move: 'refund',
			amount: field(form, 'amount') ?? '',
			reason: field(form, 'reason') ?? ''
		};
		const parsed = refundSchema.safeParse({
			amount: values.amount,
			reason: values.reason,
			nonce: field(form, 'nonce') ?? ''
		});
		if (!parsed.success) return fail(400, { errors: { form: 'error_invalid_input' }, values });
		const amount = euroField.safeParse(parsed.data.amount);
		if (!amount.success || amount.data === null || amount.data === 0) {
			return fail(400, { errors: { amount: 'exchange_page_error_invalid_amount' }, values });
		}
		if (!parsed.data.reason.trim()) {
			return fail(400, { errors: { reason: 'exchange_page_error_reason_required' }, values });
		}
		let result: Awaited<ReturnType<typeof moderatorRefundExchange>>;
		try {
			result = await moderatorRefundExchange(
				user.id,
				event.params.id,
				amount.data,
				parsed.data.reason.trim(),
				parsed.data.nonce
			);
		} catch (err) {
			logger.error({ err }, `Refund for exchange ${event.params.id} failed`);
			return fail(502, { errors: { form: 'exchange_page_error_stripe' }, values });
		}
		if (!result.ok) {
			const target =
				result.problem === 'invalid_amount'
					? 'amount'
					: result.problem === 'reason_required'
						? 'reason'
						: 'form';
			return problemFail(result.problem, target, values);
		}
		redirect(303, localizeHref(`/exchanges/${event.params.id}?done=refund`));
	},
	thanks: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = thanksSchema.safeParse({ text: field(form, 'text') ?? '' });
		const values = { thanks: field(form, 'text') ?? '' };
		if (!parsed.success) {
			return fail(400, { errors: { thanks: 'exchange_page_error_thanks_too_long' }, values });
		}
		const result = await leaveThanks(user.id, event.params.id, parsed.data.text);
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(result.problem === 'already' || result.problem === 'not_settled' ? 409 : 400, {
				errors: { thanks: `exchange_page_error_thanks_${result.problem}` },
				values
			});
		}
		redirect(303, localizeHref(`/exchanges/${event.params.id}?done=thanks`));
	}
};
