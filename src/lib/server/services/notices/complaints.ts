// Internal complaints (Art. 20 DSA): the member concerned and the notifier contest a decision
// from the link in their mail, without an account, within six months; another moderator than
// anyone who decided on the notice before decides (four eyes), with reasons; a successful
// complaint reverses the measure through the same paths that took it; both parties are told.
import {
	checkComplaint,
	checkComplaintDecision,
	NOTICE_LIMITS,
	type ComplaintDecisionProblem,
	type ComplaintDecisionInput,
	type ComplaintParty,
	type ComplaintProblem,
	type NoticeOf,
	type NoticeState
} from '../../../domain/notices/notice';
import { isManagement } from '../../../domain/members/roles';
import { hashToken } from '../../ids';
import { appendAudit } from '../../repos/audit';
import { findMembership } from '../../repos/memberships';
import { findQuarter, type Quarter } from '../../repos/quarters';
import { findToken } from '../../repos/tokens';
import { consumeAttempt, type Limited } from '../rate-limit';
import type { NoticeContext } from './context';
import { carryOut, notifyAuthor, type MeasureProblem } from './decide';
import { mailComplaintDecision, sendStatementOfReasons } from './mails';

export interface ComplaintAccess {
	quarter: Quarter;
	state: NoticeState;
	party: ComplaintParty;
}

/** The decision a complaint link opens, or null (unknown, expired or malformed link). */
export async function complaintAccess(
	ctx: NoticeContext,
	token: string,
	now: Date
): Promise<ComplaintAccess | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const stored = await findToken(hashToken(token), 'complaint');
	if (!stored || stored.expiresAt <= now || !stored.subject) return null;
	const [quarterId, noticeId, party] = stored.subject.split('/');
	if (!quarterId || !noticeId || (party !== 'author' && party !== 'notifier')) return null;
	const quarter = await findQuarter(quarterId);
	const state = quarter && (await ctx.log.read(quarterId)).notices.get(noticeId);
	if (!quarter || !state) return null;
	return { quarter, state, party };
}

export type LodgeResult =
	{ ok: true; repeated: boolean } | { ok: false; problem: ComplaintProblem | 'bad_link' } | Limited;

export async function lodgeComplaint(
	ctx: NoticeContext,
	input: { token: string; reasons: string },
	request: { ip: string; now: Date }
): Promise<LodgeResult> {
	const { now } = request;
	const limited = await consumeAttempt(
		[{ rule: NOTICE_LIMITS.complaintPerIp, subject: request.ip }],
		now
	);
	if (limited) return limited;
	const access = await complaintAccess(ctx, input.token, now);
	if (!access) return { ok: false, problem: 'bad_link' };
	const { quarter, state, party } = access;
	const noticeId = state.notice.noticeId;
	const key = `complaint:${noticeId}:${party}`;
	const reasons = input.reasons.trim();
	const appended = await ctx.log.append<ComplaintProblem>(quarter.id, (book, seq) => {
		const same = book.keys.get(key);
		if (same) return { ok: true, existing: same };
		const problem = checkComplaint(book.notices.get(noticeId), party, reasons, now);
		if (problem) return { ok: false, problem };
		const entry: NoticeOf<'complaint'> = {
			kind: 'complaint',
			seq,
			key,
			noticeId,
			at: now,
			party,
			reasons
		};
		return { ok: true, entry };
	});
	if (!appended.ok) {
		if (appended.problem === 'contention') throw new Error(`Notices of ${quarter.id}: contention`);
		return { ok: false, problem: appended.problem };
	}
	if (appended.duplicate) return { ok: true, repeated: true };
	await appendAudit({
		id: `notice:${noticeId}:complaint:${party}`,
		quarterId: quarter.id,
		at: now,
		actorId: party === 'author' ? (state.effective?.affectedId ?? 'author') : 'notifier',
		action: 'notice.complaint',
		target: { type: 'notice', id: noticeId },
		reason: reasons,
		details: { title: state.notice.target.label, party }
	});
	return { ok: true, repeated: false };
}

export type ComplaintDecisionResult =
	{ ok: true } | { ok: false; problem: ComplaintDecisionProblem | MeasureProblem };

export async function decideComplaint(
	ctx: NoticeContext,
	input: Omit<ComplaintDecisionInput, 'moderator'> & {
		quarter: Quarter;
		noticeId: string;
		origin: string;
		now: Date;
	}
): Promise<ComplaintDecisionResult> {
	const { quarter, noticeId, now } = input;
	const moderator = isManagement(await findMembership(quarter.id, input.by));
	const key = `complaint-decision:${noticeId}:${input.party}`;
	const book = await ctx.log.read(quarter.id);
	// The same moderator's form sent again (a double click, a reload): decided, nothing more to do.
	const done = book.keys.get(key);
	if (done?.kind === 'complaintDecision' && done.by === input.by) return { ok: true };
	const before = book.notices.get(noticeId);
	const replacement = input.replacement && {
		...input.replacement,
		// A measure taken instead of a keep concerns the content's author unless named.
		affectedId: input.replacement.affectedId ?? before?.notice.authorId ?? null
	};
	const draft: ComplaintDecisionInput = {
		by: input.by,
		moderator,
		party: input.party,
		outcome: input.outcome,
		reasons: input.reasons.trim(),
		replacement
	};
	const early = checkComplaintDecision(before, draft);
	if (!early.ok) return early;
	// Read now: the book's states are folded in place, so `before` changes with the append.
	const measureFromKeep = input.outcome === 'reversed' && before!.effective!.decision === 'keep';
	if (input.outcome === 'reversed') {
		const problem = await carryOut(
			quarter,
			before!,
			before!.effective,
			early,
			input.by,
			draft.reasons,
			now
		);
		if (problem) return { ok: false, problem };
	}
	const appended = await ctx.log.append<ComplaintDecisionProblem>(quarter.id, (book, seq) => {
		const same = book.keys.get(key);
		if (same) {
			return same.kind === 'complaintDecision' && same.by === input.by
				? { ok: true, existing: same }
				: { ok: false, problem: 'decided_already' };
		}
		const checked = checkComplaintDecision(book.notices.get(noticeId), draft);
		if (!checked.ok) return checked;
		const entry: NoticeOf<'complaintDecision'> = {
			kind: 'complaintDecision',
			seq,
			key,
			noticeId,
			at: now,
			by: input.by,
			party: input.party,
			outcome: input.outcome,
			reasons: draft.reasons,
			decision: checked.decision,
			ground: checked.ground,
			affectedId: checked.affectedId
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
		id: `notice:${noticeId}:complaint-decision:${input.party}`,
		quarterId: quarter.id,
		at: now,
		actorId: input.by,
		action: input.outcome === 'upheld' ? 'notice.complaintUpheld' : 'notice.complaintReversed',
		target: { type: 'notice', id: noticeId },
		reason: draft.reasons,
		details: {
			title: state.notice.target.label,
			party: input.party,
			now: state.effective?.decision ?? null
		}
	});
	const notify = (userId: string) =>
		notifyAuthor(ctx, quarter, state, userId, 'complaint', input.by, now);
	await mailComplaintDecision(
		quarter,
		state,
		input.party,
		input.outcome,
		draft.reasons,
		notify,
		now
	);
	// A keep reversed into a measure is a new restriction: its member gets a statement of reasons.
	if (measureFromKeep) {
		await sendStatementOfReasons(input.origin, quarter, state, draft.reasons, notify, now);
	}
	return { ok: true };
}
