// Member approval (Freischaltung): the quarter management reads what applicants wrote, asks them
// a question by message, and approves or declines them. Every decision is written to the audit
// log.
//
// Exactly once without transactions (FerretDB v1): a decision is claimed by inserting its audit
// entry under the key `member-decision:<quarterId>:<userId>`; only the first insert succeeds, so
// of two moderators, a double submit or a stale form, one decision wins. The membership is then
// updated with values every writer agrees on, and the follow-ups are each idempotent: the start
// credit by its ledger key `start-credit:<userId>`, each mail by a marker in `once`. A decision
// interrupted by a crash is finished by the same decision sent again.
//
// The start credit of an applicant whose address is not proven yet is not booked on approval:
// opening the verification link welcomes every active membership (services/accounts.ts), which
// books it then. Either way the ledger key books it once.
import type { AuditAction } from '../../domain/audit/actions';
import {
	decisionProblem,
	oldestFirst,
	questionProblem,
	repeatedDecision,
	startCreditOnApproval,
	stateAfter,
	waitingDays,
	type DecisionOutcome,
	type DecisionProblem
} from '../../domain/members/approval';
import { directConversationId } from '../../domain/messages/conversation';
import { messageTextProblem, normalizeMessageText } from '../../domain/messages/text';
import type { Role } from '../../domain/members/roles';
import * as m from '../../paraglide/messages';
import { localizeHref } from '../../paraglide/runtime';
import type { Locale } from '../../domain/locale';
import { appendAudit, appendAuditOnce, findAudit } from '../repos/audit';
import {
	findApplication,
	listPendingApplications,
	saveDecision,
	type Decision
} from '../repos/applications';
import { findMembership } from '../repos/memberships';
import type { Quarter } from '../repos/quarters';
import { claimOnce } from '../repos/tokens';
import { findUserById, findUsersByIds } from '../repos/users';
import { grantStartCredit } from './exchanges';
import { letter, sendMail } from './mail';
import { minorConsentMissing } from './trust';
import {
	conversationExists,
	startConversation,
	type SendProblem,
	type StartProblem
} from './messaging';

export interface ApplicationView {
	userId: string;
	name: string;
	email: string;
	emailVerified: boolean;
	role: Role;
	since: Date;
	waitingDays: number;
	text: string;
	/** This moderator's conversation with the applicant, when they asked a question already. */
	conversationId: string | null;
}

/** Pending applications of a quarter, oldest first, as the quarter management reads them. */
export async function listApplications(
	quarter: Quarter,
	moderatorId: string,
	now: Date
): Promise<ApplicationView[]> {
	const pending = oldestFirst(await listPendingApplications(quarter.id));
	const users = new Map((await findUsersByIds(pending.map((a) => a.userId))).map((u) => [u.id, u]));
	return Promise.all(
		pending.map(async (a) => {
			const user = users.get(a.userId);
			const conversationId = directConversationId(quarter.id, moderatorId, a.userId);
			return {
				userId: a.userId,
				name: user?.displayName ?? '—',
				email: user?.email ?? '',
				emailVerified: user?.emailVerified ?? false,
				role: a.role,
				since: a.since,
				waitingDays: waitingDays(a.since, now),
				text: a.text,
				conversationId: (await conversationExists(conversationId)) ? conversationId : null
			};
		})
	);
}

/** The key under which a membership's one decision is claimed and logged. */
export function decisionKey(quarterId: string, userId: string): string {
	return `member-decision:${quarterId}:${userId}`;
}

const ACTIONS: Record<DecisionOutcome, AuditAction> = {
	approved: 'member.approved',
	declined: 'member.declined'
};

function outcomeOfAction(action: string | undefined): DecisionOutcome | null {
	if (action === ACTIONS.approved) return 'approved';
	if (action === ACTIONS.declined) return 'declined';
	return null;
}

export type DecideResult =
	| { ok: true; duplicate: boolean; startCredit: 'booked' | 'on_verification' | 'none' }
	| { ok: false; problem: DecisionProblem | 'minor_consent_missing' };

interface DecideInput {
	quarter: Quarter;
	memberId: string;
	moderatorId: string;
	/** The site's address as the moderator's request saw it, for the link in the mail. */
	origin: string;
	now: Date;
}

/** Approves a pending application: active membership, start credit, a welcome mail. */
export function approveApplication(input: DecideInput): Promise<DecideResult> {
	return decide(input, 'approved', '');
}

/** Declines a pending application with a reason the applicant reads (on /account and by mail). */
export function declineApplication(input: DecideInput & { reason: string }): Promise<DecideResult> {
	return decide(input, 'declined', input.reason.trim());
}

async function decide(
	input: DecideInput,
	outcome: DecisionOutcome,
	reason: string
): Promise<DecideResult> {
	const { quarter, memberId, moderatorId, now } = input;
	const current = await findApplication(quarter.id, memberId);
	const problem = decisionProblem(current);
	if (problem === 'not_pending' && current?.decision?.outcome === outcome) {
		// Decided so already: finish what an interrupted first attempt may have left undone.
		await followUp(input, outcome, current.decision);
	}
	if (problem) return { ok: false, problem };
	// A 14-17-year-old is approved only after a parent's consent is recorded (issue 16 item 3).
	if (outcome === 'approved' && (await minorConsentMissing(quarter, memberId, now))) {
		return { ok: false, problem: 'minor_consent_missing' };
	}

	const key = decisionKey(quarter.id, memberId);
	let decision: Decision = { outcome, by: moderatorId, at: now, reason };
	const first = await appendAuditOnce({
		id: key,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: ACTIONS[outcome],
		target: { type: 'member', id: memberId },
		reason,
		details: { from: 'pending', to: stateAfter(outcome), role: current!.role }
	});
	if (!first) {
		const prior = await findAudit(key);
		if (repeatedDecision(outcomeOfAction(prior?.action), outcome) !== 'same') {
			return { ok: false, problem: 'not_pending' };
		}
		// The same decision, sent twice: write what the first one recorded.
		decision = { outcome, by: prior!.actorId, at: prior!.at, reason: prior!.reason };
	}
	await saveDecision(quarter.id, memberId, stateAfter(outcome), decision);
	const startCredit = await followUp(input, outcome, decision);
	return { ok: true, duplicate: !first, startCredit };
}

/** The start credit and the mail of a decision; each happens once however often this runs. */
async function followUp(
	input: DecideInput,
	outcome: DecisionOutcome,
	decision: Decision
): Promise<'booked' | 'on_verification' | 'none'> {
	const { quarter, memberId, now } = input;
	const user = await findUserById(memberId);
	if (!user) return 'none';
	let startCredit: 'booked' | 'on_verification' | 'none' = 'none';
	if (outcome === 'approved') {
		if (startCreditOnApproval(user.emailVerified) === 'now') {
			startCredit = (await bookStartCredit(quarter.id, memberId, decision.by, now))
				? 'booked'
				: 'none';
		} else {
			startCredit = 'on_verification';
		}
	}
	// Claimed first, sent after: a crash in between loses this mail, never doubles it.
	if (await claimOnce(`${decisionKey(quarter.id, memberId)}:mail`, now)) {
		const locale: Locale = user.locale;
		const link = (path: string) => input.origin + localizeHref(path, { locale });
		await sendMail(
			outcome === 'approved'
				? {
						to: user.email,
						subject: m.approval_mail_welcome_subject({ quarter: quarter.name }, { locale }),
						text: letter(
							locale,
							user.displayName,
							m.approval_mail_welcome_body(
								{
									quarter: quarter.name,
									link: link(`/q/${quarter.id}`),
									account: link(`/q/${quarter.id}/time-account`)
								},
								{ locale }
							)
						)
					}
				: {
						to: user.email,
						subject: m.approval_mail_declined_subject({ quarter: quarter.name }, { locale }),
						text: letter(
							locale,
							user.displayName,
							m.approval_mail_declined_body(
								{ quarter: quarter.name, reason: decision.reason },
								{ locale }
							)
						)
					},
			now
		);
	}
	return startCredit;
}

/** Books the start credit; a booking the ledger refuses is logged and never fails the approval. */
async function bookStartCredit(
	quarterId: string,
	userId: string,
	by: string,
	now: Date
): Promise<boolean> {
	try {
		const result = await grantStartCredit(quarterId, userId, by, now);
		if (result.ok) return true;
		// Not active any more (suspended since): nothing to welcome; the ledger stays as it is.
		if (result.problem !== 'disabled' && result.problem !== 'not_member') {
			console.error(
				`Start credit for ${userId} in ${quarterId} not booked on approval: ${result.problem}`,
				result.ledger ?? ''
			);
		}
	} catch (err) {
		console.error(`Start credit for ${userId} in ${quarterId} failed on approval:`, err);
	}
	return false;
}

export type QuestionResult =
	| { ok: true; conversationId: string; duplicate: boolean }
	| { ok: false; problem: DecisionProblem | 'forbidden' | StartProblem | SendProblem };

/**
 * Asks a pending applicant a question: opens (or continues) the moderator's conversation with
 * them, which the applicant may read and answer before being approved. The form's nonce makes a
 * double submit send one message.
 */
export async function askApplicant(input: {
	quarter: Quarter;
	memberId: string;
	moderatorId: string;
	text: string;
	nonce: string;
	origin: string;
	now: Date;
}): Promise<QuestionResult> {
	const { quarter, memberId, moderatorId, now } = input;
	const [asker, applicant] = await Promise.all([
		findMembership(quarter.id, moderatorId),
		findMembership(quarter.id, memberId)
	]);
	const problem = questionProblem(asker, applicant);
	if (problem) return { ok: false, problem };
	const text = normalizeMessageText(input.text);
	const textProblem = messageTextProblem(text);
	if (textProblem) return { ok: false, problem: textProblem };
	const conversationId = directConversationId(quarter.id, moderatorId, memberId);
	if (!(await claimOnce(`approval-question:${input.nonce}`, now))) {
		return { ok: true, conversationId, duplicate: true };
	}
	const sent = await startConversation({
		senderId: moderatorId,
		target: { quarterId: quarter.id, memberId },
		text,
		origin: input.origin,
		now
	});
	if (!sent.ok) return sent;
	await appendAudit({
		id: `approval-question:${input.nonce}`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: 'member.asked',
		target: { type: 'member', id: memberId },
		// The question itself stays in the private conversation.
		reason: '',
		details: { conversationId: sent.conversationId, seq: sent.seq }
	});
	return { ok: true, conversationId: sent.conversationId, duplicate: false };
}

/** What an applicant sees of their own application: whether it waits, or why it was declined. */
export async function applicationStatusOf(
	quarterId: string,
	userId: string
): Promise<{ state: string; text: string; declinedReason: string | null } | null> {
	const application = await findApplication(quarterId, userId);
	if (!application) return null;
	return {
		state: application.state,
		text: application.text,
		declinedReason: application.state === 'declined' ? (application.decision?.reason ?? '') : null
	};
}

/** How many applications wait for a decision (the badge in the management menu). */
export async function countPendingApplications(quarterId: string): Promise<number> {
	return (await listPendingApplications(quarterId)).length;
}
