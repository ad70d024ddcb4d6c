import { describe, expect, it } from 'vitest';
import {
	hasRole,
	initialMembershipState,
	isActiveMember,
	isManagement,
	MEMBERSHIP_STATES,
	ROLES,
	type MembershipState,
	type Role
} from './roles';

const member = (role: Role, state: MembershipState = 'active') => ({ role, state });

describe('hasRole for active members', () => {
	// [role, allowed, expected]
	it.each<[Role, Role[], boolean]>([
		// admin passes every check
		['admin', ['resident'], true],
		['admin', ['business'], true],
		['admin', ['moderator'], true],
		['admin', ['admin'], true],
		['admin', ['resident', 'business'], true],
		// moderator: every member role and its own, not admin-only
		['moderator', ['resident'], true],
		['moderator', ['business'], true],
		['moderator', ['moderator'], true],
		['moderator', ['moderator', 'admin'], true],
		['moderator', ['admin'], false],
		['moderator', ['admin', 'resident'], true],
		// resident: only resident
		['resident', ['resident'], true],
		['resident', ['resident', 'business'], true],
		['resident', ['business'], false],
		['resident', ['moderator'], false],
		['resident', ['admin'], false],
		['resident', ['moderator', 'admin'], false],
		// business: only business; not more than a resident, not less
		['business', ['business'], true],
		['business', ['resident'], false],
		['business', ['moderator'], false],
		['business', ['admin'], false],
		// nothing allowed: only admin passes
		['resident', [], false],
		['business', [], false],
		['moderator', [], false]
	])('%s with allowed %j -> %s', (role, allowed, expected) => {
		expect(hasRole(member(role), allowed)).toBe(expected);
	});
});

describe('hasRole for members who are not active', () => {
	const inactive: MembershipState[] = ['pending', 'suspended', 'declined'];
	const cases = inactive.flatMap((state) =>
		ROLES.flatMap((role) =>
			[[...ROLES], [role], ['resident'], ['admin']].map(
				(allowed) => [state, role, allowed] as [MembershipState, Role, Role[]]
			)
		)
	);

	it.each(cases)('%s %s with allowed %j -> false', (state, role, allowed) => {
		expect(hasRole(member(role, state), allowed)).toBe(false);
	});
});

describe('hasRole without a membership', () => {
	it.each([null, undefined])('%s -> false, even when every role is allowed', (membership) => {
		expect(hasRole(membership, ROLES)).toBe(false);
	});
});

describe('isActiveMember', () => {
	it.each<[MembershipState, boolean]>([
		['pending', false],
		['active', true],
		['suspended', false]
	])('%s -> %s', (state, expected) => {
		expect(isActiveMember(member('resident', state))).toBe(expected);
	});

	it.each([null, undefined])('%s -> false', (membership) => {
		expect(isActiveMember(membership)).toBe(false);
	});
});

describe('isManagement', () => {
	it.each<[Role, MembershipState, boolean]>([
		['admin', 'active', true],
		['moderator', 'active', true],
		['resident', 'active', false],
		['business', 'active', false],
		['admin', 'pending', false],
		['admin', 'suspended', false],
		['moderator', 'pending', false],
		['moderator', 'suspended', false]
	])('%s (%s) -> %s', (role, state, expected) => {
		expect(isManagement(member(role, state))).toBe(expected);
	});

	it.each([null, undefined])('%s -> false', (membership) => {
		expect(isManagement(membership)).toBe(false);
	});
});

describe('initialMembershipState', () => {
	it.each<[boolean, MembershipState]>([
		[true, 'pending'],
		[false, 'active']
	])('memberApproval %s -> %s', (memberApproval, expected) => {
		expect(initialMembershipState(memberApproval)).toBe(expected);
	});
});

describe('role and state lists', () => {
	it('name every role and state the message files translate', () => {
		expect([...ROLES]).toEqual(['resident', 'business', 'moderator', 'admin']);
		expect([...MEMBERSHIP_STATES]).toEqual(['pending', 'active', 'suspended', 'declined']);
	});
});
