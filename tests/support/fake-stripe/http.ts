// The plumbing every part of the fake Stripe shares: Stripe's form encoding, its error shape,
// ids, parameter checks and small HTTP helpers.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Obj = Record<string, unknown>;

export const now = () => Math.floor(Date.now() / 1000);
export const newId = (prefix: string, length = 24) =>
	`${prefix}_${randomBytes(length).toString('base64url').replace(/[-_]/g, '').slice(0, length)}`;

/**
 * Stripe's form encoding back into objects: `metadata[userId]=u1`,
 * `line_items[0][price_data][unit_amount]=500`. Numeric keys make arrays. Values stay strings,
 * as Stripe receives them.
 */
export function parseStripeForm(body: string): Obj {
	const root: Obj = {};
	for (const [rawKey, value] of new URLSearchParams(body)) {
		const parts = rawKey.replace(/\]/g, '').split('[');
		let node: Obj | unknown[] = root;
		parts.forEach((part, i) => {
			const last = i === parts.length - 1;
			const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]!);
			const container = node as Record<string, unknown>;
			if (last) {
				container[part] = value;
				return;
			}
			container[part] ??= nextIsIndex ? [] : {};
			node = container[part] as Obj | unknown[];
		});
	}
	return root;
}

/**
 * An error Stripe answers with. `started`: the endpoint had begun to carry out the request (a
 * declined card, an error of Stripe's), so Stripe keeps the answer for its idempotency key;
 * validation errors (the default) are not kept, and the same key may be used again.
 */
export class StripeApiError extends Error {
	constructor(
		readonly status: number,
		readonly type: string,
		message: string,
		readonly param?: string,
		readonly code?: string,
		readonly started = false
	) {
		super(message);
	}
}

export const invalid = (message: string, param?: string, code?: string) =>
	new StripeApiError(400, 'invalid_request_error', message, param, code);

export const missing = (what: string, id: string, param: string) =>
	new StripeApiError(
		404,
		'invalid_request_error',
		`No such ${what}: '${id}'`,
		param,
		'resource_missing'
	);

export const need = (params: Obj, name: string): string => {
	const value = params[name];
	if (typeof value !== 'string' || value === '')
		throw invalid(`Missing required param: ${name}.`, name, 'parameter_missing');
	return value;
};

export const integer = (value: unknown, param: string): number => {
	if (typeof value !== 'string' || !/^\d+$/.test(value))
		throw invalid(`Invalid integer: ${String(value)}`, param);
	return Number(value);
};

export function errorBody(err: StripeApiError): string {
	return JSON.stringify({
		error: {
			type: err.type,
			message: err.message,
			...(err.param ? { param: err.param } : {}),
			...(err.code ? { code: err.code } : {})
		}
	});
}

export function header(req: IncomingMessage, name: string): string | null {
	const value = req.headers[name];
	return typeof value === 'string' ? value : null;
}

export function send(res: ServerResponse, status: number, type: string, body: string): void {
	res.writeHead(status, { 'content-type': type });
	res.end(body);
}

export function redirect(res: ServerResponse, status: number, location: string): void {
	res.writeHead(status, { location });
	res.end();
}

export const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
