// Applications for membership and the quarter management's decisions on them. They live on the
// membership document (fields `application` and `decision`, see db/collections.ts); this module
// reads and writes just those, so the memberships module stays about roles and states.
import type { MembershipState } from '../../domain/members/roles';
import { db, type MembershipDoc } from '../db';
import { membershipId, toMembership, type Membership } from './memberships';

export type Decision = NonNullable<MembershipDoc['decision']>;

export interface Application extends Membership {
	text: string;
	/** When the text was written (sign-up); null when the person wrote nothing. */
	at: Date | null;
	decision: Decision | null;
}

function toApplication(doc: MembershipDoc): Application {
	return {
		...toMembership(doc),
		text: doc.application?.text ?? '',
		at: doc.application?.at ?? null,
		decision: doc.decision ?? null
	};
}

export async function findApplication(
	quarterId: string,
	userId: string
): Promise<Application | null> {
	const doc = await (await db()).memberships.findOne({ _id: membershipId(quarterId, userId) });
	return doc ? toApplication(doc) : null;
}

/**
 * A quarter's memberships waiting for a decision. Reads the quarter's memberships (a page for a
 * few people, as the members overview does).
 */
export async function listPendingApplications(quarterId: string): Promise<Application[]> {
	const docs = await (await db()).memberships.find({ quarterId, state: 'pending' }).toArray();
	return docs.map(toApplication);
}

/**
 * Writes the outcome of a decision. The decision was claimed once before (see
 * services/approval.ts), so every writer of this membership's decision writes the same values
 * and the last write may win.
 */
export async function saveDecision(
	quarterId: string,
	userId: string,
	state: MembershipState,
	decision: Decision
): Promise<void> {
	await (
		await db()
	).memberships.updateOne({ _id: membershipId(quarterId, userId) }, { $set: { state, decision } });
}
