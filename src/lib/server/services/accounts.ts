// Sign-up, email verification, login, password reset and change. Answers never reveal whether
// an address has an account: the person learns it from the mail in their own inbox.
import {
	EMAIL_VERIFICATION_TTL_MS,
	KNOWN_DEVICE_TTL_MS,
	LOGIN_LIMITS,
	MAIL_LIMITS,
	PASSWORD_RESET_TTL_MS,
	isTokenExpired
} from '../../domain/auth/policy';
import { SYSTEM } from '../../domain/exchanges/workflow';
import { normalizeApplicationText } from '../../domain/members/approval';
import { initialMembershipState, isActiveMember } from '../../domain/members/roles';
import { dayOf } from '../../domain/time/zone';
import { isMinor, type AdmissionProblem, type AgeRecord } from '../../domain/trust/age';
import * as m from '../../paraglide/messages';
import { localizeHref } from '../../paraglide/runtime';
import type { Locale } from '../../domain/locale';
import type { TokenPurpose } from '../../domain/auth/policy';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/password';
import { createSession, invalidateOtherSessions } from '../auth/sessions';
import { hashToken, newId, newSecretToken } from '../ids';
import { insertMembership, listMembershipsOfUser } from '../repos/memberships';
import { findQuarter, listQuarterIds } from '../repos/quarters';
import { admission, saveAge } from './trust';
import { deleteSessionsOfUser } from '../repos/sessions';
import {
	claimOnce,
	deleteTokensOfUser,
	findToken,
	insertToken,
	insertTokenIfAbsent
} from '../repos/tokens';
import {
	EmailTakenError,
	findPasswordHash,
	findUserById,
	findUserWithPasswordByEmail,
	insertUser,
	markEmailVerified,
	setPasswordHash,
	updateProfile
} from '../repos/users';
import { grantStartCredit } from './exchanges';
import { acceptRules, requiredRules } from './legal';
import { letter, sendMail } from './mail';
import { afterResponse } from '../after-response';
import { consumeAttempt, type Limited } from './rate-limit';

/** Where a request came from, for links in mails and rate limits. */
export interface RequestContext {
	origin: string;
	ip: string;
	now: Date;
	/** The browser's known-device cookie, when it has one (the login limit, domain/auth/policy). */
	device?: string | null;
}

function link(ctx: RequestContext, locale: Locale, path: string): string {
	return ctx.origin + localizeHref(path, { locale });
}

/** Stores a one-time token's hash and returns the token, for a link. */
export async function issueToken(
	purpose: TokenPurpose,
	user: { id: string; email: string },
	ttlMs: number,
	now: Date,
	/** What the link is about beyond the person, e.g. the decision a complaint link contests. */
	subject?: string
): Promise<string> {
	const token = newSecretToken();
	await insertToken(
		{
			id: hashToken(token),
			purpose,
			userId: user.id,
			email: user.email,
			...(subject ? { subject } : {}),
			expiresAt: new Date(now.getTime() + ttlMs)
		},
		now
	);
	return token;
}

function mailLimits(email: string, ctx: RequestContext) {
	return consumeAttempt(
		[
			{ rule: MAIL_LIMITS.perIp, subject: ctx.ip },
			{ rule: MAIL_LIMITS.perEmail, subject: email }
		],
		ctx.now
	);
}

const LINK_MAILS = {
	'verify-email': {
		ttlMs: EMAIL_VERIFICATION_TTL_MS,
		path: '/verify-email',
		subject: m.mail_verify_subject,
		body: m.mail_verify_body
	},
	'reset-password': {
		ttlMs: PASSWORD_RESET_TTL_MS,
		path: '/reset-password',
		subject: m.mail_reset_subject,
		body: m.mail_reset_body
	}
} as const;

/** Issues a one-time token and mails its link, in the account's language. */
async function sendLinkMail(
	purpose: keyof typeof LINK_MAILS,
	user: { id: string; email: string; displayName: string; locale: Locale },
	ctx: RequestContext
): Promise<void> {
	const mail = LINK_MAILS[purpose];
	const token = await issueToken(purpose, user, mail.ttlMs, ctx.now);
	const locale = user.locale;
	await sendMail(
		{
			to: user.email,
			subject: mail.subject({}, { locale }),
			text: letter(
				locale,
				user.displayName,
				mail.body({ link: link(ctx, locale, `${mail.path}?token=${token}`) }, { locale })
			)
		},
		ctx.now
	);
}

export type SignupResult =
	{ ok: true } | { ok: false; reason: 'quarter_missing' | AdmissionProblem } | Limited;

export async function signUp(
	input: {
		displayName: string;
		email: string;
		password: string;
		quarterId: string;
		locale: Locale;
		kind: 'resident' | 'business';
		/** What the person tells the quarter management; kept only where it approves members. */
		application?: string;
		/** The year of birth the sign-up form asks for (issue 16 item 3). */
		age?: AgeRecord;
	},
	ctx: RequestContext
): Promise<SignupResult> {
	const quarter = await findQuarter(input.quarterId);
	if (!quarter) return { ok: false, reason: 'quarter_missing' };
	const tooYoung = input.age ? admission(quarter, input.age, ctx.now) : null;
	if (tooYoung) return { ok: false, reason: tooYoung };
	// A minor waits until the quarter management has recorded a parent's consent.
	const minor = input.age ? isMinor(input.age, dayOf(ctx.now, quarter.settings.timeZone)) : false;
	const limited = await mailLimits(input.email, ctx);
	if (limited) return limited;

	const passwordHash = await hashPassword(input.password);
	const userId = newId();
	try {
		const user = await insertUser(
			{
				id: userId,
				email: input.email,
				displayName: input.displayName,
				locale: input.locale,
				passwordHash
			},
			ctx.now
		);
		// The sign-up form's rules box (required by its schema) accepts the current rules.
		await acceptRules(userId, await requiredRules(), 'signup', ctx.now);
		if (input.age) await saveAge(userId, input.age, ctx.now);
		const application = quarter.settings.memberApproval
			? normalizeApplicationText(input.application ?? '')
			: '';
		await insertMembership(
			{
				quarterId: quarter.id,
				userId,
				role: input.kind,
				state: initialMembershipState(quarter.settings.memberApproval || minor),
				application: application ? { text: application, at: ctx.now } : null
			},
			ctx.now
		);
		await sendLinkMail('verify-email', user, ctx);
	} catch (err) {
		if (!(err instanceof EmailTakenError)) throw err;
		// Tell the owner of the address, not the person at the form.
		const locale = input.locale;
		await sendMail(
			{
				to: input.email,
				subject: m.mail_exists_subject({}, { locale }),
				// The name typed at the form is not the owner's: greet without one.
				text: letter(
					locale,
					null,
					m.mail_exists_body(
						{ login: link(ctx, locale, '/login'), reset: link(ctx, locale, '/forgot-password') },
						{ locale }
					)
				)
			},
			ctx.now
		);
	}
	return { ok: true };
}

export type VerifyResult = 'verified' | 'invalid' | 'expired';

export async function verifyEmail(token: string, now: Date): Promise<VerifyResult> {
	const stored = await findToken(hashToken(token), 'verify-email');
	if (!stored) return 'invalid';
	const user = await findUserById(stored.userId);
	if (!user || user.email !== stored.email) return 'invalid';
	// Opening the link twice (or a mail scanner opening it first) is harmless. It also welcomes
	// again, which books nothing twice (ledger key) but finishes a welcome a crash interrupted.
	if (user.emailVerified) {
		await welcome(user.id, now);
		return 'verified';
	}
	if (isTokenExpired(stored.expiresAt, now)) return 'expired';
	await markEmailVerified(user.id, now);
	await welcome(user.id, now);
	return 'verified';
}

/**
 * The start credit of every quarter where the person is an active member: at sign-up in quarters
 * without approval, given once the address is proven. Each is booked once (ledger key
 * `start-credit:<userId>`), however often this runs. A booking that fails (the community
 * account at its limit, a busy ledger) is logged and never fails the verification.
 */
async function welcome(userId: string, now: Date): Promise<void> {
	// An approved member whose address was not proven yet gets it here; one approved after
	// verifying gets it on approval (services/approval.ts). The ledger key books it once.
	const memberships = await listMembershipsOfUser(userId, await listQuarterIds());
	for (const membership of memberships.filter(isActiveMember)) {
		try {
			const result = await grantStartCredit(membership.quarterId, userId, SYSTEM, now);
			if (!result.ok && result.problem !== 'disabled' && result.problem !== 'not_member') {
				console.error(
					`Start credit for ${userId} in ${membership.quarterId} not booked: ${result.problem}`,
					result.ledger ?? ''
				);
			}
		} catch (err) {
			console.error(`Start credit for ${userId} in ${membership.quarterId} failed:`, err);
		}
	}
}

export async function resendVerification(
	email: string,
	ctx: RequestContext
): Promise<Limited | null> {
	const limited = await mailLimits(email, ctx);
	if (limited) return limited;
	const user = await findUserWithPasswordByEmail(email);
	if (user && !user.emailVerified) {
		// After the answer, so that its duration does not tell which addresses have an account.
		afterResponse('Sending the verification mail', async () => {
			await deleteTokensOfUser(user.id, 'verify-email');
			await sendLinkMail('verify-email', user, ctx);
		});
	}
	return null;
}

export type LoginResult =
	| {
			ok: true;
			token: string;
			expiresAt: Date;
			locale: Locale;
			/** Where a login without a target lands: the marketplace of the member's quarter. */
			home: string;
			/** The known-device cookie to set (server/auth/sessions.ts). */
			device: string;
	  }
	| { ok: false; reason: 'invalid' | 'unverified' | 'suspended' }
	| Limited;

export async function logIn(
	email: string,
	password: string,
	ctx: RequestContext
): Promise<LoginResult> {
	const user = await findUserWithPasswordByEmail(email);
	const device = ctx.device && /^[a-z2-7]{32}$/.test(ctx.device) ? ctx.device : null;
	const known = user !== null && device !== null && (await isKnownDevice(device, user.id));
	const limited = await consumeAttempt(
		[
			{ rule: LOGIN_LIMITS.perIp, subject: ctx.ip },
			known
				? { rule: LOGIN_LIMITS.perKnownDevice, subject: `${email}|${device}` }
				: { rule: LOGIN_LIMITS.perEmail, subject: email }
		],
		ctx.now
	);
	if (limited) return limited;
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: await verifyAgainstDummy(password);
	if (!user || !valid) return { ok: false, reason: 'invalid' };
	if (!user.emailVerified) return { ok: false, reason: 'unverified' };
	// Suspended by the quarter management everywhere they belong: no way in until reinstated.
	const memberships = await listMembershipsOfUser(user.id, await listQuarterIds());
	if (memberships.length > 0 && memberships.every((ms) => ms.state === 'suspended')) {
		return { ok: false, reason: 'suspended' };
	}
	const { token, session } = await createSession(user.id, ctx.now);
	const knownDevice = known ? device : await rememberDevice(device, user, ctx.now);
	const active = memberships.find((ms) => ms.state === 'active');
	const home = active ? `/q/${active.quarterId}` : '/account';
	return {
		ok: true,
		token,
		expiresAt: session.expiresAt,
		locale: user.locale,
		home,
		device: knownDevice
	};
}

function knownDeviceId(device: string, userId: string): string {
	return hashToken(`${device}:${userId}`);
}

async function isKnownDevice(device: string, userId: string): Promise<boolean> {
	const stored = await findToken(knownDeviceId(device, userId), 'known-device');
	return stored !== null && stored.userId === userId;
}

/** Makes this browser known to the account (one cookie may be known to several accounts). */
async function rememberDevice(
	device: string | null,
	user: { id: string; email: string },
	now: Date
): Promise<string> {
	const token = device ?? newSecretToken();
	// Stored already when the same browser signed in twice at once: either login's row will do.
	await insertTokenIfAbsent(
		{
			id: knownDeviceId(token, user.id),
			purpose: 'known-device',
			userId: user.id,
			email: user.email,
			expiresAt: new Date(now.getTime() + KNOWN_DEVICE_TTL_MS)
		},
		now
	);
	return token;
}

export async function requestPasswordReset(
	email: string,
	ctx: RequestContext
): Promise<Limited | null> {
	const limited = await mailLimits(email, ctx);
	if (limited) return limited;
	const user = await findUserWithPasswordByEmail(email);
	// After the answer, so that its duration does not tell which addresses have an account.
	if (user)
		afterResponse('Sending the reset mail', () => sendLinkMail('reset-password', user, ctx));
	return null;
}

export type ResetTokenState = 'valid' | 'invalid' | 'expired';

export async function checkResetToken(token: string, now: Date): Promise<ResetTokenState> {
	const stored = await findToken(hashToken(token), 'reset-password');
	if (!stored) return 'invalid';
	return isTokenExpired(stored.expiresAt, now) ? 'expired' : 'valid';
}

export async function resetPassword(
	token: string,
	password: string,
	now: Date
): Promise<ResetTokenState> {
	const id = hashToken(token);
	const stored = await findToken(id, 'reset-password');
	if (!stored) return 'invalid';
	if (isTokenExpired(stored.expiresAt, now)) return 'expired';
	// Single use even when two tabs submit at once: only the first insert of this key succeeds.
	if (!(await claimOnce(`reset-password:${id}`, now))) return 'invalid';
	const passwordHash = await hashPassword(password);
	await setPasswordHash(stored.userId, passwordHash);
	await deleteTokensOfUser(stored.userId, 'reset-password');
	await deleteSessionsOfUser(stored.userId);
	// The link reached the inbox, which proves the address too.
	const user = await findUserById(stored.userId);
	if (user && !user.emailVerified) {
		await markEmailVerified(user.id, now);
		await welcome(user.id, now);
	}
	return 'valid';
}

export type ChangePasswordResult = 'changed' | 'wrong_password';

export async function changePassword(
	userId: string,
	sessionId: string,
	currentPassword: string,
	newPassword: string
): Promise<ChangePasswordResult> {
	const stored = await findPasswordHash(userId);
	if (!stored || !(await verifyPassword(stored, currentPassword))) return 'wrong_password';
	await setPasswordHash(userId, await hashPassword(newPassword));
	await deleteTokensOfUser(userId, 'reset-password');
	await invalidateOtherSessions(userId, sessionId);
	return 'changed';
}

export async function saveProfile(
	userId: string,
	profile: { displayName: string; locale: Locale }
): Promise<void> {
	await updateProfile(userId, profile);
}
