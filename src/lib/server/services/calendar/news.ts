// What people hear of the calendar: the author of a member's event when a moderator decides on
// it, everyone who said "Ich komme" when the event changes or is cancelled (a notification and a
// mail), and a reminder mail the day before. Each is claimed once by an insert under its natural
// key (repos/tokens.ts `claimOnce`) before it is stored, so a retried act or a reminder job
// running twice, or on two servers, tells each person once. Mails go through the outbox
// (services/mail.ts) in the reader's language.
import { dateTimeFormat } from '../../../domain/intl';
import { reminderKey, type CalendarEvent } from '../../../domain/events/event';
import type { Locale } from '../../../domain/locale';
import * as m from '../../../paraglide/messages';
import type { Seat } from '../../repos/calendar';
import type { Quarter } from '../../repos/quarters';
import { claimOnce } from '../../repos/tokens';
import { findUsersByIds } from '../../repos/users';
import { letter, sendMail } from '../mail';
import type { Notifications } from '../notifications';
import { publicOrigin } from '../platform';

/** Where it takes place, in words: the block's name or the organiser's text. */
export function placeText(event: CalendarEvent, quarter: Quarter): string {
	const place = event.details.place;
	if ('text' in place) return place.text;
	return quarter.blocks.find((b) => b.id === place.blockId)?.name ?? '';
}

/** "Sa., 4. Juli 2026, 14:00" on the quarter's clock, in the reader's language. */
export function whenText(event: CalendarEvent, quarter: Quarter, locale: Locale): string {
	return dateTimeFormat(locale, {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone: quarter.settings.timeZone
	}).format(event.details.startsAt);
}

export function eventUrl(event: CalendarEvent): string {
	return `${publicOrigin()}/q/${event.quarterId}/termine/${event.id}`;
}

type AuthorNews = 'approved' | 'rejected' | 'cancelled';

/** Tells the author of a member's event what a moderator decided. */
export async function tellAuthor(
	notifications: Notifications,
	quarter: Quarter,
	event: CalendarEvent,
	what: AuthorNews,
	reason: string,
	seq: number,
	now: Date
): Promise<void> {
	if (!(await claimOnce(`event-author:${event.id}:${seq}`, now))) return;
	await notifications.notify(
		event.authorId,
		{
			quarterId: quarter.id,
			kind: 'event',
			exchangeId: null,
			eventId: event.id,
			move: what,
			actorId: event.history.at(-1)?.by ?? event.authorId,
			title: event.details.title,
			minutes: null
		},
		now
	);
	const [author] = await findUsersByIds([event.authorId]);
	if (!author) return;
	const locale = author.locale;
	const params = {
		title: event.details.title,
		quarter: quarter.name,
		reason: reason || '—',
		url: eventUrl(event)
	};
	const text =
		what === 'approved'
			? m.event_mail_approved_body(params, { locale })
			: what === 'rejected'
				? m.event_mail_rejected_body(params, { locale })
				: m.event_mail_cancelled_body(
						{ ...params, when: whenText(event, quarter, locale), note: params.reason },
						{ locale }
					);
	await sendMail(
		{
			to: author.email,
			subject: m.event_mail_subject({ title: event.details.title }, { locale }),
			text: letter(locale, author.displayName, text)
		},
		now
	);
}

/** Tells everyone who comes of a change or cancellation (entry `seq` of the event's log). */
export async function tellAttendees(
	notifications: Notifications,
	quarter: Quarter,
	event: CalendarEvent,
	seq: number,
	note: string,
	seats: readonly Seat[],
	now: Date
): Promise<number> {
	const cancelled = event.status === 'cancelled';
	const users = new Map(
		(await findUsersByIds(seats.map((s) => s.userId))).map((u) => [u.id, u] as const)
	);
	let told = 0;
	for (const seat of seats) {
		const user = users.get(seat.userId);
		if (!user) continue;
		if (!(await claimOnce(`event-news:${event.id}:${seq}:${user.id}`, now))) continue;
		await notifications.notify(
			user.id,
			{
				quarterId: quarter.id,
				kind: 'event',
				exchangeId: null,
				eventId: event.id,
				move: cancelled ? 'cancelled' : 'changed',
				actorId: event.history.at(-1)?.by ?? '',
				title: event.details.title,
				minutes: null
			},
			now
		);
		const locale = user.locale;
		const params = {
			title: event.details.title,
			quarter: quarter.name,
			when: whenText(event, quarter, locale),
			place: placeText(event, quarter),
			note: note || '—',
			url: eventUrl(event)
		};
		await sendMail(
			{
				to: user.email,
				subject: m.event_mail_subject({ title: event.details.title }, { locale }),
				text: letter(
					locale,
					user.displayName,
					cancelled
						? m.event_mail_cancelled_body(params, { locale })
						: m.event_mail_changed_body(params, { locale })
				)
			},
			now
		);
		told++;
	}
	return told;
}

/** The reminder mails of one event that is due (see reminderDue), once per person and start. */
export async function sendReminders(
	quarter: Quarter,
	event: CalendarEvent,
	seats: readonly Seat[],
	now: Date
): Promise<number> {
	const users = new Map(
		(await findUsersByIds(seats.map((s) => s.userId))).map((u) => [u.id, u] as const)
	);
	let sent = 0;
	for (const seat of seats) {
		const user = users.get(seat.userId);
		if (!user) continue;
		if (!(await claimOnce(reminderKey(event.id, user.id, event.details.startsAt), now))) continue;
		const locale = user.locale;
		await sendMail(
			{
				to: user.email,
				subject: m.event_mail_reminder_subject({ title: event.details.title }, { locale }),
				text: letter(
					locale,
					user.displayName,
					m.event_mail_reminder_body(
						{
							title: event.details.title,
							quarter: quarter.name,
							when: whenText(event, quarter, locale),
							place: placeText(event, quarter),
							url: eventUrl(event)
						},
						{ locale }
					)
				)
			},
			now
		);
		sent++;
	}
	return sent;
}
