// Number and date formats for pages, in the reader's language.
import { cellText, type Cell, type Unit } from './domain/impact';
import { dateTimeFormat, numberFormat } from './domain/intl';
import { DEFAULT_TIME_ZONE, formatMonth } from './domain/time/zone';
import { m } from './paraglide/messages';

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

// Figures of the impact report and the Quartiersbilanz: one way to write them in tables, on bars
// and in a chart's text alternative, so both pages say the same.

/** A figure's value as a table shows it: euros with cents, percent and hours with decimals. */
export function formatFigureExact(unit: Unit, value: number, locale: string): string {
	switch (unit) {
		case 'euros':
			return formatEuros(Math.round(value * 100), locale);
		case 'percent':
			return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} %`;
		case 'hours':
			return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
		case 'count':
			return numberFormat(locale).format(value);
	}
}

/** A figure's value as a bar's label shows it (shorter). */
export function formatFigureShort(unit: Unit, value: number, locale: string): string {
	const digits = unit === 'hours' || unit === 'percent' ? 1 : 0;
	return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A table cell of a figure: its value, "< 5" when suppressed, empty when unknown. */
export function figureCellText(unit: Unit, cell: Cell, locale: string): string {
	return cellText(cell, (value) => formatFigureExact(unit, value, locale));
}

/**
 * A chart's text alternative: the months it covers, its highest month and how many cells are
 * suppressed. `months` are the chart's months (`YYYY-MM`); `range` names the period when there
 * are none.
 */
export function chartSummary(
	figure: { title: string; unit: Unit; series: ReadonlyArray<readonly Cell[]> },
	months: readonly string[],
	range: { from: string; to: string },
	locale: string
): string {
	const longMonth = (month: string) => formatMonth(month, locale, 'long');
	const from = longMonth(months[0] ?? range.from);
	const to = longMonth(months[months.length - 1] ?? range.to);
	let best: { value: number; month: string } | null = null;
	let suppressed = 0;
	for (const cells of figure.series) {
		cells.forEach((cell, i) => {
			if (cell.kind === 'suppressed') suppressed++;
			if (cell.kind === 'value' && (best === null || cell.value > best.value)) {
				best = { value: cell.value, month: months[i]! };
			}
		});
	}
	const found = best as { value: number; month: string } | null;
	const count = months.length;
	if (!found) {
		return m.impact_chart_label_empty({ figure: figure.title, months: count, from, to });
	}
	return m.impact_chart_label({
		figure: figure.title,
		months: count,
		from,
		to,
		max: formatFigureExact(figure.unit, found.value, locale),
		maxMonth: longMonth(found.month),
		suppressed
	});
}
