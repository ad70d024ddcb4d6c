// The start credit: a new member's welcome from the community account, once per quarter.
import { SYSTEM } from '../../../domain/exchanges/workflow';
import {
	COMMUNITY,
	memberAccount,
	type LedgerEntry,
	type TransferProblem
} from '../../../domain/ledger/ledger';
import { isActiveMember } from '../../../domain/members/roles';
import { appendAudit } from '../../repos/audit';
import { findMembership } from '../../repos/memberships';
import { findQuarter } from '../../repos/quarters';
import type { ExchangeContext } from './context';
import { ledgerLimits } from './settlement';

export type StartCreditResult =
	| { ok: true; entry: LedgerEntry; duplicate: boolean }
	| {
			ok: false;
			problem: 'not_found' | 'not_member' | 'disabled' | 'over_limit' | 'contention';
			ledger?: TransferProblem;
	  };

/**
 * Welcomes a member with the quarter's start credit from the community account, exactly once
 * per member and quarter (the ledger key `start-credit:<userId>`), whoever calls it how often.
 * `by` is the moderator who approved the member, or `'system'`.
 */
export async function grantStartCredit(
	ctx: ExchangeContext,
	quarterId: string,
	userId: string,
	by: string,
	now = new Date()
): Promise<StartCreditResult> {
	const quarter = await findQuarter(quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	if (!isActiveMember(await findMembership(quarterId, userId))) {
		return { ok: false, problem: 'not_member' };
	}
	const minutes = quarter.settings.startCreditMinutes;
	if (!(minutes > 0)) return { ok: false, problem: 'disabled' };
	const booked = await ctx.ledger.transfer(
		quarterId,
		{
			from: COMMUNITY,
			to: memberAccount(userId),
			minutes,
			kind: 'start-credit',
			key: `start-credit:${userId}`,
			memo: 'Startguthaben'
		},
		{ by, now, limits: ledgerLimits(quarter) }
	);
	if (!booked.ok) {
		return booked.problem.code === 'contention'
			? { ok: false, problem: 'contention' }
			: { ok: false, problem: 'over_limit', ledger: booked.problem };
	}
	if (!booked.duplicate) {
		if (by !== SYSTEM) {
			await appendAudit({
				id: `start-credit:${quarterId}:${userId}`,
				quarterId,
				at: now,
				actorId: by,
				action: 'ledger.startCredit',
				target: { type: 'member', id: userId },
				reason: '',
				details: { minutes, ledgerSeq: booked.entry.seq }
			});
		}
		await ctx.notifications.notify(
			userId,
			{
				quarterId,
				kind: 'start-credit',
				exchangeId: null,
				move: 'startCredit',
				actorId: by,
				title: quarter.name,
				minutes
			},
			now
		);
	}
	return { ok: true, entry: booked.entry, duplicate: booked.duplicate };
}
