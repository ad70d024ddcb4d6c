// Filing a notice of illegal content (Art. 16 DSA), with or without an account: where the content
// is, why it is illegal, optionally name and mail address, and the good-faith statement. The
// notifier gets a receipt by mail (Art. 16(4)) when they gave an address.
import { contentPath, locateContent } from '../../../domain/notices/location';
import { NOTICE_LIMITS, type NoticeOf, type NoticeTarget } from '../../../domain/notices/notice';
import type { Locale } from '../../../domain/locale';
import * as m from '../../../paraglide/messages';
import { appendAudit } from '../../repos/audit';
import { findConversation } from '../../repos/conversations';
import { findMembership } from '../../repos/memberships';
import { findQuarter, type Quarter } from '../../repos/quarters';
import { newId } from '../../ids';
import { displayNameOf } from '../members';
import { listingBook } from '../listing-book';
import { letter, sendMail } from '../mail';
import { consumeAttempt, type Limited } from '../rate-limit';
import type { NoticeContext } from './context';

export interface NoticeInput {
	location: string;
	explanation: string;
	name: string;
	email: string;
	locale: Locale;
	/** This installation's address, for the stored location. */
	origin: string;
	/** The form's nonce: the same form sent twice is one notice. */
	nonce: string;
}

export type FileProblem = 'unknown_location';

export type FileResult =
	{ ok: true; noticeId: string; repeated: boolean } | { ok: false; problem: FileProblem } | Limited;

/** The content an address names, with its quarter, label and author; null when it is none of
 * ours or no longer there. Content that is hidden already may still be noticed. The address is
 * stored as this installation's own (`origin` + path), never as typed: pages and mails show it
 * as a link. */
export async function resolveLocation(
	location: string,
	origin: string
): Promise<{ quarter: Quarter; target: NoticeTarget; authorId: string | null } | null> {
	const found = locateContent(location);
	if (!found) return null;
	const url = origin + contentPath(found.type, found.quarterId, found.id);
	if (found.type === 'conversation') {
		const conversation = await findConversation(found.id);
		const quarter = conversation && (await findQuarter(conversation.quarterId));
		if (!conversation || !quarter) return null;
		return {
			quarter,
			target: { type: 'conversation', id: found.id, url, label: '' },
			authorId: null
		};
	}
	const quarter = await findQuarter(found.quarterId);
	if (!quarter) return null;
	if (found.type === 'listing') {
		const listing = await listingBook.get(found.id);
		if (!listing || listing.quarterId !== quarter.id || listing.state === 'draft') return null;
		return {
			quarter,
			target: { type: 'listing', id: listing.id, url, label: listing.title },
			authorId: listing.authorId
		};
	}
	const membership = await findMembership(quarter.id, found.id);
	const name = membership && (await displayNameOf(found.id));
	if (!membership || !name) return null;
	return {
		quarter,
		target: { type: 'member', id: found.id, url, label: name },
		authorId: found.id
	};
}

export async function fileNotice(
	ctx: NoticeContext,
	input: NoticeInput,
	request: { ip: string; now: Date }
): Promise<FileResult> {
	const { now } = request;
	const limited = await consumeAttempt(
		[
			{ rule: NOTICE_LIMITS.perIp, subject: request.ip },
			...(input.email ? [{ rule: NOTICE_LIMITS.perEmail, subject: input.email }] : [])
		],
		now
	);
	if (limited) return limited;
	const where = await resolveLocation(input.location, input.origin);
	if (!where) return { ok: false, problem: 'unknown_location' };
	const { quarter, target, authorId } = where;
	const noticeId = newId();
	const key = `notice:${input.nonce}`;
	const appended = await ctx.log.append<never>(quarter.id, (book, seq) => {
		const same = book.keys.get(key);
		if (same) return { ok: true, existing: same };
		const entry: NoticeOf<'notice'> = {
			kind: 'notice',
			seq,
			key,
			noticeId,
			at: now,
			target,
			authorId,
			explanation: input.explanation,
			name: input.name || null,
			email: input.email || null,
			goodFaith: true,
			locale: input.locale
		};
		return { ok: true, entry };
	});
	if (!appended.ok) throw new Error(`Notices of ${quarter.id}: no free number (contention)`);
	const stored = appended.entry as NoticeOf<'notice'>;
	if (appended.duplicate) return { ok: true, noticeId: stored.noticeId, repeated: true };
	await appendAudit({
		id: `notice:${stored.noticeId}`,
		quarterId: quarter.id,
		at: now,
		actorId: 'notifier',
		action: 'notice.received',
		target: { type: 'notice', id: stored.noticeId },
		reason: '',
		details: { title: target.label, targetType: target.type, targetId: target.id }
	});
	if (stored.email) {
		const locale = stored.locale;
		await sendMail(
			{
				to: stored.email,
				subject: m.mail_notice_receipt_subject({}, { locale }),
				text: letter(
					locale,
					stored.name,
					m.mail_notice_receipt_body(
						{
							location: target.url,
							explanation: stored.explanation,
							quarter: quarter.name,
							reference: stored.noticeId
						},
						{ locale }
					)
				)
			},
			now
		);
	}
	return { ok: true, noticeId: stored.noticeId, repeated: false };
}
