// Listing and profile photos come from phones: large, rotated by an EXIF tag, often with the GPS
// position of someone's home in their metadata. Everything is decoded and re-encoded here, so
// what we store and serve is a small WebP we produced ourselves, with no metadata at all.
import sharp, { type SharpOptions } from 'sharp';

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Decompression bombs: a few KB of PNG can claim 50000x50000 pixels. 40 MP covers any phone. */
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_FULL_MAX = 1200;
export const PHOTO_THUMB_SIZE = 400;
const WEBP_QUALITY = 78;

export type PhotoError = 'error_photo_too_large' | 'error_photo_type' | 'error_photo_unreadable';

export interface PhotoVariant {
	bytes: Buffer;
	width: number;
	height: number;
}

export interface ProcessedPhoto {
	full: PhotoVariant;
	thumb: PhotoVariant;
	contentType: 'image/webp';
}

export type ProcessPhotoResult =
	{ ok: true; photo: ProcessedPhoto } | { ok: false; error: PhotoError };

type AcceptedFormat = 'jpeg' | 'png' | 'webp';

/**
 * The format by the file's first bytes. The client's file name and MIME type are whatever the
 * browser or an attacker says; this also keeps SVG, PDF, GIF and HEIC away from libvips' loaders.
 */
export function sniffFormat(head: Uint8Array): AcceptedFormat | null {
	const at = (offset: number, bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
	if (at(0, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	// RIFF....WEBP
	if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'webp';
	return null;
}

const fail = (error: PhotoError): ProcessPhotoResult => ({ ok: false, error });

/** Checks an uploaded photo and makes the stored variants: full (≤1200 px) and a square thumb. */
export async function processPhoto(file: File | Blob): Promise<ProcessPhotoResult> {
	// `size` comes from the multipart headers already parsed; reading the bytes of a huge file
	// just to refuse it would cost the memory the limit is there to protect.
	if (file.size > PHOTO_MAX_BYTES) return fail('error_photo_too_large');
	if (file.size === 0) return fail('error_photo_unreadable');
	const input = Buffer.from(await file.arrayBuffer());
	if (input.length > PHOTO_MAX_BYTES) return fail('error_photo_too_large');

	const sniffed = sniffFormat(input.subarray(0, 12));
	if (!sniffed) return fail('error_photo_type');

	const options: SharpOptions = {
		limitInputPixels: PHOTO_MAX_PIXELS,
		// 'error' refuses broken and truncated files; the stricter 'warning' also refuses many
		// harmless phone photos with slightly odd metadata.
		failOn: 'error',
		autoOrient: true
	};
	try {
		const meta = await sharp(input, options).metadata();
		// The first bytes and the decoder must agree, or something is disguised as something else.
		if (meta.format !== sniffed) return fail('error_photo_type');
		if (!meta.width || !meta.height) return fail('error_photo_unreadable');
		if (meta.width * meta.height > PHOTO_MAX_PIXELS) return fail('error_photo_too_large');

		// Re-encoding without keepMetadata() drops EXIF (GPS, camera serial), XMP, IPTC and ICC
		// (pixels are converted to sRGB first); autoOrient has already applied the rotation.
		const [full, thumb] = await Promise.all([
			sharp(input, options)
				.resize(PHOTO_FULL_MAX, PHOTO_FULL_MAX, { fit: 'inside', withoutEnlargement: true })
				.webp({ quality: WEBP_QUALITY })
				.toBuffer({ resolveWithObject: true }),
			// Always exactly square, so lists of thumbs line up without layout shifts.
			sharp(input, options)
				.resize(PHOTO_THUMB_SIZE, PHOTO_THUMB_SIZE, { fit: 'cover', position: 'attention' })
				.webp({ quality: WEBP_QUALITY })
				.toBuffer({ resolveWithObject: true })
		]);
		return {
			ok: true,
			photo: {
				full: { bytes: full.data, width: full.info.width, height: full.info.height },
				thumb: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height },
				contentType: 'image/webp'
			}
		};
	} catch (err) {
		if (err instanceof Error && /pixel limit/i.test(err.message)) {
			return fail('error_photo_too_large');
		}
		// Anything libvips cannot decode is the file's fault, not a server error worth a 500.
		return fail('error_photo_unreadable');
	}
}
