import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { readPhoto } from '$lib/server/services/photos';
import type { RequestHandler } from './$types';

/** A stored photo. Ids are never reused (a new upload gets a new id), so browsers and caches may
 * keep the bytes forever. */
export const GET: RequestHandler = async ({ params, url }) => {
	const size = url.searchParams.get('size') ?? 'full';
	if (size !== 'full' && size !== 'thumb') error(400, m.error_invalid_input());
	const photo = await readPhoto(params.id, size);
	if (!photo) error(404);
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.contentType,
			'content-length': String(photo.bytes.length),
			'cache-control': 'public, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff'
		}
	});
};
