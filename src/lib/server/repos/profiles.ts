import type { Profile } from '../../domain/members/profile';
import { db, type ProfileDoc } from '../db';
import { findMembership, membershipId } from './memberships';

// Same key as the membership: one profile per person and quarter, found by `_id`.
const profileId = membershipId;

/** Only the profile's own fields, with defaults for ones missing in older documents. */
function toProfile(doc: Profile): Profile {
	return {
		quarterId: doc.quarterId,
		userId: doc.userId,
		bio: doc.bio,
		skills: doc.skills.map((s) => ({ name: s.name, level: s.level ?? null })),
		languages: doc.languages,
		photoId: doc.photoId ?? null,
		talentDirectory: doc.talentDirectory,
		blockId: doc.blockId ?? null,
		showEmail: doc.showEmail,
		phone: doc.phone ?? '',
		messageNotification: doc.messageNotification,
		showBalance: doc.showBalance,
		updatedAt: doc.updatedAt
	};
}

export async function findProfile(quarterId: string, userId: string): Promise<Profile | null> {
	const doc = await (await db()).profiles.findOne({ _id: profileId(quarterId, userId) });
	return doc ? toProfile(doc) : null;
}

/**
 * Replaces the whole profile, creating it on first save. Only the member writes their own
 * profile, so the last write wins without losing anyone else's change.
 */
export async function saveProfile(profile: Profile): Promise<void> {
	const doc: ProfileDoc = {
		_id: profileId(profile.quarterId, profile.userId),
		...toProfile(profile)
	};
	await (await db()).profiles.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

/**
 * Profiles in the quarter's talent directory: opted in, and the person is an active resident
 * now. The membership is checked here rather than the flag cleared when a role changes or a
 * member is suspended, so the quarter management never writes to a profile. The scan by
 * `quarterId` reads every profile on the embedded database; the directory is small.
 */
export async function listTalentProfiles(quarterId: string): Promise<Profile[]> {
	const docs = await (await db()).profiles.find({ quarterId, talentDirectory: true }).toArray();
	const memberships = await Promise.all(docs.map((doc) => findMembership(quarterId, doc.userId)));
	return docs
		.filter((_, i) => memberships[i]?.role === 'resident' && memberships[i]?.state === 'active')
		.map(toProfile);
}
