// The one place that decides whether a request may go on. Called in every load and action that
// needs a signed-in person or a role; never rely on a layout load alone (actions skip it).
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { hasRole, type Role } from '../../domain/members/roles';
import * as m from '../../paraglide/messages';
import { LOCALES, type Locale } from '../../domain/locale';
import { localizeHref } from '../../paraglide/runtime';
import { findMembership, type Membership } from '../repos/memberships';
import { isPlatformAdmin } from '../repos/platform';
import { findQuarter, type Quarter } from '../repos/quarters';
import type { User } from '../repos/users';
import type { Session } from './sessions';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/** Signed out: page loads and form posts are sent to the login page, which comes back here. */
export function requireUser(event: Event): { user: User; session: Session } {
	const { user, session } = event.locals;
	if (!user || !session) {
		const back = event.url.pathname + event.url.search;
		redirect(303, localizeHref(`/login?redirectTo=${encodeURIComponent(back)}`));
	}
	return { user, session };
}

export async function requireRole(
	event: Event,
	quarterId: string,
	roles: readonly Role[]
): Promise<{ user: User; session: Session; quarter: Quarter; membership: Membership }> {
	const { user, session } = requireUser(event);
	const quarter = await findQuarter(quarterId);
	if (!quarter) error(404, m.error_not_found());
	const membership = await findMembership(quarter.id, user.id);
	if (!hasRole(membership, roles)) error(403, m.error_forbidden());
	return { user, session, quarter, membership: membership! };
}

/** The admin area (/admin): platform administrators only; others get 403, signed out the login. */
export async function requirePlatformAdmin(
	event: Event
): Promise<{ user: User; session: Session }> {
	const { user, session } = requireUser(event);
	if (!(await isPlatformAdmin(user.id))) error(403, m.error_forbidden());
	return { user, session };
}

/** A path on this site: not another host however it is spelled (`//x`, `/\\x`, `/.//x`,
 * `/%2e%2e//x`, tabs), as a browser would resolve it. */
function isLocalPath(target: string): boolean {
	if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return false;
	try {
		const resolved = new URL(target, 'http://site.invalid');
		return resolved.host === 'site.invalid' && !resolved.pathname.startsWith('//');
	} catch {
		return false;
	}
}

/** The target itself when it is a path on this site, else null: what a login form carries on. */
export function localPath(target: string | null | undefined): string | null {
	if (!target || !isLocalPath(target)) return null;
	const staysLocal = LOCALES.every((locale) => isLocalPath(localizeHref(target, { locale })));
	return staysLocal ? target : null;
}

/**
 * Where to send someone after a login or a language switch: only a path on this site, checked
 * after localizeHref has normalised it (it turns `/.//evil.example` into `//evil.example`), so
 * no spelling of another host gets through. Anything else becomes the fallback.
 */
export function safeRedirectTarget(
	target: string | null | undefined,
	fallback = '/',
	options?: { locale?: Locale }
): string {
	for (const candidate of [target, fallback]) {
		if (!candidate || !isLocalPath(candidate)) continue;
		const localized = localizeHref(candidate, options);
		if (isLocalPath(localized)) return localized;
	}
	return localizeHref('/', options);
}

/** A quarter page open to everyone: who is looking (maybe nobody) and their membership. */
export async function quarterViewer(
	event: Event,
	quarterId: string
): Promise<{ quarter: Quarter; user: User | null; membership: Membership | null }> {
	const quarter = await findQuarter(quarterId);
	if (!quarter) error(404, m.error_not_found());
	const user = event.locals.user;
	const membership = user ? await findMembership(quarter.id, user.id) : null;
	return { quarter, user, membership };
}
