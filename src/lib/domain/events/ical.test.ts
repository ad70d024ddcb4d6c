import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalendar, transitions, type IcalEvent } from './ical';

function event(change: Partial<IcalEvent> = {}): IcalEvent {
	return {
		uid: '0123456789abcdef01234567@quartiermarkt.test',
		sequence: 0,
		stamp: new Date('2026-06-01T10:00:00Z'),
		createdAt: new Date('2026-05-01T10:00:00Z'),
		startsAt: new Date('2026-07-04T12:00:00Z'),
		endsAt: new Date('2026-07-04T18:30:00Z'),
		summary: 'Stadtteilfest Nordstadt',
		description: 'Mit Flohmarkt, Kuchen; Musik, und mehr.\nBitte Geschirr mitbringen.',
		location: 'Marktplatz',
		url: 'https://quartiermarkt.test/q/nordstadt/termine/0123456789abcdef01234567',
		cancelled: false,
		categories: ['Stadtteilfest'],
		...change
	};
}

/** Parses like a calendar app would, with the file's own VTIMEZONE. */
function parse(text: string) {
	const root = new ICAL.Component(ICAL.parse(text));
	for (const tz of root.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	}
	return {
		root,
		events: root.getAllSubcomponents('vevent').map((c) => ({ c, e: new ICAL.Event(c) }))
	};
}

describe('icalendar', () => {
	it('writes times in the quarter zone that a parser reads back as the same instants', () => {
		const text = icalendar({ name: 'Termine', timeZone: 'Europe/Berlin', events: [event()] });
		expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260704T140000');
		const { events } = parse(text);
		expect(events[0]!.e.startDate.toJSDate().toISOString()).toBe('2026-07-04T12:00:00.000Z');
		expect(events[0]!.e.endDate.toJSDate().toISOString()).toBe('2026-07-04T18:30:00.000Z');
		expect(events[0]!.e.summary).toBe('Stadtteilfest Nordstadt');
		expect(events[0]!.e.description).toBe(
			'Mit Flohmarkt, Kuchen; Musik, und mehr.\nBitte Geschirr mitbringen.'
		);
	});

	it('gets winter and summer time right, and the nights of the change', () => {
		const instants = [
			'2026-01-15T17:00:00Z',
			'2026-03-29T00:30:00Z', // 01:30 CET, before the spring change
			'2026-03-29T01:30:00Z', // 03:30 CEST, after it
			'2026-10-25T00:30:00Z', // 02:30 CEST, first showing
			'2026-10-25T01:30:00Z', // 02:30 CET, second showing
			'2027-12-24T15:00:00Z'
		].map((iso) => new Date(iso));
		const events = instants.map((startsAt, i) =>
			event({ uid: `e${i}@x`, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) })
		);
		const parsed = parse(icalendar({ name: 'T', timeZone: 'Europe/Berlin', events }));
		expect(parsed.events.map((p) => p.e.startDate.toJSDate().toISOString())).toEqual(
			instants.map((d) => d.toISOString())
		);
	});

	it.each(['America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'])(
		'round-trips instants in %s',
		(timeZone) => {
			const startsAt = new Date('2026-11-02T06:45:00Z');
			const text = icalendar({
				name: 'T',
				timeZone,
				events: [event({ startsAt, endsAt: new Date(startsAt.getTime() + 7200_000) })]
			});
			const { events } = parse(text);
			expect(events[0]!.e.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
		}
	);

	it('has UID, DTSTAMP in UTC, SEQUENCE and STATUS', () => {
		const text = icalendar({
			name: 'T',
			timeZone: 'Europe/Berlin',
			events: [event({ sequence: 3, cancelled: true })]
		});
		const { c } = parse(text).events[0]!;
		expect(c.getFirstPropertyValue('uid')).toBe('0123456789abcdef01234567@quartiermarkt.test');
		expect(c.getFirstPropertyValue('sequence')).toBe(3);
		expect(c.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(text).toMatch(/\r\nDTSTAMP:20260601T100000Z\r\n/);
	});

	it('folds long lines at 75 octets without splitting a character, and ends lines with CRLF', () => {
		const summary = 'Größtes Straßenfest – Ümläute überall; ' + 'ä'.repeat(80);
		const text = icalendar({ name: 'T', timeZone: 'Europe/Berlin', events: [event({ summary })] });
		for (const line of text.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
		expect(parse(text).events[0]!.e.summary).toBe(summary);
	});

	it('escapes text values', () => {
		expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
	});

	it('finds the clock changes of a year', () => {
		const found = transitions(
			'Europe/Berlin',
			new Date('2026-01-01T00:00:00Z'),
			new Date('2027-01-01T00:00:00Z')
		);
		expect(found.map((t) => [t.at.toISOString(), t.from, t.to])).toEqual([
			['2026-03-29T01:00:00.000Z', 60, 120],
			['2026-10-25T01:00:00.000Z', 120, 60]
		]);
	});

	it('writes an empty feed without a time zone block', () => {
		const { root } = parse(icalendar({ name: 'Leer', timeZone: 'Europe/Berlin', events: [] }));
		expect(root.getAllSubcomponents('vevent')).toHaveLength(0);
	});
});
