// The platform above its quarters: the one-time setup link of a fresh installation, the platform
// administrators, and the installation's facts for the admin area and `npm run admin facts`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isTokenExpired } from '../../domain/auth/policy';
import type { Locale } from '../../domain/locale';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/sessions';
import { env } from '../env';
import { hashToken, newId, newSecretToken } from '../ids';
import {
	collectionCounts,
	deleteSetupTokens,
	findSetupToken,
	hasPlatformAdmin,
	insertPlatformAdmin,
	insertSetupToken,
	isPlatformAdmin,
	listPlatformAdminIds,
	releaseOnce
} from '../repos/platform';
import { claimOnce } from '../repos/tokens';
import { issueToken } from './accounts';
import {
	EmailTakenError,
	findUserWithPasswordByEmail,
	findUsersByIds,
	insertUser,
	type User
} from '../repos/users';

/** A setup link works for a day; each start without an administrator prints a new one. */
export const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;
/** A password-set link for an invited person (administrator or quarter manager): a week. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The first administrator is created once, whoever clicks first. */
const FIRST_ADMIN_KEY = 'platform:first-admin';

/** Where the installation is reached, for links printed on the console. */
export function publicOrigin(): string {
	return (env.ORIGIN || `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/$/, '');
}

/**
 * On a start without a platform administrator: stores a new setup link and prints it. Returns the
 * link, or null when an administrator exists (then nothing is printed).
 */
export async function announceSetupLink(
	origin = publicOrigin(),
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<string | null> {
	if (await hasPlatformAdmin()) return null;
	const token = newSecretToken();
	const expiresAt = new Date(now.getTime() + SETUP_LINK_TTL_MS);
	await insertSetupToken(hashToken(token), now, expiresAt);
	const link = `${origin}/setup/${token}`;
	log(
		[
			'',
			'┌─ Quartiermarkt: first start, no platform administrator yet',
			'│  Open this one-time link to create the administrator (valid 24 hours, single use):',
			`│  ${link}`,
			'│  (Each start prints a new link until the administrator exists.)',
			'└─',
			''
		].join('\n')
	);
	return link;
}

export type SetupState = 'valid' | 'invalid' | 'expired' | 'done';

export async function checkSetupToken(token: string, now: Date): Promise<SetupState> {
	if (await hasPlatformAdmin()) return 'done';
	const stored = await findSetupToken(hashToken(token));
	if (!stored) return 'invalid';
	return isTokenExpired(stored.expiresAt, now) ? 'expired' : 'valid';
}

export type ClaimResult =
	| { ok: true; user: User; session: { token: string; expiresAt: Date } }
	| { ok: false; state: Exclude<SetupState, 'valid'> };

/**
 * Creates the first platform administrator from a setup link and signs them in. Exactly once,
 * even when two browsers submit at the same moment: the claim is an insert under one key.
 */
export async function claimSetup(
	token: string,
	input: { displayName: string; email: string; password: string; locale: Locale },
	now: Date
): Promise<ClaimResult> {
	const state = await checkSetupToken(token, now);
	if (state !== 'valid') return { ok: false, state };
	if (!(await claimOnce(FIRST_ADMIN_KEY, now))) return { ok: false, state: 'done' };
	let user: User;
	try {
		user = await insertUser(
			{
				id: newId(),
				email: input.email,
				displayName: input.displayName,
				locale: input.locale,
				passwordHash: await hashPassword(input.password)
			},
			now,
			true
		);
	} catch (err) {
		// Nothing was created: the link may be used again.
		await releaseOnce(FIRST_ADMIN_KEY);
		if (err instanceof EmailTakenError) return { ok: false, state: 'invalid' };
		throw err;
	}
	await insertPlatformAdmin(user.id, 'setup', now);
	await deleteSetupTokens();
	const { token: sessionToken, session } = await createSession(user.id, now);
	return { ok: true, user, session: { token: sessionToken, expiresAt: session.expiresAt } };
}

export function isAdmin(userId: string): Promise<boolean> {
	return isPlatformAdmin(userId);
}

export async function listPlatformAdmins(): Promise<User[]> {
	return findUsersByIds(await listPlatformAdminIds());
}

/** Mails or returns a link that lets an invited person choose their password (a reset token). */
export async function issuePasswordLink(
	user: { id: string; email: string },
	origin: string,
	now: Date
): Promise<string> {
	const token = await issueToken('reset-password', user, INVITATION_TTL_MS, now);
	return `${origin}/reset-password?token=${token}`;
}

export type CreateAdminResult = {
	user: User;
	created: boolean;
	alreadyAdmin: boolean;
	/** For a new account without a password: where its owner sets one. */
	passwordLink: string | null;
};

/** Makes a person platform administrator (for scripted installs), creating the account if needed. */
export async function createPlatformAdmin(
	input: { email: string; displayName: string; password?: string; locale?: Locale },
	actorId: string,
	now: Date,
	origin = publicOrigin()
): Promise<CreateAdminResult> {
	let user: User | null = await findUserWithPasswordByEmail(input.email);
	let created = false;
	let passwordLink: string | null = null;
	if (!user) {
		const password = input.password ?? newSecretToken() + newSecretToken();
		user = await insertUser(
			{
				id: newId(),
				email: input.email,
				displayName: input.displayName,
				locale: input.locale ?? 'de',
				passwordHash: await hashPassword(password)
			},
			now,
			input.password !== undefined
		);
		created = true;
		if (input.password === undefined) passwordLink = await issuePasswordLink(user, origin, now);
	}
	const inserted = await insertPlatformAdmin(user.id, actorId, now);
	// A first administrator made here ends the setup links as well; later claims find one exists.
	await claimOnce(FIRST_ADMIN_KEY, now);
	await deleteSetupTokens();
	return { user, created, alreadyAdmin: inserted === 'taken', passwordLink };
}

/** What the installation is: shown at /admin/facts and by `npm run admin facts`. */
export interface InstallationFacts {
	version: string;
	node: string;
	database: { kind: 'embedded' | 'external'; where: string; name: string };
	collections: Array<{ name: string; count: number }>;
	mail: { kind: 'smtp'; host: string } | { kind: 'outbox' };
}

function appVersion(): string {
	try {
		const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'));
		return typeof pkg.version === 'string' ? pkg.version : 'unknown';
	} catch {
		return 'unknown';
	}
}

/** Host (and port) of a URL, never its user name or password. */
export function hostOf(uri: string): string {
	const match = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(uri);
	return match?.[1] ?? '?';
}

export async function installationFacts(): Promise<InstallationFacts> {
	return {
		version: appVersion(),
		node: process.version,
		database: env.MONGODB_URI
			? { kind: 'external', where: hostOf(env.MONGODB_URI), name: env.MONGODB_DB }
			: { kind: 'embedded', where: env.DATA_DIR, name: env.MONGODB_DB },
		collections: await collectionCounts(),
		mail: env.SMTP_URL ? { kind: 'smtp', host: hostOf(env.SMTP_URL) } : { kind: 'outbox' }
	};
}
