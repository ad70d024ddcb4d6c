// What the event forms (new and change) share on the server: the values a form starts with, and
// where a refusal of the domain is shown.
import { clockOf, dayOf } from '../domain/time/zone';
import type { CalendarEvent } from '../domain/events/event';
import { keyPart } from '../i18n';

/** The form's fields of a stored event, on the quarter's clock. */
export function eventFormValues(event: CalendarEvent, timeZone: string): Record<string, string> {
	const d = event.details;
	return {
		title: d.title,
		kind: d.kind,
		startDay: dayOf(d.startsAt, timeZone),
		startTime: clockOf(d.startsAt, timeZone),
		endDay: dayOf(d.endsAt, timeZone),
		endTime: clockOf(d.endsAt, timeZone),
		block: 'blockId' in d.place ? d.place.blockId : '',
		place: 'text' in d.place ? d.place.text : '',
		description: d.description,
		organiser: d.organiser,
		capacity: d.capacity === null ? '' : String(d.capacity),
		note: ''
	};
}

const FIELD_OF: Record<string, string> = {
	ends_before_start: 'endTime',
	too_long: 'endDay',
	in_past: 'startDay',
	unknown_block: 'block',
	capacity_below_rsvps: 'capacity'
};

/** A domain refusal as form errors: on its field where it has one. */
export function eventFormErrors(problem: string): Record<string, string> {
	return { [FIELD_OF[problem] ?? 'form']: `event_error_${keyPart(problem)}` };
}
