// Reading the listing form (new and edit): the fields through the quarter's schema, the photo
// through the photo checks. Nothing is stored unless everything is valid.
import { parseForm } from '../schemas/form';
import { LISTING_FIELDS, listingSchema } from '../schemas/listing';
import type { ListingContent } from '../domain/listings/listing';
import { newId } from './ids';
import { processPhoto } from './photos';
import type { Quarter } from './repos/quarters';
import { insertPhoto } from './repos/photos';

export type ListingFormResult =
	| { ok: true; content: Omit<ListingContent, 'photoId'>; photo: PhotoChange; submit: boolean }
	| { ok: false; errors: Record<string, string>; values: Record<string, string> };

/** Keep the current photo, remove it, or use a new one (already checked and resized). */
export type PhotoChange =
	| { kind: 'keep' }
	| { kind: 'remove' }
	| { kind: 'new'; save: (ownerId: string, now: Date) => Promise<string> };

export async function readListingForm(
	form: FormData,
	quarter: Quarter
): Promise<ListingFormResult> {
	const parsed = parseForm(listingSchema(quarter.categories, quarter.blocks), form, LISTING_FIELDS);
	const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };

	let photo: PhotoChange = { kind: 'keep' };
	const file = form.get('photo');
	if (file instanceof File && file.size > 0) {
		const processed = await processPhoto(file);
		if (processed.ok) {
			photo = {
				kind: 'new',
				save: async (ownerId, now) => {
					const id = newId();
					await insertPhoto({
						id,
						ownerId,
						quarterId: quarter.id,
						full: processed.photo.full,
						thumb: processed.photo.thumb,
						createdAt: now
					});
					return id;
				}
			};
		} else errors.photo = processed.error;
	} else if (file !== null && typeof file !== 'string' && !(file instanceof File)) {
		errors.photo = 'error_photo_type';
	} else if (form.get('removePhoto') === 'on') photo = { kind: 'remove' };

	if (!parsed.ok || Object.keys(errors).length > 0) {
		return { ok: false, errors, values: echo(form) };
	}
	const { photoId: _none, ...content } = parsed.data;
	return { ok: true, content, photo, submit: form.get('intent') !== 'draft' };
}

/** What was typed, to put back into the form next to the errors (long text in full: nobody
 * should have to type a description again). */
function echo(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const name of LISTING_FIELDS) {
		const value = form.get(name);
		if (typeof value === 'string') values[name] = value.slice(0, 4000);
	}
	return values;
}
