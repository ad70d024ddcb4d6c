// Address verification by letter (issue 16 item 5, docs/trust-and-tax.md section 5). A member
// asks for a letter in "Mein Konto" and gives the postal address; the quarter management prints
// all waiting letters as one PDF, each with a one-time code; the member types the code in "Mein
// Konto". The code is stored only as a hash. Using it is an insert under that hash, so a code
// works once however many servers and browsers race. The postal address goes as soon as the code
// is used, and the purge job removes it from letters that expired; the block stays.
import { randomBytes } from 'node:crypto';
import {
	addressLines,
	addressNoLongerNeeded,
	checkCode,
	codeExpiry,
	codeFromRandom,
	CODE_LIMITS,
	formatCode,
	letterState,
	normalizeCode,
	requestExpiry,
	type LetterState,
	type PostalAddress
} from '../../domain/trust/address-letter';
import type { Locale } from '../../domain/locale';
import { formatDate } from '../../format';
import * as m from '../../paraglide/messages';
import { hashToken } from '../ids';
import { renderLetters, type LetterPage } from '../letters-pdf';
import { appendAudit } from '../repos/audit';
import {
	addressCheckId,
	deleteAddress,
	findAddressCheck,
	findCodeUse,
	insertCodeUse,
	listAddressChecks,
	listChecksWithAddress,
	markPrinted,
	markVerified,
	saveAddressRequest,
	type AddressCheck
} from '../repos/address-checks';
import { claimOnce } from '../repos/tokens';
import { findMembership } from '../repos/memberships';
import { findUsersByIds } from '../repos/users';
import type { Quarter } from '../repos/quarters';
import { consumeAttempt, type Limited } from './rate-limit';

export type { LetterState, PostalAddress };

/** What the member sees about their check in one quarter. */
export interface LetterStatus {
	state: LetterState | 'none';
	/** The block the address lies in (kept after the address is gone). */
	blockId: string | null;
	requestedAt: Date | null;
	printedAt: Date | null;
	expiresAt: Date | null;
	verifiedAt: Date | null;
}

function statusOf(check: AddressCheck | null, now: Date): LetterStatus {
	if (!check) {
		return {
			state: 'none',
			blockId: null,
			requestedAt: null,
			printedAt: null,
			expiresAt: null,
			verifiedAt: null
		};
	}
	return {
		state: letterState(check, now),
		blockId: check.blockId,
		requestedAt: check.requestedAt,
		printedAt: check.printedAt,
		expiresAt: check.expiresAt,
		verifiedAt: check.verifiedAt
	};
}

export async function letterStatusOf(
	quarterId: string,
	userId: string,
	now = new Date()
): Promise<LetterStatus> {
	return statusOf(await findAddressCheck(quarterId, userId), now);
}

/** The states of a quarter's checks by member (for the applications page). */
export async function letterStatesOfQuarter(
	quarterId: string,
	now = new Date()
): Promise<Map<string, LetterStatus>> {
	const checks = await listAddressChecks(quarterId);
	return new Map(checks.map((c) => [c.userId, statusOf(c, now)]));
}

export type RequestResult =
	{ ok: true } | { ok: false; problem: 'not_member' | 'already_verified' | 'waiting' | 'no_block' };

/** A member asks for a letter. A waiting request is not replaced (a printed code would be lost);
 * an expired one is. */
export async function requestLetter(input: {
	quarter: Quarter;
	userId: string;
	blockId: string;
	address: PostalAddress;
	now?: Date;
}): Promise<RequestResult> {
	const now = input.now ?? new Date();
	const membership = await findMembership(input.quarter.id, input.userId);
	if (!membership || (membership.state !== 'pending' && membership.state !== 'active')) {
		return { ok: false, problem: 'not_member' };
	}
	if (!input.quarter.blocks.some((b) => b.id === input.blockId)) {
		return { ok: false, problem: 'no_block' };
	}
	const current = await findAddressCheck(input.quarter.id, input.userId);
	const state = current ? letterState(current, now) : 'none';
	if (state === 'verified') return { ok: false, problem: 'already_verified' };
	if (state === 'requested' || state === 'printed') return { ok: false, problem: 'waiting' };
	await saveAddressRequest({
		quarterId: input.quarter.id,
		userId: input.userId,
		blockId: input.blockId,
		address: input.address,
		now,
		expiresAt: requestExpiry(now)
	});
	return { ok: true };
}

/** A quarter's checks for the letters page: names and states, and the address while kept. */
export async function lettersOfQuarter(quarterId: string, now = new Date()) {
	const checks = await listAddressChecks(quarterId);
	const users = new Map((await findUsersByIds(checks.map((c) => c.userId))).map((u) => [u.id, u]));
	return checks.map((c) => ({
		userId: c.userId,
		name: users.get(c.userId)?.displayName ?? '—',
		state: letterState(c, now),
		blockId: c.blockId,
		requestedAt: c.requestedAt,
		printedAt: c.printedAt,
		verifiedAt: c.verifiedAt,
		hasAddress: c.address !== null
	}));
}

export interface PrintedBatch {
	count: number;
	pdf: Buffer;
	/** The codes as printed, by member: only for the demo seed and tests, never shown on a page. */
	codes: Map<string, string>;
}

/** Prints every waiting letter of the quarter (not yet printed, not expired) with a new code
 * each, or only `userIds` when given (a reprint gives a new code; the old one stops working). */
export async function printLetters(input: {
	quarter: Quarter;
	by: string;
	userIds?: readonly string[];
	now?: Date;
}): Promise<PrintedBatch> {
	const now = input.now ?? new Date();
	const checks = (await listAddressChecks(input.quarter.id)).filter((c) => {
		if (c.address === null) return false;
		const state = letterState(c, now);
		if (input.userIds)
			return input.userIds.includes(c.userId) && state !== 'verified' && state !== 'expired';
		return state === 'requested';
	});
	const users = new Map((await findUsersByIds(checks.map((c) => c.userId))).map((u) => [u.id, u]));
	const codes = new Map<string, string>();
	const pages: LetterPage[] = [];
	const expiresAt = codeExpiry(now);
	for (const check of checks) {
		const code = codeFromRandom(byteSource());
		await markPrinted(check.id, hashToken(code), input.by, now, expiresAt);
		codes.set(check.userId, code);
		const user = users.get(check.userId);
		pages.push(
			letterPage(
				input.quarter,
				check,
				user?.displayName ?? '',
				user?.locale ?? 'de',
				code,
				now,
				expiresAt
			)
		);
	}
	if (checks.length > 0) {
		await appendAudit({
			id: `letters:${input.quarter.id}:${now.getTime()}:${input.by}`,
			quarterId: input.quarter.id,
			at: now,
			actorId: input.by,
			action: 'quarter.lettersPrinted',
			target: { type: 'quarter', id: input.quarter.id },
			reason: '',
			details: { letters: checks.length }
		});
	}
	const pdf = await renderLetters(pages, m.letter_pdf_title({ quarter: input.quarter.name }));
	return { count: checks.length, pdf, codes };
}

function byteSource(): () => number {
	let pool = randomBytes(32);
	let i = 0;
	return () => {
		if (i >= pool.length) {
			pool = randomBytes(32);
			i = 0;
		}
		return pool[i++]!;
	};
}

function letterPage(
	quarter: Quarter,
	check: AddressCheck,
	displayName: string,
	locale: Locale,
	code: string,
	now: Date,
	expiresAt: Date
): LetterPage {
	const zone = quarter.settings.timeZone;
	const o = { locale };
	return {
		sender: m.letter_pdf_sender({ quarter: quarter.name, city: quarter.city }, o),
		address: addressLines(check.address!),
		info: [
			[m.letter_pdf_info_date({}, o), formatDate(now, locale, zone)],
			[m.letter_pdf_info_quarter({}, o), quarter.name]
		],
		subject: m.letter_pdf_subject({}, o),
		greeting: m.letter_pdf_greeting({ name: displayName }, o),
		before: [m.letter_pdf_body({ quarter: quarter.name }, o), m.letter_pdf_how({}, o)],
		code: formatCode(code),
		after: [
			m.letter_pdf_valid({ date: formatDate(expiresAt, locale, zone) }, o),
			m.letter_pdf_privacy({}, o),
			m.letter_pdf_unexpected({}, o)
		],
		closing: m.letter_pdf_closing({ quarter: quarter.name }, o)
	};
}

export type VerifyResult =
	{ ok: true } | { ok: false; problem: 'no_letter' | 'wrong_code' | 'expired' | 'used' } | Limited;

/** The member types the code from the letter. */
export async function verifyCode(input: {
	quarterId: string;
	userId: string;
	code: string;
	ip: string;
	now?: Date;
}): Promise<VerifyResult> {
	const now = input.now ?? new Date();
	const limited = await consumeAttempt(
		[
			{ rule: CODE_LIMITS.perUser, subject: input.userId },
			{ rule: CODE_LIMITS.perIp, subject: input.ip }
		],
		now
	);
	if (limited) return limited;
	const code = normalizeCode(input.code);
	const check = await findAddressCheck(input.quarterId, input.userId);
	const codeHash = code ? hashToken(code) : null;
	const result = checkCode(
		check && { ...check, hasCode: check.codeHash !== null },
		codeHash !== null && codeHash === check?.codeHash,
		now
	);
	if (result !== 'ok') return { ok: false, problem: result };
	// The one use: whoever inserts the code's hash first verifies; everyone else is told "used".
	if ((await insertCodeUse(codeHash!, input.quarterId, input.userId, now)) === 'taken') {
		return { ok: false, problem: 'used' };
	}
	await markVerified(check!.id, now);
	return { ok: true };
}

/**
 * The purge job: deletes the postal address of every check that no longer needs it (verified, or
 * expired unprinted or unused). A verification that stopped between its insert and its update is
 * finished here too. Each hour's run is claimed once (`claimOnce`), so with several app servers
 * one of them does it.
 */
export async function purgeLetterAddresses(now: Date): Promise<{ deleted: number }> {
	const slot = Math.floor(now.getTime() / (60 * 60 * 1000));
	if (!(await claimOnce(`address-letters-purge:${slot}`, now))) return { deleted: 0 };
	let deleted = 0;
	for (const check of await listChecksWithAddress()) {
		if (check.codeHash && !check.verifiedAt) {
			const use = await findCodeUse(check.codeHash);
			if (use && use.userId === check.userId) {
				await markVerified(check.id, use.at);
				deleted++;
				continue;
			}
		}
		if (addressNoLongerNeeded(check, now)) {
			await deleteAddress(check.id, now);
			deleted++;
		}
	}
	return { deleted };
}

export { addressCheckId };
