// The stored shapes of the quarter's calendar (services/calendar): each event's insert-only log
// and the seats of "Ich komme". Split from collections.ts, which re-exports them.
import type { Db } from 'mongodb';
import type { EventEntry } from '../../domain/events/event';

/** One entry of an event's log: `_id` is `<eventId>:<n, 4 digits>`, so entry n+1 is taken by
 * exactly one writer. */
export type CalendarEventLogDoc = EventEntry & {
	_id: string;
	eventId: string;
	quarterId: string;
	n: number;
};

/** One seat of an event: `_id` is `<eventId>:<seat n>`; (eventId, userId) is unique too, so a
 * person holds at most one seat and a seat has one holder, whatever servers race. */
export interface CalendarSeatDoc {
	_id: string;
	eventId: string;
	quarterId: string;
	userId: string;
	seat: number;
	at: Date;
}

export function eventCollections(db: Db) {
	return {
		calendarEventLog: db.collection<CalendarEventLogDoc>('calendar_event_log'),
		calendarSeats: db.collection<CalendarSeatDoc>('calendar_seats')
	};
}
