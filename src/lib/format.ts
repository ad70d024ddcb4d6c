// Number and date formats for pages, in the reader's language.

export function formatEuros(cents: number, locale: string): string {
	return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "ca. 400 m" / "about 1.2 km"; distances are rounded before they reach a page. */
export function formatDistance(meters: number, locale: string): string {
	if (meters < 1000) return `${new Intl.NumberFormat(locale).format(meters)} m`;
	return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(meters / 1000)} km`;
}

export function formatDate(iso: string | Date, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string | Date, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
		new Date(iso)
	);
}
