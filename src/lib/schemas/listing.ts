// The listing form. Categories and blocks are the quarter's own, so the schema is built per
// quarter: an unknown id is refused here, before anything reaches a query.
import { z } from 'zod';
import { hasControlCharacters, hasLoneSurrogate } from '../domain/auth/text';
import type { Block, Category } from '../domain/listings/categories';
import { uniqueTags } from '../domain/listings/tags';
import {
	FLAG_REASONS,
	LISTING_KINDS,
	LISTING_SETTLEMENTS,
	PRICE_UNITS,
	REASON_MAX,
	allowsEuros,
	type ListingContent
} from '../domain/listings/listing';

export const TITLE_MIN = 5;
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 4000;
export const AVAILABILITY_MAX = 200;
export const TAGS_MAX = 8;
export const TAG_MAX = 30;
/** 10,000 euros: more is not a neighbourhood exchange. */
export const PRICE_MAX_CENTS = 1_000_000;

// Line breaks are fine in long text; other control characters are not.
const cleanMultiline = (s: string) =>
	!hasControlCharacters(s.replace(/[\r\n\t]/g, ' ')) && !hasLoneSurrogate(s);
const cleanLine = (s: string) => !hasControlCharacters(s) && !hasLoneSurrogate(s);

const text = (max: number, tooLong: string) =>
	z
		.string({ error: 'error_invalid_input' })
		.trim()
		.max(max, tooLong)
		.refine(cleanLine, 'error_text_invalid');

/** "12", "12,50", "12.5" euros → integer cents; empty means no price. */
export const euroField = z
	.string({ error: 'error_price_invalid' })
	.trim()
	.regex(/^$|^\d{1,5}([.,]\d{1,2})?$/, 'error_price_invalid')
	.transform((s) => {
		if (s === '') return null;
		const [whole, frac = ''] = s.replace(',', '.').split('.');
		return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
	})
	.refine((c) => c === null || c <= PRICE_MAX_CENTS, 'error_price_too_high');

export function listingSchema(categories: readonly Category[], blocks: readonly Block[]) {
	const categoryIds = categories.map((c) => c.id);
	const blockIds = blocks.map((b) => b.id);
	return z
		.object({
			kind: z.enum(LISTING_KINDS, { error: 'error_listing_kind' }),
			title: z
				.string({ error: 'error_title_required' })
				.trim()
				.min(1, 'error_title_required')
				.min(TITLE_MIN, 'error_title_too_short')
				.max(TITLE_MAX, 'error_title_too_long')
				.refine(cleanLine, 'error_text_invalid'),
			description: z
				.string({ error: 'error_description_required' })
				.trim()
				.min(1, 'error_description_required')
				.max(DESCRIPTION_MAX, 'error_description_too_long')
				.refine(cleanMultiline, 'error_text_invalid'),
			category: z
				.string({ error: 'error_category_invalid' })
				.refine((id) => categoryIds.includes(id), 'error_category_invalid'),
			tags: z
				.string({ error: 'error_invalid_input' })
				.max(TAGS_MAX * (TAG_MAX + 2), 'error_tags_too_many')
				.refine(cleanLine, 'error_text_invalid')
				.transform((s) => uniqueTags(s.split(/[,;]/).map((t) => t.trim().replace(/\s+/g, ' '))))
				.refine((tags) => tags.length <= TAGS_MAX, 'error_tags_too_many')
				.refine((tags) => tags.every((t) => t.length <= TAG_MAX), 'error_tag_too_long'),
			settlement: z.enum(LISTING_SETTLEMENTS, { error: 'error_settlement_invalid' }),
			// Only read when the listing can be settled in euros; a form may leave both out.
			price: euroField.optional().transform((c) => c ?? null),
			priceUnit: z
				.union([z.literal(''), z.enum(PRICE_UNITS)], { error: 'error_price_unit_invalid' })
				.optional()
				.transform((u) => (u ? u : null)),
			availability: text(AVAILABILITY_MAX, 'error_availability_too_long'),
			blockId: z
				.string({ error: 'error_block_invalid' })
				.refine((id) => id === '' || blockIds.includes(id), 'error_block_invalid')
		})
		.superRefine((v, ctx) => {
			if (allowsEuros(v.settlement) && (v.price === null || v.price === 0)) {
				ctx.addIssue({ code: 'custom', path: ['price'], message: 'error_price_required' });
			}
			if (allowsEuros(v.settlement) && v.priceUnit === null) {
				ctx.addIssue({ code: 'custom', path: ['priceUnit'], message: 'error_price_unit_invalid' });
			}
		})
		.transform((v): ListingContent => ({
			kind: v.kind,
			title: v.title,
			description: v.description,
			category: v.category,
			tags: v.tags,
			settlement: v.settlement,
			priceCents: allowsEuros(v.settlement) ? v.price : null,
			priceUnit: allowsEuros(v.settlement) ? v.priceUnit : null,
			availability: v.availability,
			blockId: v.blockId === '' ? null : v.blockId,
			photoId: null
		}));
}

export const LISTING_FIELDS = [
	'kind',
	'title',
	'description',
	'category',
	'tags',
	'settlement',
	'price',
	'priceUnit',
	'availability',
	'blockId'
] as const;

/** A moderator's reason or note, which the author will read. */
export const reasonSchema = z.object({
	reason: z
		.string({ error: 'error_reason_required' })
		.trim()
		.min(1, 'error_reason_required')
		.max(REASON_MAX, 'error_reason_too_long')
		.refine(cleanMultiline, 'error_text_invalid')
});

export { FLAG_REASONS };

export const flagSchema = z.object({
	reason: z.enum(FLAG_REASONS, { error: 'error_flag_reason' }),
	note: z
		.string({ error: 'error_invalid_input' })
		.trim()
		.max(REASON_MAX, 'error_note_too_long')
		.refine(cleanMultiline, 'error_text_invalid')
});
