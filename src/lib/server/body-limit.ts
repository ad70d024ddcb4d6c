// Request bodies are limited on the bytes actually read, not only on the declared length: a
// body sent in chunks (no Content-Length) would otherwise be read in full up to adapter-node's
// far larger BODY_SIZE_LIMIT, and a few such requests in parallel fill the server's memory.
import * as m from '../paraglide/messages';

/** Form posts with a photo may carry 8 MB plus the form; everything else is small. */
export const MULTIPART_LIMIT = 9 * 1024 * 1024;
export const FORM_LIMIT = 256 * 1024;

/** Raised inside the body stream once more than the limit was read (server/http.ts readForm). */
export class BodyTooLarge extends Error {
	constructor(readonly multipart: boolean) {
		super(`request body over the limit of ${multipart ? MULTIPART_LIMIT : FORM_LIMIT} bytes`);
	}
}

export function isMultipart(request: Request): boolean {
	return (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
}

/** The limit's answer in the reader's language. */
export function tooLargeResponse(multipart: boolean): Response {
	return new Response(multipart ? m.error_upload_too_large() : m.error_body_too_large(), {
		status: 413,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/**
 * The same request whose body stream fails with BodyTooLarge as soon as more than the limit has
 * been read; nothing beyond the limit is buffered.
 */
export function limitBody(request: Request): Request {
	if (!request.body) return request;
	const multipart = isMultipart(request);
	const limit = multipart ? MULTIPART_LIMIT : FORM_LIMIT;
	let read = 0;
	const counted = request.body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				read += chunk.byteLength;
				if (read > limit) controller.error(new BodyTooLarge(multipart));
				else controller.enqueue(chunk);
			}
		})
	);
	return new Request(request, { body: counted, duplex: 'half' } as RequestInit);
}

/** The BodyTooLarge behind an error thrown while reading a body (it may be wrapped), or null. */
export function bodyTooLarge(err: unknown): BodyTooLarge | null {
	for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
		if (e instanceof BodyTooLarge) return e;
	}
	return null;
}
