import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import {
	APPOINT_FIELDS,
	ROLE_CHANGE_FIELDS,
	appointSchema,
	memberIdSchema,
	roleChangeSchema
} from '$lib/schemas/platform';
import { readForm } from '$lib/server/http';
import {
	appointManager,
	changeMemberRole,
	peopleOfQuarter,
	removeManager
} from '$lib/server/services/admin';
import { adminQuarter } from '../quarter.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await adminQuarter(event);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		people: await peopleOfQuarter(quarter.id)
	};
};

const back = (quarterId: string, done: string) =>
	localizeHref(`/admin/quarters/${quarterId}/people?done=${done}`);

export const actions: Actions = {
	appoint: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const parsed = parseForm(appointSchema, form, APPOINT_FIELDS);
		if (!parsed.ok)
			return fail(400, { which: 'appoint', errors: parsed.errors, values: parsed.values });
		const result = await appointManager(
			{
				quarterId: quarter.id,
				email: parsed.data.email,
				displayName: parsed.data.displayName,
				locale: event.locals.locale
			},
			user.id,
			new Date(),
			event.url.origin
		);
		if (!result.ok) {
			if (result.problem === 'quarter_missing') error(404, m.error_not_found());
			const errors =
				result.problem === 'name_required'
					? { displayName: 'admin_error_invite_name_required' }
					: { email: 'admin_error_already_manager' };
			return fail(409, {
				which: 'appoint',
				errors,
				values: { email: parsed.data.email, displayName: parsed.data.displayName }
			});
		}
		redirect(303, back(quarter.id, result.invited ? 'invited' : 'appointed'));
	},
	remove: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const parsed = parseForm(memberIdSchema, form, ['member']);
		if (!parsed.ok) error(404, m.error_not_found());
		const result = await removeManager(
			{ quarterId: quarter.id, userId: parsed.data.member },
			user.id,
			new Date()
		);
		if (!result.ok) error(result.problem === 'not_manager' ? 409 : 404, m.error_not_found());
		redirect(303, back(quarter.id, 'removed'));
	},
	role: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const member = String(form.get('member') ?? '');
		const parsed = parseForm(roleChangeSchema, form, ROLE_CHANGE_FIELDS);
		if (!parsed.ok)
			return fail(400, { which: member, errors: parsed.errors, values: parsed.values });
		const result = await changeMemberRole(
			{
				quarterId: quarter.id,
				userId: parsed.data.member,
				role: parsed.data.role,
				reason: parsed.data.reason
			},
			user.id,
			new Date()
		);
		if (!result.ok) {
			if (result.problem === 'quarter_missing' || result.problem === 'not_found') {
				error(404, m.error_not_found());
			}
			return fail(409, {
				which: member,
				errors: { role: `admin_error_role_${result.problem}` },
				values: parsed.data
			});
		}
		redirect(303, back(quarter.id, 'role'));
	}
};
