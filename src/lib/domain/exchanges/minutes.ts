// Hours as people type and read them. The time bank counts in whole quarter hours: nobody
// should haggle over five minutes, and the ledger stays in integer minutes (no 0.1 + 0.2).
import type { Locale } from '../locale';

export const MINUTES_STEP = 15;

/** One exchange covers at most one day; more is almost always a typo ("30" meant as minutes). */
export const MAX_EXCHANGE_MINUTES = 24 * 60;

/** Whole quarter hours from 0 to 24 hours. Whether 0 is allowed depends on the settlement kind. */
export function isExchangeMinutes(minutes: number): boolean {
	return (
		Number.isInteger(minutes) &&
		minutes >= 0 &&
		minutes <= MAX_EXCHANGE_MINUTES &&
		minutes % MINUTES_STEP === 0
	);
}

export type HoursInputError = 'empty' | 'invalid' | 'not_quarter_hour' | 'too_large';

export type HoursInputResult =
	{ ok: true; minutes: number } | { ok: false; error: HoursInputError };

// "1,5" (German), "1.5" (English), ",75", "2" and the clock form "1:30" that formatMinutes
// shows, so people can type back what they read.
const DECIMAL = /^(\d*)(?:[.,](\d+))?$/;
const CLOCK = /^(\d+):(\d{2})$/;

/**
 * Minutes from an hours field. Comma and dot are both decimal separators: a German thousands
 * dot cannot be meant here, since one exchange is at most 24 hours. 0 is accepted (free help);
 * the workflow decides whether it fits the exchange.
 */
export function minutesFromHoursInput(input: string): HoursInputResult {
	const text = input.trim();
	if (text === '') return { ok: false, error: 'empty' };

	const clock = CLOCK.exec(text);
	if (clock) {
		const hours = Number(clock[1]);
		const rest = Number(clock[2]);
		if (rest >= 60) return { ok: false, error: 'invalid' };
		return checked(hours * 60 + rest);
	}

	const decimal = DECIMAL.exec(text);
	if (!decimal || text === '.' || text === ',') return { ok: false, error: 'invalid' };
	// Leading zeros and trailing fraction zeros carry nothing; dropping them keeps the
	// arithmetic below in small integers for any length of input.
	const whole = (decimal[1] ?? '').replace(/^0+/, '');
	const fraction = (decimal[2] ?? '').replace(/0+$/, '');
	if (whole.length > 2) return { ok: false, error: 'too_large' };
	// A quarter hour needs at most two decimals (.25, .5, .75).
	if (fraction.length > 2) return { ok: false, error: 'not_quarter_hour' };
	const hundredths = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
	// 25 hundredths of an hour are one quarter hour.
	if (hundredths % 25 !== 0) return { ok: false, error: 'not_quarter_hour' };
	return checked((hundredths / 25) * MINUTES_STEP);
}

function checked(minutes: number): HoursInputResult {
	if (minutes % MINUTES_STEP !== 0) return { ok: false, error: 'not_quarter_hour' };
	if (minutes > MAX_EXCHANGE_MINUTES) return { ok: false, error: 'too_large' };
	return { ok: true, minutes };
}

const UNIT: Record<Locale, string> = { de: 'Std.', en: 'h' };

/** The typographic minus (U+2212): one sign for every negative number of hours shown. */
export const MINUS = '\u2212';

/**
 * Minutes as hours and minutes, `1:30 Std.` / `1:30 h`: the clock form reads the same in both
 * languages and never shows a decimal separator that people of the other language misread.
 * Balances can be negative (`−1:30 Std.`, with the typographic minus); fractions of a minute are
 * rounded. With `signed`, a positive amount gets its `+` (statement lines: in or out).
 */
export function formatMinutes(
	minutes: number,
	locale: Locale,
	options: { signed?: boolean } = {}
): string {
	if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be finite, got ${minutes}`);
	const rounded = Math.round(minutes);
	const sign = rounded < 0 ? MINUS : rounded > 0 && options.signed ? '+' : '';
	const total = Math.abs(rounded);
	const rest = String(total % 60).padStart(2, '0');
	return `${sign}${Math.floor(total / 60)}:${rest} ${UNIT[locale]}`;
}
