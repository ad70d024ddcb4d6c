import { describe, expect, it } from 'vitest';
import { parseForm } from './form';
import { EVENT_FIELDS, eventChangeSchema, eventDetailsOf, eventSchema } from './events';

const valid = {
	title: '  Repair-Café  ',
	kind: 'repair_cafe',
	startDay: '2027-03-06',
	startTime: '10:00',
	endDay: '2027-03-06',
	endTime: '13:30',
	block: '',
	place: 'Stadtteiltreff',
	description: 'Bring kaputte Dinge mit.',
	organiser: 'Repair-Café Nordstadt',
	capacity: '',
	note: '',
	nonce: 'abcdefghijklmnop'
};

const parse = (schema: typeof eventSchema, fields: Record<string, string>) =>
	parseForm(schema, new URLSearchParams(fields), EVENT_FIELDS);

describe('event form', () => {
	it('reads a valid form into details on the quarter’s clock', () => {
		const parsed = parse(eventSchema, valid);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const details = eventDetailsOf(parsed.data, 'Europe/Berlin');
		expect(details.title).toBe('Repair-Café');
		expect(details.startsAt.toISOString()).toBe('2027-03-06T09:00:00.000Z');
		expect(details.place).toEqual({ text: 'Stadtteiltreff' });
		expect(details.capacity).toBeNull();
	});

	it.each([
		[{ title: ' ' }, 'title', 'event_error_title_required'],
		[{ kind: 'party' }, 'kind', 'event_error_kind_invalid'],
		[{ startDay: '2027-02-30' }, 'startDay', 'event_error_day_invalid'],
		[{ endTime: '25:00' }, 'endTime', 'event_error_time_invalid'],
		[{ place: '', block: '' }, 'place', 'event_error_place_required'],
		[{ organiser: '' }, 'organiser', 'event_error_organiser_required'],
		[{ capacity: '0' }, 'capacity', 'event_error_capacity_invalid'],
		[{ capacity: 'viele' }, 'capacity', 'event_error_capacity_invalid'],
		[{ nonce: 'x' }, 'nonce', 'account_error_form_expired']
	])('refuses %o with a translated error', (change, field, key) => {
		const parsed = parse(eventSchema, { ...valid, ...change });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors[field]).toBe(key);
	});

	it('needs a note for a change', () => {
		const parsed = parse(eventChangeSchema, valid);
		expect(!parsed.ok && parsed.errors.note).toBe('event_error_note_required');
	});
});
