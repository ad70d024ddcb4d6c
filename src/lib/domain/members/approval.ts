// Member approval (Freischaltung): in quarters where the quarter management lets people in, a
// new membership waits as `pending` until a moderator approves or declines it. Pure rules: which
// decisions are allowed, what a repeated decision means, when the start credit is booked.
import { isManagement, type MembershipLike } from './roles';

/** What an applicant may write at sign-up, and a decline's reason: enough for a few sentences. */
export const APPLICATION_MAX = 1000;
export const DECLINE_REASON_MAX = 1000;

export type DecisionOutcome = 'approved' | 'declined';

export type DecisionProblem = 'not_found' | 'not_pending' | 'management';

/** The state a decision leaves the membership in. */
export function stateAfter(outcome: DecisionOutcome): 'active' | 'declined' {
	return outcome === 'approved' ? 'active' : 'declined';
}

/**
 * Whether the quarter management may decide on this membership now. Only a pending membership
 * is decided, once: an active, suspended or declined one is not "approved" again by a stale
 * form. A membership with a management role is never an application.
 */
export function decisionProblem(
	membership: MembershipLike | null | undefined
): DecisionProblem | null {
	if (!membership) return 'not_found';
	if (isManagement({ ...membership, state: 'active' })) return 'management';
	if (membership.state !== 'pending') return 'not_pending';
	return null;
}

/**
 * A second decision on the same application (a double submit, a retry, a colleague at the same
 * moment) finds the first one recorded. The same outcome again finishes what the first may have
 * left undone and changes nothing; another outcome is refused.
 */
export function repeatedDecision(
	recorded: DecisionOutcome | null,
	wanted: DecisionOutcome
): 'first' | 'same' | 'conflict' {
	if (recorded === null) return 'first';
	return recorded === wanted ? 'same' : 'conflict';
}

/**
 * When an approved member gets the start credit: at once when their address is proven; otherwise
 * when they open the verification link (the sign-up's welcome books it then, as in quarters
 * without approval). Either way the ledger key `start-credit:<userId>` books it once.
 */
export function startCreditOnApproval(emailVerified: boolean): 'now' | 'on_verification' {
	return emailVerified ? 'now' : 'on_verification';
}

/** Only a pending applicant is asked a question, and only by the quarter management. */
export function questionProblem(
	asker: MembershipLike | null | undefined,
	applicant: MembershipLike | null | undefined
): DecisionProblem | 'forbidden' | null {
	if (!isManagement(asker)) return 'forbidden';
	return decisionProblem(applicant);
}

/** Whole days an application has waited (0 on the day it came in). */
export function waitingDays(since: Date, now: Date): number {
	return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
}

/** Applications oldest first, so nobody waits longest by accident; ties by id for a stable list. */
export function oldestFirst<T extends { since: Date; userId: string }>(list: readonly T[]): T[] {
	return [...list].sort(
		(a, b) => a.since.getTime() - b.since.getTime() || a.userId.localeCompare(b.userId)
	);
}

/** An application's text as stored: trimmed, runs of blank lines shortened; empty is none. */
export function normalizeApplicationText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
