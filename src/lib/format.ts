// Number and date formats for pages, in the reader's language.
import { DEFAULT_TIME_ZONE } from './domain/time/zone';

export function formatEuros(cents: number, locale: string): string {
	return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "ca. 400 m" / "about 1.2 km"; distances are rounded before they reach a page. */
export function formatDistance(meters: number, locale: string): string {
	if (meters < 1000) return `${new Intl.NumberFormat(locale).format(meters)} m`;
	return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(meters / 1000)} km`;
}

// Dates and times carry an explicit zone: the quarter's on its pages, the default elsewhere. Without
// it the server would write UTC and the browser, after hydration, its own zone (15:45 vs 16:45).

export function formatDate(
	iso: string | Date,
	locale: string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

export function formatDateTime(
	iso: string | Date,
	locale: string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
		new Date(iso)
	);
}

/** A calendar day (`YYYY-MM-DD`, no instant) as a date: it is the same day in every zone. */
export function formatDay(day: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${day.slice(0, 10)}T00:00:00Z`)
	);
}

/** "März 2026" or "Mär 26" of a month key (`YYYY-MM`): a calendar month, the same in every zone. */
export function formatMonth(month: string, locale: string, style: 'long' | 'short'): string {
	const options: Intl.DateTimeFormatOptions =
		style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' };
	return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
		new Date(`${month}-01T00:00:00Z`)
	);
}
