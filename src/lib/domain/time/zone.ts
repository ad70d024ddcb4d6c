// Calendar days, months and clock times in a quarter's time zone (an IANA name such as
// Europe/Berlin). Instants are stored in UTC; whatever a person reads, exports or picks as a period
// is a day or month of the quarter's clock, the same on the server and in any browser.
//
// Plain Intl, no date library: Node and every browser we support ship the full time-zone data,
// and the three conversions below are all the app needs (the libraries that do this, e.g.
// @date-fns/tz, compute the offset through Intl the same way).
import { dateTimeFormat } from '../intl';

/** A quarter's zone unless it chose another one; also the zone of pages outside a quarter. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

let known: ReadonlySet<string> | null = null;

/** IANA time zones this runtime knows (e.g. Europe/Berlin); `UTC` too, which the list omits. */
export function isTimeZone(zone: string): boolean {
	known ??= new Set(Intl.supportedValuesOf('timeZone'));
	return zone === 'UTC' || known.has(zone);
}

/** `YYYY-MM-DD` */
export type Day = string;
/** `YYYY-MM` */
export type MonthKey = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as `YYYY-MM-DD` (what `<input type="date">` sends). */
export function isCalendarDate(text: string): boolean {
	const match = DATE.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (year < 2000 || year > 2999) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall clock of the zone at the instant. */
function wallClock(at: Date, timeZone: string): WallClock {
	// One formatter per zone (memoized): building one costs far more than using it.
	const format = dateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
	const out: Record<string, number> = {};
	for (const p of format.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
	return out as unknown as WallClock;
}

/** How far the zone's clock is ahead of UTC at `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
	const p = wallClock(new Date(ms), timeZone);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The first instant of the calendar day `y-m-d` in the zone (month and day may overflow). */
function midnight(year: number, month: number, day: number, timeZone: string): Date {
	const midnightUtc = Date.UTC(year, month - 1, day);
	const wanted = new Date(midnightUtc).toISOString().slice(0, 10);
	// Midnight read with the offset of UTC midnight, and with the offset at that instant: when a
	// clock change lies between the two, one of them is right. Where the change skips midnight
	// itself (Santiago in September), the day begins with the change, at the first candidate.
	const first = midnightUtc - zoneOffset(midnightUtc, timeZone);
	const second = midnightUtc - zoneOffset(first, timeZone);
	const fits = [first, second]
		.filter((ms) => dayOf(new Date(ms), timeZone) === wanted)
		.sort((a, b) => a - b);
	return new Date(fits[0] ?? second);
}

/** The instant a calendar day begins in the zone (the nights of the clock changes included). */
export function startOfDay(day: Day, timeZone: string): Date {
	const [year, month, d] = day.split('-').map(Number) as [number, number, number];
	return midnight(year, month, d, timeZone);
}

export function nextDay(day: Day): Day {
	const [year, month, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, d + 1)).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day for people: "12.03.2026" (de), "12 Mar 2026" (en); never shifted by a zone. */
export function formatDay(day: Day, locale: string): string {
	return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${day.slice(0, 10)}T00:00:00Z`)
	);
}

/** "März 2026" or "Mär 26" of a month key: a calendar month, the same in every zone. */
export function formatMonth(month: MonthKey, locale: string, style: 'long' | 'short'): string {
	const options: Intl.DateTimeFormatOptions =
		style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' };
	return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
		new Date(`${month}-01T00:00:00Z`)
	);
}

/** The calendar day of the instant in the zone. */
export function dayOf(at: Date, timeZone: string): Day {
	const p = wallClock(at, timeZone);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM-DD HH:MM` in the zone: spreadsheets in both languages read it as a date. */
export function dateTimeOf(at: Date, timeZone: string): string {
	const p = wallClock(at, timeZone);
	return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar month of the instant in the zone. */
export function monthOf(at: Date, timeZone: string): MonthKey {
	const p = wallClock(at, timeZone);
	return `${p.year}-${pad(p.month)}`;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): value is MonthKey {
	return MONTH.test(value);
}

function monthParts(month: MonthKey): [number, number] {
	const match = MONTH.exec(month);
	if (!match) throw new Error(`not a month: ${month}`);
	return [Number(match[1]), Number(match[2])];
}

/** The first instant of the month in the zone. */
export function monthStart(month: MonthKey, timeZone: string): Date {
	const [y, m] = monthParts(month);
	return midnight(y, m, 1, timeZone);
}

/** The first instant after the month in the zone. */
export function monthEnd(month: MonthKey, timeZone: string): Date {
	const [y, m] = monthParts(month);
	return midnight(y, m + 1, 1, timeZone);
}

/** Month arithmetic on keys alone: no zone is involved. */
export function addMonths(month: MonthKey, n: number): MonthKey {
	const [y, m] = monthParts(month);
	const index = y * 12 + (m - 1) + n;
	return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** How far the zone's clock is ahead of UTC at the instant, in minutes (60 for Berlin in winter). */
export function offsetMinutes(at: Date, timeZone: string): number {
	return Math.round(zoneOffset(at.getTime(), timeZone) / 60_000);
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A clock time written as `HH:MM` (what `<input type="time">` sends). */
export function isClockTime(text: string): boolean {
	return CLOCK.test(text);
}

/**
 * The instant the zone's clock shows `time` (`HH:MM`) on `day`. A time the clock skips (the
 * spring change) is read with the offset before the change, i.e. an hour later on the new clock;
 * a time shown twice (autumn) is its first showing.
 */
export function instantOf(day: Day, time: string, timeZone: string): Date {
	const [year, month, d] = day.split('-').map(Number) as [number, number, number];
	const [hour, minute] = time.split(':').map(Number) as [number, number];
	const wall = Date.UTC(year, month - 1, d, hour, minute);
	// The offset an hour before and after the wall time as if it were UTC: the earlier showing
	// of an ambiguous time uses the larger (summer) offset.
	const candidates = [
		wall - zoneOffset(wall - 3_600_000 * 3, timeZone),
		wall - zoneOffset(wall + 3_600_000 * 3, timeZone)
	];
	const fits = candidates.filter((ms) => dateTimeOf(new Date(ms), timeZone) === `${day} ${time}`);
	if (fits.length > 0) return new Date(Math.min(...fits));
	return new Date(wall - zoneOffset(wall - 3_600_000 * 3, timeZone));
}

/** The clock time `HH:MM` of the instant in the zone. */
export function clockOf(at: Date, timeZone: string): string {
	return dateTimeOf(at, timeZone).slice(11);
}
