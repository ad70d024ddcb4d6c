// Writing in a case: the management's notes, messages both sides exchange, proposals and the
// parties' answers, and closing the case with a summary.
import {
	foldCase,
	type Answer,
	type CaseEventKind,
	type CaseProblem
} from '../../../domain/cases/case';
import { appendAudit } from '../../repos/audit';
import { findCase, markCaseClosed } from '../../repos/cases';
import type { Quarter } from '../../repos/quarters';
import type { CaseContext } from './context';
import { append, managedCase, notifyParties, roleOf } from './core';

/**
 * A note, message, proposal or answer. The management writes as `moderator`, a party as
 * `party`; the same form submission (nonce) is stored once.
 */
export async function writeInCase(
	ctx: CaseContext,
	input: {
		caseId: string;
		actorId: string;
		kind: Exclude<CaseEventKind, 'opened' | 'outcome' | 'closed'>;
		text: string;
		proposal?: number;
		answer?: Answer;
		nonce: string;
		now: Date;
	}
): Promise<{ ok: true; n: number } | { ok: false; problem: CaseProblem | 'not_found' }> {
	const facts = await findCase(input.caseId);
	if (!facts) return { ok: false, problem: 'not_found' };
	const role = await roleOf(facts, input.actorId);
	if (!role) return { ok: false, problem: 'not_found' };
	return ctx.queue.run(input.caseId, async () => {
		const appended = await append(ctx, facts, role, {
			kind: input.kind,
			by: input.actorId,
			at: input.now,
			text: input.text.trim(),
			nonce: input.nonce,
			...(input.kind === 'response' ? { proposal: input.proposal, answer: input.answer } : {})
		});
		if (!appended.ok) return appended;
		if (appended.stored && input.kind !== 'note') {
			await notifyParties(ctx, facts, input.actorId, input.kind, input.now);
		}
		return { ok: true, n: appended.event.n };
	});
}

/** Closes the case with a summary both parties read; without outcomes it closed without action. */
export async function closeCase(
	ctx: CaseContext,
	input: {
		quarter: Quarter;
		caseId: string;
		moderatorId: string;
		summary: string;
		nonce: string;
		now: Date;
	}
): Promise<{ ok: true; n: number } | { ok: false; problem: CaseProblem | 'not_found' }> {
	const { quarter, caseId, moderatorId, now } = input;
	const facts = await managedCase(quarter, caseId, moderatorId);
	if (!facts) return { ok: false, problem: 'not_found' };
	return ctx.queue.run(caseId, async () => {
		const appended = await append(ctx, facts, 'moderator', {
			kind: 'closed',
			by: moderatorId,
			at: now,
			text: input.summary.trim(),
			nonce: input.nonce
		});
		if (!appended.ok) return appended;
		// The marker follows the event; a crash in between is repaired by closing again, which
		// finds the event by its nonce and writes the marker.
		await markCaseClosed(caseId, quarter.id, appended.event.at);
		const fold = foldCase(await ctx.log.read(caseId));
		await appendAudit({
			id: `case:${caseId}:${appended.event.n}`,
			quarterId: quarter.id,
			at: appended.event.at,
			actorId: moderatorId,
			action: fold.outcomes.length === 0 ? 'case.closedWithoutAction' : 'case.closed',
			target: { type: 'case', id: caseId },
			reason: appended.event.text,
			details: { outcomes: fold.outcomes.length }
		});
		if (appended.stored) await notifyParties(ctx, facts, moderatorId, 'closed', now);
		return { ok: true, n: appended.event.n };
	});
}
