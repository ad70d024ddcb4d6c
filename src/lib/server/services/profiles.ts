// Member profiles and the talent directory: what a member says about themselves, and what
// others of the quarter may see of it. Email and phone leave the server only when the member
// chose to show them.
import { memberAccount, balanceOf } from '../../domain/ledger/ledger';
import type { Listing } from '../../domain/listings/listing';
import { emptyProfile, type Profile, type Skill } from '../../domain/members/profile';
import type { Role } from '../../domain/members/roles';
import {
	directoryLanguages,
	matchesTalentFilter,
	type TalentFilter
} from '../../domain/members/talents';
import type { ProfileInput } from '../../schemas/profile';
import { newId } from '../ids';
import { processPhoto, type PhotoError } from '../photos';
import { findMembership } from '../repos/memberships';
import { insertPhoto } from '../repos/photos';
import { findProfile, listTalentProfiles, saveProfile } from '../repos/profiles';
import { findUserById } from '../repos/users';
import { ledger } from './ledger';
import { publishedListingsOfAuthor } from './listings';

export async function ownProfile(quarterId: string, userId: string): Promise<Profile> {
	return (await findProfile(quarterId, userId)) ?? emptyProfile(quarterId, userId, new Date());
}

/** Keep the photo, take it away, or replace it by an uploaded file (not checked yet). */
export type PhotoChange = { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; file: Blob };

/**
 * Saves what the member typed and the photo change. A file that is no usable photo stops the
 * whole save, so the member is not left wondering which half was kept.
 */
export async function updateOwnProfile(input: {
	quarterId: string;
	userId: string;
	fields: ProfileInput;
	photo: PhotoChange;
	now: Date;
}): Promise<{ ok: true } | { ok: false; error: PhotoError }> {
	const { quarterId, userId, fields, photo, now } = input;
	const current = await ownProfile(quarterId, userId);
	let photoId = photo.kind === 'remove' ? null : current.photoId;
	if (photo.kind === 'new') {
		const processed = await processPhoto(photo.file);
		if (!processed.ok) return processed;
		photoId = newId();
		await insertPhoto({
			id: photoId,
			ownerId: userId,
			quarterId,
			full: processed.photo.full,
			thumb: processed.photo.thumb,
			createdAt: now
		});
	}
	await saveProfile({ ...current, ...fields, photoId, updatedAt: now });
	return { ok: true };
}

export interface MemberProfileView {
	id: string;
	displayName: string;
	role: Role;
	since: Date;
	bio: string;
	skills: Skill[];
	languages: string[];
	photoId: string | null;
	inTalentDirectory: boolean;
	/** Null unless the member chose to show it. */
	email: string | null;
	/** Null unless the member gave one. */
	phone: string | null;
	/** Minutes; null unless the member chose to show it. */
	balanceMinutes: number | null;
	/** Published, newest first; the page shows them as cards. */
	listings: Listing[];
}

/** A member's profile as the other members of the quarter see it; null for non-members and
 * for people whose membership is pending or suspended. */
export async function memberProfileView(
	quarterId: string,
	memberId: string
): Promise<MemberProfileView | null> {
	const [membership, user, profile] = await Promise.all([
		findMembership(quarterId, memberId),
		findUserById(memberId),
		findProfile(quarterId, memberId)
	]);
	if (!membership || membership.state !== 'active' || !user) return null;
	const p = profile ?? emptyProfile(quarterId, memberId, new Date());
	const [listings, balances] = await Promise.all([
		publishedListingsOfAuthor(quarterId, memberId),
		p.showBalance ? ledger.balances(quarterId) : null
	]);
	return {
		id: memberId,
		displayName: user.displayName,
		role: membership.role,
		since: membership.since,
		bio: p.bio,
		skills: p.skills,
		languages: p.languages,
		photoId: p.photoId,
		inTalentDirectory: p.talentDirectory && membership.role === 'resident',
		email: p.showEmail ? user.email : null,
		phone: p.phone || null,
		balanceMinutes: balances ? balanceOf(balances, memberAccount(memberId)) : null,
		listings
	};
}

export interface TalentEntry {
	id: string;
	displayName: string;
	skills: Skill[];
	languages: string[];
	photoId: string | null;
}

/** The quarter's talent directory, filtered, by name; and every language in it for the filter. */
export async function talentDirectory(
	quarterId: string,
	filter: TalentFilter
): Promise<{ entries: TalentEntry[]; languages: string[]; total: number }> {
	const profiles = await listTalentProfiles(quarterId);
	// By `_id`, one look-up each: a `$in` filter would read every user on the embedded database.
	const users = await Promise.all(profiles.map((p) => findUserById(p.userId)));
	const entries: TalentEntry[] = [];
	profiles.forEach((p, i) => {
		const user = users[i];
		if (!user || !matchesTalentFilter(p, filter)) return;
		entries.push({
			id: p.userId,
			displayName: user.displayName,
			skills: p.skills,
			languages: p.languages,
			photoId: p.photoId
		});
	});
	entries.sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
	return { entries, languages: directoryLanguages(profiles), total: profiles.length };
}
