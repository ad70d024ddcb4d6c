// Calendar months of the impact dashboard. Months are UTC months ("2026-03" runs from
// 2026-03-01T00:00Z to 2026-04-01T00:00Z): the figures then never depend on the server's time
// zone, and near midnight of a month's last day an event counts one or two hours earlier or later
// than a Berlin clock would say, which does not change the picture of a month.

/** `YYYY-MM`. */
export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): value is MonthKey {
	return MONTH.test(value);
}

export function monthOf(at: Date): MonthKey {
	return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

function parts(month: MonthKey): [number, number] {
	const match = MONTH.exec(month);
	if (!match) throw new Error(`not a month: ${month}`);
	return [Number(match[1]), Number(match[2]) - 1];
}

/** The first instant of the month. */
export function monthStart(month: MonthKey): Date {
	const [y, m] = parts(month);
	return new Date(Date.UTC(y, m, 1));
}

/** The first instant after the month. */
export function monthEnd(month: MonthKey): Date {
	const [y, m] = parts(month);
	return new Date(Date.UTC(y, m + 1, 1));
}

export function addMonths(month: MonthKey, n: number): MonthKey {
	const [y, m] = parts(month);
	return monthOf(new Date(Date.UTC(y, m + n, 1)));
}

/** The months from `from` to `to`, both included (empty when `to` is before `from`). */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
	const out: MonthKey[] = [];
	for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
	return out;
}

/** The dashboard's default: the twelve months up to and including the current one. */
export function defaultPeriod(now: Date): { from: MonthKey; to: MonthKey } {
	const to = monthOf(now);
	return { from: addMonths(to, -11), to };
}
