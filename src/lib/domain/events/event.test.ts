import { describe, expect, it } from 'vitest';
import { instantOf } from '../time/zone';
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
	upcoming,
	type CalendarEvent,
	type EventDetails,
	type EventEntry
} from './event';

const Z = 'Europe/Berlin';
const details = (change: Partial<EventDetails> = {}): EventDetails => ({
	title: 'Stadtteilfest',
	kind: 'festival',
	startsAt: new Date('2026-07-04T12:00:00Z'),
	endsAt: new Date('2026-07-04T18:00:00Z'),
	place: { text: 'Marktplatz' },
	description: 'Mit Kuchen',
	organiser: 'Quartiersmanagement',
	capacity: null,
	...change
});

function fold(entries: EventEntry[]): CalendarEvent {
	let state: CalendarEvent | null = null;
	for (const entry of entries) {
		state = applyEventEntry(state, { ...entry, eventId: 'e1', quarterId: 'q' });
	}
	return state!;
}

const at = new Date('2026-06-01T10:00:00Z');
const proposed = (byManagement: boolean): EventEntry => ({
	type: 'proposed',
	details: details(),
	authorId: 'author',
	byManagement,
	by: 'author',
	at
});

describe('the event log fold', () => {
	it('publishes the management’s events at once and holds members’ events for approval', () => {
		expect(fold([proposed(true)]).status).toBe('published');
		expect(fold([proposed(false)]).status).toBe('pending');
		expect(fold([proposed(false), { type: 'approved', by: 'mod', at }]).status).toBe('published');
		expect(fold([proposed(false), { type: 'rejected', reason: 'x', by: 'mod', at }]).status).toBe(
			'rejected'
		);
	});

	it('counts changes and the cancellation in the sequence, keeping the history', () => {
		const e = fold([
			proposed(true),
			{
				type: 'changed',
				details: details({ title: 'Sommerfest' }),
				note: 'neuer Name',
				by: 'm',
				at
			},
			{ type: 'cancelled', note: 'Regen', by: 'm', at }
		]);
		expect(e.sequence).toBe(2);
		expect(e.status).toBe('cancelled');
		expect(e.details.title).toBe('Sommerfest');
		expect(e.history.map((h) => [h.type, h.note])).toEqual([
			['proposed', ''],
			['changed', 'neuer Name'],
			['cancelled', 'Regen']
		]);
	});

	it('does not count a change before publication', () => {
		const e = fold([
			proposed(false),
			{ type: 'changed', details: details({ title: 'X' }), note: '', by: 'm', at }
		]);
		expect(e.sequence).toBe(0);
	});
});

describe('rules', () => {
	it.each([
		[details({ endsAt: new Date('2026-07-04T12:00:00Z') }), 'ends_before_start'],
		[details({ endsAt: new Date('2026-07-30T12:00:00Z') }), 'too_long'],
		[
			details({
				startsAt: new Date('2026-05-01T10:00:00Z'),
				endsAt: new Date('2026-05-01T12:00:00Z')
			}),
			'in_past'
		],
		[details({ place: { blockId: 'nope' } }), 'unknown_block'],
		[details({ place: { blockId: 'b1' } }), null]
	])('checks details (%#)', (d, problem) => {
		expect(checkDetails(d, at, ['b1'])).toBe(problem);
	});

	const viewers = {
		visitor: { userId: null, member: false, moderator: false },
		member: { userId: 'm', member: true, moderator: false },
		author: { userId: 'author', member: true, moderator: false },
		moderator: { userId: 'mod', member: true, moderator: true }
	};
	it.each([
		// [byManagement, status entries, visitor, member, author, moderator]
		[true, [], true, true, true, true],
		[false, [], false, false, true, true],
		[false, [{ type: 'approved', by: 'mod', at }], false, true, true, true],
		[false, [{ type: 'rejected', reason: 'r', by: 'mod', at }], false, false, true, true],
		[true, [{ type: 'cancelled', note: 'n', by: 'mod', at }], true, true, true, true]
	] as const)('who sees it (%#)', (byManagement, more, ...expected) => {
		const e = fold([proposed(byManagement), ...(more as unknown as EventEntry[])]);
		expect([
			mayView(e, viewers.visitor),
			mayView(e, viewers.member),
			mayView(e, viewers.author),
			mayView(e, viewers.moderator)
		]).toEqual(expected);
	});

	it('lets another moderator decide a waiting event once', () => {
		const e = fold([proposed(false)]);
		expect(checkModeration(e, 'mod')).toBeNull();
		expect(checkModeration(e, 'author')).toBe('own_event');
		expect(checkModeration(fold([proposed(true)]), 'mod')).toBe('wrong_state');
	});

	it('refuses a change below the people coming, an unchanged form and a cancelled event', () => {
		const e = fold([proposed(true)]);
		expect(checkChange(e, details({ capacity: 2 }), 3)).toBe('capacity_below_rsvps');
		expect(checkChange(e, details({ capacity: 3 }), 3)).toBeNull();
		expect(checkChange(e, details(), 0)).toBe('unchanged');
		const cancelled = fold([proposed(true), { type: 'cancelled', note: '', by: 'm', at }]);
		expect(checkChange(cancelled, details({ title: 'x' }), 0)).toBe('wrong_state');
		expect(checkCancel(cancelled)).toBe('wrong_state');
	});

	it('opens "Ich komme" on published events until they start', () => {
		const e = fold([proposed(true)]);
		expect(checkRsvp(e, at)).toBeNull();
		expect(checkRsvp(e, new Date('2026-07-04T12:00:00Z'))).toBe('started');
		expect(checkRsvp(fold([proposed(false)]), at)).toBe('not_open');
	});

	it('offers free seats within the capacity, and open numbers without one', () => {
		expect(seatCandidates(3, [1, 3])).toEqual([2]);
		expect(seatCandidates(2, [1, 2])).toEqual([]);
		expect(seatCandidates(null, [1, 3]).slice(0, 3)).toEqual([2, 4, 5]);
	});

	it('reminds on the day before from 09:00 on the quarter’s clock, and only then', () => {
		const e = fold([proposed(true)]); // starts 2026-07-04 14:00 Berlin
		expect(reminderDue(e, instantOf('2026-07-03', '08:59', Z), Z)).toBe(false);
		expect(reminderDue(e, instantOf('2026-07-03', '09:00', Z), Z)).toBe(true);
		expect(reminderDue(e, instantOf('2026-07-03', '23:59', Z), Z)).toBe(true);
		expect(reminderDue(e, instantOf('2026-07-04', '09:00', Z), Z)).toBe(false);
		expect(reminderDue(e, instantOf('2026-07-02', '12:00', Z), Z)).toBe(false);
		const cancelled = fold([proposed(true), { type: 'cancelled', note: '', by: 'm', at }]);
		expect(reminderDue(cancelled, instantOf('2026-07-03', '10:00', Z), Z)).toBe(false);
	});

	it('lists upcoming published events soonest first', () => {
		const a = fold([proposed(true)]);
		const b = {
			...a,
			id: 'b',
			details: details({
				startsAt: new Date('2026-06-10T10:00:00Z'),
				endsAt: new Date('2026-06-10T11:00:00Z')
			})
		};
		const c = { ...a, id: 'c', status: 'pending' as const };
		expect(upcoming([a, b, c], at, 3).map((e) => e.id)).toEqual(['b', 'e1']);
	});
});

describe('instantOf', () => {
	it.each([
		['2026-01-15', '18:00', '2026-01-15T17:00:00.000Z'],
		['2026-07-04', '14:00', '2026-07-04T12:00:00.000Z'],
		['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'], // skipped: read as 03:30 CEST
		['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'] // shown twice: the first
	])('%s %s in Berlin is %s', (day, time, iso) => {
		expect(instantOf(day, time, Z).toISOString()).toBe(iso);
	});
});
