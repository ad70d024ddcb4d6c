// Stored photos as the photo route serves them. Uploads are stored by the profile and listing
// forms (services/profiles.ts, listing-form.ts) after they were checked and resized.
import { findPhoto, type PhotoSize, type StoredPhoto } from '../repos/photos';

export type { PhotoSize, StoredPhoto };

export function readPhoto(id: string, size: PhotoSize): Promise<StoredPhoto | null> {
	return findPhoto(id, size);
}
