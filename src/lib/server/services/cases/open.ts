// Opening a case: one per disputed exchange or report, or one per form for the cases the quarter
// management opens on its own observation; and finding the case of an exchange or report.
import { caseKey, type CaseFacts, type CaseSource } from '../../../domain/cases/case';
import { appendAudit } from '../../repos/audit';
import { claimCaseKey, findCase, findCaseKey, insertCase } from '../../repos/cases';
import { findConversation } from '../../repos/conversations';
import { findFlag } from '../../repos/flags';
import { findMembership } from '../../repos/memberships';
import type { Quarter } from '../../repos/quarters';
import { newId } from '../../ids';
import { listingBook } from '../listing-book';
import type { CaseContext } from './context';
import { notifyParties } from './core';

export type OpenProblem =
	'not_found' | 'not_disputed' | 'no_parties' | 'party_not_member' | 'title_required' | 'own_case';

export type CaseResult<P> =
	{ ok: true; caseId: string; repeated: boolean } | { ok: false; problem: P };

/**
 * Opens a case; one per disputed exchange or report (their key), one per form for the cases
 * the management opens itself. Opening again returns the case that exists.
 */
export async function openCase(
	ctx: CaseContext,
	input: {
		quarter: Quarter;
		moderatorId: string;
		source: { type: CaseSource; id: string | null };
		partyIds: string[];
		exchangeId: string | null;
		title: string;
		text: string;
		nonce: string;
		now: Date;
	}
): Promise<CaseResult<OpenProblem>> {
	const { quarter, moderatorId, now } = input;
	const partyIds = [...new Set(input.partyIds)];
	if (partyIds.length === 0) return { ok: false, problem: 'no_parties' };
	if (partyIds.includes(moderatorId)) return { ok: false, problem: 'own_case' };
	if (input.title.trim() === '') return { ok: false, problem: 'title_required' };
	const key = caseKey(quarter.id, input.source, input.nonce);
	const known = await findCaseKey(key);
	if (known && (await findCase(known))) return { ok: true, caseId: known, repeated: true };
	for (const id of partyIds) {
		const membership = await findMembership(quarter.id, id);
		if (!membership) return { ok: false, problem: 'party_not_member' };
	}
	const caseId = await claimCaseKey(key, known ?? newId(), now);
	const facts: CaseFacts = {
		id: caseId,
		quarterId: quarter.id,
		source: input.source,
		partyIds,
		exchangeId: input.exchangeId,
		title: input.title.trim(),
		openedBy: moderatorId,
		openedAt: now
	};
	// Whoever claimed the key first wrote (or will write) the same case; both inserts are
	// harmless, and event 1 is taken once.
	const inserted = await insertCase(facts);
	await ctx.log.append<'opened'>(caseId, (log, n) =>
		log.length > 0
			? { ok: false, problem: 'opened' }
			: {
					ok: true,
					entry: {
						caseId,
						quarterId: quarter.id,
						n,
						kind: 'opened',
						by: moderatorId,
						at: now,
						text: input.text.trim()
					}
				}
	);
	await appendAudit({
		id: `case:${caseId}:1`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: 'case.opened',
		target: { type: 'case', id: caseId },
		reason: input.text.trim(),
		details: { source: input.source.type, sourceId: input.source.id, parties: partyIds.length }
	});
	if (inserted) await notifyParties(ctx, facts, moderatorId, 'opened', now);
	return { ok: true, caseId, repeated: !inserted };
}

/** A case about a disputed exchange: its two parties, its title, the dispute's reason. */
export async function openFromExchange(
	ctx: CaseContext,
	input: {
		quarter: Quarter;
		moderatorId: string;
		exchangeId: string;
		now: Date;
	}
): Promise<CaseResult<OpenProblem>> {
	const view = await ctx.exchanges.get(input.moderatorId, input.exchangeId, input.now);
	if (!view || view.quarterId !== input.quarter.id) return { ok: false, problem: 'not_found' };
	const existing = await findCaseKey(
		caseKey(input.quarter.id, { type: 'exchange', id: view.id }, '')
	);
	if (!existing && view.state !== 'disputed') return { ok: false, problem: 'not_disputed' };
	const disputed = view.timeline.findLast((e) => e.toState === 'disputed');
	return openCase(ctx, {
		...input,
		source: { type: 'exchange', id: view.id },
		partyIds: [view.providerId, view.receiverId],
		exchangeId: view.id,
		title: view.title,
		text: disputed?.reason ?? '',
		nonce: ''
	});
}

/** A case about a report: the person who reported and the one the report is about. */
export async function openFromFlag(
	ctx: CaseContext,
	input: {
		quarter: Quarter;
		moderatorId: string;
		flagId: string;
		now: Date;
	}
): Promise<CaseResult<OpenProblem>> {
	const flag = await findFlag(input.flagId);
	if (!flag || flag.quarterId !== input.quarter.id) return { ok: false, problem: 'not_found' };
	const about = await personBehind(flag.target, flag.reporterId);
	return openCase(ctx, {
		...input,
		source: { type: 'flag', id: flag.id },
		partyIds: about ? [flag.reporterId, about] : [flag.reporterId],
		exchangeId: null,
		title: flag.reason,
		text: flag.note,
		nonce: ''
	});
}

async function personBehind(
	target: { type: string; id: string },
	reporterId: string
): Promise<string | null> {
	if (target.type === 'member') return target.id;
	if (target.type === 'listing') return (await listingBook.get(target.id))?.authorId ?? null;
	if (target.type === 'conversation') {
		const conversation = await findConversation(target.id);
		return conversation?.participants.find((p) => p !== reporterId) ?? null;
	}
	return null;
}

export async function caseOfExchange(
	quarterId: string,
	exchangeId: string
): Promise<string | null> {
	return findCaseKey(caseKey(quarterId, { type: 'exchange', id: exchangeId }, ''));
}

export async function caseOfFlag(quarterId: string, flagId: string): Promise<string | null> {
	return findCaseKey(caseKey(quarterId, { type: 'flag', id: flagId }, ''));
}
