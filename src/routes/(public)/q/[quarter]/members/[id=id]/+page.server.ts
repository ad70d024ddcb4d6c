import { error } from '@sveltejs/kit';
import { isComplete } from '$lib/domain/legal/trader';
import * as m from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { summary } from '$lib/server/listing-view';
import { listThanksFor } from '$lib/server/services/exchanges';
import { memberProfileView } from '$lib/server/services/profiles';
import { traderIdentity } from '$lib/server/services/trader';
import { trustBadges } from '$lib/server/services/trust';
import type { PageServerLoad } from './$types';

// Profiles are for the neighbours of the quarter only: signed out goes to the login page, a
// person from elsewhere gets a 403. Moderators and admins pass as members of the quarter.
const MEMBERS = ['resident', 'business'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
	const member = await memberProfileView(quarter.id, event.params.id);
	if (!member) error(404, m.error_not_found());
	// Newest first; no exchange titles, which may say more than the two wanted to share.
	const thanks = await listThanksFor(quarter.id, member.id);
	// Art. 30 DSA: who stands behind a business's offers, for everyone who can see them.
	const trader = member.role === 'business' ? await traderIdentity(member.id) : null;
	const names = new Map([[member.id, member.displayName]]);
	return {
		// Issue 16: that a Führungszeugnis was seen and an insurance confirmed, no details.
		badges: await trustBadges(quarter, member.id, new Date()),
		trader:
			member.role === 'business'
				? trader && isComplete(trader)
					? {
							legalName: trader.legalName,
							address: trader.address,
							email: trader.email,
							phone: trader.phone,
							registerNumber: trader.registerNumber
						}
					: null
				: undefined,
		quarter: { id: quarter.id, name: quarter.name },
		timeZone: quarter.settings.timeZone,
		own: member.id === user.id,
		member: {
			...member,
			since: member.since.toISOString(),
			// Cards as on the marketplace (no distance: the profile is about the person).
			listings: member.listings.map((l) =>
				summary(l, quarter, event.locals.locale, names, null, '')
			)
		},
		thanks: thanks.map((n) => ({
			id: `${n.exchangeId}:${n.authorId}`,
			authorName: n.authorName,
			text: n.text,
			at: n.at.toISOString()
		}))
	};
};
