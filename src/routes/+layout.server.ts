import { redirect } from '@sveltejs/kit';
import { openWithoutAcceptance } from '$lib/domain/legal/acceptance';
import { hasRole, isActiveMember, isManagement } from '$lib/domain/members/roles';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';
import { mustAccept } from '$lib/server/services/legal';
import { membershipsOfUser } from '$lib/server/services/members';
import { isAdmin, publicOrigin } from '$lib/server/services/platform';
import { unreadTotal } from '$lib/server/services/messaging';
import { unreadNotificationCount } from '$lib/server/services/notifications';
import { devMail } from '$lib/server/env';
import { quarterChoices } from '$lib/server/services/trade';
import type { LayoutServerLoad } from './$types';

/** The quarter a person last chose among theirs (the header's switcher, docs/cross-quarter.md). */
const QUARTER_COOKIE = 'qm_quarter';

export const load: LayoutServerLoad = async ({ locals, url, cookies }) => {
	const user = locals.user;
	// Every page passes here: the person's facts are read at once, not one after the other.
	const [acceptNeeded, memberships, platformAdmin, unreadMessages, unreadNotifications] = user
		? await Promise.all([
				openWithoutAcceptance(deLocalizeHref(url.pathname)) ? false : mustAccept(user.id),
				membershipsOfUser(user.id),
				isAdmin(user.id),
				// Reading `url` makes SvelteKit run this load on every navigation, so the badge stays
				// current.
				url.pathname ? unreadTotal(user.id) : 0,
				unreadNotificationCount(user.id)
			])
		: [false, [], false, 0, 0];
	// After a change of substance to the rules, a member accepts them before anything else
	// (the legal texts and signing out stay open).
	if (acceptNeeded) {
		const back = url.pathname + url.search;
		redirect(303, localizeHref(`/regeln/zustimmen?redirectTo=${encodeURIComponent(back)}`));
	}
	const managed = memberships.filter(isManagement).map((m) => m.quarterId);
	const active = memberships.filter(isActiveMember).map((ms) => ms.quarterId);
	// The quarter in the address, if it is one of theirs, becomes the chosen one.
	const inPath = /^\/(?:q|manage)\/([^/]+)/.exec(deLocalizeHref(url.pathname))?.[1] ?? null;
	let current = inPath && active.includes(inPath) ? inPath : null;
	if (current && cookies.get(QUARTER_COOKIE) !== current) {
		cookies.set(QUARTER_COOKIE, current, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 365
		});
	}
	current ??= active.find((id) => id === cookies.get(QUARTER_COOKIE)) ?? active[0] ?? null;
	return {
		user: user ? { displayName: user.displayName } : null,
		managedQuarterIds: managed,
		platformAdmin,
		unreadMessages,
		unreadNotifications,
		// "Mein Profil" opens the profile in the first quarter the person is active in.
		profileQuarterId: current,
		// The switcher lists them when there is more than one.
		quarters: active.length > 1 ? await quarterChoices(active) : [],
		talentQuarterId:
			memberships.find((ms) => hasRole(ms, ['business', 'moderator']))?.quarterId ?? null,
		locale: locals.locale,
		// For links that leave the site (OpenGraph's og:url and og:image): the configured ORIGIN.
		origin: publicOrigin(),
		showDevMail: devMail
	};
};
