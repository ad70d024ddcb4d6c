import { fail } from '@sveltejs/kit';
import { changePasswordSchema, profileSchema } from '$lib/schemas/auth';
import { CHANGE_PASSWORD_FIELDS, PASSWORD_FIELDS, PROFILE_FIELDS } from '$lib/schemas/auth-fields';
import { parseForm } from '$lib/schemas/form';
import { requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { changePassword, saveProfile } from '$lib/server/services/accounts';
import { applicationStatusOf } from '$lib/server/services/approval';
import { membershipsOfUser } from '$lib/server/services/members';
import { listQuarters } from '$lib/server/services/quarters';
import { insuranceConfirmedAt, setInsurance } from '$lib/server/services/trust';
import { INSURANCE_FIELDS, insuranceSchema } from '$lib/schemas/trust';
import type { Actions, PageServerLoad } from './$types';
import { letterCodeAction, letterRequestAction, letterView } from './letters.server';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const [quarters, memberships] = await Promise.all([listQuarters(), membershipsOfUser(user.id)]);
	const names = new Map(quarters.map((q) => [q.id, q.name]));
	return {
		insured: (await insuranceConfirmedAt(user.id)) !== null,
		profile: { displayName: user.displayName, email: user.email, locale: user.locale },
		memberships: await Promise.all(
			memberships.map(async (ms) => {
				// An applicant reads what they wrote while waiting, and the reason once declined.
				const application =
					ms.state === 'pending' || ms.state === 'declined'
						? await applicationStatusOf(ms.quarterId, user.id)
						: null;
				return {
					quarterId: ms.quarterId,
					quarterName: names.get(ms.quarterId) ?? ms.quarterId,
					role: ms.role,
					state: ms.state,
					applicationText: application?.text ?? '',
					declinedReason: application?.declinedReason ?? null,
					letter: await letterView(ms.quarterId, user.id)
				};
			})
		)
	};
};

export const actions: Actions = {
	letterRequest: letterRequestAction,
	letterCode: letterCodeAction,
	insurance: async (event) => {
		const { user } = requireUser(event);
		const parsed = parseForm(insuranceSchema, await readForm(event.request), INSURANCE_FIELDS);
		if (!parsed.ok) return fail(400, { insurance: { saved: false } });
		await setInsurance(user.id, parsed.data.insured, new Date());
		return { insurance: { saved: true } };
	},
	profile: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = parseForm(profileSchema, form, PROFILE_FIELDS);
		if (!parsed.ok) return fail(400, { profile: { errors: parsed.errors, values: parsed.values } });
		await saveProfile(user.id, parsed.data);
		return { profile: { saved: true } };
	},
	password: async (event) => {
		const { user, session } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = parseForm(changePasswordSchema, form, CHANGE_PASSWORD_FIELDS, PASSWORD_FIELDS);
		if (!parsed.ok) return fail(400, { password: { errors: parsed.errors } });
		const result = await changePassword(
			user.id,
			session.id,
			parsed.data.currentPassword,
			parsed.data.password
		);
		if (result === 'wrong_password') {
			return fail(400, {
				password: { errors: { currentPassword: 'error_current_password_wrong' } }
			});
		}
		return { password: { changed: true } };
	}
};
