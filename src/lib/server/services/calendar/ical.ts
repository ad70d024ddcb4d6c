// The calendar as iCalendar: the quarter's feed (/q/<quarter>/termine.ics) and a file per event.
// Who sees what is the page's rule (domain/events mayView): a calendar app that subscribes sends
// no session, so a subscribed feed holds the management's public events; a member who downloads
// it signed in gets the members' events too.
import type { CalendarEvent } from '../../../domain/events/event';
import { icalendar } from '../../../domain/events/ical';
import type { Locale } from '../../../domain/locale';
import * as m from '../../../paraglide/messages';
import type { Quarter } from '../../repos/quarters';
import { placeText } from './news';

/** The events as an iCalendar text; `origin` is the site (for UID and URL). */
export function icsOf(
	quarter: Quarter,
	events: readonly CalendarEvent[],
	origin: string,
	locale: Locale
): string {
	const host = new URL(origin).hostname;
	return icalendar({
		name: m.event_ics_calendar_name({ quarter: quarter.name }, { locale }),
		timeZone: quarter.settings.timeZone,
		events: events.map((e) => ({
			uid: `${e.id}@${host}`,
			sequence: e.sequence,
			stamp: e.updatedAt,
			createdAt: e.createdAt,
			startsAt: e.details.startsAt,
			endsAt: e.details.endsAt,
			summary: e.details.title,
			description: [
				e.details.description,
				m.event_ics_organiser({ organiser: e.details.organiser }, { locale }),
				...(e.status === 'cancelled' ? [e.history.at(-1)?.note ?? ''] : [])
			]
				.filter(Boolean)
				.join('\n\n'),
			location: placeText(e, quarter),
			url: `${origin}/q/${quarter.id}/termine/${e.id}`,
			cancelled: e.status === 'cancelled',
			categories: [m[`event_kind_${e.details.kind}`]({}, { locale })]
		}))
	});
}
