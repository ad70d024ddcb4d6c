// The mails of the notice procedure, each in the recipient's language: the decision to the
// notifier (Art. 16(5)), the statement of reasons to the member concerned (Art. 17(3)) and the
// complaint decision to both (Art. 20(5)). Every mail that opens a complaint carries its link.
import {
	complaintDeadline,
	restricts,
	type ComplaintParty,
	type DecisionKind,
	type Ground,
	type NoticeState
} from '../../../domain/notices/notice';
import type { Locale } from '../../../domain/locale';
import * as messages from '../../../paraglide/messages/_index.js';
import * as m from '../../../paraglide/messages';
import { localizeHref } from '../../../paraglide/runtime';
import type { Quarter } from '../../repos/quarters';
import { findUserById } from '../../repos/users';
import { issueToken } from '../accounts';
import { letter, sendMail } from '../mail';

type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;

/** A message that travels as a key (a decision kind, a ground), in the given language. */
export function label(key: string, locale: Locale): string {
	const fn = (messages as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn({}, { locale }) : key;
}

export function groundText(ground: Ground | null, locale: Locale): string {
	if (!ground) return label('notice_ground_none', locale);
	return `${label(`notice_ground_type_${ground.type}`, locale)}: ${label(`notice_ground_${ground.code}`, locale)}`;
}

function date(at: Date, locale: Locale): string {
	return at.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Berlin'
	});
}

/** A link that lets `party` contest what applies now, without an account: a stored one-time
 * token valid as long as the complaint window (the service checks the window again). */
export async function complaintLink(
	origin: string,
	quarterId: string,
	state: NoticeState,
	party: ComplaintParty,
	recipient: { id: string; email: string },
	locale: Locale,
	now: Date
): Promise<string> {
	const until = complaintDeadline(state.effective?.at ?? now);
	const token = await issueToken(
		'complaint',
		recipient,
		until.getTime() - now.getTime(),
		now,
		`${quarterId}/${state.notice.noticeId}/${party}`
	);
	return origin + localizeHref(`/beschwerde?token=${token}`, { locale });
}

/** What the measure concerns, in words: the listing's title or the account. */
function what(state: NoticeState, decision: DecisionKind, locale: Locale): string {
	const target = state.notice.target;
	if (decision === 'suspend' || target.type !== 'listing') {
		return label('notice_what_account', locale);
	}
	return m.notice_what_listing({ title: target.label }, { locale });
}

/** Art. 16(5): the notifier hears the decision and how to contest it. */
export async function mailNotifierDecision(
	origin: string,
	quarter: Quarter,
	state: NoticeState,
	facts: string,
	now: Date
): Promise<void> {
	const { notice, effective } = state;
	if (!notice.email || !effective) return;
	const locale = notice.locale;
	const link = await complaintLink(
		origin,
		quarter.id,
		state,
		'notifier',
		{ id: `notifier:${notice.noticeId}`, email: notice.email },
		locale,
		now
	);
	await sendMail(
		{
			to: notice.email,
			subject: m.mail_notice_decision_subject({}, { locale }),
			text: letter(
				locale,
				notice.name,
				m.mail_notice_decision_body(
					{
						location: notice.target.url,
						decision: label(`notice_decision_${effective.decision}`, locale),
						ground: groundText(effective.ground, locale),
						facts,
						link,
						until: date(complaintDeadline(effective.at), locale),
						reference: notice.noticeId
					},
					{ locale }
				)
			)
		},
		now
	);
}

/** Art. 17: the statement of reasons to the member concerned, by mail and as a notification. */
export async function sendStatementOfReasons(
	origin: string,
	quarter: Quarter,
	state: NoticeState,
	facts: string,
	notify: (userId: string) => Promise<void>,
	now: Date
): Promise<void> {
	const effective = state.effective;
	if (!effective || !restricts(effective.decision) || !effective.affectedId) return;
	const author = await findUserById(effective.affectedId);
	if (!author) return;
	const locale = author.locale;
	const link = await complaintLink(
		origin,
		quarter.id,
		state,
		'author',
		{ id: author.id, email: author.email },
		locale,
		now
	);
	await sendMail(
		{
			to: author.email,
			subject: m.mail_statement_subject({}, { locale }),
			text: letter(
				locale,
				author.displayName,
				m.mail_statement_body(
					{
						quarter: quarter.name,
						what: what(state, effective.decision, locale),
						decision: label(`notice_decision_${effective.decision}`, locale),
						facts,
						ground: groundText(effective.ground, locale),
						date: date(effective.at, locale),
						link,
						until: date(complaintDeadline(effective.at), locale),
						reference: state.notice.noticeId
					},
					{ locale }
				)
			)
		},
		now
	);
	await notify(author.id);
}

/** Art. 20(5): each party hears how their complaint, or the other's, was decided. */
export async function mailComplaintDecision(
	quarter: Quarter,
	state: NoticeState,
	party: ComplaintParty,
	outcome: 'upheld' | 'reversed',
	reasons: string,
	notify: (userId: string) => Promise<void>,
	now: Date
): Promise<void> {
	const effective = state.effective;
	if (!effective) return;
	const send = async (to: string, locale: Locale, name: string | null) =>
		sendMail(
			{
				to,
				subject: m.mail_complaint_decided_subject({}, { locale }),
				text: letter(
					locale,
					name,
					m.mail_complaint_decided_body(
						{
							quarter: quarter.name,
							location: state.notice.target.url,
							by: label(`complaint_party_${party}`, locale),
							outcome: label(`complaint_outcome_${outcome}`, locale),
							reasons,
							decision: label(`notice_decision_${effective.decision}`, locale),
							reference: state.notice.noticeId
						},
						{ locale }
					)
				)
			},
			now
		);
	if (state.notice.email) await send(state.notice.email, state.notice.locale, state.notice.name);
	const authorId = effective.affectedId ?? state.notice.authorId;
	const author = authorId ? await findUserById(authorId) : null;
	if (author) {
		await send(author.email, author.locale, author.displayName);
		await notify(author.id);
	}
}
