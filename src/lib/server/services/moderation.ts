// The quarter management's acts besides listing moves: reports (flags), suspending and
// reinstating members. Every act is written to the audit log.
import { isManagement } from '../../domain/members/roles';
import type { FlagOutcome } from '../../schemas/moderation';
import type { FlagTargetType } from '../../domain/moderation/flags';
import { newId } from '../ids';
import { appendAudit, listAudit } from '../repos/audit';
import {
	nextFlagNumber,
	findFlag,
	flagId,
	insertFlag,
	listFlags,
	resolveFlag as storeResolution,
	type Flag
} from '../repos/flags';
import { findMembership, setMembershipState } from '../repos/memberships';
import type { Quarter } from '../repos/quarters';
import { deleteSessionsOfUser } from '../repos/sessions';
import { changeListing, findVisibleListing } from './listings';

export async function flagListing(input: {
	quarter: Quarter;
	listingId: string;
	reporterId: string;
	reason: string;
	note: string;
	now: Date;
}): Promise<{ ok: true } | { ok: false; problem: 'not_found' }> {
	const { quarter, listingId, reporterId } = input;
	const listing = await findVisibleListing(quarter.id, listingId, {
		id: reporterId,
		moderator: false
	});
	if (!listing || listing.authorId === reporterId) return { ok: false, problem: 'not_found' };
	await fileFlag(quarter.id, 'listing', listingId, reporterId, input.reason, input.note, input.now);
	return { ok: true };
}

/** Stores a report; sent again while it is open, it is stored once. */
export async function fileFlag(
	quarterId: string,
	type: FlagTargetType,
	targetId: string,
	reporterId: string,
	reason: string,
	note: string,
	now: Date
): Promise<void> {
	const n = await nextFlagNumber(type, targetId, reporterId);
	await insertFlag({
		id: flagId(type, targetId, reporterId, n),
		quarterId,
		target: { type, id: targetId },
		reporterId,
		reason,
		note,
		createdAt: now
	});
}

export type ResolveProblem = 'not_found' | 'resolved_already' | 'wrong_state';

/**
 * Closes a report: dismissed, or (for a listing) the listing hidden with the moderator's
 * reason, which the author then reads. The resolution is stored once.
 */
export async function resolveFlag(input: {
	quarter: Quarter;
	flagId: string;
	moderatorId: string;
	outcome: FlagOutcome;
	note: string;
	now: Date;
}): Promise<{ ok: true } | { ok: false; problem: ResolveProblem }> {
	const { quarter, moderatorId, outcome, note, now } = input;
	const flag = await findFlag(input.flagId);
	if (!flag || flag.quarterId !== quarter.id) return { ok: false, problem: 'not_found' };
	if (flag.resolution) return { ok: false, problem: 'resolved_already' };
	const membership = await findMembership(quarter.id, moderatorId);
	if (outcome === 'hidden') {
		if (flag.target.type !== 'listing') return { ok: false, problem: 'wrong_state' };
		const hidden = await changeListing({
			quarter,
			listingId: flag.target.id,
			userId: moderatorId,
			membership,
			move: { move: 'hide', reason: note },
			now
		});
		// Hidden already (by another report) is fine; anything else is not.
		if (!hidden.ok && hidden.problem !== 'wrong_state')
			return { ok: false, problem: 'wrong_state' };
	}
	if (!(await storeResolution(flag, { by: moderatorId, at: now, outcome, note }))) {
		return { ok: false, problem: 'resolved_already' };
	}
	await appendAudit({
		id: `flag:${flag.id}`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: `flag.${outcome}`,
		target: { type: 'flag', id: flag.id },
		reason: note,
		details: { targetType: flag.target.type, targetId: flag.target.id, flagReason: flag.reason }
	});
	return { ok: true };
}

export type MemberProblem = 'not_found' | 'self' | 'management' | 'wrong_state';

/**
 * Suspends or reinstates a member. A suspended member's sessions end at once; they cannot log
 * in (when suspended everywhere they belong) nor act in the quarter.
 */
export async function setSuspended(input: {
	quarter: Quarter;
	memberId: string;
	moderatorId: string;
	suspend: boolean;
	reason: string;
	now: Date;
}): Promise<{ ok: true } | { ok: false; problem: MemberProblem }> {
	const { quarter, memberId, moderatorId, suspend, reason, now } = input;
	if (memberId === moderatorId) return { ok: false, problem: 'self' };
	const membership = await findMembership(quarter.id, memberId);
	if (!membership) return { ok: false, problem: 'not_found' };
	// The quarter management is not suspended by a colleague; an admin handles that.
	if (isManagement(membership)) return { ok: false, problem: 'management' };
	const wanted = suspend ? 'suspended' : 'active';
	if (suspend ? membership.state !== 'active' : membership.state !== 'suspended') {
		return { ok: false, problem: 'wrong_state' };
	}
	await setMembershipState(quarter.id, memberId, wanted);
	if (suspend) await deleteSessionsOfUser(memberId);
	await appendAudit({
		id: newId(),
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: suspend ? 'member.suspend' : 'member.reinstate',
		target: { type: 'member', id: memberId },
		reason,
		details: { from: membership.state, to: wanted }
	});
	return { ok: true };
}

/** A quarter's reports, open and resolved, for the management's list. */
export function flagsOfQuarter(quarterId: string): Promise<Flag[]> {
	return listFlags(quarterId);
}

/** How many of a quarter's reports wait for a decision (the badge in the management menu). */
export async function countOpenFlags(quarterId: string): Promise<number> {
	return (await listFlags(quarterId)).filter((f) => !f.resolution).length;
}

/** One page of a quarter's audit log, newest first. */
export function auditPage(quarterId: string, page: { offset: number; limit: number }) {
	return listAudit(quarterId, page);
}
