// Who is who, for the pages that name people or list a quarter's members. Reads only: joining,
// approval, suspension and consent have their own services.
import {
	listMembershipsOfQuarter,
	listMembershipsOfUser,
	type Membership
} from '../repos/memberships';
import { findProfile } from '../repos/profiles';
import { listQuarterIds } from '../repos/quarters';
import { displayNamesOf, findUserById } from '../repos/users';

export type { Membership };

/** Display names by user id; `system` and unknown ids are left out, so callers show their own dash. */
export function displayNames(ids: Iterable<string>): Promise<Map<string, string>> {
	return displayNamesOf(ids);
}

/** One person's display name, or null when there is no such person. */
export async function displayNameOf(userId: string): Promise<string | null> {
	return (await findUserById(userId))?.displayName ?? null;
}

/** A quarter's memberships in every state, oldest first. */
export function membershipsOfQuarter(quarterId: string): Promise<Membership[]> {
	return listMembershipsOfQuarter(quarterId);
}

/** A person's memberships in all quarters of the installation (for the navigation). */
export async function membershipsOfUser(userId: string): Promise<Membership[]> {
	return listMembershipsOfUser(userId, await listQuarterIds());
}

/** The block a member gave in their profile in a quarter, or null when none. */
export async function homeBlockOf(quarterId: string, userId: string): Promise<string | null> {
	return (await findProfile(quarterId, userId))?.blockId ?? null;
}
