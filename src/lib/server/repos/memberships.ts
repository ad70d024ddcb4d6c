import type { MembershipState, Role } from '../../domain/members/roles';
import { db, type MembershipDoc } from '../db';

export interface Membership {
	quarterId: string;
	userId: string;
	role: Role;
	state: MembershipState;
	since: Date;
}

/** The membership part of a stored membership (applications and consent have their own repos). */
export function toMembership(doc: MembershipDoc): Membership {
	return {
		quarterId: doc.quarterId,
		userId: doc.userId,
		role: doc.role,
		state: doc.state,
		since: doc.createdAt
	};
}

export function membershipId(quarterId: string, userId: string): string {
	return `${quarterId}:${userId}`;
}

export async function insertMembership(
	m: {
		quarterId: string;
		userId: string;
		role: Role;
		state: MembershipState;
		/** What an applicant wrote at sign-up (quarters with member approval). */
		application?: { text: string; at: Date } | null;
	},
	now: Date
): Promise<void> {
	await (
		await db()
	).memberships.insertOne({
		_id: membershipId(m.quarterId, m.userId),
		...m,
		createdAt: now
	});
}

export async function findMembership(
	quarterId: string,
	userId: string
): Promise<Membership | null> {
	const doc = await (await db()).memberships.findOne({ _id: membershipId(quarterId, userId) });
	return doc ? toMembership(doc) : null;
}

/**
 * A person's memberships among the given quarters, by `_id` look-ups: on the embedded database
 * a `find({userId})` reads every membership of every quarter, while an installation has only a
 * handful of quarters. Used on every page for the navigation.
 */
export async function listMembershipsOfUser(
	userId: string,
	quarterIds: string[]
): Promise<Membership[]> {
	const c = await db();
	const docs = await Promise.all(
		quarterIds.map((quarterId) => c.memberships.findOne({ _id: membershipId(quarterId, userId) }))
	);
	return docs.filter((doc): doc is MembershipDoc => doc !== null).map(toMembership);
}

export async function listMembershipsOfQuarter(quarterId: string): Promise<Membership[]> {
	const docs = await (await db()).memberships.find({ quarterId }).sort({ createdAt: 1 }).toArray();
	return docs.map(toMembership);
}

/** Suspension and reinstatement by the quarter management (audited by the caller). */
export async function setMembershipState(
	quarterId: string,
	userId: string,
	state: MembershipState
): Promise<void> {
	await (
		await db()
	).memberships.updateOne({ _id: membershipId(quarterId, userId) }, { $set: { state } });
}

/** A member's role (and state) as the platform administrator sets it (audited by the caller). */
export async function setMembershipRole(
	quarterId: string,
	userId: string,
	role: Role,
	state: MembershipState
): Promise<void> {
	await (
		await db()
	).memberships.updateOne({ _id: membershipId(quarterId, userId) }, { $set: { role, state } });
}
