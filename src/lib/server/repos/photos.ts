import { Binary } from 'mongodb';
import { db } from '../db';

export type PhotoSize = 'full' | 'thumb';

interface Variant {
	bytes: Uint8Array;
	width: number;
	height: number;
}

export interface NewPhoto {
	id: string;
	ownerId: string;
	quarterId: string;
	full: Variant;
	thumb: Variant;
	createdAt: Date;
}

export interface StoredPhoto {
	id: string;
	ownerId: string;
	quarterId: string;
	contentType: 'image/webp';
	bytes: Buffer;
	createdAt: Date;
}

/** Stores both variants in one document; the id is new for every upload, never reused. */
export async function insertPhoto(photo: NewPhoto): Promise<void> {
	await (
		await db()
	).photos.insertOne({
		_id: photo.id,
		ownerId: photo.ownerId,
		quarterId: photo.quarterId,
		contentType: 'image/webp',
		full: new Binary(photo.full.bytes),
		thumb: new Binary(photo.thumb.bytes),
		width: photo.full.width,
		height: photo.full.height,
		createdAt: photo.createdAt
	});
}

/** One variant's bytes; the other variant is left out of the reply. */
export async function findPhoto(id: string, size: PhotoSize): Promise<StoredPhoto | null> {
	const doc = await (
		await db()
	).photos.findOne({ _id: id }, { projection: { [size === 'full' ? 'thumb' : 'full']: 0 } });
	const data = doc?.[size];
	if (!doc || !data) return null;
	const bytes = data.value();
	return {
		id: doc._id,
		ownerId: doc.ownerId,
		quarterId: doc.quarterId,
		contentType: doc.contentType,
		bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
		createdAt: doc.createdAt
	};
}
