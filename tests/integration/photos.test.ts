// Photos are stored as BSON binaries in the embedded FerretDB and must come back byte for byte.
import { randomBytes } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/ids';
import { processPhoto, type ProcessedPhoto } from '../../src/lib/server/photos';
import { findPhoto, insertPhoto } from '../../src/lib/server/repos/photos';
import { GET } from '../../src/routes/photos/[id=id]/+server';

/** Calls the route handler as SvelteKit would, with only what it reads from the event. */
async function get(id: string, query = ''): Promise<Response> {
	const event = { params: { id }, url: new URL(`http://quartier.test/photos/${id}${query}`) };
	return await GET(event as unknown as Parameters<typeof GET>[0]);
}

async function statusOf(response: Promise<Response>): Promise<number> {
	return response.then(
		(r) => r.status,
		(err: { status?: number }) => err.status ?? 500
	);
}

async function processed(image: Sharp): Promise<ProcessedPhoto> {
	const result = await processPhoto(new Blob([await image.jpeg({ quality: 90 }).toBuffer()]));
	if (!result.ok) throw new Error(result.error);
	return result.photo;
}

describe('photo storage', () => {
	it('stores both variants and reads each back unchanged', async () => {
		const photo = await processed(
			sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#3a7d44' } })
		);
		const id = newId();
		const createdAt = new Date('2026-05-04T08:09:10.011Z');
		await insertPhoto({ id, ownerId: 'u1', quarterId: 'testquartier', ...photo, createdAt });

		const full = await findPhoto(id, 'full');
		const thumb = await findPhoto(id, 'thumb');
		expect(full).toMatchObject({ id, ownerId: 'u1', quarterId: 'testquartier', createdAt });
		expect(full?.contentType).toBe('image/webp');
		expect(full?.bytes.equals(photo.full.bytes)).toBe(true);
		expect(thumb?.bytes.equals(photo.thumb.bytes)).toBe(true);
		expect((await sharp(thumb!.bytes).metadata()).width).toBe(400);
	});

	it('keeps a detailed photo (about the largest a resize gives) intact', async () => {
		// Noise is the worst case for WebP: this is near the upper bound of a stored document.
		const noise = sharp(randomBytes(1200 * 1200 * 3), {
			raw: { width: 1200, height: 1200, channels: 3 }
		});
		const photo = await processed(noise);
		expect(photo.full.bytes.length).toBeGreaterThan(500_000);
		const id = newId();
		await insertPhoto({ id, ownerId: 'u1', quarterId: 'q', ...photo, createdAt: new Date() });
		expect((await findPhoto(id, 'full'))?.bytes.equals(photo.full.bytes)).toBe(true);
	});

	it('answers null for an unknown id', async () => {
		expect(await findPhoto(newId(), 'full')).toBeNull();
		expect(await findPhoto(newId(), 'thumb')).toBeNull();
	});

	it('never replaces a stored photo under the same id', async () => {
		const photo = await processed(
			sharp({ create: { width: 50, height: 50, channels: 3, background: '#000000' } })
		);
		const id = newId();
		const base = { id, ownerId: 'u1', quarterId: 'q', ...photo, createdAt: new Date() };
		await insertPhoto(base);
		const again = await insertPhoto({ ...base, ownerId: 'u2' }).then(
			() => null,
			(err: unknown) => err
		);
		expect(isDuplicateKeyError(again)).toBe(true);
		expect((await findPhoto(id, 'full'))?.ownerId).toBe('u1');
	});

	it('serves the bytes with long-lived caching, and 404 for an unknown id', async () => {
		const photo = await processed(
			sharp({ create: { width: 900, height: 600, channels: 3, background: '#aa3300' } })
		);
		const id = newId();
		await insertPhoto({ id, ownerId: 'u1', quarterId: 'q', ...photo, createdAt: new Date() });

		for (const [query, bytes] of [
			['', photo.full.bytes],
			['?size=full', photo.full.bytes],
			['?size=thumb', photo.thumb.bytes]
		] as const) {
			const response = await get(id, query);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/webp');
			expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
		}
		expect(await statusOf(get(id, '?size=huge'))).toBe(400);
		expect(await statusOf(get(newId()))).toBe(404);
	});
});
