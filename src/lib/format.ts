// Number and date formats for pages, in the reader's language.
import { dateTimeFormat, numberFormat } from './domain/intl';
import { DEFAULT_TIME_ZONE } from './domain/time/zone';

/** Calendar days and months carry no zone: they read the same everywhere. */
export { formatDay, formatMonth } from './domain/time/zone';

export function formatEuros(cents: number, locale: string): string {
	return numberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A figure with at most one decimal: "12,5" / "12.5". */
export function formatFigure(value: number, locale: string): string {
	return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** "ca. 400 m" / "about 1.2 km"; distances are rounded before they reach a page. */
export function formatDistance(meters: number, locale: string): string {
	if (meters < 1000) return `${numberFormat(locale).format(meters)} m`;
	return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(meters / 1000)} km`;
}

// Dates and times carry an explicit zone: the quarter's on its pages, the default elsewhere. Without
// it the server would write UTC and the browser, after hydration, its own zone (15:45 vs 16:45).

export function formatDate(
	iso: string | Date,
	locale: string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

export function formatDateTime(
	iso: string | Date,
	locale: string,
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return dateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(iso));
}
