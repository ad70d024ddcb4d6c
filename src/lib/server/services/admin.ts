// The platform administrator's acts on a quarter's people: appointing and removing the quarter
// management, and changing a member's role between resident and business. Each act is audited
// in the quarter's log (Protokoll), which the quarter management reads too.
import type { AuditAction } from '../../domain/audit/actions';
import type { Locale } from '../../domain/locale';
import { isManagement, type MembershipState, type Role } from '../../domain/members/roles';
import * as m from '../../paraglide/messages';
import { localizeHref } from '../../paraglide/runtime';
import { hashPassword } from '../auth/password';
import { newId, newSecretToken } from '../ids';
import { appendAudit } from '../repos/audit';
import {
	findMembership,
	insertMembership,
	listMembershipsOfQuarter,
	setMembershipRole
} from '../repos/memberships';
import { findQuarter } from '../repos/quarters';
import { findUserWithPasswordByEmail, findUsersByIds, insertUser, type User } from '../repos/users';
import { letter, sendMail } from './mail';
import { issuePasswordLink, publicOrigin } from './platform';

async function audit(
	quarterId: string,
	action: AuditAction,
	actorId: string,
	memberId: string,
	now: Date,
	details: Record<string, string>,
	reason = ''
): Promise<void> {
	await appendAudit({
		id: `member:${quarterId}:${memberId}:${action}:${newId()}`,
		quarterId,
		at: now,
		actorId,
		action,
		target: { type: 'member', id: memberId },
		reason,
		details
	});
}

export type AppointResult =
	| { ok: true; user: User; invited: boolean; passwordLink: string | null }
	| { ok: false; problem: 'quarter_missing' | 'already_manager' | 'name_required' };

/**
 * Makes the person with this address quarter manager (role `moderator`, active). Without an
 * account, and with a name given, an account is created and a mail invites them to set a password.
 */
export async function appointManager(
	input: { quarterId: string; email: string; displayName?: string; locale?: Locale },
	actorId: string,
	now: Date,
	origin = publicOrigin()
): Promise<AppointResult> {
	const quarter = await findQuarter(input.quarterId);
	if (!quarter) return { ok: false, problem: 'quarter_missing' };
	let user: User | null = await findUserWithPasswordByEmail(input.email);
	let passwordLink: string | null = null;
	if (!user) {
		if (!input.displayName || input.displayName.length < 2) {
			return { ok: false, problem: 'name_required' };
		}
		const locale = input.locale ?? 'de';
		user = await insertUser(
			{
				id: newId(),
				email: input.email,
				displayName: input.displayName,
				locale,
				passwordHash: await hashPassword(newSecretToken() + newSecretToken())
			},
			now
		);
		passwordLink = await issuePasswordLink(user, origin, now);
		const path = new URL(passwordLink).pathname + new URL(passwordLink).search;
		await sendMail(
			{
				to: user.email,
				subject: m.admin_invite_mail_subject({ quarter: quarter.name }, { locale }),
				text: letter(
					locale,
					user.displayName,
					m.admin_invite_mail_body(
						{ quarter: quarter.name, link: origin + localizeHref(path, { locale }) },
						{ locale }
					)
				)
			},
			now
		);
	}
	const membership = await findMembership(quarter.id, user.id);
	if (membership && isManagement({ ...membership, state: 'active' })) {
		return { ok: false, problem: 'already_manager' };
	}
	if (membership) await setMembershipRole(quarter.id, user.id, 'moderator', 'active');
	else {
		await insertMembership(
			{ quarterId: quarter.id, userId: user.id, role: 'moderator', state: 'active' },
			now
		);
	}
	await audit(quarter.id, 'member.managerAppointed', actorId, user.id, now, {
		email: user.email,
		before: membership ? `${membership.role}/${membership.state}` : 'none'
	});
	return { ok: true, user, invited: passwordLink !== null, passwordLink };
}

export type MemberActResult =
	| { ok: true; user: User }
	| {
			ok: false;
			problem: 'quarter_missing' | 'not_found' | 'not_manager' | 'not_member' | 'same_role';
	  };

async function memberOf(quarterId: string, who: { email?: string; userId?: string }) {
	const user = who.userId
		? ((await findUsersByIds([who.userId]))[0] ?? null)
		: await findUserWithPasswordByEmail(who.email ?? '');
	if (!user) return null;
	const membership = await findMembership(quarterId, user.id);
	return membership ? { user, membership } : null;
}

/** Ends someone's quarter management role: they stay a member, as a resident. */
export async function removeManager(
	input: { quarterId: string; email?: string; userId?: string },
	actorId: string,
	now: Date
): Promise<MemberActResult> {
	if (!(await findQuarter(input.quarterId))) return { ok: false, problem: 'quarter_missing' };
	const found = await memberOf(input.quarterId, input);
	if (!found) return { ok: false, problem: 'not_found' };
	if (found.membership.role !== 'moderator') return { ok: false, problem: 'not_manager' };
	await setMembershipRole(input.quarterId, found.user.id, 'resident', found.membership.state);
	await audit(input.quarterId, 'member.managerRemoved', actorId, found.user.id, now, {
		email: found.user.email
	});
	return { ok: true, user: found.user };
}

/** Resident ↔ business, with the reason the audit log keeps. */
export async function changeMemberRole(
	input: {
		quarterId: string;
		email?: string;
		userId?: string;
		role: 'resident' | 'business';
		reason: string;
	},
	actorId: string,
	now: Date
): Promise<MemberActResult> {
	if (!(await findQuarter(input.quarterId))) return { ok: false, problem: 'quarter_missing' };
	const found = await memberOf(input.quarterId, input);
	if (!found) return { ok: false, problem: 'not_found' };
	const from = found.membership.role;
	if (from !== 'resident' && from !== 'business') return { ok: false, problem: 'not_member' };
	if (from === input.role) return { ok: false, problem: 'same_role' };
	await setMembershipRole(input.quarterId, found.user.id, input.role, found.membership.state);
	await audit(
		input.quarterId,
		'member.roleChanged',
		actorId,
		found.user.id,
		now,
		{ from, to: input.role },
		input.reason
	);
	return { ok: true, user: found.user };
}

export interface QuarterPerson {
	id: string;
	displayName: string;
	email: string;
	role: Role;
	state: MembershipState;
}

/** The quarter's managers and members for the admin area, managers first. */
export async function peopleOfQuarter(quarterId: string): Promise<QuarterPerson[]> {
	const memberships = await listMembershipsOfQuarter(quarterId);
	const users = new Map(
		(await findUsersByIds(memberships.map((ms) => ms.userId))).map((u) => [u.id, u])
	);
	const people = memberships.flatMap((ms) => {
		const user = users.get(ms.userId);
		return user
			? [
					{
						id: user.id,
						displayName: user.displayName,
						email: user.email,
						role: ms.role,
						state: ms.state
					}
				]
			: [];
	});
	const rank = (p: QuarterPerson) => (p.role === 'moderator' || p.role === 'admin' ? 0 : 1);
	return people.sort((a, b) => rank(a) - rank(b));
}
