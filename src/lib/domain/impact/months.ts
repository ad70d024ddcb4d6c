// Calendar months of the impact dashboard: months of the quarter's time zone ("2026-03" in Berlin
// runs from 2026-02-28T23:00Z to 2026-03-31T22:00Z), so a figure counts an event in the month a
// resident's calendar shows, whatever the server's zone (domain/time/zone.ts).
import { addMonths, isMonthKey, monthEnd, monthOf, monthStart, type MonthKey } from '../time/zone';

export { addMonths, isMonthKey, monthEnd, monthOf, monthStart, type MonthKey };

/** The months from `from` to `to`, both included (empty when `to` is before `from`). */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
	const out: MonthKey[] = [];
	for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
	return out;
}

/** The dashboard's default: the twelve months up to and including the current one. */
export function defaultPeriod(now: Date, timeZone: string): { from: MonthKey; to: MonthKey } {
	const to = monthOf(now, timeZone);
	return { from: addMonths(to, -11), to };
}
