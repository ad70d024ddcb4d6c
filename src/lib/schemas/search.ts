// The browse page's query string. Anything unknown or malformed is reported and left out of the
// search instead of reaching it.
import { z } from 'zod';
import { hasControlCharacters } from '../domain/auth/text';
import { LISTING_KINDS } from '../domain/listings/listing';

export const QUERY_MAX = 100;
export const DISTANCES = [500, 1000, 2000] as const;
export const SORTS = ['newest', 'nearest', 'relevance'] as const;
export const PAGE_MAX = 500;

const optional = <T extends z.ZodType>(schema: T) =>
	z.union([z.literal('').transform(() => undefined), schema]).optional();

export const searchSchema = z.object({
	q: z
		.string()
		.trim()
		.max(QUERY_MAX, 'error_query_too_long')
		.refine((s) => !hasControlCharacters(s), 'error_text_invalid')
		.optional(),
	kind: optional(z.enum(LISTING_KINDS, { error: 'error_filter_invalid' })),
	category: optional(
		z
			.string()
			.max(48, 'error_filter_invalid')
			.regex(/^[a-z0-9-]+$/, 'error_filter_invalid')
	),
	settlement: optional(z.enum(['hours', 'euros', 'free'], { error: 'error_filter_invalid' })),
	provider: optional(z.enum(['resident', 'business'], { error: 'error_filter_invalid' })),
	near: optional(
		z
			.string()
			.max(80, 'error_filter_invalid')
			.regex(/^[a-z0-9-]+$/, 'error_filter_invalid')
	),
	distance: optional(
		z
			.enum(DISTANCES.map(String) as [string, ...string[]], { error: 'error_filter_invalid' })
			.transform(Number)
	),
	sort: optional(z.enum(SORTS, { error: 'error_filter_invalid' })),
	page: optional(
		z
			.string()
			.regex(/^\d{1,4}$/, 'error_filter_invalid')
			.transform(Number)
			.refine((n) => n >= 1 && n <= PAGE_MAX, 'error_filter_invalid')
	)
});

export type SearchParams = z.infer<typeof searchSchema>;
export const SEARCH_FIELDS = [
	'q',
	'kind',
	'category',
	'settlement',
	'provider',
	'near',
	'distance',
	'sort',
	'page'
] as const;

/**
 * Parses the query string field by field: a bad field is named in `errors` and dropped, the
 * others still apply, so a mistyped link still shows listings.
 */
export function parseSearch(params: URLSearchParams): {
	data: SearchParams;
	errors: Record<string, string>;
} {
	const data: Record<string, unknown> = {};
	const errors: Record<string, string> = {};
	for (const field of SEARCH_FIELDS) {
		const value = params.get(field);
		if (value === null) continue;
		const parsed = searchSchema.shape[field].safeParse(value);
		if (parsed.success) data[field] = parsed.data;
		else
			errors[field] = parsed.error.issues[0]?.message.startsWith('error_')
				? parsed.error.issues[0].message
				: 'error_filter_invalid';
	}
	return { data: data as SearchParams, errors };
}
