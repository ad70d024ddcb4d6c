// Profiles and the talent directory against the real embedded database.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import { emptyProfile, type Profile } from '../../src/lib/domain/members/profile';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { db } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/ids';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { findProfile, listTalentProfiles, saveProfile } from '../../src/lib/server/repos/profiles';
import { insertQuarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import { findPhoto } from '../../src/lib/server/repos/photos';
import {
	memberProfileView,
	talentDirectory,
	updateOwnProfile
} from '../../src/lib/server/services/profiles';
import sharp from 'sharp';

const Q = 'talentquartier';
const OTHER = 'nachbarquartier';
const now = new Date('2026-03-01T09:30:00.000Z');

async function person(
	displayName: string,
	memberships: Array<[quarterId: string, role: Role, state?: MembershipState]>
): Promise<string> {
	const id = newId();
	await insertUser(
		{
			id,
			email: `${id}@beispiel.de`,
			displayName,
			locale: 'de',
			passwordHash: 'not-used'
		},
		now,
		true
	);
	for (const [quarterId, role, state = 'active'] of memberships) {
		await insertMembership({ quarterId, userId: id, role, state }, now);
	}
	return id;
}

function profile(quarterId: string, userId: string, changes: Partial<Profile> = {}): Profile {
	return { ...emptyProfile(quarterId, userId, now), ...changes };
}

beforeAll(async () => {
	for (const id of [Q, OTHER]) {
		await insertQuarter(
			{
				id,
				name: id,
				city: 'Teststadt',
				description: '',
				settings: DEFAULT_QUARTER_SETTINGS,
				categories: [...DEFAULT_CATEGORIES],
				blocks: []
			},
			now
		);
	}
});

describe('saveProfile and findProfile', () => {
	it('stores a profile under <quarter>:<user> and reads it back as saved', async () => {
		const userId = await person('Ayşe Ö.', [[Q, 'resident']]);
		expect(await findProfile(Q, userId)).toBeNull();
		const saved = profile(Q, userId, {
			bio: 'Ich backe gern.\nSonntags auch Brezeln. 🥨',
			skills: [
				{ name: 'Brezeln schlingen', level: 'expert' },
				{ name: 'Fahrrad flicken', level: null }
			],
			languages: ['Deutsch', 'Türkisch'],
			photoId: newId(),
			talentDirectory: true,
			blockId: 'block-7',
			showEmail: true,
			phone: '+49 511 123456',
			messageNotification: 'daily',
			showBalance: true
		});
		await saveProfile(saved);
		expect(await findProfile(Q, userId)).toEqual(saved);

		const raw = await (await db()).profiles.findOne({ _id: `${Q}:${userId}` });
		expect(raw?.quarterId).toBe(Q);
		expect(raw?.updatedAt).toBeInstanceOf(Date);
	});

	it('saving again replaces the whole profile (the member is its only writer)', async () => {
		const userId = await person('Bernd K.', [[Q, 'resident']]);
		await saveProfile(
			profile(Q, userId, { bio: 'erst', skills: [{ name: 'Kochen', level: 'good' }] })
		);
		const later = new Date(now.getTime() + 60_000);
		const second = profile(Q, userId, { bio: 'dann', languages: ['Polnisch'], updatedAt: later });
		await saveProfile(second);
		expect(await findProfile(Q, userId)).toEqual(second);
		expect(await (await db()).profiles.countDocuments({ userId })).toBe(1);
	});

	it('keeps one profile per quarter', async () => {
		const userId = await person('Clara Z.', [
			[Q, 'resident'],
			[OTHER, 'resident']
		]);
		await saveProfile(profile(Q, userId, { bio: 'hier' }));
		await saveProfile(profile(OTHER, userId, { bio: 'dort' }));
		expect((await findProfile(Q, userId))?.bio).toBe('hier');
		expect((await findProfile(OTHER, userId))?.bio).toBe('dort');
	});
});

describe('listTalentProfiles', () => {
	it('lists opted-in profiles of active residents of the quarter only', async () => {
		const inDirectory = await person('Dana im Verzeichnis', [[Q, 'resident']]);
		const notOptedIn = await person('Emil ohne Eintrag', [[Q, 'resident']]);
		// Opted in as a resident, became a business later: the profile was never rewritten.
		const nowBusiness = await person('Fritz jetzt Betrieb', [[Q, 'business']]);
		const suspended = await person('Gerd gesperrt', [[Q, 'resident', 'suspended']]);
		const pending = await person('Hanna wartet', [[Q, 'resident', 'pending']]);
		const elsewhere = await person('Ida woanders', [[OTHER, 'resident']]);
		const skills = [{ name: 'Backen', level: 'good' as const }];
		for (const id of [inDirectory, nowBusiness, suspended, pending]) {
			await saveProfile(profile(Q, id, { talentDirectory: true, skills }));
		}
		await saveProfile(profile(Q, notOptedIn, { talentDirectory: false, skills }));
		await saveProfile(profile(OTHER, elsewhere, { talentDirectory: true, skills }));

		const listed = (await listTalentProfiles(Q)).map((p) => p.userId);
		expect(listed).toContain(inDirectory);
		for (const id of [notOptedIn, nowBusiness, suspended, pending, elsewhere]) {
			expect(listed).not.toContain(id);
		}
		expect((await listTalentProfiles(OTHER)).map((p) => p.userId)).toEqual([elsewhere]);
	});
});

describe('talentDirectory and memberProfileView', () => {
	it('finds residents by a folded skill and language, and hides contact details', async () => {
		const q = 'filterquartier';
		await insertQuarter(
			{
				id: q,
				name: q,
				city: 'Teststadt',
				description: '',
				settings: DEFAULT_QUARTER_SETTINGS,
				categories: [...DEFAULT_CATEGORIES],
				blocks: []
			},
			now
		);
		const jana = await person('Jana B.', [[q, 'resident']]);
		const kemal = await person('Kemal A.', [[q, 'resident']]);
		await saveProfile(
			profile(q, jana, {
				talentDirectory: true,
				skills: [{ name: 'Brötchen backen', level: 'good' }],
				languages: ['Deutsch', 'Polnisch']
			})
		);
		await saveProfile(
			profile(q, kemal, {
				talentDirectory: true,
				skills: [{ name: 'Fahrräder reparieren', level: null }],
				languages: ['Türkisch', 'deutsch'],
				showEmail: true,
				phone: '0511 987654'
			})
		);

		const all = await talentDirectory(q, { skill: '', language: '' });
		expect(all.entries.map((e) => e.displayName)).toEqual(['Jana B.', 'Kemal A.']);
		expect(all.languages).toEqual(['Deutsch', 'Polnisch', 'Türkisch']);
		expect(all.total).toBe(2);
		const byIds = (filter: { skill: string; language: string }) =>
			talentDirectory(q, filter).then((d) => d.entries.map((e) => e.id));
		expect(await byIds({ skill: 'broetchen', language: '' })).toEqual([jana]);
		expect(await byIds({ skill: 'FAHRRAD', language: '' })).toEqual([kemal]);
		expect(await byIds({ skill: '', language: 'Deutsch' })).toEqual([jana, kemal]);
		expect(await byIds({ skill: 'back', language: 'türkisch' })).toEqual([]);

		const hidden = await memberProfileView(q, jana);
		expect(hidden).toMatchObject({
			displayName: 'Jana B.',
			role: 'resident',
			email: null,
			phone: null,
			balanceMinutes: null,
			inTalentDirectory: true,
			listings: []
		});
		const shown = await memberProfileView(q, kemal);
		expect(shown?.email).toBe(`${kemal}@beispiel.de`);
		expect(shown?.phone).toBe('0511 987654');
	});

	it('shows no profile for people who are not active members of the quarter', async () => {
		const pending = await person('Lotte wartet', [[Q, 'resident', 'pending']]);
		const elsewhere = await person('Max woanders', [[OTHER, 'resident']]);
		expect(await memberProfileView(Q, pending)).toBeNull();
		expect(await memberProfileView(Q, elsewhere)).toBeNull();
		expect(await memberProfileView(Q, newId())).toBeNull();
	});

	it('a member without a saved profile has an empty one', async () => {
		const business = await person('Bäckerei Test', [[Q, 'business']]);
		expect(await memberProfileView(Q, business)).toMatchObject({
			role: 'business',
			bio: '',
			skills: [],
			email: null,
			inTalentDirectory: false
		});
	});
});

describe('updateOwnProfile', () => {
	const fields = {
		bio: 'Neu hier.',
		skills: [{ name: 'Gärtnern', level: 'basic' as const }],
		languages: ['Deutsch'],
		phone: '',
		blockId: null,
		talentDirectory: true,
		showEmail: false,
		showBalance: false,
		messageNotification: 'never' as const
	};

	it('stores a new photo, keeps it on the next save, and removes it', async () => {
		const userId = await person('Nora F.', [[Q, 'resident']]);
		const png = await sharp({
			create: { width: 40, height: 30, channels: 3, background: '#1f5f4a' }
		})
			.png()
			.toBuffer();
		const file = new File([new Uint8Array(png)], 'ich.png', { type: 'image/png' });
		expect(
			await updateOwnProfile({ quarterId: Q, userId, fields, photo: { kind: 'new', file }, now })
		).toEqual({ ok: true });
		const saved = await findProfile(Q, userId);
		expect(saved).toMatchObject({ ...fields, quarterId: Q, userId });
		expect(saved?.photoId).toMatch(/^[a-f0-9]{24}$/);
		const photo = await findPhoto(saved!.photoId!, 'thumb');
		expect(photo).toMatchObject({ ownerId: userId, quarterId: Q, contentType: 'image/webp' });

		await updateOwnProfile({
			quarterId: Q,
			userId,
			fields: { ...fields, bio: 'Immer noch neu.' },
			photo: { kind: 'keep' },
			now
		});
		expect((await findProfile(Q, userId))?.photoId).toBe(saved?.photoId);

		await updateOwnProfile({ quarterId: Q, userId, fields, photo: { kind: 'remove' }, now });
		expect((await findProfile(Q, userId))?.photoId).toBeNull();
	});

	it('a file that is no photo changes nothing', async () => {
		const userId = await person('Otto P.', [[Q, 'resident']]);
		await saveProfile(profile(Q, userId, { bio: 'vorher' }));
		const file = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'x.png');
		expect(
			await updateOwnProfile({ quarterId: Q, userId, fields, photo: { kind: 'new', file }, now })
		).toEqual({ ok: false, error: 'error_photo_type' });
		expect((await findProfile(Q, userId))?.bio).toBe('vorher');
	});
});
