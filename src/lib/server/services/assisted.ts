// Assisted members (begleitete Mitglieder): the quarter management records a resident's consent
// and then acts for them: creates their listings, proposes exchanges in their name and records
// their moves. Every act goes through the same services as the member's own would, with the
// member as the actor and the moderator as `recordedBy`, so rules, ledger and notifications are
// the same, and every page that shows the act can say "erfasst von … für …".
//
// Each act is checked here first (domain/members/assisted.ts): without a consent on record, after
// a withdrawal and for people of other quarters nothing is stored.
import {
	checkNewConsent,
	mayRecordConsentFor,
	mayActFor,
	type AssistConsentLike,
	type AssistConsentWay,
	type AssistProblem,
	type ConsentProblem
} from '../../domain/members/assisted';
import type { PartyMove, Side } from '../../domain/exchanges/workflow';
import type { Listing, ListingContent } from '../../domain/listings/listing';
import { appendAudit } from '../repos/audit';
import {
	findAssistedMembership,
	listMembershipsWithConsent,
	setAssistedConsent,
	type AssistedMembership
} from '../repos/assisted';
import { findMembership } from '../repos/memberships';
import { claimOnce } from '../repos/tokens';
import type { Quarter } from '../repos/quarters';
import { displayNamesOf } from '../repos/users';
import { exchanges as appExchanges, type ExchangeResult, type ExchangeService } from './exchanges';
import { createListing, listingsOfAuthor } from './listings';

export type { AssistProblem, ConsentProblem };

export interface AssistedRow {
	userId: string;
	name: string;
	consentAt: Date;
	how: AssistConsentWay;
	note: string;
	recordedBy: string;
	recordedByName: string;
	recordedAt: Date;
	withdrawnAt: Date | null;
}

/** The quarter's assisted members (active consents first, then withdrawn ones), with names. */
export async function listAssisted(quarter: Quarter): Promise<AssistedRow[]> {
	return (await assistedOfQuarter(quarter, null)).rows;
}

/**
 * The quarter's assisted members (consent in force first, then withdrawn ones, by name) and the
 * residents a moderator may record a new consent for, from one read of the memberships.
 */
export async function assistedOfQuarter(
	quarter: Quarter,
	moderatorId: string | null
): Promise<{ rows: AssistedRow[]; candidates: Array<{ id: string; name: string }> }> {
	const memberships = await listMembershipsWithConsent(quarter.id);
	const assisted = memberships.filter(
		(ms): ms is AssistedMembership & { assisted: AssistConsentLike } => ms.assisted !== null
	);
	const candidates =
		moderatorId === null ? [] : memberships.filter((ms) => mayRecordConsentFor(ms, moderatorId));
	const byId = await displayNamesOf([
		...assisted.flatMap((ms) => [ms.userId, ms.assisted.recordedBy]),
		...candidates.map((ms) => ms.userId)
	]);
	const rows = assisted
		.map((ms) => ({
			userId: ms.userId,
			name: byId.get(ms.userId) ?? '—',
			consentAt: ms.assisted.consentAt,
			how: ms.assisted.how,
			note: ms.assisted.note,
			recordedBy: ms.assisted.recordedBy,
			recordedByName: byId.get(ms.assisted.recordedBy) ?? '—',
			recordedAt: ms.assisted.recordedAt,
			withdrawnAt: ms.assisted.withdrawnAt ?? null
		}))
		.sort(
			(a, b) =>
				Number(a.withdrawnAt !== null) - Number(b.withdrawnAt !== null) ||
				a.name.localeCompare(b.name, 'de')
		);
	return {
		rows,
		candidates: candidates
			.map((ms) => ({ id: ms.userId, name: byId.get(ms.userId) ?? '—' }))
			.sort((a, b) => a.name.localeCompare(b.name, 'de'))
	};
}

export type RecordConsentResult =
	{ ok: true } | { ok: false; problem: ConsentProblem | 'not_member' | 'not_moderator' };

/** Records that the resident consented (on `consentAt`, in the way `how`); audited. */
export async function recordConsent(input: {
	quarter: Quarter;
	moderatorId: string;
	memberId: string;
	consentAt: Date;
	how: AssistConsentWay;
	note: string;
	now: Date;
}): Promise<RecordConsentResult> {
	const { quarter, moderatorId, memberId, now } = input;
	if (moderatorId === memberId) return { ok: false, problem: 'not_member' };
	const member = await findAssistedMembership(quarter.id, memberId);
	if (!member || member.state !== 'active') return { ok: false, problem: 'not_member' };
	const problem = checkNewConsent(
		{ consentAt: input.consentAt, current: member.assisted, role: member.role },
		now
	);
	if (problem) return { ok: false, problem };
	const consent: AssistConsentLike = {
		consentAt: input.consentAt,
		how: input.how,
		note: input.note,
		recordedBy: moderatorId,
		recordedAt: now,
		withdrawnAt: null
	};
	await setAssistedConsent(quarter.id, memberId, consent);
	await appendAudit({
		id: `assisted:${quarter.id}:${memberId}:consent:${now.getTime()}`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: 'member.assistConsent',
		target: { type: 'member', id: memberId },
		reason: input.note,
		details: { how: input.how, consentAt: input.consentAt.toISOString().slice(0, 10) }
	});
	return { ok: true };
}

/** Records that the resident withdrew the consent; acts are refused from now on. Audited. */
export async function withdrawConsent(input: {
	quarter: Quarter;
	moderatorId: string;
	memberId: string;
	now: Date;
}): Promise<{ ok: true } | { ok: false; problem: 'no_consent' }> {
	const { quarter, moderatorId, memberId, now } = input;
	const member = await findAssistedMembership(quarter.id, memberId);
	if (!member?.assisted || member.assisted.withdrawnAt) return { ok: false, problem: 'no_consent' };
	await setAssistedConsent(quarter.id, memberId, { ...member.assisted, withdrawnAt: now });
	await appendAudit({
		id: `assisted:${quarter.id}:${memberId}:withdrawn:${now.getTime()}`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: 'member.assistWithdrawn',
		target: { type: 'member', id: memberId },
		reason: '',
		details: { consentAt: member.assisted.consentAt.toISOString().slice(0, 10) }
	});
	return { ok: true };
}

/** Whether the moderator may act for the member at `at` (and the member's membership). */
export async function checkActing(
	quarter: Quarter,
	moderatorId: string,
	memberId: string,
	at: Date
): Promise<{ ok: true; member: AssistedMembership } | { ok: false; problem: AssistProblem }> {
	const [moderator, member] = await Promise.all([
		findMembership(quarter.id, moderatorId),
		findAssistedMembership(quarter.id, memberId)
	]);
	const allowed = mayActFor(
		{
			quarterId: quarter.id,
			moderator: { id: moderatorId, quarterId: quarter.id, membership: moderator },
			member: { id: memberId, membership: member },
			consent: member?.assisted
		},
		at
	);
	if (!allowed.ok) return allowed;
	return { ok: true, member: member! };
}

/** Creates a listing for the assisted member: they are the author, the moderator is recorded. */
export async function createListingFor(input: {
	quarter: Quarter;
	moderatorId: string;
	memberId: string;
	content: ListingContent;
	submit: boolean;
	now: Date;
}): Promise<{ ok: true; listing: Listing } | { ok: false; problem: AssistProblem | 'contention' }> {
	const checked = await checkActing(input.quarter, input.moderatorId, input.memberId, input.now);
	if (!checked.ok) return checked;
	const result = await createListing({
		quarter: input.quarter,
		userId: input.memberId,
		membership: checked.member,
		content: input.content,
		submit: input.submit,
		now: input.now,
		recordedBy: input.moderatorId
	});
	if (!result.ok)
		return { ok: false, problem: result.problem === 'not_member' ? 'not_member' : 'contention' };
	return { ok: true, listing: result.listing };
}

export type AssistedExchangeResult = ExchangeResult | { ok: false; problem: AssistProblem };

/** Proposes an exchange in the member's name with another member of the quarter. */
export async function proposeFor(
	input: {
		quarter: Quarter;
		moderatorId: string;
		memberId: string;
		otherId: string;
		/** The assisted member's side. */
		side: Side;
		title: string;
		date: Date | null;
		minutes: number;
		origin: string;
		now: Date;
	},
	service: ExchangeService = appExchanges
): Promise<AssistedExchangeResult> {
	const checked = await checkActing(input.quarter, input.moderatorId, input.memberId, input.now);
	if (!checked.ok) return checked;
	// The moderator does not record an exchange with themselves for the member.
	if (input.otherId === input.moderatorId) return { ok: false, problem: 'self' };
	return service.propose({
		actorId: input.memberId,
		quarterId: input.quarter.id,
		memberId: input.otherId,
		side: input.side,
		title: input.title,
		date: input.date,
		minutes: input.minutes,
		settlement: 'hours',
		origin: input.origin,
		now: input.now,
		recordedBy: input.moderatorId
	});
}

/** The moves the quarter management records for an assisted member. */
export const ASSISTED_MOVES = [
	'accept',
	'decline',
	'cancel',
	'markDone',
	'confirm',
	'dispute'
] as const;
export type AssistedMove = (typeof ASSISTED_MOVES)[number] & PartyMove;

/** Records the member's move on an exchange of this quarter where they are a party. */
export async function moveFor(
	input: {
		quarter: Quarter;
		moderatorId: string;
		memberId: string;
		exchangeId: string;
		move: AssistedMove;
		minutes?: number;
		reason?: string;
		now: Date;
	},
	service: ExchangeService = appExchanges
): Promise<AssistedExchangeResult> {
	const checked = await checkActing(input.quarter, input.moderatorId, input.memberId, input.now);
	if (!checked.ok) return checked;
	const view = await service.get(input.memberId, input.exchangeId, input.now);
	if (!view || view.quarterId !== input.quarter.id || view.viewerSide === null) {
		return { ok: false, problem: 'not_found' };
	}
	return service.move(input.memberId, input.exchangeId, input.move, {
		...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
		...(input.reason !== undefined ? { reason: input.reason } : {}),
		now: input.now,
		recordedBy: input.moderatorId
	});
}

/** What the moderator's page about one assisted member shows. */
export async function assistedOverview(
	quarter: Quarter,
	memberId: string,
	service: ExchangeService = appExchanges
) {
	const member = await findAssistedMembership(quarter.id, memberId);
	if (!member) return null;
	const [listings, exchangeList, byId] = await Promise.all([
		listingsOfAuthor(quarter.id, memberId),
		service.listOf(memberId),
		displayNamesOf([memberId, ...(member.assisted ? [member.assisted.recordedBy] : [])])
	]);
	return {
		member,
		name: byId.get(memberId) ?? '—',
		recordedByName: member.assisted ? (byId.get(member.assisted.recordedBy) ?? '—') : null,
		listings,
		exchanges: exchangeList.filter((x) => x.quarterId === quarter.id)
	};
}

/**
 * Claims a form the staff sent for a member (its nonce) once: false for a malformed nonce or the
 * same form again (a double click), whose act was recorded with the first submission.
 */
export async function claimAssistedForm(
	form: 'listing' | 'exchange',
	nonce: string,
	now: Date
): Promise<boolean> {
	if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return false;
	return claimOnce(`assisted:${form}:${nonce}`, now);
}
