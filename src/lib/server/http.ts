import { DEVICE_COOKIE } from './auth/sessions';
import { bodyTooLarge } from './body-limit';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as m from '../paraglide/messages';
import { emailOnlySchema } from '../schemas/auth';
import { parseForm } from '../schemas/form';
import { newSecretToken } from './ids';
import type { RequestContext } from './services/accounts';
import type { Limited } from './services/rate-limit';

/** What services need to know about a request: origin for links, client address for limits. */
export function requestContext(
	event: Pick<RequestEvent, 'url' | 'getClientAddress'> & Partial<Pick<RequestEvent, 'cookies'>>
): RequestContext {
	let ip = 'unknown';
	try {
		ip = event.getClientAddress();
	} catch {
		// Not available in some test set-ups; all such requests then share one budget.
	}
	const device = event.cookies?.get(DEVICE_COOKIE) ?? null;
	return { origin: event.url.origin, ip, now: new Date(), device };
}

/** The posted form, or a 400 when the body is not a readable form. */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (err) {
		const tooLarge = bodyTooLarge(err);
		if (tooLarge) {
			error(413, tooLarge.multipart ? m.error_upload_too_large() : m.error_body_too_large());
		}
		error(400, m.error_invalid_input());
	}
}

/**
 * The action of a form that asks for a mail by address (new verification link, password reset):
 * parse the address, call the service, answer 429 when it is rate-limited. The answer is the same
 * whether or not an account exists.
 */
export async function mailRequestAction(
	event: RequestEvent,
	request: (email: string, ctx: RequestContext) => Promise<Limited | null>
) {
	const form = await readForm(event.request);
	const parsed = parseForm(emailOnlySchema, form, ['email']);
	if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
	const limited = await request(parsed.data.email, requestContext(event));
	if (limited) return rateLimited(event, limited, { email: parsed.data.email });
	return { sent: true as const };
}

/** 429 with Retry-After and the translated form message; what was typed stays in the form. */
export function rateLimited(
	event: Pick<RequestEvent, 'setHeaders'>,
	limited: Limited,
	values: Record<string, string>
) {
	event.setHeaders({ 'retry-after': String(limited.retryAfter) });
	return fail(429, { errors: { form: 'error_rate_limited' }, values });
}

/** A CSV download: attachment, never cached by shared caches. */
export function csvResponse(csv: string, fileName: string): Response {
	return attachmentResponse(csv, 'text/csv; charset=utf-8', fileName);
}

/** A file to save (CSV, the data download's ZIP), never cached: it holds a person's data. */
export function attachmentResponse(
	body: string | Uint8Array<ArrayBuffer>,
	contentType: string,
	fileName: string
): Response {
	return new Response(body, {
		headers: {
			'content-type': contentType,
			'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
			'cache-control': 'private, no-store'
		}
	});
}

/** A random value for a form: the key of what it stores (books, refunds), so a double submit
 * stores once. */
export function newFormNonce(): string {
	return newSecretToken();
}
