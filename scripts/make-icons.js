// Draws the app's icons from the two SVGs in scripts/icons/ (run `node scripts/make-icons.js`
// after changing them; the outputs are committed, so a build needs no image tools):
// - static/icons/icon-192.png, icon-512.png: the manifest's "any" icons (rounded, transparent)
// - static/icons/icon-maskable-512.png: the manifest's maskable icon (full bleed)
// - static/apple-touch-icon.png (180 px, full bleed: iOS rounds the corners itself)
// - static/favicon.ico (16, 32 and 48 px, PNG inside ICO, for browsers and tools that ask for it)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const any = readFileSync('scripts/icons/icon.svg');
const maskable = readFileSync('scripts/icons/icon-maskable.svg');

/** @param {Buffer} svg @param {number} size */
const png = (svg, size) =>
	sharp(svg, { density: Math.max(72, Math.ceil((72 * size) / 512) * 2) })
		.resize(size, size)
		.png({ compressionLevel: 9 })
		.toBuffer();

/**
 * An ICO file whose images are PNGs (allowed since Windows Vista, read by every browser).
 * @param {{ size: number, data: Buffer }[]} images
 */
function ico(images) {
	const header = Buffer.alloc(6);
	header.writeUInt16LE(0, 0); // reserved
	header.writeUInt16LE(1, 2); // type: icon
	header.writeUInt16LE(images.length, 4);
	let offset = 6 + 16 * images.length;
	const entries = images.map(({ size, data }) => {
		const entry = Buffer.alloc(16);
		entry.writeUInt8(size >= 256 ? 0 : size, 0);
		entry.writeUInt8(size >= 256 ? 0 : size, 1);
		entry.writeUInt8(0, 2); // no palette
		entry.writeUInt8(0, 3);
		entry.writeUInt16LE(1, 4); // colour planes
		entry.writeUInt16LE(32, 6); // bits per pixel
		entry.writeUInt32LE(data.length, 8);
		entry.writeUInt32LE(offset, 12);
		offset += data.length;
		return entry;
	});
	return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', await png(any, 192));
writeFileSync('static/icons/icon-512.png', await png(any, 512));
writeFileSync('static/icons/icon-maskable-512.png', await png(maskable, 512));
writeFileSync('static/apple-touch-icon.png', await png(maskable, 180));
const small = await Promise.all(
	[16, 32, 48].map(async (size) => ({ size, data: await png(any, size) }))
);
writeFileSync('static/favicon.ico', ico(small));
console.log('Icons written to static/icons/, static/apple-touch-icon.png and static/favicon.ico');
