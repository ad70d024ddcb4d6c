import { error, fail, redirect } from '@sveltejs/kit';
import { sum } from '$lib/domain/tax/dac7';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { SELLER_FIELDS, sellerSchema } from '$lib/schemas/dac7';
import { parseForm } from '$lib/schemas/form';
import { requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { saveSellerTaxData, sellerView } from '$lib/server/services/dac7';
import { membershipsOfUser } from '$lib/server/services/members';
import type { Actions, PageServerLoad } from './$types';

/** "Angaben für das Finanzamt": the seller's own PStTG data, what will be reported, a copy. */
export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const now = new Date();
	const [view, memberships] = await Promise.all([
		sellerView(user.id, now),
		membershipsOfUser(user.id)
	]);
	const business = memberships.find((ms) => ms.role === 'business' && ms.state === 'active');
	return {
		values: {
			kind: view.data?.kind ?? (business ? 'entity' : 'individual'),
			firstName: view.data?.firstName ?? '',
			lastName: view.data?.lastName ?? '',
			birthDate: view.data?.birthDate ?? '',
			address: view.data?.address ?? '',
			tin: view.data?.tin ?? '',
			tinCountry: view.data?.tinCountry || 'DE',
			vatId: view.data?.vatId ?? ''
		},
		saved: !!view.data,
		trader: view.trader,
		traderLink: business ? `/q/${business.quarterId}/trader` : null,
		missing: view.missing,
		paused: view.step.paused,
		pauseFrom: view.step.pauseFrom?.toISOString() ?? null,
		years: view.years.map(({ year, row }) => ({
			year,
			row: row && {
				name: row.name,
				activities: row.activities,
				considerationCents: row.considerationCents,
				feesCents: row.feesCents,
				total: sum(row.considerationCents)
			}
		})),
		done: event.url.searchParams.get('done') === 'saved'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = parseForm(sellerSchema, form, SELLER_FIELDS, [], 400);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const saved = await saveSellerTaxData(user.id, parsed.data, new Date());
		if (!saved.ok) error(503, m.error_unexpected({ errorId: event.locals.requestId ?? '' }));
		redirect(303, localizeHref('/account/dac7?done=saved'));
	}
};
