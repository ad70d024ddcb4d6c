// Forms of the quarter's calendar: an event (new or changed), a moderator's decision, a
// cancellation. Times are typed as a day and a clock time on the quarter's clock and become UTC
// instants with the quarter's zone (`eventDetailsOf`). Errors are message keys (`event_error_…`).
import { z } from 'zod';
import {
	CAPACITY_MAX,
	DESCRIPTION_MAX,
	EVENT_KINDS,
	NOTE_MAX,
	ORGANISER_MAX,
	PLACE_MAX,
	TITLE_MAX,
	type EventDetails
} from '../domain/events/event';
import { instantOf, isCalendarDate, isClockTime } from '../domain/time/zone';
import { formNonceField } from './fields';

const line = (max: number, required: string | null) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
		.pipe(
			required
				? z.string().min(1, required).max(max, 'event_error_text_too_long')
				: z.string().max(max, 'event_error_text_too_long')
		);

const day = z
	.string({ error: 'event_error_day_invalid' })
	.trim()
	.refine(isCalendarDate, 'event_error_day_invalid');
const time = z
	.string({ error: 'event_error_time_invalid' })
	.trim()
	.refine(isClockTime, 'event_error_time_invalid');

export const EVENT_FIELDS = [
	'title',
	'kind',
	'startDay',
	'startTime',
	'endDay',
	'endTime',
	'block',
	'place',
	'description',
	'organiser',
	'capacity',
	'note',
	'nonce'
] as const;

const eventObject = z.object({
	title: line(TITLE_MAX, 'event_error_title_required'),
	kind: z.enum(EVENT_KINDS, { error: 'event_error_kind_invalid' }),
	startDay: day,
	startTime: time,
	endDay: day,
	endTime: time,
	block: z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim()),
	place: line(PLACE_MAX, null),
	description: z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
		.pipe(z.string().max(DESCRIPTION_MAX, 'event_error_text_too_long')),
	organiser: line(ORGANISER_MAX, 'event_error_organiser_required'),
	capacity: z
		.string()
		.optional()
		.transform((s, ctx): number | null => {
			const t = (s ?? '').trim().replace(/\./g, '');
			if (t === '') return null;
			const n = /^\d{1,6}$/.test(t) ? Number(t) : NaN;
			if (!(n >= 1 && n <= CAPACITY_MAX)) {
				ctx.addIssue({ code: 'custom', message: 'event_error_capacity_invalid' });
				return z.NEVER;
			}
			return n;
		}),
	note: line(NOTE_MAX, null),
	nonce: formNonceField
});

const withPlace = <T extends z.ZodType<{ block: string; place: string }>>(schema: T) =>
	schema.refine((v) => v.block !== '' || v.place !== '', {
		path: ['place'],
		message: 'event_error_place_required'
	});

/** A new event. */
export const eventSchema = withPlace(eventObject);

/** A change: the note says what changed (everyone who comes reads it). */
export const eventChangeSchema = withPlace(
	eventObject.extend({ note: line(NOTE_MAX, 'event_error_note_required') })
);

export type EventInput = z.infer<typeof eventObject>;

/** The details the domain checks, with the times read on the quarter's clock. */
export function eventDetailsOf(input: EventInput, timeZone: string): EventDetails {
	return {
		title: input.title,
		kind: input.kind,
		startsAt: instantOf(input.startDay, input.startTime, timeZone),
		endsAt: instantOf(input.endDay, input.endTime, timeZone),
		place: input.block ? { blockId: input.block } : { text: input.place },
		description: input.description,
		organiser: input.organiser,
		capacity: input.capacity
	};
}

/** A moderator's decision; declining needs a reason. */
export const moderateEventSchema = z
	.object({
		decision: z.enum(['approve', 'reject'], { error: 'error_invalid_input' }),
		reason: line(NOTE_MAX, null)
	})
	.refine((v) => v.decision === 'approve' || v.reason !== '', {
		path: ['reason'],
		message: 'event_error_reason_required'
	});

export const cancelEventSchema = z.object({ note: line(NOTE_MAX, 'event_error_note_required') });
