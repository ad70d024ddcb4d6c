// CSV for statements and exports. German spreadsheet programs expect ";" and a decimal comma;
// English ones ",". Cells that a spreadsheet would run as a formula are defused.

import type { Locale } from '../locale';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number, dialect: Locale): string {
	let text = typeof value === 'number' ? formatNumber(value, dialect) : value;
	// A memo like "=HYPERLINK(…)" must stay text (CSV injection); numbers are ours and safe.
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	const delimiter = dialect === 'de' ? ';' : ',';
	if (text.includes(delimiter) || /["\n\r]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
	return text;
}

function formatNumber(value: number, dialect: Locale): string {
	const text = String(value);
	return dialect === 'de' ? text.replace('.', ',') : text;
}

/** Lines joined with CRLF (RFC 4180), with a BOM so that spreadsheet programs read UTF-8. */
export function toCsv(
	rows: ReadonlyArray<ReadonlyArray<string | number>>,
	dialect: Locale
): string {
	const delimiter = dialect === 'de' ? ';' : ',';
	return (
		'\uFEFF' +
		rows.map((row) => row.map((cell) => csvCell(cell, dialect)).join(delimiter)).join('\r\n') +
		'\r\n'
	);
}

/** Minutes as decimal hours with two places, e.g. 90 → 1.5 (for sums in spreadsheets). */
export function minutesToDecimalHours(minutes: number): number {
	return Math.round((minutes / 60) * 100) / 100;
}
