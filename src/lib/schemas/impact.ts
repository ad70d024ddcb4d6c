// The impact dashboard's period: a GET form with two months (`?from=2026-01&to=2026-12`), both
// optional; missing ones fall back to the twelve months up to and including the current one.
import { z } from 'zod';
import { defaultPeriod, isMonthKey, monthsBetween, type MonthKey } from '../domain/impact/months';
import { parseForm, type FieldErrors } from './form';

/** Longer periods say little more and cost more to draw. */
const MAX_MONTHS = 36;

const month = z
	.string()
	.trim()
	.optional()
	.transform((s) => s ?? '')
	.refine((s) => s === '' || isMonthKey(s), 'impact_error_month_invalid');

const impactPeriodSchema = z.object({ from: month, to: month });

export interface ImpactPeriodQuery {
	/** As typed, or the default, for the form. */
	values: { from: string; to: string };
	errors: FieldErrors;
	period: { from: MonthKey; to: MonthKey } | null;
}

/** The months are the quarter's (`timeZone`): the default ends with the month its calendar shows. */
export function readImpactPeriod(
	params: URLSearchParams,
	now: Date,
	timeZone: string
): ImpactPeriodQuery {
	const fallback = defaultPeriod(now, timeZone);
	const raw = {
		from: (params.get('from') ?? '').slice(0, 30),
		to: (params.get('to') ?? '').slice(0, 30)
	};
	const parsed = parseForm(impactPeriodSchema, params, ['from', 'to']);
	if (!parsed.ok) return { values: raw, errors: parsed.errors, period: null };
	const from = parsed.data.from || fallback.from;
	const to = parsed.data.to || fallback.to;
	const values = { from, to };
	if (from > to) return { values, errors: { to: 'impact_error_period_order' }, period: null };
	if (monthsBetween(from, to).length > MAX_MONTHS) {
		return { values, errors: { from: 'impact_error_period_long' }, period: null };
	}
	return { values, errors: {}, period: { from, to } };
}
