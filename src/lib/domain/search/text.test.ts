import { describe, expect, it } from 'vitest';
import {
	foldGerman,
	MAX_QUERY_TERMS,
	MAX_TERM_LENGTH,
	queryTerms,
	searchTokens,
	typoTolerance
} from './text';

/** How the index matches: every query term is a prefix of some indexed term. */
function finds(q: string, text: string): boolean {
	const indexed = searchTokens(text);
	const terms = queryTerms(q);
	return terms.length > 0 && terms.every((t) => indexed.some((s) => s.startsWith(t)));
}

describe('foldGerman', () => {
	it.each<[string, string]>([
		['Straße', 'strasse'],
		['STRASSE', 'strasse'],
		['STRAẞE', 'strasse'],
		['strasse', 'strasse'],
		['Fahrräder', 'fahrrader'],
		['Fahrraeder', 'fahrrader'],
		['FAHRRÄDER', 'fahrrader'],
		['Öl', 'ol'],
		['Oel', 'ol'],
		['Übung', 'ubung'],
		['Uebung', 'ubung'],
		['Müller', 'muller'],
		['Mueller', 'muller'],
		['Café Crème', 'cafe creme'],
		['Ærø', 'aro'],
		// decomposed input (as some keyboards and macOS file names send it)
		['Fahrra\u0308der', 'fahrrader'],
		// "ue" after a vowel or q is no umlaut
		['Feuer', 'feuer'],
		['Bauer', 'bauer'],
		['neue', 'neue'],
		['Quelle', 'quelle'],
		['Ⅻ', 'xii'],
		['', '']
	])('%s -> %s', (input, expected) => {
		expect(foldGerman(input)).toBe(expected);
	});
});

describe('searchTokens', () => {
	it.each<[string, string, string[]]>([
		['folds and stems', 'Fahrräder', ['fahrrad']],
		['spelled-out umlaut stems alike', 'Fahrraeder', ['fahrrad']],
		['keeps compounds whole', 'Nachhilfestunden', ['nachhilfestund']],
		['splits on hyphens', 'Fahrrad-Reparatur', ['fahrrad', 'reparatur']],
		['splits on punctuation', 'Kuchen,Torten;Gebäck!', ['kuch', 'tort', 'geback']],
		[
			'drops German stop words',
			'Ich suche eine Bohrmaschine für das Regal',
			['such', 'bohrmaschin', 'regal']
		],
		['drops English stop words', 'the bike and the helmet', ['bik', 'helmet']],
		['drops single characters', 'E-Bike x 5', ['bik']],
		['keeps numbers', '10 Stunden 2024', ['10', 'stund', '2024']],
		['dedupes after stemming', 'Katze Katzen KATZE', ['katz']],
		['only stop words', 'der die das und oder', []],
		['empty', '', []],
		['whitespace and punctuation', ' \n\t –, ', []]
	])('%s', (_name, text, expected) => {
		expect(searchTokens(text)).toEqual(expected);
	});

	it('cuts very long words before stemming, the same way as queries', () => {
		const word = 'donaudampfschifffahrtsgesellschaftskapitansmutzen';
		const [token] = searchTokens(word);
		expect(token?.length).toBeLessThanOrEqual(MAX_TERM_LENGTH);
		expect(queryTerms(word)).toEqual([token]);
	});
});

describe('queryTerms', () => {
	it('uses the same pipeline as indexing', () => {
		expect(queryTerms('Fahrräder in der Straße')).toEqual(searchTokens('Fahrräder in der Straße'));
	});

	it(`keeps at most ${MAX_QUERY_TERMS} terms`, () => {
		const q = 'eins zwei drei vier fünf sechs sieben acht neun zehn';
		expect(queryTerms(q)).toHaveLength(MAX_QUERY_TERMS);
		expect(queryTerms(q)).toEqual(searchTokens(q).slice(0, MAX_QUERY_TERMS));
	});

	it(`cuts each term to ${MAX_TERM_LENGTH} characters`, () => {
		for (const term of queryTerms('a'.repeat(100) + ' ' + 'b'.repeat(41))) {
			expect(term.length).toBeLessThanOrEqual(MAX_TERM_LENGTH);
		}
	});

	it('ignores an over-long query tail', () => {
		expect(queryTerms('Fahrrad ' + 'x '.repeat(10_000) + 'Garten')).toEqual(['fahrrad']);
	});
});

describe('query meets indexed text', () => {
	it.each<[string, string]>([
		['Fahrrad', 'Zwei Fahrräder zu verschenken'],
		['Fahrräder', 'Biete Fahrrad-Reparatur'],
		['fahrraeder', 'Fahrrad'],
		['strasse', 'Straßenfest in der Lindenstraße? Nein: Straße'],
		['STRASSE', 'straße'],
		['Straße', 'Strasse'],
		['Nachhilfe', 'Nachhilfestunden in Mathe'],
		['nachhilfe mathe', 'Nachhilfestunden in Mathe'],
		['Müll', 'Mülltrennung erklärt'],
		['Muell', 'Müll'],
		['Bücher', 'buch'],
		['Kinder', 'Kind'],
		['Gärten', 'Garten'],
		['Katzen', 'katze'],
		['café', 'Cafe'],
		['Bohrmaschinen', 'Bohrmaschine leihen'],
		['Rasenmäher', 'Rasenmaeher zu verleihen']
	])('%s finds %s', (q, text) => {
		expect(finds(q, text)).toBe(true);
	});

	it.each<[string, string]>([
		['Fahrrad', 'Nähmaschine'],
		['Nachhilfestunden', 'Nachhilfe'],
		['Fahrrad Garten', 'Fahrrad'],
		['der', 'der die das']
	])('%s does not find %s', (q, text) => {
		expect(finds(q, text)).toBe(false);
	});
});

describe('typo tolerance', () => {
	it.each<[string, number]>([
		['fahrad', 1],
		['mathe', 1],
		['mahe', 0],
		['rad', 0],
		['runde48', 0],
		['12345', 0]
	])('%s may be %i edits away', (term, edits) => {
		expect(typoTolerance(term)).toBe(edits);
	});
});
