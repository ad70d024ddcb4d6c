import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One name per idea (docs/glossary.md, a copy of the team's shared glossary with the synonyms to
// avoid): a message that uses a listed synonym instead of the glossary's term fails here.
// vitest runs from the repository root.
const root = process.cwd();

interface Term {
	term: string;
	avoid: { de: string[]; en: string[] };
}

/** The glossary's table rows: German and English term, and the backticked words to avoid. */
export function glossaryTerms(markdown: string): Term[] {
	const rows = markdown
		.split('\n')
		.filter(
			(line) => line.startsWith('|') && !line.startsWith('|---') && !line.startsWith('| code')
		);
	return rows.map((line) => {
		const cells = line.split('|').map((cell) => cell.trim());
		// cells[0] is the empty text before the first pipe.
		const words = (cell: string | undefined) =>
			[...(cell ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
		return {
			term: `${cells[2]} / ${cells[3]}`,
			avoid: { de: words(cells[5]), en: words(cells[6]) }
		};
	});
}

const ignored = (text: string) =>
	text
		// Placeholders are names for code, not words people read.
		.replace(/\{[^{}]*\}/g, ' ')
		// "quarter hour" is a unit of time, not the place.
		.replace(/quarter[ -]hours?/gi, ' ');

/** Where a message uses a word to avoid, as "key: word (use: term)". */
export function glossaryDrifts(
	messages: Record<string, string>,
	terms: Term[],
	locale: 'de' | 'en'
): string[] {
	const found: string[] = [];
	for (const { term, avoid } of terms) {
		for (const word of avoid[locale]) {
			const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])${word}(?![\\p{L}\\p{N}])`, 'iu');
			for (const [key, value] of Object.entries(messages)) {
				if (key === '$schema') continue;
				if (pattern.test(ignored(value))) found.push(`${key}: "${word}" (glossary: ${term})`);
			}
		}
	}
	return found;
}

const glossary = glossaryTerms(readFileSync(join(root, 'docs', 'glossary.md'), 'utf8'));
/** Every message as text: a plural's variants (inlang message format) joined, so each is read. */
const read = (locale: string): Record<string, string> =>
	Object.fromEntries(
		Object.entries(
			JSON.parse(readFileSync(join(root, 'messages', `${locale}.json`), 'utf8')) as Record<
				string,
				unknown
			>
		).map(([key, value]) => [
			key,
			Array.isArray(value)
				? value
						.flatMap((v: { match?: Record<string, string> }) => Object.values(v.match ?? {}))
						.join('\n')
				: String(value)
		])
	);

describe('the glossary', () => {
	it('is read: it has terms and words to avoid in both languages', () => {
		expect(glossary.length).toBeGreaterThan(30);
		expect(glossary.flatMap((t) => t.avoid.de)).toContain('ausgesetzt');
		expect(glossary.flatMap((t) => t.avoid.en)).toContain('quarter management');
	});

	it('finds a synonym as a word, not inside another word or a placeholder', () => {
		const terms: Term[] = [
			{ term: 'Vermittlungsfall / mediation case', avoid: { de: ['Streitfall'], en: ['quarter'] } }
		];
		expect(
			glossaryDrifts({ a: 'Ein Streitfall.', b: 'Streitfallakte', c: 'streitfall' }, terms, 'de')
		).toEqual([
			'a: "Streitfall" (glossary: Vermittlungsfall / mediation case)',
			'c: "Streitfall" (glossary: Vermittlungsfall / mediation case)'
		]);
		expect(
			glossaryDrifts({ a: 'In {quarter}, in quarter hours', b: 'the quarter' }, terms, 'en')
		).toEqual(['b: "quarter" (glossary: Vermittlungsfall / mediation case)']);
	});
});

describe.each(['de', 'en'] as const)('messages/%s.json', (locale) => {
	it('uses the glossary term, never a listed synonym', () => {
		expect(glossaryDrifts(read(locale), glossary, locale)).toEqual([]);
	});
});

// Mails greet by name and close one way (services/mail.ts `letter`); the message files hold only
// the bodies, so a body that greets or signs on its own would greet twice.
describe.each([
	['de', /^Hallo\b/, /(Grüße|Quartiermarkt)\s*$/],
	['en', /^Hello\b/, /(wishes|regards|Quartiermarkt)\s*$/]
] as const)('mails in %s', (locale, greeting, closing) => {
	const messages = read(locale);
	const bodies = Object.keys(messages).filter((key) => /mail.*_(body|footer|line)$/.test(key));

	it('have one greeting with the name and one closing', () => {
		expect(messages.mail_greeting).toContain('{name}');
		expect(messages.mail_closing).toMatch(closing);
	});

	it('bodies neither greet nor close on their own', () => {
		expect(bodies.length).toBeGreaterThan(10);
		expect(
			bodies.filter((key) => greeting.test(messages[key]!) || closing.test(messages[key]!))
		).toEqual([]);
	});
});
