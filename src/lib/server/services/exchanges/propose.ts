// Proposing an exchange: from a listing or directly to a member of the quarter.
import { logEventOf } from '../../../domain/exchanges/log';
import { settlementFits, sidesDirect, sidesFromListing } from '../../../domain/exchanges/proposal';
import {
	paysEuros,
	propose,
	type SettlementKind,
	type Side
} from '../../../domain/exchanges/workflow';
import { payableByCard } from '../../../domain/exchanges/euro-moves';
import { isPublic } from '../../../domain/listings/listing';
import { isActiveMember } from '../../../domain/members/roles';
import { isDocId } from '../../../domain/messages/conversation';
import { hashToken, newId } from '../../ids';
import { paymentsEnabled } from '../../payments/stripe';
import { quarterList, type StoredEvent } from '../../repos/exchanges';
import { findMembership } from '../../repos/memberships';
import { findQuarter } from '../../repos/quarters';
import { findUserById } from '../../repos/users';
import { euroSalesAllowed } from '../dac7-sellers';
import { findVisibleListing, listingActor } from '../listings';
import { euroSaleProblem } from '../trust';
import { announce } from './announce';
import type { ExchangeContext } from './context';
import type { ExchangeResult } from './moves';
import { appendFirstEvent, appendToList, loadExchange } from './read-model';
import { limitProblem } from './settlement';
import { view } from './views';

export interface ProposeInput {
	actorId: string;
	/** The quarter of the listing or of the member the exchange is with: it holds the exchange. */
	quarterId: string;
	/**
	 * The proposer's own quarter when it is another one that trades with `quarterId` (both
	 * managements switched trade on, docs/cross-quarter.md).
	 */
	fromQuarterId?: string;
	/** From a listing; the listing decides who provides and who receives. */
	listingId?: string;
	/** Or directly to a member of the quarter, with the proposer's side (default: receiver). */
	memberId?: string;
	side?: Side;
	/** Defaults to the listing's title. */
	title?: string;
	date?: Date | null;
	/** Whole quarter hours (domain/exchanges/minutes.ts); 0 only for free help. */
	minutes: number;
	settlement: SettlementKind;
	/** Euros only: the agreed price in cents. */
	amountCents?: number | null;
	/** The site's address as the request saw it, for the links in mails. */
	origin: string;
	now?: Date;
	/** The form's random key: the same form sent again is this exchange, not a second one. */
	nonce?: string;
	/**
	 * The moderator who records the proposal for an assisted member (`actorId`); the caller has
	 * checked the member's consent (services/assisted.ts).
	 */
	recordedBy?: string;
}

export async function proposeExchange(
	ctx: ExchangeContext,
	input: ProposeInput
): Promise<ExchangeResult> {
	const now = input.now ?? new Date();
	const quarter = await findQuarter(input.quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	const fromQuarterId = input.fromQuarterId ?? quarter.id;
	const cross = fromQuarterId !== quarter.id;
	if (cross && (await ctx.trade.openLimit(quarter.id, fromQuarterId)) === null) {
		return { ok: false, problem: 'not_member' };
	}
	const membership = await findMembership(fromQuarterId, input.actorId);
	if (!isActiveMember(membership)) return { ok: false, problem: 'not_member' };

	let sides: { providerId: string; receiverId: string };
	let listingId: string | null = null;
	let title = input.title ?? '';
	if (input.listingId !== undefined) {
		if (!isDocId(input.listingId)) return { ok: false, problem: 'listing_unavailable' };
		const listing = await findVisibleListing(
			quarter.id,
			input.listingId,
			listingActor(input.actorId, cross ? null : membership)
		);
		if (!listing || !isPublic(listing)) return { ok: false, problem: 'listing_unavailable' };
		if (listing.authorId === input.actorId) return { ok: false, problem: 'same_member' };
		if (!settlementFits(input.settlement, listing.settlement)) {
			return { ok: false, problem: 'settlement_mismatch' };
		}
		sides = sidesFromListing(listing, input.actorId);
		listingId = listing.id;
		if (input.title === undefined) title = listing.title;
	} else if (input.memberId !== undefined && isDocId(input.memberId)) {
		if (input.memberId === input.actorId) return { ok: false, problem: 'same_member' };
		sides = sidesDirect(input.actorId, input.side ?? 'receiver', input.memberId);
	} else {
		return { ok: false, problem: 'member_unavailable' };
	}
	const otherId = sides.providerId === input.actorId ? sides.receiverId : sides.providerId;
	const [other, otherUser] = await Promise.all([
		findMembership(quarter.id, otherId),
		findUserById(otherId)
	]);
	if (!isActiveMember(other) || !otherUser) return { ok: false, problem: 'member_unavailable' };
	// The one gate of a euro sale: who provides for euros must be allowed to receive them.
	if (paysEuros(input.settlement) && (await euroSaleProblem(quarter, sides.providerId, now))) {
		return { ok: false, problem: 'seller_minor' };
	}

	const proposal = {
		...sides,
		listingId,
		title: title.trim(),
		date: input.date ?? null,
		minutes: input.minutes,
		settlement: input.settlement,
		amountCents: paysEuros(input.settlement) ? (input.amountCents ?? null) : null
	};
	const crossQuarter = cross
		? {
				providerQuarterId: sides.providerId === input.actorId ? fromQuarterId : quarter.id,
				receiverQuarterId: sides.receiverId === input.actorId ? fromQuarterId : quarter.id
			}
		: null;
	const proposed = propose(proposal, { id: input.actorId, moderator: false }, now);
	if (!proposed.ok) return { ok: false, problem: proposed.error };
	// PStTG § 23: a seller whose tax data is missing after two reminders sells for euros no more.
	if (paysEuros(input.settlement) && !(await euroSalesAllowed(sides.providerId, now))) {
		return { ok: false, problem: 'seller_data_missing' };
	}
	// Where the card is offered, a price Stripe cannot charge would fail only at Checkout.
	if (paymentsEnabled() && proposal.amountCents !== null && !payableByCard(proposal.amountCents)) {
		return { ok: false, problem: 'below_card_minimum' };
	}

	// One exchange per form: its id comes from the form's key, so a repeat finds it.
	const id = input.nonce ? idOfProposal(input.actorId, input.nonce) : newId();
	const earlier = input.nonce ? await loadExchange(ctx.model, id) : null;
	if (earlier) {
		return { ok: true, exchange: await view(earlier, input.actorId, false), repeated: true };
	}
	// Hours that could not be booked today are refused now, naming whose limit.
	const overLimit = await limitProblem(ctx, id, proposed.exchange, quarter, crossQuarter);
	if (overLimit) return { ok: false, problem: 'over_limit', ledger: overLimit };
	// Lists first: an exchange that exists is always in both parties' lists and the quarter's,
	// even when this server stops between the steps.
	for (const list of [sides.providerId, sides.receiverId, quarterList(quarter.id)]) {
		await appendToList(ctx.model, list, id, quarter.id, now);
	}
	const event: StoredEvent = {
		...logEventOf(proposed.event, 1),
		...(input.recordedBy ? { recordedBy: input.recordedBy } : {}),
		...(crossQuarter ? { crossQuarter } : {}),
		proposal: { ...proposal, title: proposed.exchange.title },
		exchangeId: id,
		quarterId: quarter.id,
		origin: input.origin
	};
	const { loaded, created } = await appendFirstEvent(ctx.model, event);
	// Sent twice at once: the other request stored it and tells the other party.
	if (created) await announce(ctx, loaded, event, now);
	return { ok: true, exchange: await view(loaded, input.actorId, false), repeated: !created };
}

/** A document id (24 hex digits) that only this person's form with this key leads to. */
function idOfProposal(actorId: string, nonce: string): string {
	return hashToken(`propose:${actorId}:${nonce}`).slice(0, 24);
}
