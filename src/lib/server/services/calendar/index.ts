// The quarter's calendar (Termine): events by the quarter management (public at once) and by
// members (waiting for a moderator, like listings under pre-moderation), "Ich komme" with a
// capacity that holds under concurrent sign-ups, reminders and change notices (news.ts), the
// iCalendar feed (ical.ts). Each event is one stream of the shared log mechanism (server/logs):
// its history is never overwritten, and two servers deciding on the same event at once cannot
// both append. Every act of the management is in the audit log. See docs/events.md.
import {
	applyEventEntry,
	checkCancel,
	checkChange,
	checkDetails,
	checkModeration,
	checkRsvp,
	mayView,
	reminderDue,
	seatCandidates,
	type CalendarEvent,
	type ChangeProblem,
	type DetailsProblem,
	type EventDetails,
	type EventEntry,
	type EventViewer,
	type ModerationProblem,
	type RsvpProblem
} from '../../../domain/events/event';
import { isActiveMember, isManagement } from '../../../domain/members/roles';
import { hashToken } from '../../ids';
import { Log, RecentCache } from '../../logs';
import { appendAudit } from '../../repos/audit';
import {
	deleteSeat,
	eventEntryStore,
	findSeatOf,
	insertSeat,
	listQuarterEventEntries,
	listQuarterSeats,
	listSeats,
	type StoredEventEntry
} from '../../repos/calendar';
import type { Membership } from '../../repos/memberships';
import type { Quarter } from '../../repos/quarters';
import { notifications as appNotifications, type Notifications } from '../notifications';
import { sendReminders, tellAttendees, tellAuthor } from './news';

export type { CalendarEvent };

/** An event as a list or page shows it: with the seats taken and whether the viewer has one. */
export interface EventView extends CalendarEvent {
	rsvps: number;
	coming: boolean;
}

const ID = /^[0-9a-f]{24}$/;

/** How many times a sign-up reads the seats again after losing every seat it tried. */
const SEAT_ROUNDS = 5;

/** How old a quarter's event list may be when a teaser shows it (freshness rule 6 in
 * docs/architecture.md): the marketplace page read every event and seat of the quarter on each
 * view. This server's own changes drop the list at once. */
const TEASER_MAX_AGE_MS = 10_000;

/** A quarter's events and seats, for teasers. */
interface QuarterView {
	events: CalendarEvent[];
	seats: { eventId: string; userId: string }[];
}

export type ActProblem = 'not_found' | 'forbidden';

export class Calendar {
	private readonly log = new Log<CalendarEvent | null, StoredEventEntry>({
		name: 'calendar',
		store: eventEntryStore,
		seqOf: (entry) => entry.n,
		empty: () => null,
		apply: (state, entry) => applyEventEntry(state, entry),
		// A moderator's approval or a change shows on the next page view on any server.
		freshMs: 0,
		maxStreams: 2_000
	});

	constructor(private readonly notifications: Notifications = appNotifications) {}

	/** Whom the rules see in a request. */
	viewer(userId: string | null, membership: Membership | null): EventViewer {
		return {
			userId,
			member: isActiveMember(membership),
			moderator: isManagement(membership)
		};
	}

	private readonly quarterViews = new RecentCache<string, QuarterView>(TEASER_MAX_AGE_MS, 500);

	/** Every event of the quarter the viewer may see, with seats (one query each for entries
	 * and seats, then one `_id` probe per event for entries appended meanwhile). With
	 * `teaser`, a list up to TEASER_MAX_AGE_MS old will do (the marketplace, "Neuigkeiten", the
	 * cockpit's badge). */
	async list(
		quarter: Quarter,
		viewer: EventViewer,
		options: { teaser?: boolean } = {}
	): Promise<EventView[]> {
		const read = async (): Promise<QuarterView> => {
			const [entries, seats] = await Promise.all([
				listQuarterEventEntries(quarter.id),
				listQuarterSeats(quarter.id)
			]);
			this.log.preload(entries);
			const maxAgeMs = options.teaser ? TEASER_MAX_AGE_MS : undefined;
			const states = await Promise.all(
				[...entries.keys()].map((id) => this.log.read(id, 0, { maxAgeMs }))
			);
			return { events: states.filter((e): e is CalendarEvent => e !== null), seats };
		};
		const view = options.teaser ? await this.quarterViews.read(quarter.id, read) : await read();
		const counts = new Map<string, number>();
		const mine = new Set<string>();
		for (const seat of view.seats) {
			counts.set(seat.eventId, (counts.get(seat.eventId) ?? 0) + 1);
			if (viewer.userId !== null && seat.userId === viewer.userId) mine.add(seat.eventId);
		}
		return view.events
			.filter((e) => mayView(e, viewer))
			.map((e) => ({ ...e, rsvps: counts.get(e.id) ?? 0, coming: mine.has(e.id) }));
	}

	/** Members' suggestions waiting for a moderator (the badge in the management menu). */
	async countWaiting(quarter: Quarter): Promise<number> {
		const all = await this.list(
			quarter,
			{ userId: null, member: true, moderator: true },
			{ teaser: true }
		);
		return all.filter((e) => e.status === 'pending').length;
	}

	/** One event as the viewer may see it, or null (malformed, unknown, elsewhere, not theirs). */
	async view(quarter: Quarter, eventId: string, viewer: EventViewer): Promise<EventView | null> {
		const event = await this.find(quarter, eventId);
		if (!event || !mayView(event, viewer)) return null;
		const seats = await listSeats(event.id);
		return {
			...event,
			rsvps: seats.length,
			coming: viewer.userId !== null && seats.some((s) => s.userId === viewer.userId)
		};
	}

	private async find(quarter: Quarter, eventId: string): Promise<CalendarEvent | null> {
		if (!ID.test(eventId)) return null;
		const event = (await this.log.read(eventId)) ?? (await this.log.refresh(eventId));
		return event && event.quarterId === quarter.id ? event : null;
	}

	/**
	 * A new event: the management's is public at once (and audited), a member's waits for a
	 * moderator. The id comes from the person and the form's nonce, so a form sent twice
	 * stores one event.
	 */
	async propose(input: {
		quarter: Quarter;
		userId: string;
		membership: Membership | null;
		details: EventDetails;
		nonce: string;
		now: Date;
	}): Promise<
		| { ok: true; event: CalendarEvent; duplicate: boolean }
		| { ok: false; problem: 'not_member' | DetailsProblem | 'contention' }
	> {
		const { quarter, userId, membership, details, now } = input;
		if (!isActiveMember(membership)) return { ok: false, problem: 'not_member' };
		const problem = checkDetails(
			details,
			now,
			quarter.blocks.map((b) => b.id)
		);
		if (problem) return { ok: false, problem };
		const byManagement = isManagement(membership);
		const eventId = hashToken(`event:${userId}:${input.nonce}`).slice(0, 24);
		const entry: EventEntry = {
			type: 'proposed',
			details,
			authorId: userId,
			byManagement,
			by: userId,
			at: now
		};
		const result = await this.log.append<never>(eventId, (state, n) =>
			state
				? { ok: true, existing: { ...entry, eventId, quarterId: quarter.id, n: 1 } }
				: { ok: true, entry: { ...entry, eventId, quarterId: quarter.id, n } }
		);
		this.quarterViews.drop(quarter.id);
		if (!result.ok) return { ok: false, problem: 'contention' };
		const event = (await this.log.read(eventId))!;
		if (byManagement && !result.duplicate) {
			await appendAudit({
				id: `event:${eventId}:1`,
				quarterId: quarter.id,
				at: now,
				actorId: userId,
				action: 'event.created',
				target: { type: 'event', id: eventId },
				reason: '',
				details: { title: details.title, startsAt: details.startsAt.toISOString() }
			});
		}
		return { ok: true, event, duplicate: result.duplicate };
	}

	/** A moderator approves (public for members) or rejects (with a reason) a member's event. */
	async moderate(input: {
		quarter: Quarter;
		eventId: string;
		moderatorId: string;
		membership: Membership | null;
		approve: boolean;
		reason: string;
		now: Date;
	}): Promise<
		{ ok: true } | { ok: false; problem: ActProblem | ModerationProblem | 'contention' }
	> {
		const { quarter, eventId, moderatorId, approve, reason, now } = input;
		if (!isManagement(input.membership)) return { ok: false, problem: 'forbidden' };
		if (!(await this.find(quarter, eventId))) return { ok: false, problem: 'not_found' };
		const result = await this.log.append<ModerationProblem>(eventId, (state, n) => {
			const problem = state ? checkModeration(state, moderatorId) : 'wrong_state';
			if (problem) return { ok: false, problem };
			const entry: EventEntry = approve
				? { type: 'approved', by: moderatorId, at: now }
				: { type: 'rejected', reason, by: moderatorId, at: now };
			return { ok: true, entry: { ...entry, eventId, quarterId: quarter.id, n } };
		});
		this.quarterViews.drop(quarter.id);
		if (!result.ok) return result;
		const event = result.state!;
		await appendAudit({
			id: `event:${eventId}:${result.seq}`,
			quarterId: quarter.id,
			at: now,
			actorId: moderatorId,
			action: approve ? 'event.approved' : 'event.rejected',
			target: { type: 'event', id: eventId },
			reason,
			details: { title: event.details.title, authorId: event.authorId }
		});
		await tellAuthor(
			this.notifications,
			quarter,
			event,
			approve ? 'approved' : 'rejected',
			reason,
			result.seq,
			now
		);
		return { ok: true };
	}

	/** The management changes an event (with a note); people who come are told. */
	async change(input: {
		quarter: Quarter;
		eventId: string;
		moderatorId: string;
		membership: Membership | null;
		details: EventDetails;
		note: string;
		now: Date;
	}): Promise<
		| { ok: true }
		| { ok: false; problem: ActProblem | ChangeProblem | DetailsProblem | 'contention' }
	> {
		const { quarter, eventId, moderatorId, details, note, now } = input;
		if (!isManagement(input.membership)) return { ok: false, problem: 'forbidden' };
		if (!(await this.find(quarter, eventId))) return { ok: false, problem: 'not_found' };
		const detailsProblem = checkDetails(
			details,
			now,
			quarter.blocks.map((b) => b.id)
		);
		if (detailsProblem) return { ok: false, problem: detailsProblem };
		const rsvps = (await listSeats(eventId)).length;
		const result = await this.log.append<ChangeProblem>(eventId, (state, n) => {
			const problem = state ? checkChange(state, details, rsvps) : 'wrong_state';
			if (problem) return { ok: false, problem };
			return {
				ok: true,
				entry: {
					type: 'changed',
					details,
					note,
					by: moderatorId,
					at: now,
					eventId,
					quarterId: quarter.id,
					n
				}
			};
		});
		this.quarterViews.drop(quarter.id);
		if (!result.ok) return result;
		await this.afterManagementAct(
			quarter,
			result.state!,
			result.seq,
			'event.changed',
			moderatorId,
			note,
			now
		);
		return { ok: true };
	}

	/** The management cancels an event (with a note); it stays in the calendar as cancelled. */
	async cancel(input: {
		quarter: Quarter;
		eventId: string;
		moderatorId: string;
		membership: Membership | null;
		note: string;
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: ActProblem | 'wrong_state' | 'contention' }> {
		const { quarter, eventId, moderatorId, note, now } = input;
		if (!isManagement(input.membership)) return { ok: false, problem: 'forbidden' };
		if (!(await this.find(quarter, eventId))) return { ok: false, problem: 'not_found' };
		const result = await this.log.append<'wrong_state'>(eventId, (state, n) => {
			const problem = state ? checkCancel(state) : 'wrong_state';
			if (problem) return { ok: false, problem };
			return {
				ok: true,
				entry: {
					type: 'cancelled',
					note,
					by: moderatorId,
					at: now,
					eventId,
					quarterId: quarter.id,
					n
				}
			};
		});
		this.quarterViews.drop(quarter.id);
		if (!result.ok) return result;
		await this.afterManagementAct(
			quarter,
			result.state!,
			result.seq,
			'event.cancelled',
			moderatorId,
			note,
			now
		);
		return { ok: true };
	}

	private async afterManagementAct(
		quarter: Quarter,
		event: CalendarEvent,
		seq: number,
		action: 'event.changed' | 'event.cancelled',
		moderatorId: string,
		note: string,
		now: Date
	): Promise<void> {
		await appendAudit({
			id: `event:${event.id}:${seq}`,
			quarterId: quarter.id,
			at: now,
			actorId: moderatorId,
			action,
			target: { type: 'event', id: event.id },
			reason: note,
			details: { title: event.details.title, sequence: event.sequence }
		});
		// A waiting event has nobody coming yet; its author hears of a cancellation.
		if (event.status === 'cancelled' && !event.byManagement && event.authorId !== moderatorId) {
			await tellAuthor(this.notifications, quarter, event, 'cancelled', note, seq, now);
		}
		await tellAttendees(
			this.notifications,
			quarter,
			event,
			seq,
			note,
			await listSeats(event.id),
			now
		);
	}

	/**
	 * "Ich komme": takes the first free seat by inserting it. Seats are numbered 1 … capacity and
	 * (eventId, userId) is unique, so however many people sign up at once on however many
	 * servers, no seat is given twice and nobody holds two: the capacity holds without
	 * transactions or conditional updates, which FerretDB v1 does not have.
	 */
	async rsvp(input: {
		quarter: Quarter;
		eventId: string;
		userId: string;
		membership: Membership | null;
		now: Date;
	}): Promise<{ ok: true; already: boolean } | { ok: false; problem: ActProblem | RsvpProblem }> {
		const { quarter, eventId, userId, now } = input;
		if (!isActiveMember(input.membership)) return { ok: false, problem: 'not_member' };
		const event = await this.find(quarter, eventId);
		if (!event || !mayView(event, this.viewer(userId, input.membership))) {
			return { ok: false, problem: 'not_found' };
		}
		const problem = checkRsvp(event, now);
		if (problem) return { ok: false, problem };
		for (let round = 0; round < SEAT_ROUNDS; round++) {
			const seats = await listSeats(eventId);
			if (seats.some((s) => s.userId === userId)) return { ok: true, already: true };
			const candidates = seatCandidates(
				event.details.capacity,
				seats.map((s) => s.seat)
			);
			if (candidates.length === 0) return { ok: false, problem: 'full' };
			// Each starts at another free seat, so that people signing up together rarely collide.
			const start = Math.floor(Math.random() * candidates.length);
			const order = [...candidates.slice(start), ...candidates.slice(0, start)];
			for (const seat of order) {
				const taken = await insertSeat(quarter.id, { eventId, userId, seat, at: now });
				if (taken === 'inserted') {
					this.quarterViews.drop(quarter.id);
					return { ok: true, already: false };
				}
				// Taken: by someone else (try the next seat), or this person signed up meanwhile.
				if (await findSeatOf(eventId, userId)) return { ok: true, already: true };
			}
		}
		return { ok: false, problem: 'full' };
	}

	/** Withdraws "Ich komme": the seat is free again. */
	async withdraw(input: {
		quarter: Quarter;
		eventId: string;
		userId: string;
		membership: Membership | null;
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: ActProblem | 'not_coming' | 'started' }> {
		const { quarter, eventId, userId, now } = input;
		const event = await this.find(quarter, eventId);
		if (!event || !mayView(event, this.viewer(userId, input.membership))) {
			return { ok: false, problem: 'not_found' };
		}
		if (now.getTime() >= event.details.startsAt.getTime()) return { ok: false, problem: 'started' };
		const seat = await findSeatOf(eventId, userId);
		if (!seat || !(await deleteSeat(eventId, seat.seat, userId))) {
			return { ok: false, problem: 'not_coming' };
		}
		this.quarterViews.drop(quarter.id);
		return { ok: true };
	}

	/** The people who said they come, for the management. */
	async attendees(eventId: string): Promise<string[]> {
		const seats = await listSeats(eventId);
		return seats.sort((a, b) => a.seat - b.seat).map((s) => s.userId);
	}

	/**
	 * The job: reminds everyone who comes to an event tomorrow, once per person and start time
	 * (claimed by an insert under that key before the mail is stored), whichever server runs it
	 * and however often.
	 */
	async runReminders(now: Date, quarters: readonly Quarter[]): Promise<{ reminded: number }> {
		let reminded = 0;
		const everyone: EventViewer = { userId: null, member: true, moderator: true };
		for (const quarter of quarters) {
			const due = (await this.list(quarter, everyone)).filter((e) =>
				reminderDue(e, now, quarter.settings.timeZone)
			);
			for (const event of due) {
				reminded += await sendReminders(quarter, event, await listSeats(event.id), now);
			}
		}
		return { reminded };
	}
}

/** This app server's calendar. */
export const calendar = new Calendar();
