import { fail } from '@sveltejs/kit';
import { formatSkills } from '$lib/domain/members/talents';
import { t } from '$lib/i18n';
import { parseProfileForm, profileFormValues } from '$lib/schemas/profile';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { ownProfile, updateOwnProfile, type PhotoChange } from '$lib/server/services/profiles';
import type { Actions, PageServerLoad } from './$types';

// The quarter management and admins pass too: they are members of the quarter as well.
const MEMBERS = ['resident', 'business'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await requireRole(event, event.params.quarter, MEMBERS);
	const profile = await ownProfile(quarter.id, user.id);
	return {
		quarter: {
			id: quarter.id,
			name: quarter.name,
			blocks: quarter.blocks.map((b) => ({ id: b.id, name: b.name }))
		},
		me: { id: user.id, displayName: user.displayName },
		canJoinDirectory: membership.role === 'resident',
		profile: {
			bio: profile.bio,
			skills: formatSkills(profile.skills, (level) => t(`profile_level_${level}`)),
			languages: profile.languages.join(', '),
			phone: profile.phone,
			blockId: profile.blockId ?? '',
			talentDirectory: profile.talentDirectory,
			showEmail: profile.showEmail,
			showBalance: profile.showBalance,
			messageNotification: profile.messageNotification,
			photoId: profile.photoId
		}
	};
};

/** The file field: nothing chosen (browsers send an empty part), a file, or something else. */
function photoChange(form: FormData): PhotoChange | 'invalid' {
	const file = form.get('photo');
	if (file !== null && typeof file !== 'string') {
		return file.size > 0 ? { kind: 'new', file } : { kind: 'keep' };
	}
	if (typeof file === 'string' && file !== '') return 'invalid';
	return form.get('removePhoto') === 'on' ? { kind: 'remove' } : { kind: 'keep' };
}

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, MEMBERS);
		const form = await readForm(event.request);
		const parsed = parseProfileForm(form, {
			role: membership.role,
			blockIds: quarter.blocks.map((b) => b.id)
		});
		const photo = photoChange(form);
		if (!parsed.ok || photo === 'invalid') {
			const errors = parsed.ok ? {} : parsed.errors;
			if (photo === 'invalid') errors.photo = 'error_photo_type';
			return fail(400, { errors, values: profileFormValues(form) });
		}
		const result = await updateOwnProfile({
			quarterId: quarter.id,
			userId: user.id,
			fields: parsed.data,
			photo,
			now: new Date()
		});
		if (!result.ok) {
			return fail(400, { errors: { photo: result.error }, values: profileFormValues(form) });
		}
		return { saved: true as const };
	}
};
