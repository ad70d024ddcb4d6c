import { error, fail, redirect } from '@sveltejs/kit';
import { minutesFromHoursInput } from '$lib/domain/exchanges/minutes';
import { defaultSettlement, settlementFits } from '$lib/domain/exchanges/proposal';
import { SETTLEMENT_KINDS, type SettlementKind } from '$lib/domain/exchanges/workflow';
import { hasRole, isActiveMember } from '$lib/domain/members/roles';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseExchangeDate, proposeSchema } from '$lib/schemas/exchange';
import { euroField } from '$lib/schemas/listing';
import { quarterViewer, requireUser } from '$lib/server/auth/guards';
import { tradingMembership } from '$lib/server/services/trade';
import { newFormNonce, readForm } from '$lib/server/http';
import { displayNameOf } from '$lib/server/services/members';
import { findVisibleListing, listingActor } from '$lib/server/services/listings';
import { problemStatus, proposeExchange } from '$lib/server/services/exchanges';
import { overLimitMessage } from '$lib/server/limit-message';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const MEMBERS = ['resident', 'business'] as const;

function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/**
 * The proposer: a member of the listing's quarter, or of a quarter that trades with it
 * (`fromQuarterId`, docs/cross-quarter.md).
 */
async function proposer(event: RequestEvent, quarterId: string) {
	const { user } = requireUser(event);
	const viewer = await quarterViewer(event, quarterId);
	if (isActiveMember(viewer.membership) && hasRole(viewer.membership, MEMBERS)) {
		return { ...viewer, user, membership: viewer.membership!, fromQuarterId: null };
	}
	const trading = await tradingMembership(user.id, viewer.quarter.id);
	if (!trading || !hasRole(trading, MEMBERS)) error(403, m.error_forbidden());
	return { ...viewer, user, membership: trading, fromQuarterId: trading.quarterId };
}

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const quarterId = event.url.searchParams.get('quarter') ?? '';
	const listingId = event.url.searchParams.get('listing') ?? '';
	if (!quarterId || !listingId) error(404, m.error_not_found());
	const { quarter, user, membership, fromQuarterId } = await proposer(event, quarterId);
	const listing = await findVisibleListing(
		quarter.id,
		listingId,
		listingActor(user.id, fromQuarterId ? null : membership)
	);
	if (!listing || listing.state !== 'published') error(404, m.error_listing_not_found());
	if (listing.authorId === user.id) error(403, m.error_forbidden());
	const authorName = await displayNameOf(listing.authorId);
	const settlements = SETTLEMENT_KINDS.filter((kind) => settlementFits(kind, listing.settlement));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		listing: {
			id: listing.id,
			title: listing.title,
			authorName: authorName ?? '—'
		},
		settlements,
		defaultSettlement: defaultSettlement(listing.settlement),
		nonce: newFormNonce(),
		// The listing's price, as the amount field shows it ("12,50").
		price:
			listing.priceCents === null
				? ''
				: (listing.priceCents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '')
	};
};

export const actions: Actions = {
	default: async (event) => {
		requireUser(event);
		const form = await readForm(event.request);
		const raw = {
			quarter: field(form, 'quarter'),
			listing: field(form, 'listing'),
			title: field(form, 'title'),
			date: field(form, 'date'),
			hours: field(form, 'hours'),
			settlement: field(form, 'settlement') || undefined,
			amount: field(form, 'amount'),
			nonce: field(form, 'nonce')
		};
		const values = {
			title: raw.title,
			date: raw.date,
			hours: raw.hours,
			settlement: raw.settlement ?? '',
			amount: raw.amount
		};
		const parsed = proposeSchema.safeParse(raw);
		if (!parsed.success) {
			return fail(400, { errors: { form: 'error_invalid_input' }, values });
		}
		const { quarter, fromQuarterId } = await proposer(event, parsed.data.quarter);
		const errors: Record<string, string> = {};
		const settlement: SettlementKind = parsed.data.settlement ?? 'free';
		let minutes = 0;
		if (settlement === 'hours' || parsed.data.hours.trim() !== '') {
			const hours = minutesFromHoursInput(parsed.data.hours);
			if (hours.ok) minutes = hours.minutes;
			else errors.hours = `exchange_page_error_hours_${hours.error}`;
		}
		let amountCents: number | null = null;
		if (settlement === 'euros') {
			const amount = euroField.safeParse(parsed.data.amount ?? '');
			if (!amount.success) errors.amount = amount.error.issues[0]?.message ?? 'error_price_invalid';
			else if (amount.data === null || amount.data === 0)
				errors.amount = 'exchange_page_error_amount_required';
			else amountCents = amount.data;
		}
		const date = parseExchangeDate(parsed.data.date);
		if (date === 'invalid') errors.date = 'exchange_page_error_date_invalid';
		if (parsed.data.title.trim() === '') errors.title = 'exchange_page_error_title_required';
		if (Object.keys(errors).length > 0 || date === 'invalid') {
			return fail(400, { errors, values });
		}
		const result = await proposeExchange({
			actorId: event.locals.user!.id,
			quarterId: quarter.id,
			...(fromQuarterId ? { fromQuarterId } : {}),
			listingId: parsed.data.listing,
			title: parsed.data.title,
			date,
			minutes,
			settlement,
			amountCents,
			nonce: parsed.data.nonce,
			origin: event.url.origin
		});
		if (!result.ok && result.problem === 'over_limit') {
			const { key, inputs } = await overLimitMessage(result.ledger, event.locals.locale);
			return fail(409, { errors: { form: key }, formInputs: inputs, values });
		}
		if (!result.ok) {
			const status = problemStatus(result.problem);
			if (status === 404) error(404, m.error_not_found());
			const key = `exchange_page_error_${result.problem}`;
			const target =
				result.problem === 'invalid_minutes'
					? 'hours'
					: result.problem === 'invalid_amount' || result.problem === 'below_card_minimum'
						? 'amount'
						: result.problem === 'title_required'
							? 'title'
							: result.problem === 'invalid_date'
								? 'date'
								: 'form';
			return fail(status, { errors: { [target]: key }, values });
		}
		redirect(303, localizeHref(`/exchanges/${result.exchange.id}?done=propose`));
	}
};
