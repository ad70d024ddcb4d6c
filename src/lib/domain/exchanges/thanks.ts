// Thank-you notes (Dankeschön): after a settled exchange each side may leave one short note for
// the other, shown on the other's profile. No stars, no scores.
import { sideOf, type Exchange } from './workflow';

export const MAX_THANKS_LENGTH = 500;

export type ThanksProblem = 'empty' | 'too_long' | 'not_settled' | 'not_a_party';

/** Trimmed, with line breaks unified and runs of blank lines collapsed. */
export function normalizeThanksText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Length in characters as people count them (an emoji is one), not UTF-16 units. */
export function thanksLength(text: string): number {
	return [...new Intl.Segmenter('de', { granularity: 'grapheme' }).segment(text)].length;
}

export function thanksProblem(
	exchange: Exchange,
	authorId: string,
	text: string
): ThanksProblem | null {
	if (!sideOf(exchange, authorId)) return 'not_a_party';
	if (exchange.state !== 'settled') return 'not_settled';
	const normalized = normalizeThanksText(text);
	if (normalized === '') return 'empty';
	if (thanksLength(normalized) > MAX_THANKS_LENGTH) return 'too_long';
	return null;
}

/** The note's id: one per exchange and author, so a second note (or a double submit) is refused. */
export function thanksId(exchangeId: string, authorId: string): string {
	return `${exchangeId}:${authorId}`;
}
