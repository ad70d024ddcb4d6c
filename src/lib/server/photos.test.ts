import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import {
	PHOTO_MAX_BYTES,
	processPhoto,
	sniffFormat,
	type PhotoError,
	type PhotoVariant
} from './photos';

type Colour = { r: number; g: number; b: number };
const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

function canvas(width: number, height: number, background: Colour | string, channels: 3 | 4 = 3) {
	return sharp({ create: { width, height, channels, background } });
}

/** A phone-like photo: stored landscape with an EXIF tag saying "turn 90° clockwise", the left
 * half red, the right half blue, and a camera make and GPS position in its metadata. */
async function phoneJpeg(): Promise<Buffer> {
	const leftHalf = await canvas(1500, 2000, RED).png().toBuffer();
	return canvas(3000, 2000, BLUE)
		.composite([{ input: leftHalf, left: 0, top: 0 }])
		.jpeg({ quality: 80 })
		.withMetadata({ orientation: 6 })
		.withExif({
			IFD0: { Make: 'Phone', Copyright: 'Someone' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '52/1 31/1 12/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '13/1 24/1 0/1'
			}
		})
		.toBuffer();
}

async function expectCleanWebp(variant: PhotoVariant) {
	const meta = await sharp(variant.bytes).metadata();
	expect(meta.format).toBe('webp');
	expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
	expect(meta.exif).toBeUndefined();
	expect(meta.xmp).toBeUndefined();
	expect(meta.iptc).toBeUndefined();
	expect(meta.icc).toBeUndefined();
	expect(meta.orientation).toBeUndefined();
}

async function pixel(bytes: Buffer, x: number, y: number): Promise<Colour> {
	const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
	const at = (y * info.width + x) * info.channels;
	return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
}

function expectNear(actual: Colour, expected: Colour) {
	for (const key of ['r', 'g', 'b'] as const) {
		expect(Math.abs(actual[key] - expected[key])).toBeLessThan(24);
	}
}

/** Wraps bytes as a browser would send them, with a name and type that say "JPEG". */
function upload(bytes: Uint8Array | string): File {
	const part = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
	return new File([part], 'photo.jpg', { type: 'image/jpeg' });
}

type Make = () => Promise<Uint8Array | string>;

describe('processPhoto', () => {
	it('turns a large phone JPEG upright, shrinks it and drops all metadata', async () => {
		const input = await phoneJpeg();
		const inputMeta = await sharp(input).metadata();
		expect(inputMeta.orientation).toBe(6);
		// The GPS IFD pointer (tag 0x8825, little-endian) is there before processing.
		expect(inputMeta.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

		const result = await processPhoto(upload(input));
		if (!result.ok) throw new Error(result.error);
		const { full, thumb, contentType } = result.photo;
		expect(contentType).toBe('image/webp');
		expect([full.width, full.height]).toEqual([800, 1200]);
		expect([thumb.width, thumb.height]).toEqual([400, 400]);
		await expectCleanWebp(full);
		await expectCleanWebp(thumb);
		// Turned clockwise: what was the red left half is now the top.
		expectNear(await pixel(full.bytes, 400, 100), RED);
		expectNear(await pixel(full.bytes, 400, 1100), BLUE);
		expect(full.bytes.length).toBeLessThan(input.length);
	});

	it.each([
		['PNG with transparency', () => canvas(300, 200, '#00ff0080', 4).png().toBuffer(), [300, 200]],
		['WebP', () => canvas(1600, 900, '#336699').webp().toBuffer(), [1200, 675]],
		['small JPEG', () => canvas(120, 90, '#ffcc00').jpeg().toBuffer(), [120, 90]],
		['tall PNG', () => canvas(500, 5000, '#112233').png().toBuffer(), [120, 1200]]
	] satisfies [string, Make, [number, number]][])(
		'accepts a %s, never enlarging it',
		async (_name, make, [width, height]) => {
			const result = await processPhoto(upload(await make()));
			if (!result.ok) throw new Error(result.error);
			expect([result.photo.full.width, result.photo.full.height]).toEqual([width, height]);
			expect([result.photo.thumb.width, result.photo.thumb.height]).toEqual([400, 400]);
			await expectCleanWebp(result.photo.full);
			await expectCleanWebp(result.photo.thumb);
		}
	);

	it.each([
		['GIF', () => canvas(40, 40, '#00ff00').gif().toBuffer(), 'error_photo_type'],
		[
			'AVIF (a HEIF container, like HEIC)',
			() => canvas(40, 40, '#00ff00').avif().toBuffer(),
			'error_photo_type'
		],
		['TIFF', () => canvas(40, 40, '#00ff00').tiff().toBuffer(), 'error_photo_type'],
		[
			'SVG text',
			async () =>
				'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
			'error_photo_type'
		],
		['PDF', async () => '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n', 'error_photo_type'],
		[
			'HEIC header',
			async () => Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic'),
			'error_photo_type'
		],
		['random bytes named .jpg', async () => randomBytes(5000), 'error_photo_type'],
		['an empty file', async () => new Uint8Array(0), 'error_photo_unreadable'],
		[
			'random bytes behind a JPEG signature',
			async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5000)]),
			'error_photo_unreadable'
		],
		[
			'a truncated JPEG',
			async () => (await canvas(800, 600, '#abcdef').jpeg().toBuffer()).subarray(0, 400),
			'error_photo_unreadable'
		],
		[
			'a PNG claiming 64 megapixels (decompression bomb)',
			() => canvas(8000, 8000, '#000000').png({ compressionLevel: 9 }).toBuffer(),
			'error_photo_too_large'
		]
	] satisfies [string, Make, PhotoError][])('refuses %s', async (_name, make, error) => {
		expect(await processPhoto(upload(await make()))).toEqual({ ok: false, error });
	});

	it('refuses a 20 MB file by its size, without reading it', async () => {
		const blob = new Blob([new Uint8Array(20 * 1024 * 1024)]);
		const read = vi.spyOn(blob, 'arrayBuffer');
		expect(await processPhoto(blob)).toEqual({ ok: false, error: 'error_photo_too_large' });
		expect(read).not.toHaveBeenCalled();
	});

	it('accepts a file of exactly the limit as far as size goes', async () => {
		const blob = new Blob([new Uint8Array(PHOTO_MAX_BYTES)]);
		expect(await processPhoto(blob)).toEqual({ ok: false, error: 'error_photo_type' });
	});
});

describe('sniffFormat', () => {
	it.each([
		['JPEG', [0xff, 0xd8, 0xff, 0xdb], 'jpeg'],
		['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
		['WebP', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')], 'webp'],
		['RIFF but WAVE', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')], null],
		['GIF', [...Buffer.from('GIF89a')], null],
		['too short', [0xff, 0xd8], null]
	] as const)('%s', (_name, bytes, format) => {
		expect(sniffFormat(new Uint8Array(bytes))).toBe(format);
	});
});
