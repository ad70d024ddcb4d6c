import { describe, expect, it } from 'vitest';
import {
	checkSession,
	EMAIL_VERIFICATION_TTL_MS,
	isTokenExpired,
	LOGIN_LIMITS,
	MAIL_LIMITS,
	PASSWORD_RESET_TTL_MS,
	rateLimitSlotIds,
	retryAfterSeconds,
	SESSION_RENEW_BELOW_MS,
	SESSION_TTL_MS,
	sessionExpiry,
	windowStart,
	type RateLimitRule,
	type SessionCheck
} from './policy';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const now = new Date('2025-03-14T09:26:53.589Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe('durations', () => {
	it.each<[string, number, number]>([
		['SESSION_TTL_MS', SESSION_TTL_MS, 30 * DAY],
		['SESSION_RENEW_BELOW_MS', SESSION_RENEW_BELOW_MS, 15 * DAY],
		['EMAIL_VERIFICATION_TTL_MS', EMAIL_VERIFICATION_TTL_MS, 2 * DAY],
		['PASSWORD_RESET_TTL_MS', PASSWORD_RESET_TTL_MS, 60 * MINUTE]
	])('%s is %d ms', (_name, value, expected) => {
		expect(value).toBe(expected);
	});
});

describe('sessionExpiry', () => {
	it('is 30 days after now', () => {
		expect(sessionExpiry(now).toISOString()).toBe('2025-04-13T09:26:53.589Z');
	});

	it('returns a new Date and leaves now alone', () => {
		const before = now.getTime();
		const expiry = sessionExpiry(now);
		expect(expiry).not.toBe(now);
		expect(now.getTime()).toBe(before);
	});

	it('gives a fresh session that needs no renewal', () => {
		expect(checkSession(sessionExpiry(now), now)).toBe('valid');
	});
});

describe('checkSession', () => {
	// [remaining time until expiresAt, expected]
	it.each<[string, number, SessionCheck]>([
		['a full TTL', SESSION_TTL_MS, 'valid'],
		['more than a full TTL', SESSION_TTL_MS + DAY, 'valid'],
		['exactly 15 days', 15 * DAY, 'valid'],
		['15 days + 1 ms', 15 * DAY + 1, 'valid'],
		['15 days - 1 ms', 15 * DAY - 1, 'renew'],
		['1 day', DAY, 'renew'],
		['1 ms', 1, 'renew'],
		['0 ms', 0, 'expired'],
		['-1 ms', -1, 'expired'],
		['-30 days', -30 * DAY, 'expired']
	])('%s left -> %s', (_label, remaining, expected) => {
		expect(checkSession(at(remaining), now)).toBe(expected);
	});
});

describe('isTokenExpired', () => {
	it.each<[number, boolean]>([
		[PASSWORD_RESET_TTL_MS, false],
		[1, false],
		[0, true],
		[-1, true],
		[-DAY, true]
	])('expiresAt = now + %d ms -> %s', (offset, expected) => {
		expect(isTokenExpired(at(offset), now)).toBe(expected);
	});

	it('a reset token made now expires exactly after 60 minutes', () => {
		const expiresAt = at(PASSWORD_RESET_TTL_MS);
		expect(isTokenExpired(expiresAt, at(PASSWORD_RESET_TTL_MS - 1))).toBe(false);
		expect(isTokenExpired(expiresAt, at(PASSWORD_RESET_TTL_MS))).toBe(true);
	});
});

describe('windowStart', () => {
	const w = 15 * MINUTE;

	it.each<[string, string]>([
		['2025-03-14T09:15:00.000Z', '2025-03-14T09:15:00.000Z'],
		['2025-03-14T09:15:00.001Z', '2025-03-14T09:15:00.000Z'],
		['2025-03-14T09:26:53.589Z', '2025-03-14T09:15:00.000Z'],
		['2025-03-14T09:29:59.999Z', '2025-03-14T09:15:00.000Z'],
		['2025-03-14T09:30:00.000Z', '2025-03-14T09:30:00.000Z'],
		['1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z']
	])('%s -> %s', (time, expected) => {
		expect(windowStart(new Date(time), w)).toBe(new Date(expected).getTime());
	});

	it('is a multiple of the window and not after now', () => {
		const start = windowStart(now, w);
		expect(start % w).toBe(0);
		expect(start).toBeLessThanOrEqual(now.getTime());
		expect(now.getTime() - start).toBeLessThan(w);
	});
});

const rules: [string, RateLimitRule][] = [
	['LOGIN_LIMITS.perIp', LOGIN_LIMITS.perIp],
	['LOGIN_LIMITS.perEmail', LOGIN_LIMITS.perEmail],
	['MAIL_LIMITS.perEmail', MAIL_LIMITS.perEmail],
	['MAIL_LIMITS.perIp', MAIL_LIMITS.perIp]
];

describe('rate limit rules', () => {
	it.each<[string, RateLimitRule, RateLimitRule]>([
		[
			'LOGIN_LIMITS.perIp',
			LOGIN_LIMITS.perIp,
			{ name: 'login-ip', max: 30, windowMs: 15 * MINUTE }
		],
		[
			'LOGIN_LIMITS.perEmail',
			LOGIN_LIMITS.perEmail,
			{ name: 'login-email', max: 8, windowMs: 15 * MINUTE }
		],
		[
			'MAIL_LIMITS.perEmail',
			MAIL_LIMITS.perEmail,
			{ name: 'mail-email', max: 5, windowMs: 60 * MINUTE }
		],
		['MAIL_LIMITS.perIp', MAIL_LIMITS.perIp, { name: 'mail-ip', max: 30, windowMs: 60 * MINUTE }]
	])('%s', (_label, rule, expected) => {
		expect(rule).toEqual(expected);
	});

	it('have distinct names, so their slots never collide', () => {
		const names = rules.map(([, rule]) => rule.name);
		expect(new Set(names).size).toBe(names.length);
	});
});

describe('rateLimitSlotIds', () => {
	it('spells the ids as name:subject:windowStart:n', () => {
		const rule = { name: 'test', max: 3, windowMs: 15 * MINUTE };
		const start = new Date('2025-03-14T09:15:00.000Z').getTime();
		expect(rateLimitSlotIds(rule, 'anna@example.org', now)).toEqual([
			`test:anna@example.org:${start}:1`,
			`test:anna@example.org:${start}:2`,
			`test:anna@example.org:${start}:3`
		]);
	});

	it.each(rules)('%s: one unique id per allowed attempt', (_label, rule) => {
		const ids = rateLimitSlotIds(rule, '203.0.113.7', now);
		expect(ids).toHaveLength(rule.max);
		expect(new Set(ids).size).toBe(rule.max);
	});

	it.each(rules)('%s: the same ids throughout one window', (_label, rule) => {
		const start = windowStart(now, rule.windowMs);
		const first = rateLimitSlotIds(rule, 's', new Date(start));
		expect(rateLimitSlotIds(rule, 's', now)).toEqual(first);
		expect(rateLimitSlotIds(rule, 's', new Date(start + rule.windowMs - 1))).toEqual(first);
	});

	it.each(rules)('%s: new ids in the next window and the one before', (_label, rule) => {
		const start = windowStart(now, rule.windowMs);
		const current = rateLimitSlotIds(rule, 's', now);
		const next = rateLimitSlotIds(rule, 's', new Date(start + rule.windowMs));
		const previous = rateLimitSlotIds(rule, 's', new Date(start - 1));
		for (const other of [next, previous]) {
			expect(other).toHaveLength(rule.max);
			expect(other.filter((id) => current.includes(id))).toEqual([]);
		}
	});

	it('differs per subject and per rule', () => {
		const a = rateLimitSlotIds(LOGIN_LIMITS.perEmail, 'a@example.org', now);
		const b = rateLimitSlotIds(LOGIN_LIMITS.perEmail, 'b@example.org', now);
		const c = rateLimitSlotIds(MAIL_LIMITS.perEmail, 'a@example.org', now);
		expect(a.filter((id) => b.includes(id) || c.includes(id))).toEqual([]);
	});
});

describe('retryAfterSeconds', () => {
	const rule = LOGIN_LIMITS.perIp; // 15-minute window
	const start = windowStart(now, rule.windowMs);

	it.each<[string, number, number]>([
		['at the start of the window', 0, 900],
		['1 ms into the window', 1, 900],
		['1 s into the window', SECOND, 899],
		['1.5 s into the window', 1500, 899],
		['in the middle', 7.5 * MINUTE, 450],
		['1 s before the end', rule.windowMs - SECOND, 1],
		['1 ms before the end', rule.windowMs - 1, 1]
	])('%s -> %d s', (_label, offset, expected) => {
		expect(retryAfterSeconds(rule, new Date(start + offset))).toBe(expected);
	});

	it.each(rules)('%s: between 1 s and the window, at every point', (_label, r) => {
		const s = windowStart(now, r.windowMs);
		for (const offset of [
			0,
			1,
			999,
			1000,
			1001,
			r.windowMs / 2,
			r.windowMs - 1001,
			r.windowMs - 1
		]) {
			const seconds = retryAfterSeconds(r, new Date(s + offset));
			expect(Number.isInteger(seconds)).toBe(true);
			expect(seconds).toBeGreaterThanOrEqual(1);
			expect(seconds).toBeLessThanOrEqual(r.windowMs / 1000);
		}
	});

	it('points to the end of the window', () => {
		const seconds = retryAfterSeconds(rule, now);
		const end = start + rule.windowMs;
		expect(now.getTime() + seconds * 1000).toBeGreaterThanOrEqual(end);
		expect(now.getTime() + (seconds - 1) * 1000).toBeLessThan(end);
	});
});
