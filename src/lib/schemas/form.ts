import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type ParseResult<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Our schemas' messages are message keys (`error_…`, `account_error_…`, `case_error_…`);
 * anything else (a library's own English text) becomes the generic key. */
const MESSAGE_KEY = /^([a-z0-9]+_)*error_[a-z0-9_]+$/;

/**
 * Reads only the named text fields of a form or query (files and unknown fields are dropped,
 * repeated fields keep the first value) and parses them. Errors are message keys, one per field.
 * `secret` fields are never echoed back into the form.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData | URLSearchParams,
	fields: readonly string[],
	secret: readonly string[] = [],
	/** How much of each field is echoed back into the form (long texts may keep more). */
	keep = 300
): ParseResult<z.infer<S>> {
	const raw: Record<string, unknown> = {};
	for (const name of fields) {
		const value = form.get(name);
		if (typeof value === 'string') raw[name] = value;
		else if (value !== null) raw[name] = { invalid: true };
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };

	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= MESSAGE_KEY.test(issue.message) ? issue.message : 'error_invalid_input';
	}
	const values: Record<string, string> = {};
	for (const name of fields) {
		const value = raw[name];
		if (typeof value === 'string' && !secret.includes(name)) values[name] = value.slice(0, keep);
	}
	return { ok: false, errors, values };
}
