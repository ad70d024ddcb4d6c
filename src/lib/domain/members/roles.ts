// Who may do what in a quarter. Roles are not a strict ladder: a business is not "more" than a
// resident, but the quarter management (moderator) and admin include every member's rights.

export const ROLES = ['resident', 'business', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `declined`: the quarter management turned the application down (with a reason). */
export const MEMBERSHIP_STATES = ['pending', 'active', 'suspended', 'declined'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

export interface MembershipLike {
	role: Role;
	state: MembershipState;
}

const MANAGEMENT: readonly Role[] = ['moderator', 'admin'];

/** Only active members act in a quarter; pending and suspended ones can only read their account. */
export function isActiveMember(membership: MembershipLike | null | undefined): boolean {
	return membership?.state === 'active';
}

/**
 * Whether an active membership holds one of the allowed roles. `admin` passes every check,
 * `moderator` passes checks for member roles too, since the quarter management may do what
 * members may do.
 */
export function hasRole(
	membership: MembershipLike | null | undefined,
	allowed: readonly Role[]
): boolean {
	if (!membership || !isActiveMember(membership)) return false;
	if (membership.role === 'admin') return true;
	if (allowed.includes(membership.role)) return true;
	return membership.role === 'moderator' && allowed.some((role) => !MANAGEMENT.includes(role));
}

export function isManagement(membership: MembershipLike | null | undefined): boolean {
	return hasRole(membership, MANAGEMENT);
}

/** The state a new membership starts in, given the quarter's approval setting. */
export function initialMembershipState(memberApproval: boolean): MembershipState {
	return memberApproval ? 'pending' : 'active';
}
