// The quarter management's first decision on a notice (Art. 16(6), 17 DSA), and carrying out a
// measure or lifting it. A measure goes through the paths every other moderation act uses (the
// listing's `hide` and `reinstate` moves, the member's suspension), so the listing's history,
// the audit log and the member's access agree whichever way content was taken down.
import {
	checkDecision,
	restricts,
	type DecideProblem,
	type DecisionKind,
	type Ground,
	type NoticeOf,
	type NoticeState
} from '../../../domain/notices/notice';
import { isManagement } from '../../../domain/members/roles';
import { appendAudit } from '../../repos/audit';
import { findConversation } from '../../repos/conversations';
import { findMembership } from '../../repos/memberships';
import type { Quarter } from '../../repos/quarters';
import { changeListing } from '../listings';
import { setSuspended } from '../moderation';
import type { NoticeContext } from './context';
import { mailNotifierDecision, sendStatementOfReasons } from './mails';

export type MeasureProblem = 'management' | 'own_content' | 'not_possible';

type Measure = { decision: DecisionKind; affectedId: string | null };

/**
 * Moves from what applied (`from`) to what applies now (`to`) through the existing moderation
 * paths. Each step is idempotent (a listing hidden already, a member suspended already is what
 * was wanted), so a retry after a crash carries the measure out once.
 */
export async function carryOut(
	quarter: Quarter,
	state: NoticeState,
	from: Measure | null,
	to: Measure,
	moderatorId: string,
	reason: string,
	now: Date
): Promise<MeasureProblem | null> {
	const target = state.notice.target;
	const membership = await findMembership(quarter.id, moderatorId);
	const listingMove = async (move: 'hide' | 'reinstate') => {
		if (target.type !== 'listing') return null;
		const result = await changeListing({
			quarter,
			listingId: target.id,
			userId: moderatorId,
			membership,
			move: { move, reason },
			now,
			mailAuthor: false
		});
		if (result.ok || result.problem === 'wrong_state') return null;
		return result.problem === 'not_allowed' ? 'own_content' : 'not_possible';
	};
	const suspension = async (suspend: boolean, memberId: string | null) => {
		if (!memberId) return 'not_possible' as const;
		const result = await setSuspended({
			quarter,
			memberId,
			moderatorId,
			suspend,
			reason,
			now
		});
		if (result.ok || result.problem === 'wrong_state') return null;
		if (result.problem === 'management') return 'management' as const;
		return result.problem === 'self' ? ('own_content' as const) : ('not_possible' as const);
	};
	if (restricts(to.decision)) {
		if (to.decision === 'suspend') {
			// The quarter management is not suspended by a colleague: refused before the listing moves.
			const affected = to.affectedId ? await findMembership(quarter.id, to.affectedId) : null;
			if (isManagement(affected)) return 'management';
			const problem = await suspension(true, to.affectedId);
			if (problem) return problem;
		}
		return listingMove('hide');
	}
	// Lifting: undo what the earlier measure did.
	if (!from || !restricts(from.decision)) return null;
	if (from.decision === 'suspend') {
		const problem = await suspension(false, from.affectedId);
		if (problem) return problem;
	}
	return listingMove('reinstate');
}

export interface DecideInput {
	quarter: Quarter;
	noticeId: string;
	moderatorId: string;
	decision: DecisionKind;
	ground: Ground | null;
	facts: string;
	/** For a conversation: the participant the measure is taken against. */
	affectedId: string | null;
	origin: string;
	now: Date;
}

export type DecideResult = { ok: true } | { ok: false; problem: DecideProblem | MeasureProblem };

export async function decideNotice(ctx: NoticeContext, input: DecideInput): Promise<DecideResult> {
	const { quarter, noticeId, moderatorId, now } = input;
	const moderator = isManagement(await findMembership(quarter.id, moderatorId));
	const key = `decision:${noticeId}`;
	const book = await ctx.log.read(quarter.id);
	// The same moderator's form sent again (a double click, a reload): decided, nothing more to do.
	const done = book.keys.get(key);
	if (done?.kind === 'decision' && done.by === moderatorId) return { ok: true };
	const before = book.notices.get(noticeId);
	const affectedId = restricts(input.decision)
		? (before?.notice.authorId ?? input.affectedId)
		: null;
	const draft = {
		by: moderatorId,
		moderator,
		decision: input.decision,
		ground: restricts(input.decision) ? input.ground : null,
		facts: input.facts.trim(),
		affectedId
	};
	// Checked before acting, so a refused decision moves nothing; checked again on append.
	const early = checkDecision(before, draft);
	if (early) return { ok: false, problem: early };
	if (before!.notice.target.type === 'conversation' && affectedId) {
		// Only a participant of the conversation can be concerned by it.
		const conversation = await findConversation(before!.notice.target.id);
		if (!conversation?.participants.includes(affectedId)) {
			return { ok: false, problem: 'affected_required' };
		}
	}
	const problem = await carryOut(quarter, before!, null, draft, moderatorId, draft.facts, now);
	if (problem) return { ok: false, problem };
	const appended = await ctx.log.append<DecideProblem>(quarter.id, (book, seq) => {
		const same = book.keys.get(key);
		// The same moderator's form sent again is the same decision; anyone else's comes too late.
		if (same) {
			return same.kind === 'decision' && same.by === moderatorId
				? { ok: true, existing: same }
				: { ok: false, problem: 'decided_already' };
		}
		const refused = checkDecision(book.notices.get(noticeId), draft);
		if (refused) return { ok: false, problem: refused };
		const entry: NoticeOf<'decision'> = {
			kind: 'decision',
			seq,
			key,
			noticeId,
			at: now,
			by: moderatorId,
			decision: draft.decision,
			ground: draft.ground,
			facts: draft.facts,
			affectedId
		};
		return { ok: true, entry };
	});
	if (!appended.ok) {
		if (appended.problem === 'contention') throw new Error(`Notices of ${quarter.id}: contention`);
		return { ok: false, problem: appended.problem };
	}
	if (appended.duplicate) return { ok: true };
	const state = appended.state.notices.get(noticeId)!;
	await appendAudit({
		id: `notice:${noticeId}:decision`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: `notice.${draft.decision}`,
		target: { type: 'notice', id: noticeId },
		reason: draft.facts,
		details: {
			title: state.notice.target.label,
			targetType: state.notice.target.type,
			targetId: state.notice.target.id,
			ground: draft.ground ? `${draft.ground.type}:${draft.ground.code}` : null
		}
	});
	await mailNotifierDecision(input.origin, quarter, state, draft.facts, now);
	await sendStatementOfReasons(
		input.origin,
		quarter,
		state,
		draft.facts,
		(userId) => notifyAuthor(ctx, quarter, state, userId, 'decision', moderatorId, now),
		now
	);
	return { ok: true };
}

/** The bell of the member concerned: their content or account was decided on. */
export async function notifyAuthor(
	ctx: NoticeContext,
	quarter: Quarter,
	state: NoticeState,
	userId: string,
	move: 'decision' | 'complaint',
	actorId: string,
	now: Date
): Promise<void> {
	await ctx.notifications.notify(
		userId,
		{
			quarterId: quarter.id,
			kind: 'notice',
			exchangeId: null,
			move: `${move}:${state.effective?.decision ?? 'keep'}`,
			actorId,
			title: state.notice.target.label,
			minutes: null
		},
		now
	);
}
