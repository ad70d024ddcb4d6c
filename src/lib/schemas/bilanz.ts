// The Quartiersbilanz's year: `?jahr=2026`, optional (default: the quarter's current year), from
// FIRST_YEAR to the current year; anything else is invalid input.
import { z } from 'zod';
import { BILANZ_FIGURES, type BilanzFigureId } from '../domain/bilanz/bilanz';
import { monthOf } from '../domain/impact/months';

export const FIRST_YEAR = 2000;

/** The current year on the quarter's calendar. */
export function currentYear(now: Date, timeZone: string): number {
	return Number(monthOf(now, timeZone).slice(0, 4));
}

export function readBilanzYear(
	params: URLSearchParams,
	now: Date,
	timeZone: string
): number | null {
	const current = currentYear(now, timeZone);
	const raw = params.get('jahr');
	if (raw === null || raw.trim() === '') return current;
	const parsed = z
		.string()
		.trim()
		.regex(/^\d{4}$/)
		.transform(Number)
		.pipe(z.number().int().min(FIRST_YEAR).max(current))
		.safeParse(raw);
	return parsed.success ? parsed.data : null;
}

/** The cockpit's choice of public figures: checkboxes named `figure`, none or several. */
export const publicFiguresSchema = z.array(z.enum(BILANZ_FIGURES)).max(BILANZ_FIGURES.length);

export function readPublicFigures(form: FormData): BilanzFigureId[] | null {
	const parsed = publicFiguresSchema.safeParse(form.getAll('figure').map(String));
	return parsed.success ? parsed.data : null;
}
