// A person with an account joins a further quarter (docs/cross-quarter.md): a membership of its
// own, under that quarter's approval rule (services/approval.ts decides pending ones as for any
// applicant). The membership's `_id` is `<quarter>:<user>`, so a double submit joins once.
import { normalizeApplicationText } from '../../domain/members/approval';
import { initialMembershipState, type MembershipState } from '../../domain/members/roles';
import { findMembership, insertMembership } from '../repos/memberships';
import { findQuarter } from '../repos/quarters';

export type JoinResult =
	{ ok: true; state: MembershipState } | { ok: false; problem: 'not_found' | 'already' };

export async function joinQuarter(input: {
	userId: string;
	quarterId: string;
	kind: 'resident' | 'business';
	application: string;
	now?: Date;
}): Promise<JoinResult> {
	const quarter = await findQuarter(input.quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	if (await findMembership(quarter.id, input.userId)) return { ok: false, problem: 'already' };
	const now = input.now ?? new Date();
	const approval = quarter.settings.memberApproval;
	const text = approval ? normalizeApplicationText(input.application) : '';
	const state = initialMembershipState(approval);
	try {
		await insertMembership(
			{
				quarterId: quarter.id,
				userId: input.userId,
				role: input.kind,
				state,
				application: text ? { text, at: now } : null
			},
			now
		);
	} catch (err) {
		// The same form twice at once: the other request joined (a duplicate `_id`).
		if ((err as { code?: unknown }).code === 11000) return { ok: false, problem: 'already' };
		throw err;
	}
	return { ok: true, state };
}

/** Whether the person may ask to join: signed in, and not yet a member or applicant there. */
export async function mayJoin(userId: string, quarterId: string): Promise<boolean> {
	return (await findMembership(quarterId, userId)) === null;
}
