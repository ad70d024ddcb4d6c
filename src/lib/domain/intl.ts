// Intl formatters, made once per language and options: building an Intl.DateTimeFormat or
// NumberFormat costs far more than using one (a member's statement formatted a date per row and
// spent about a tenth of its CPU building formatters under load, `npm run bench -- scale`).

/** Formatters kept at most; languages × zones × option sets stay far below it. */
const LIMIT = 500;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function memo<F>(cache: Map<string, F>, key: string, make: () => F): F {
	let format = cache.get(key);
	if (format === undefined) {
		// Only a wild mix of options could reach the limit; starting afresh keeps it bounded.
		if (cache.size >= LIMIT) cache.clear();
		format = make();
		cache.set(key, format);
	}
	return format;
}

export function dateTimeFormat(
	locale: string,
	options: Intl.DateTimeFormatOptions = {}
): Intl.DateTimeFormat {
	return memo(
		dateTimeFormats,
		`${locale}|${JSON.stringify(options)}`,
		() => new Intl.DateTimeFormat(locale, options)
	);
}

export function numberFormat(
	locale: string,
	options: Intl.NumberFormatOptions = {}
): Intl.NumberFormat {
	return memo(
		numberFormats,
		`${locale}|${JSON.stringify(options)}`,
		() => new Intl.NumberFormat(locale, options)
	);
}
