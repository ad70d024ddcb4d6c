// The default categories' names live in the message files (category_<id>, dashes as
// underscores), in both languages; domain/listings/categories.ts decides which stored category
// still is a default one.
import type { Category } from '../domain/listings/categories';
import * as messages from '../paraglide/messages';
import { keyPart } from '../i18n';

type MessageFn = (inputs: Record<string, unknown>, options: { locale: 'de' | 'en' }) => string;

export function standardCategoryLabel(id: string): Category['label'] {
	const fn = (messages as unknown as Record<string, MessageFn | undefined>)[
		`category_${keyPart(id)}`
	];
	return typeof fn === 'function'
		? { de: fn({}, { locale: 'de' }), en: fn({}, { locale: 'en' }) }
		: { de: id, en: id };
}
