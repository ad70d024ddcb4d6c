// The account use-cases against the real embedded database: what a person does, step by step.
import { afterResponsePending, afterResponseSettled } from '../../src/lib/server/after-response';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	LOGIN_LIMITS,
	SESSION_RENEW_BELOW_MS,
	SESSION_TTL_MS
} from '../../src/lib/domain/auth/policy';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/sessions';
import { hashToken } from '../../src/lib/server/ids';
import { findMembership } from '../../src/lib/server/repos/memberships';
import { listMail } from '../../src/lib/server/repos/outbox';
import { insertQuarter } from '../../src/lib/server/repos/quarters';
import { countSessionsOfUser, findSession } from '../../src/lib/server/repos/sessions';
import { findUserWithPasswordByEmail } from '../../src/lib/server/repos/users';
import {
	changePassword,
	checkResetToken,
	logIn,
	requestPasswordReset,
	resetPassword,
	signUp,
	verifyEmail,
	type RequestContext
} from '../../src/lib/server/services/accounts';
import { purgeExpired } from '../../src/lib/server/services/maintenance';

const DAY = 24 * 60 * 60 * 1000;
let ipCounter = 0;
function ctx(now = new Date()): RequestContext {
	return { origin: 'http://quartier.test', ip: `192.0.2.${++ipCounter % 250}`, now };
}

function tokenFrom(text: string, path: string): string {
	const match = new RegExp(`${path.replace('/', '\\/')}\\?token=([a-z2-7]{32})`).exec(text);
	if (!match) throw new Error(`no ${path} link in: ${text}`);
	return match[1]!;
}

async function newestMailTo(email: string) {
	const [mail] = await listMail(1, email);
	if (!mail) throw new Error(`no mail to ${email}`);
	return mail;
}

async function signUpAndVerify(email: string, password: string) {
	const result = await signUp(
		{
			displayName: 'Testperson',
			email,
			password,
			quarterId: 'testquartier',
			locale: 'de',
			kind: 'resident'
		},
		ctx()
	);
	expect(result).toEqual({ ok: true });
	const mail = await newestMailTo(email);
	expect(await verifyEmail(tokenFrom(mail.text, '/verify-email'), new Date())).toBe('verified');
	return (await findUserWithPasswordByEmail(email))!;
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: 'testquartier',
			name: 'Testquartier',
			city: 'Teststadt',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS
		},
		new Date()
	);
});

describe('sign-up and email verification', () => {
	it('creates a pending membership, mails a link in the account’s language, and verifies once', async () => {
		const result = await signUp(
			{
				displayName: 'Ewa K.',
				email: 'ewa@beispiel.de',
				password: 'langes Passwort 1',
				quarterId: 'testquartier',
				locale: 'en',
				kind: 'business'
			},
			ctx()
		);
		expect(result).toEqual({ ok: true });
		const user = await findUserWithPasswordByEmail('ewa@beispiel.de');
		expect(user?.emailVerified).toBe(false);
		expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await findMembership('testquartier', user!.id)).toMatchObject({
			role: 'business',
			state: 'pending'
		});

		const mail = await newestMailTo('ewa@beispiel.de');
		expect(mail.subject).toBe('Please confirm your email address');
		expect(mail.text).toContain('http://quartier.test/en/verify-email?token=');
		expect(await logIn('ewa@beispiel.de', 'langes Passwort 1', ctx())).toEqual({
			ok: false,
			reason: 'unverified'
		});

		const token = tokenFrom(mail.text, '/verify-email');
		expect(await verifyEmail(token, new Date())).toBe('verified');
		expect(await verifyEmail(token, new Date())).toBe('verified');
		expect(await verifyEmail('a'.repeat(32), new Date())).toBe('invalid');
		expect((await findUserWithPasswordByEmail('ewa@beispiel.de'))?.emailVerified).toBe(true);
	});

	it('an expired verification link does not verify', async () => {
		await signUp(
			{
				displayName: 'Spät',
				email: 'spaet@beispiel.de',
				password: 'langes Passwort 1',
				quarterId: 'testquartier',
				locale: 'de',
				kind: 'resident'
			},
			ctx()
		);
		const token = tokenFrom((await newestMailTo('spaet@beispiel.de')).text, '/verify-email');
		expect(await verifyEmail(token, new Date(Date.now() + 3 * DAY))).toBe('expired');
	});

	it('a second sign-up with a taken address changes nothing and mails the owner', async () => {
		const owner = await signUpAndVerify('besetzt@beispiel.de', 'erstes Passwort 11');
		const result = await signUp(
			{
				displayName: 'Eindringling',
				email: 'besetzt@beispiel.de',
				password: 'zweites Passwort 22',
				quarterId: 'testquartier',
				locale: 'de',
				kind: 'resident'
			},
			ctx()
		);
		expect(result).toEqual({ ok: true });
		const after = await findUserWithPasswordByEmail('besetzt@beispiel.de');
		expect(after?.id).toBe(owner.id);
		expect(after?.displayName).toBe('Testperson');
		expect((await newestMailTo('besetzt@beispiel.de')).subject).toBe(
			'Du hast schon ein Konto beim Quartiermarkt'
		);
		expect((await logIn('besetzt@beispiel.de', 'zweites Passwort 22', ctx())).ok).toBe(false);
	});

	it('refuses an unknown quarter', async () => {
		const result = await signUp(
			{
				displayName: 'X Y',
				email: 'x@beispiel.de',
				password: 'langes Passwort 1',
				quarterId: 'gibtsnicht',
				locale: 'de',
				kind: 'resident'
			},
			ctx()
		);
		expect(result).toEqual({ ok: false, reason: 'quarter_missing' });
		expect(await findUserWithPasswordByEmail('x@beispiel.de')).toBeNull();
	});
});

describe('sessions', () => {
	it('logs in with the right password only, storing only the token’s hash', async () => {
		const user = await signUpAndVerify('session@beispiel.de', 'richtiges Passwort 1');
		expect(await logIn('session@beispiel.de', 'falsches Passwort 1', ctx())).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await logIn('niemand@beispiel.de', 'falsches Passwort 1', ctx())).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const result = await logIn('session@beispiel.de', 'richtiges Passwort 1', ctx());
		if (!('token' in result)) throw new Error('login failed');
		expect(await findSession(result.token)).toBeNull();
		expect(await findSession(hashToken(result.token))).toMatchObject({ userId: user.id });
		const valid = await validateSessionToken(result.token, new Date());
		expect(valid?.user.email).toBe('session@beispiel.de');
	});

	it('slides the expiry in the second half of the 30 days and ends it after', async () => {
		const user = await signUpAndVerify('gleiten@beispiel.de', 'richtiges Passwort 1');
		const start = new Date();
		const { token, session } = await createSession(user.id, start);
		expect(session.expiresAt.getTime() - start.getTime()).toBe(SESSION_TTL_MS);

		const early = new Date(start.getTime() + DAY);
		expect((await validateSessionToken(token, early))?.session.expiresAt).toEqual(
			session.expiresAt
		);

		const late = new Date(session.expiresAt.getTime() - SESSION_RENEW_BELOW_MS + 1000);
		const renewed = await validateSessionToken(token, late);
		expect(renewed?.session.expiresAt.getTime()).toBe(late.getTime() + SESSION_TTL_MS);
		expect((await findSession(hashToken(token)))?.expiresAt.getTime()).toBe(
			late.getTime() + SESSION_TTL_MS
		);

		const after = new Date(late.getTime() + SESSION_TTL_MS + 1);
		expect(await validateSessionToken(token, after)).toBeNull();
		expect(await findSession(hashToken(token))).toBeNull();
	});

	it('changing the password keeps this session and ends the others', async () => {
		const user = await signUpAndVerify('wechsel@beispiel.de', 'altes Passwort 123');
		const here = await createSession(user.id, new Date());
		const other = await createSession(user.id, new Date());
		expect(
			await changePassword(user.id, here.session.id, 'falsch falsch 1', 'neues Passwort 456')
		).toBe('wrong_password');
		expect(await countSessionsOfUser(user.id)).toBe(2);
		expect(
			await changePassword(user.id, here.session.id, 'altes Passwort 123', 'neues Passwort 456')
		).toBe('changed');
		expect(await validateSessionToken(here.token, new Date())).not.toBeNull();
		expect(await validateSessionToken(other.token, new Date())).toBeNull();
		expect((await logIn('wechsel@beispiel.de', 'neues Passwort 456', ctx())).ok).toBe(true);
	});

	it('limits failed logins per address, stored in the database', async () => {
		await signUpAndVerify('ziel@beispiel.de', 'richtiges Passwort 1');
		const now = new Date();
		for (let i = 0; i < LOGIN_LIMITS.perEmail.max; i++) {
			expect(await logIn('ziel@beispiel.de', `falsch ${i} 1234`, ctx(now))).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		const limited = await logIn('ziel@beispiel.de', 'richtiges Passwort 1', ctx(now));
		expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect((limited as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
		// The next window starts afresh.
		const later = new Date(now.getTime() + LOGIN_LIMITS.perEmail.windowMs);
		expect((await logIn('ziel@beispiel.de', 'richtiges Passwort 1', ctx(later))).ok).toBe(true);
	});

	it('wrong passwords typed by someone else do not lock the owner out of a browser they used before', async () => {
		await signUpAndVerify('besitzerin@beispiel.de', 'richtiges Passwort 2');
		const first = await logIn('besitzerin@beispiel.de', 'richtiges Passwort 2', ctx());
		if (!first.ok || !('device' in first)) throw new Error('login failed');
		const device = first.device;
		expect(device).toMatch(/^[a-z2-7]{32}$/);

		// Someone tries passwords for her address from other addresses, without her cookie.
		const now = new Date(Date.now() + 60_000);
		for (let i = 0; i < LOGIN_LIMITS.perEmail.max; i++) {
			await logIn('besitzerin@beispiel.de', `geraten ${i} 1234`, ctx(now));
		}
		// A browser that never signed in to the account is limited: guessing stays at 8 per window.
		expect(await logIn('besitzerin@beispiel.de', 'richtiges Passwort 2', ctx(now))).toMatchObject({
			reason: 'rate_limited'
		});
		// A forged or foreign cookie does not help.
		expect(
			await logIn('besitzerin@beispiel.de', 'richtiges Passwort 2', {
				...ctx(now),
				device: 'a'.repeat(32)
			})
		).toMatchObject({ reason: 'rate_limited' });
		// Her own browser still gets in, from any address.
		const own = await logIn('besitzerin@beispiel.de', 'richtiges Passwort 2', {
			...ctx(now),
			device
		});
		expect(own).toMatchObject({ ok: true, device });

		// Her browser has a budget of its own: wrong passwords there are limited too.
		const later = new Date(now.getTime() + LOGIN_LIMITS.perEmail.windowMs);
		for (let i = 0; i < LOGIN_LIMITS.perKnownDevice.max; i++) {
			await logIn('besitzerin@beispiel.de', `vertippt ${i} 1234`, { ...ctx(later), device });
		}
		expect(
			await logIn('besitzerin@beispiel.de', 'richtiges Passwort 2', { ...ctx(later), device })
		).toMatchObject({ reason: 'rate_limited' });
	});
});

describe('password reset', () => {
	it('works once, ends all sessions, and refuses expired and used links', async () => {
		const user = await signUpAndVerify('vergessen@beispiel.de', 'altes Passwort 123');
		const session = await createSession(user.id, new Date());
		// The answer does not wait for the mail, so its duration does not tell that the address
		// has an account: the mail is written after it.
		expect(await requestPasswordReset('vergessen@beispiel.de', ctx())).toBeNull();
		expect(afterResponsePending()).toBe(1);
		expect(await requestPasswordReset('unbekannt@beispiel.de', ctx())).toBeNull();
		await afterResponseSettled();
		expect(afterResponsePending()).toBe(0);
		expect(await listMail(5, 'unbekannt@beispiel.de')).toEqual([]);

		const token = tokenFrom((await newestMailTo('vergessen@beispiel.de')).text, '/reset-password');
		expect(await checkResetToken(token, new Date())).toBe('valid');
		expect(await checkResetToken(token, new Date(Date.now() + 2 * 60 * 60 * 1000))).toBe('expired');

		// Ten tabs submit at once: one reset happens.
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				resetPassword(token, `neues Passwort ${i}xx`, new Date())
			)
		);
		expect(results.filter((r) => r === 'valid')).toHaveLength(1);
		const winner = results.indexOf('valid');
		expect(await resetPassword(token, 'noch ein Passwort', new Date())).toBe('invalid');
		expect(await validateSessionToken(session.token, new Date())).toBeNull();
		expect((await logIn('vergessen@beispiel.de', `neues Passwort ${winner}xx`, ctx())).ok).toBe(
			true
		);
		expect((await logIn('vergessen@beispiel.de', 'altes Passwort 123', ctx())).ok).toBe(false);
	});

	it('clean-up removes expired sessions, tokens and rate-limit slots', async () => {
		const future = new Date(Date.now() + 400 * DAY);
		const purged = await purgeExpired(future);
		expect(purged.sessions).toBeGreaterThan(0);
		expect(purged.tokens).toBeGreaterThan(0);
		expect(purged.rateLimits).toBeGreaterThan(0);
		expect(await purgeExpired(future)).toEqual({ sessions: 0, tokens: 0, rateLimits: 0 });
	});
});
