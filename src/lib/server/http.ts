import { error } from '@sveltejs/kit';
import * as m from '../paraglide/messages';
import type { RequestEvent } from '@sveltejs/kit';
import type { RequestContext } from './services/accounts';

/** What services need to know about a request: origin for links, client address for limits. */
export function requestContext(
	event: Pick<RequestEvent, 'url' | 'getClientAddress'>
): RequestContext {
	let ip = 'unknown';
	try {
		ip = event.getClientAddress();
	} catch {
		// Not available in some test set-ups; all such requests then share one budget.
	}
	return { origin: event.url.origin, ip, now: new Date() };
}

/** The posted form, or a 400 when the body is not a readable form. */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, m.error_invalid_input());
	}
}
