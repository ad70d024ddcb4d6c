// What the use-cases of a case share: appending to its log once per form submission, who may act
// in a case, and telling the parties that it moved.
import {
	checkEvent,
	eventOfNonce,
	foldCase,
	type CaseEvent,
	type CaseEventKind,
	type CaseFacts,
	type CaseProblem,
	type CaseRole
} from '../../../domain/cases/case';
import { isActiveMember, isManagement } from '../../../domain/members/roles';
import { findCase, type StoredCaseEvent } from '../../repos/cases';
import { findMembership } from '../../repos/memberships';
import { findQuarter, type Quarter } from '../../repos/quarters';
import type { CaseContext } from './context';

/**
 * Appends event n+1, decided on the log 1..n; another writer taking n+1 first makes this
 * re-read and decide again. An event with the same nonce in the log is the same submission.
 */
export async function append(
	ctx: CaseContext,
	facts: CaseFacts,
	role: CaseRole,
	draft: Omit<CaseEvent, 'n'>
): Promise<
	{ ok: true; event: StoredCaseEvent; stored: boolean } | { ok: false; problem: CaseProblem }
> {
	const appended = await ctx.log.append<CaseProblem>(facts.id, (log, n) => {
		const same = eventOfNonce(log, draft.nonce);
		// An event with the same nonce is the same submission.
		if (same) return { ok: true, existing: same };
		const problem = checkEvent(facts, foldCase(log), role, draft);
		if (problem) return { ok: false, problem };
		return { ok: true, entry: { ...draft, n, caseId: facts.id, quarterId: facts.quarterId } };
	});
	if (appended.ok) return { ok: true, event: appended.entry, stored: !appended.duplicate };
	if (appended.problem === 'contention') {
		throw new Error(`Case ${facts.id}: no free event number (contention)`);
	}
	return { ok: false, problem: appended.problem };
}

/** The case, when it belongs to the quarter and the person is its management. */
export async function managedCase(
	quarter: Quarter,
	caseId: string,
	moderatorId: string
): Promise<CaseFacts | null> {
	const facts = await findCase(caseId);
	if (!facts || facts.quarterId !== quarter.id) return null;
	return (await roleOf(facts, moderatorId)) === 'moderator' ? facts : null;
}

export async function roleOf(facts: CaseFacts, userId: string): Promise<CaseRole | null> {
	const membership = await findMembership(facts.quarterId, userId);
	if (isManagement(membership)) return 'moderator';
	// Parties talk in their case while they are members (a suspended one reads only).
	if (facts.partyIds.includes(userId) && isActiveMember(membership)) return 'party';
	return null;
}

export async function quarterOf(quarterId: string): Promise<Quarter> {
	const quarter = await findQuarter(quarterId);
	if (!quarter) throw new Error(`Quarter ${quarterId} is gone.`);
	return quarter;
}

/** Tells the parties (except the one who acted) that their case moved. */
export async function notifyParties(
	ctx: CaseContext,
	facts: CaseFacts,
	actorId: string,
	move: CaseEventKind,
	now: Date
): Promise<void> {
	for (const partyId of facts.partyIds) {
		if (partyId === actorId) continue;
		await ctx.notifications.notify(
			partyId,
			{
				quarterId: facts.quarterId,
				kind: 'case',
				exchangeId: facts.exchangeId,
				caseId: facts.id,
				move,
				actorId,
				title: facts.title,
				minutes: null
			},
			now
		);
	}
}
