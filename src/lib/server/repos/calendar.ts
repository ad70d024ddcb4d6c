// The quarter's calendar: each event's log (insert-only, entry n+1 taken by inserting its `_id`)
// and the seats of "Ich komme" (a seat is an insert of `<eventId>:<seat n>`, and (eventId,
// userId) is unique, so neither a seat nor a person is counted twice). A quarter has dozens of
// events a year, so its whole calendar is read with one query.
import type { EventEntry } from '../../domain/events/event';
import type { LogStore } from '../logs';
import { db, insertUnique } from '../db';

export type StoredEventEntry = EventEntry & { eventId: string; quarterId: string; n: number };

export function eventEntryId(eventId: string, n: number): string {
	return `${eventId}:${String(n).padStart(4, '0')}`;
}

/** An event's entries as a log (services/calendar.ts); a stream is an event. */
export const eventEntryStore: LogStore<StoredEventEntry> = {
	async insert(eventId, n, entry) {
		return insertUnique((await db()).calendarEventLog, {
			...entry,
			_id: eventEntryId(eventId, n),
			eventId,
			n
		});
	},
	async find(eventId, n) {
		const doc = await (await db()).calendarEventLog.findOne({ _id: eventEntryId(eventId, n) });
		if (!doc) return null;
		const { _id: _ignored, ...entry } = doc;
		return entry;
	}
};

/** Every entry of a quarter's events, grouped by event in number order. */
export async function listQuarterEventEntries(
	quarterId: string
): Promise<Map<string, StoredEventEntry[]>> {
	const docs = await (await db()).calendarEventLog.find({ quarterId }).toArray();
	const byEvent = new Map<string, StoredEventEntry[]>();
	for (const { _id: _ignored, ...entry } of docs) {
		const list = byEvent.get(entry.eventId) ?? [];
		list.push(entry);
		byEvent.set(entry.eventId, list);
	}
	for (const list of byEvent.values()) list.sort((a, b) => a.n - b.n);
	return byEvent;
}

export interface Seat {
	eventId: string;
	userId: string;
	seat: number;
	at: Date;
}

/** Takes seat `seat` for the person: 'taken' when the seat has a holder or the person a seat. */
export async function insertSeat(quarterId: string, seat: Seat): Promise<'inserted' | 'taken'> {
	return insertUnique((await db()).calendarSeats, {
		_id: `${seat.eventId}:${seat.seat}`,
		quarterId,
		...seat
	});
}

export async function findSeatOf(eventId: string, userId: string): Promise<Seat | null> {
	const doc = await (await db()).calendarSeats.findOne({ eventId, userId });
	return doc ? { eventId: doc.eventId, userId: doc.userId, seat: doc.seat, at: doc.at } : null;
}

/** Frees the person's seat (one delete by `_id`, atomic); false when they held none. */
export async function deleteSeat(eventId: string, seat: number, userId: string): Promise<boolean> {
	const result = await (await db()).calendarSeats.deleteOne({ _id: `${eventId}:${seat}`, userId });
	return result.deletedCount === 1;
}

export async function listSeats(eventId: string): Promise<Seat[]> {
	const docs = await (await db()).calendarSeats.find({ eventId }).toArray();
	return docs.map((d) => ({ eventId: d.eventId, userId: d.userId, seat: d.seat, at: d.at }));
}

/** Every seat taken in the quarter's events: whose, for which event. */
export async function listQuarterSeats(
	quarterId: string
): Promise<{ eventId: string; userId: string }[]> {
	const docs = await (
		await db()
	).calendarSeats
		.find({ quarterId })
		.project<{ eventId: string; userId: string }>({ eventId: 1, userId: 1 })
		.toArray();
	return docs.map((d) => ({ eventId: d.eventId, userId: d.userId }));
}
