// Rules for sessions, one-time tokens and login rate limits. Pure: time is passed in.

/** What a stored token is for: an emailed one-time link, or a known-device cookie (a browser
 * that signed in to this account before, LOGIN_LIMITS below). */
export type TokenPurpose = 'verify-email' | 'reset-password' | 'known-device' | 'complaint';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

export const SESSION_TTL_MS = 30 * DAY;
/** A session is extended to a full TTL once less than half of it remains (sliding expiry). */
export const SESSION_RENEW_BELOW_MS = 15 * DAY;

export const EMAIL_VERIFICATION_TTL_MS = 2 * DAY;
export const PASSWORD_RESET_TTL_MS = 60 * MINUTE;

export function sessionExpiry(now: Date): Date {
	return new Date(now.getTime() + SESSION_TTL_MS);
}

export type SessionCheck = 'valid' | 'renew' | 'expired';

export function checkSession(expiresAt: Date, now: Date): SessionCheck {
	const remaining = expiresAt.getTime() - now.getTime();
	if (remaining <= 0) return 'expired';
	if (remaining < SESSION_RENEW_BELOW_MS) return 'renew';
	return 'valid';
}

export function isTokenExpired(expiresAt: Date, now: Date): boolean {
	return expiresAt.getTime() <= now.getTime();
}

export interface RateLimitRule {
	/** Name of the counter, part of the stored key. */
	name: string;
	/** Attempts allowed per window. */
	max: number;
	windowMs: number;
}

/**
 * Logins. Guessing one account's password is limited to `perEmail` attempts per window from all
 * browsers together that never signed in to it. A browser that did (it carries a known-device
 * cookie for the account) has its own budget instead, so that someone who types wrong passwords
 * for another person's address cannot lock that person out: it does not raise what a guesser
 * gets, since a guesser has no such cookie.
 */
export const LOGIN_LIMITS = {
	perIp: { name: 'login-ip', max: 30, windowMs: 15 * MINUTE },
	perEmail: { name: 'login-email', max: 8, windowMs: 15 * MINUTE },
	perKnownDevice: { name: 'login-device', max: 8, windowMs: 15 * MINUTE }
} satisfies Record<string, RateLimitRule>;

/** How long a browser stays known to an account after its last login there. */
export const KNOWN_DEVICE_TTL_MS = 365 * 24 * 60 * MINUTE;

export const MAIL_LIMITS = {
	/** Sign-up, resend and reset mails to one address. */
	perEmail: { name: 'mail-email', max: 5, windowMs: 60 * MINUTE },
	perIp: { name: 'mail-ip', max: 30, windowMs: 60 * MINUTE }
} satisfies Record<string, RateLimitRule>;

/** Start of the fixed window that `now` falls in. */
export function windowStart(now: Date, windowMs: number): number {
	return Math.floor(now.getTime() / windowMs) * windowMs;
}

/**
 * The ids of the attempt slots of one window. Taking a slot is an insert of its id: the
 * database's primary key makes each slot go to exactly one attempt, even when app servers race,
 * so the limit holds without an atomic counter (FerretDB v1 has none).
 */
export function rateLimitSlotIds(rule: RateLimitRule, subject: string, now: Date): string[] {
	const start = windowStart(now, rule.windowMs);
	return Array.from({ length: rule.max }, (_, i) => `${rule.name}:${subject}:${start}:${i + 1}`);
}

/** Seconds until the window of `now` ends: the Retry-After a limited client is told. */
export function retryAfterSeconds(rule: RateLimitRule, now: Date): number {
	const end = windowStart(now, rule.windowMs) + rule.windowMs;
	return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}
