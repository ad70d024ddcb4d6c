// What pages show of events: plain fields, times as ISO strings (pages format them on the
// quarter's clock), the place in words.
import { upcoming, type EventViewer } from '../../../domain/events/event';
import type { Locale } from '../../../domain/locale';
import * as m from '../../../paraglide/messages';
import type { Quarter } from '../../repos/quarters';
import { membershipsOfUser } from '../members';
import { findQuarter } from '../quarters';
import { calendar, type EventView } from './index';
import { placeText } from './news';

export interface EventCard {
	id: string;
	title: string;
	kind: EventView['details']['kind'];
	status: EventView['status'];
	startsAt: string;
	endsAt: string;
	place: string;
	organiser: string;
	capacity: number | null;
	rsvps: number;
	coming: boolean;
	byManagement: boolean;
}

export function eventCard(event: EventView, quarter: Quarter): EventCard {
	return {
		id: event.id,
		title: event.details.title,
		kind: event.details.kind,
		status: event.status,
		startsAt: event.details.startsAt.toISOString(),
		endsAt: event.details.endsAt.toISOString(),
		place: placeText(event, quarter),
		organiser: event.details.organiser,
		capacity: event.details.capacity,
		rsvps: event.rsvps,
		coming: event.coming,
		byManagement: event.byManagement
	};
}

/** The next few events the viewer may see (the marketplace page and "Neuigkeiten"). */
export async function upcomingCards(
	quarter: Quarter,
	viewer: EventViewer,
	now: Date,
	limit = 3
): Promise<EventCard[]> {
	const events = await calendar.list(quarter, viewer, { teaser: true });
	return upcoming(events, now, limit).map((e) => eventCard(e, quarter));
}

/** The next events in every quarter the person is an active member of ("Neuigkeiten"). */
export async function upcomingForUser(
	userId: string,
	now: Date,
	limit = 3
): Promise<(EventCard & { quarterId: string; quarterName: string; timeZone: string })[]> {
	const memberships = (await membershipsOfUser(userId)).filter((ms) => ms.state === 'active');
	const perQuarter = await Promise.all(
		memberships.map(async (membership) => {
			const quarter = await findQuarter(membership.quarterId);
			if (!quarter) return [];
			const cards = await upcomingCards(quarter, calendar.viewer(userId, membership), now, limit);
			return cards.map((card) => ({
				...card,
				quarterId: quarter.id,
				quarterName: quarter.name,
				timeZone: quarter.settings.timeZone
			}));
		})
	);
	return perQuarter
		.flat()
		.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
		.slice(0, limit);
}

/** One line of "Neuigkeiten" about an event, in the reader's language. */
export function eventNewsText(move: string, title: string, locale: Locale): string {
	const what =
		move === 'approved'
			? m.event_news_approved({}, { locale })
			: move === 'rejected'
				? m.event_news_rejected({}, { locale })
				: move === 'cancelled'
					? m.event_news_cancelled({}, { locale })
					: m.event_news_changed({}, { locale });
	return m.event_news({ title, what }, { locale });
}
