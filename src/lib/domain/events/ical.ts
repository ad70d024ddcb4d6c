// iCalendar (RFC 5545) for the quarter's calendar: a feed and a file per event. Written here
// rather than with ical-generator, which formats a plain Date with the server process's own
// zone when a TZID is given (wrong times on a UTC server) and writes DTSTAMP without "Z" once the
// calendar has a zone; the VTIMEZONE packages on npm ship zone data from 2018. The zone here is
// read from Intl, the same source as every other time on our pages (domain/time/zone.ts).
import { offsetMinutes } from '../time/zone';

export interface IcalEvent {
	uid: string;
	sequence: number;
	/** When this version of the event was written (DTSTAMP and LAST-MODIFIED). */
	stamp: Date;
	createdAt: Date;
	startsAt: Date;
	endsAt: Date;
	summary: string;
	description: string;
	location: string;
	url: string | null;
	cancelled: boolean;
	/** The kind in the reader's language (CATEGORIES). The organiser is free text, and
	 * iCalendar's ORGANIZER needs a mail address, so the caller puts it into the description. */
	categories: string[];
}

export interface IcalCalendar {
	name: string;
	timeZone: string;
	events: readonly IcalEvent[];
}

const CRLF = '\r\n';

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n')
		.replace(/\p{Cc}/gu, '');
}

/** Lines of at most 75 octets, continued after CRLF and one space; never inside a character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; a continuation line's leading space counts too.
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDTHHMMSSZ` */
export function utcStamp(at: Date): string {
	return (
		`${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}` +
		`T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`
	);
}

/** The zone's wall clock at the instant as `YYYYMMDDTHHMMSS` (a DATE-TIME with TZID). */
function localStamp(at: Date, timeZone: string): string {
	return utcStamp(new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000)).slice(0, -1);
}

function utcOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

interface Transition {
	at: Date;
	from: number;
	to: number;
}

const HOUR = 60 * 60 * 1000;

/** The zone's offset changes between two instants, to the minute (Intl, sampled every 6 hours
 * and narrowed down: real zones never change twice within 6 hours). */
export function transitions(timeZone: string, from: Date, to: Date): Transition[] {
	const found: Transition[] = [];
	let t = from.getTime();
	let offset = offsetMinutes(from, timeZone);
	while (t < to.getTime()) {
		const next = t + 6 * HOUR;
		const nextOffset = offsetMinutes(new Date(next), timeZone);
		if (nextOffset !== offset) {
			let lo = t;
			let hi = next;
			while (hi - lo > 60_000) {
				const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
				if (offsetMinutes(new Date(mid), timeZone) === offset) lo = mid;
				else hi = mid;
			}
			found.push({ at: new Date(hi), from: offset, to: nextOffset });
			offset = nextOffset;
		}
		t = next;
	}
	return found;
}

/**
 * A VTIMEZONE covering the years of the given instants: one observance at the start of the first
 * year and one per change of offset after it, each with its own onset (no RRULE), so that it
 * holds exactly what Intl knows, including one-off changes.
 */
export function vtimezone(timeZone: string, instants: readonly Date[]): string[] {
	const years = instants.map((d) => d.getUTCFullYear());
	const first = Math.min(...years) - 1;
	const last = Math.max(...years) + 1;
	const start = new Date(Date.UTC(first, 0, 1));
	const end = new Date(Date.UTC(last + 1, 0, 1));
	const startOffset = offsetMinutes(start, timeZone);
	const changes = transitions(timeZone, start, end);
	const standard = Math.min(startOffset, ...changes.map((c) => c.to));
	const observance = (onset: Date, from: number, to: number) => {
		const kind = to > standard ? 'DAYLIGHT' : 'STANDARD';
		return [
			`BEGIN:${kind}`,
			// The onset in the local time before the change (RFC 5545 3.6.5).
			`DTSTART:${utcStamp(new Date(onset.getTime() + from * 60_000)).slice(0, -1)}`,
			`TZOFFSETFROM:${utcOffset(from)}`,
			`TZOFFSETTO:${utcOffset(to)}`,
			`END:${kind}`
		];
	};
	return [
		'BEGIN:VTIMEZONE',
		`TZID:${timeZone}`,
		...observance(start, startOffset, startOffset),
		...changes.flatMap((c) => observance(c.at, c.from, c.to)),
		'END:VTIMEZONE'
	];
}

function eventLines(event: IcalEvent, timeZone: string, utc: boolean): string[] {
	// Within hours of a clock change a wall time may be shown twice (autumn) and readers disagree
	// on which showing it means (RFC 5545 says the first; ical.js takes the second): there the
	// instant is written in UTC, which is always allowed.
	const nearChange = (at: Date) =>
		offsetMinutes(new Date(at.getTime() - 3 * HOUR), timeZone) !==
		offsetMinutes(new Date(at.getTime() + 3 * HOUR), timeZone);
	const time = (name: string, at: Date) =>
		utc || nearChange(at)
			? `${name}:${utcStamp(at)}`
			: `${name};TZID=${timeZone}:${localStamp(at, timeZone)}`;
	return [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		`CREATED:${utcStamp(event.createdAt)}`,
		`LAST-MODIFIED:${utcStamp(event.stamp)}`,
		`SEQUENCE:${event.sequence}`,
		time('DTSTART', event.startsAt),
		time('DTEND', event.endsAt),
		`SUMMARY:${escapeText(event.summary)}`,
		...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
		...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
		...(event.categories.length > 0
			? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`]
			: []),
		...(event.url ? [`URL:${event.url}`] : []),
		`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		'END:VEVENT'
	];
}

/** The whole VCALENDAR as text with CRLF line ends, folded. */
export function icalendar(calendar: IcalCalendar): string {
	const { timeZone, events } = calendar;
	const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
	const instants = events.flatMap((e) => [e.startsAt, e.endsAt]);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Quartiermarkt//Termine//DE',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		`X-WR-TIMEZONE:${timeZone}`,
		...(utc || instants.length === 0 ? [] : vtimezone(timeZone, instants)),
		...events.flatMap((event) => eventLines(event, timeZone, utc)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join(CRLF) + CRLF;
}
