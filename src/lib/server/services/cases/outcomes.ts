// Outcomes: each is carried out through the service that owns it (exchanges, time accounts,
// moderation), idempotent under its own key, and only then written to the case's log with the
// form's nonce, so a retry after a crash between the act and the log does the act once.
import {
	eventOfNonce,
	foldCase,
	type CaseFacts,
	type CaseProblem,
	type Outcome
} from '../../../domain/cases/case';
import { appendAudit } from '../../repos/audit';
import { findMembership } from '../../repos/memberships';
import type { Quarter } from '../../repos/quarters';
import type { ExchangeProblem } from '../exchanges';
import { setSuspended, type MemberProblem } from '../moderation';
import type { CaseContext } from './context';
import { append, managedCase, notifyParties, quarterOf } from './core';
import { transfersOf } from './views';

export type OutcomeInput =
	| { kind: 'settleHours'; minutes: number }
	| { kind: 'refundEuros'; cents: number }
	| { kind: 'reverseTransfer'; seq: number; minutes: number }
	| { kind: 'warn'; memberId: string }
	| { kind: 'suspend'; memberId: string };

export type OutcomeProblem =
	| CaseProblem
	| 'no_exchange'
	| 'not_in_case'
	| 'already_reversed'
	| `exchange_${ExchangeProblem}`
	| `reversal_${string}`
	| `member_${MemberProblem}`;

/**
 * Carries out an outcome through the service that owns it, then logs it. The act comes first:
 * each act is idempotent (reversal key per entry, refund key per form, a settled exchange or a
 * suspended member is recognised), so a retry with the same nonce after a crash does it once.
 */
export async function carryOut(
	ctx: CaseContext,
	input: {
		quarter: Quarter;
		caseId: string;
		moderatorId: string;
		outcome: OutcomeInput;
		reason: string;
		nonce: string;
		now: Date;
	}
): Promise<{ ok: true; n: number } | { ok: false; problem: OutcomeProblem | 'not_found' }> {
	const { quarter, caseId, moderatorId, now } = input;
	const facts = await managedCase(quarter, caseId, moderatorId);
	if (!facts) return { ok: false, problem: 'not_found' };
	const reason = input.reason.trim();
	if (reason === '') return { ok: false, problem: 'text_required' };
	return ctx.queue.run(caseId, async () => {
		const log = await ctx.log.read(caseId);
		const done = eventOfNonce(log, input.nonce);
		if (done) return { ok: true, n: done.n };
		const fold = foldCase(log);
		if (fold.state === 'closed') return { ok: false, problem: 'closed' };
		const acted = await act(ctx, facts, input.outcome, moderatorId, reason, input.nonce, now);
		if (!acted.ok) return acted;
		const appended = await append(ctx, facts, 'moderator', {
			kind: 'outcome',
			by: moderatorId,
			at: now,
			text: reason,
			nonce: input.nonce,
			outcome: acted.outcome
		});
		if (!appended.ok) return appended;
		await appendAudit({
			id: `case:${caseId}:${appended.event.n}`,
			quarterId: quarter.id,
			at: now,
			actorId: moderatorId,
			action: `case.${acted.outcome.kind}`,
			target: { type: 'case', id: caseId },
			reason,
			details: outcomeDetails(acted.outcome)
		});
		if (appended.stored) await notifyParties(ctx, facts, moderatorId, 'outcome', now);
		return { ok: true, n: appended.event.n };
	});
}

async function act(
	ctx: CaseContext,
	facts: CaseFacts,
	input: OutcomeInput,
	moderatorId: string,
	reason: string,
	nonce: string,
	now: Date
): Promise<{ ok: true; outcome: Outcome } | { ok: false; problem: OutcomeProblem }> {
	const quarter = { id: facts.quarterId };
	switch (input.kind) {
		case 'settleHours': {
			if (!facts.exchangeId) return { ok: false, problem: 'no_exchange' };
			const result = await ctx.exchanges.moderatorSettle(
				moderatorId,
				facts.exchangeId,
				input.minutes,
				reason,
				now
			);
			if (result.ok) {
				return {
					ok: true,
					outcome: {
						kind: 'settleHours',
						exchangeId: facts.exchangeId,
						minutes: input.minutes,
						ledgerSeq: result.exchange.ledgerSeq
					}
				};
			}
			// Settled already with these hours (this act, before a crash): log it now.
			const view = await ctx.exchanges.get(moderatorId, facts.exchangeId, now);
			if (view?.state === 'settled' && view.settledMinutes === input.minutes) {
				return {
					ok: true,
					outcome: {
						kind: 'settleHours',
						exchangeId: facts.exchangeId,
						minutes: input.minutes,
						ledgerSeq: view.ledgerSeq
					}
				};
			}
			return { ok: false, problem: `exchange_${result.problem}` };
		}
		case 'refundEuros': {
			if (!facts.exchangeId) return { ok: false, problem: 'no_exchange' };
			const result = await ctx.exchanges.moderatorRefund(
				moderatorId,
				facts.exchangeId,
				input.cents,
				reason,
				`case:${facts.id}:${nonce}`,
				now
			);
			if (!result.ok) return { ok: false, problem: `exchange_${result.problem}` };
			return {
				ok: true,
				outcome: { kind: 'refundEuros', exchangeId: facts.exchangeId, cents: input.cents }
			};
		}
		case 'reverseTransfer': {
			const allowed = await transfersOf(
				ctx,
				facts,
				facts.exchangeId ? await ctx.exchanges.get(moderatorId, facts.exchangeId, now) : null
			);
			if (!allowed.some((t) => t.seq === input.seq)) return { ok: false, problem: 'not_in_case' };
			const fullQuarter = await quarterOf(facts.quarterId);
			const result = await ctx.timeAccounts.reverse({
				quarter: fullQuarter,
				moderatorId,
				seq: input.seq,
				minutes: input.minutes,
				reason,
				now
			});
			if (!result.ok) return { ok: false, problem: `reversal_${result.problem}` };
			// One reversal per entry: an earlier one with other minutes is not this act.
			if (result.duplicate && result.entry.minutes !== input.minutes) {
				return { ok: false, problem: 'already_reversed' };
			}
			return {
				ok: true,
				outcome: {
					kind: 'reverseTransfer',
					original: input.seq,
					minutes: result.entry.minutes,
					ledgerSeq: result.entry.seq
				}
			};
		}
		case 'warn': {
			if (!facts.partyIds.includes(input.memberId)) return { ok: false, problem: 'not_in_case' };
			await appendAudit({
				id: `case:${facts.id}:warn:${nonce}`,
				quarterId: quarter.id,
				at: now,
				actorId: moderatorId,
				action: 'member.warn',
				target: { type: 'member', id: input.memberId },
				reason,
				details: { caseId: facts.id }
			});
			return { ok: true, outcome: { kind: 'warn', memberId: input.memberId } };
		}
		case 'suspend': {
			if (!facts.partyIds.includes(input.memberId)) return { ok: false, problem: 'not_in_case' };
			const result = await setSuspended({
				quarter: await quarterOf(facts.quarterId),
				memberId: input.memberId,
				moderatorId,
				suspend: true,
				reason,
				now
			});
			if (!result.ok) {
				const membership = await findMembership(facts.quarterId, input.memberId);
				if (!(result.problem === 'wrong_state' && membership?.state === 'suspended')) {
					return { ok: false, problem: `member_${result.problem}` };
				}
			}
			return { ok: true, outcome: { kind: 'suspend', memberId: input.memberId } };
		}
	}
}

function outcomeDetails(outcome: Outcome): Record<string, string | number | null> {
	switch (outcome.kind) {
		case 'settleHours':
			return {
				exchangeId: outcome.exchangeId,
				minutes: outcome.minutes,
				ledgerSeq: outcome.ledgerSeq
			};
		case 'refundEuros':
			return { exchangeId: outcome.exchangeId, cents: outcome.cents };
		case 'reverseTransfer':
			return { reverses: outcome.original, minutes: outcome.minutes, ledgerSeq: outcome.ledgerSeq };
		case 'warn':
		case 'suspend':
			return { memberId: outcome.memberId };
	}
}
