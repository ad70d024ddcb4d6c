import { markdownToPlainText } from './markdown';

const EXCERPT_MAX = 180;

/** The start of a description as plain text, cut at a word. */
export function excerpt(description: string): string {
	const text = markdownToPlainText(description);
	if (text.length <= EXCERPT_MAX) return text;
	const cut = text.slice(0, EXCERPT_MAX);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_MAX - 30)).trimEnd()} …`;
}
