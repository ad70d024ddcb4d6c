// Sessions the Lucia way: a random token lives only in the person's cookie, the database keeps
// its SHA-256. Expiry slides: a session used in its second half is extended to a full 30 days.
import type { Cookies } from '@sveltejs/kit';
import { KNOWN_DEVICE_TTL_MS, checkSession, sessionExpiry } from '../../domain/auth/policy';
import { env } from '../env';
import { hashToken, newSecretToken } from '../ids';
import {
	deleteSession,
	deleteSessionsOfUser,
	extendSession,
	findSession,
	insertSession,
	type StoredSession
} from '../repos/sessions';
import { findUserById, type User } from '../repos/users';

export const SESSION_COOKIE = 'qm_session';

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export async function createSession(
	userId: string,
	now: Date
): Promise<{ token: string; session: Session }> {
	const token = newSecretToken();
	const session: StoredSession = { id: hashToken(token), userId, expiresAt: sessionExpiry(now) };
	await insertSession(session, now);
	return { token, session };
}

export async function validateSessionToken(
	token: string,
	now: Date
): Promise<{ session: Session; user: User } | null> {
	const id = hashToken(token);
	const stored = await findSession(id);
	if (!stored) return null;
	const state = checkSession(stored.expiresAt, now);
	if (state === 'expired') {
		await deleteSession(id);
		return null;
	}
	const user = await findUserById(stored.userId);
	if (!user || user.deleted) {
		await deleteSession(id);
		return null;
	}
	let expiresAt = stored.expiresAt;
	if (state === 'renew') {
		expiresAt = sessionExpiry(now);
		await extendSession(id, expiresAt);
	}
	return { session: { id, userId: stored.userId, expiresAt }, user };
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await deleteSession(sessionId);
}

export async function invalidateOtherSessions(
	userId: string,
	keepSessionId?: string
): Promise<void> {
	await deleteSessionsOfUser(userId, keepSessionId);
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: env.production,
		expires: expiresAt
	});
}

/** Marks this browser as one that signed in before (domain/auth/policy.ts LOGIN_LIMITS). It
 * outlives logout on purpose: it says nothing about who is signed in. */
export const DEVICE_COOKIE = 'qm_device';

export function setDeviceCookie(cookies: Cookies, token: string, now: Date): void {
	cookies.set(DEVICE_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: env.production,
		expires: new Date(now.getTime() + KNOWN_DEVICE_TTL_MS)
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: env.production
	});
}
