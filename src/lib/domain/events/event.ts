// The quarter's calendar (Termine): an event is an insert-only log of entries (proposed,
// approved, rejected, changed, cancelled), folded here into what pages show. Events by the quarter
// management are public at once; a member's event waits for a moderator, like a listing under
// pre-moderation. Times are UTC instants; people read and type them on the quarter's clock.
import { dayOf, instantOf, type Day } from '../time/zone';

export const EVENT_KINDS = [
	'festival',
	'conference',
	'forum',
	'repair_cafe',
	'meeting',
	'other'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 4000;
export const ORGANISER_MAX = 120;
export const PLACE_MAX = 200;
export const NOTE_MAX = 500;
export const CAPACITY_MAX = 10_000;
/** An event lasts at most this long (a festival weekend, not a season). */
export const MAX_DURATION_MS = 14 * 24 * 60 * 60 * 1000;
/** Reminders go out on the day before, from this time on the quarter's clock. */
export const REMINDER_TIME = '09:00';

/** Where it takes place: one of the quarter's blocks, or in the organiser's words. */
export type EventPlace = { blockId: string } | { text: string };

export interface EventDetails {
	title: string;
	kind: EventKind;
	startsAt: Date;
	endsAt: Date;
	place: EventPlace;
	description: string;
	organiser: string;
	/** Seats; null: no limit. */
	capacity: number | null;
}

export type EventEntry =
	| {
			type: 'proposed';
			details: EventDetails;
			authorId: string;
			/** Created by the quarter management: public at once. */
			byManagement: boolean;
			by: string;
			at: Date;
	  }
	| { type: 'approved'; by: string; at: Date }
	| { type: 'rejected'; reason: string; by: string; at: Date }
	| { type: 'changed'; details: EventDetails; note: string; by: string; at: Date }
	| { type: 'cancelled'; note: string; by: string; at: Date };

export type EventStatus = 'pending' | 'published' | 'rejected' | 'cancelled';

/** One step of an event's history, as its page lists it. */
export interface EventHistoryItem {
	type: EventEntry['type'];
	note: string;
	by: string;
	at: Date;
}

export interface CalendarEvent {
	id: string;
	quarterId: string;
	authorId: string;
	byManagement: boolean;
	status: EventStatus;
	details: EventDetails;
	/** iCalendar SEQUENCE: counts the changes people who know the event must hear of. */
	sequence: number;
	createdAt: Date;
	updatedAt: Date;
	history: EventHistoryItem[];
}

/** The fold of an event's log: the state after one more entry (entries are never changed). */
export function applyEventEntry(
	state: CalendarEvent | null,
	entry: EventEntry & { eventId: string; quarterId: string }
): CalendarEvent | null {
	const item = (note: string): EventHistoryItem => ({
		type: entry.type,
		note,
		by: entry.by,
		at: entry.at
	});
	if (entry.type === 'proposed') {
		if (state) return state;
		return {
			id: entry.eventId,
			quarterId: entry.quarterId,
			authorId: entry.authorId,
			byManagement: entry.byManagement,
			status: entry.byManagement ? 'published' : 'pending',
			details: entry.details,
			sequence: 0,
			createdAt: entry.at,
			updatedAt: entry.at,
			history: [item('')]
		};
	}
	if (!state) return state;
	const next = { ...state, updatedAt: entry.at, history: [...state.history] };
	switch (entry.type) {
		case 'approved':
			next.status = 'published';
			next.history.push(item(''));
			break;
		case 'rejected':
			next.status = 'rejected';
			next.history.push(item(entry.reason));
			break;
		case 'changed':
			next.details = entry.details;
			// A change before anyone saw the event (still pending) is no news to calendars.
			if (state.status !== 'pending') next.sequence++;
			next.history.push(item(entry.note));
			break;
		case 'cancelled':
			next.status = 'cancelled';
			next.sequence++;
			next.history.push(item(entry.note));
			break;
	}
	return next;
}

export type DetailsProblem = 'ends_before_start' | 'too_long' | 'in_past' | 'unknown_block';

/** What is wrong with an event's details, if anything (the form checked each field). */
export function checkDetails(
	details: EventDetails,
	now: Date,
	blockIds: readonly string[]
): DetailsProblem | null {
	if (details.endsAt.getTime() <= details.startsAt.getTime()) return 'ends_before_start';
	if (details.endsAt.getTime() - details.startsAt.getTime() > MAX_DURATION_MS) return 'too_long';
	if (details.endsAt.getTime() <= now.getTime()) return 'in_past';
	if ('blockId' in details.place && !blockIds.includes(details.place.blockId)) {
		return 'unknown_block';
	}
	return null;
}

export interface EventViewer {
	userId: string | null;
	/** An active member of the event's quarter. */
	member: boolean;
	moderator: boolean;
}

/**
 * Who sees an event. The quarter management's events are announcements for the whole quarter
 * (visitors included, and the public calendar feed); a member's event, once approved, is for
 * members, as listings show their authors only to members. Waiting or rejected ones: the author
 * and the management.
 */
export function mayView(event: CalendarEvent, viewer: EventViewer): boolean {
	if (event.status === 'published' || event.status === 'cancelled') {
		return event.byManagement || viewer.member || viewer.moderator;
	}
	return viewer.moderator || (viewer.userId !== null && viewer.userId === event.authorId);
}

/** Visible to visitors without an account (public page and feed). */
export function isPublic(event: CalendarEvent): boolean {
	return event.byManagement && (event.status === 'published' || event.status === 'cancelled');
}

export type ModerationProblem = 'wrong_state' | 'own_event';

/** A moderator approves or rejects a member's event that waits; never their own. */
export function checkModeration(
	event: CalendarEvent,
	moderatorId: string
): ModerationProblem | null {
	if (event.status !== 'pending') return 'wrong_state';
	if (event.authorId === moderatorId) return 'own_event';
	return null;
}

export type ChangeProblem = 'wrong_state' | 'capacity_below_rsvps' | 'unchanged';

/** A change by the management: not of a cancelled or rejected event, never below the people
 * who said they come (nobody is turned away after being told yes). */
export function checkChange(
	event: CalendarEvent,
	details: EventDetails,
	rsvps: number
): ChangeProblem | null {
	if (event.status === 'cancelled' || event.status === 'rejected') return 'wrong_state';
	if (details.capacity !== null && details.capacity < rsvps) return 'capacity_below_rsvps';
	if (sameDetails(event.details, details)) return 'unchanged';
	return null;
}

export function sameDetails(a: EventDetails, b: EventDetails): boolean {
	return (
		a.title === b.title &&
		a.kind === b.kind &&
		a.startsAt.getTime() === b.startsAt.getTime() &&
		a.endsAt.getTime() === b.endsAt.getTime() &&
		JSON.stringify(a.place) === JSON.stringify(b.place) &&
		a.description === b.description &&
		a.organiser === b.organiser &&
		a.capacity === b.capacity
	);
}

export function checkCancel(event: CalendarEvent): 'wrong_state' | null {
	return event.status === 'pending' || event.status === 'published' ? null : 'wrong_state';
}

export type RsvpProblem = 'not_open' | 'started' | 'full' | 'not_member';

/** "Ich komme" is open on a published event until it starts. */
export function checkRsvp(event: CalendarEvent, now: Date): RsvpProblem | null {
	if (event.status !== 'published') return 'not_open';
	if (now.getTime() >= event.details.startsAt.getTime()) return 'started';
	return null;
}

/** Seats a new "Ich komme" may take, in order: 1 … capacity, or on from `taken` + 1 without
 * a limit (a few more than the count, should some be taken meanwhile). */
export function seatCandidates(capacity: number | null, taken: readonly number[]): number[] {
	const used = new Set(taken);
	if (capacity !== null) {
		return Array.from({ length: capacity }, (_, i) => i + 1).filter((n) => !used.has(n));
	}
	const from = Math.max(0, ...taken) + 1;
	const gaps = Array.from({ length: from - 1 }, (_, i) => i + 1).filter((n) => !used.has(n));
	return [...gaps, ...Array.from({ length: 64 }, (_, i) => from + i)];
}

/** The day before the event starts, on the quarter's clock (calendar arithmetic, no zone). */
export function reminderDay(event: CalendarEvent, timeZone: string): Day {
	const [y, m, d] = dayOf(event.details.startsAt, timeZone).split('-').map(Number) as [
		number,
		number,
		number
	];
	return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * Whether the reminder for the event is due: on the day before it (from REMINDER_TIME on), while
 * it is published. A job that misses that day sends none: "morgen" would be wrong.
 */
export function reminderDue(event: CalendarEvent, now: Date, timeZone: string): boolean {
	if (event.status !== 'published') return false;
	if (now.getTime() >= event.details.startsAt.getTime()) return false;
	const day = reminderDay(event, timeZone);
	return (
		dayOf(now, timeZone) === day &&
		now.getTime() >= instantOf(day, REMINDER_TIME, timeZone).getTime()
	);
}

/** The key that lets one reminder per person and start time go out: a moved event reminds again. */
export function reminderKey(eventId: string, userId: string, startsAt: Date): string {
	return `event-reminder:${eventId}:${userId}:${startsAt.toISOString()}`;
}

/** Published events that have not ended, soonest first; at most `limit`. */
export function upcoming<E extends CalendarEvent>(
	events: readonly E[],
	now: Date,
	limit = Infinity
): E[] {
	return events
		.filter((e) => e.status === 'published' && e.details.endsAt.getTime() > now.getTime())
		.sort((a, b) => a.details.startsAt.getTime() - b.details.startsAt.getTime())
		.slice(0, limit);
}

/** Events that ended or were cancelled, newest first. */
export function past<E extends CalendarEvent>(events: readonly E[], now: Date): E[] {
	return events
		.filter(
			(e) =>
				(e.status === 'published' && e.details.endsAt.getTime() <= now.getTime()) ||
				e.status === 'cancelled'
		)
		.sort((a, b) => b.details.startsAt.getTime() - a.details.startsAt.getTime());
}
