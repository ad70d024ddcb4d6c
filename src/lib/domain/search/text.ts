// German-aware text normalisation for listing search. The database (FerretDB) has no $text
// index, so the app builds its own; indexed text and queries must pass through exactly the
// same pipeline here, or words stop meeting each other.
//
// Stemmer: @orama/stemmers rather than snowball-stemmers. Both are generated from the Snowball
// German algorithm and stem identically, but @orama/stemmers ships real ES modules with a
// per-language subpath and its own type declarations (works in Node 20 ESM, Vite and Vitest
// without a CJS interop or a hand-written .d.ts), is released regularly, and only the German
// stemmer is loaded. snowball-stemmers is one CommonJS bundle of every language, untyped,
// with a single release.
import { stemmer } from '@orama/stemmers/german';

/** Longer tokens are cut, in indexed text and queries alike, so a pasted run-on string cannot
 * bloat the index and both sides still stem the same cut. */
export const MAX_TERM_LENGTH = 40;
export const MAX_QUERY_TERMS = 8;
/** Queries longer than this are cut before processing: no search box needs more, and the
 * pipeline should not spend time on megabytes sent by a script. */
export const MAX_QUERY_LENGTH = 500;
const MIN_TERM_LENGTH = 2;

// Letters that NFKD does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Record<string, string> = {
	ß: 'ss',
	ẞ: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ı: 'i'
};
const SPECIAL_LETTER = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/**
 * Folds text so that German spellings of one word agree: "Straße", "STRASSE" and "strasse";
 * "Fahrräder" and "Fahrraeder"; "Café" and "cafe". Umlauts and their spelled-out forms
 * (ae/oe/ue, as typed on keyboards without umlauts) both become the plain vowel. As in
 * Snowball's german2 variant, "ue" stays after a vowel or "q" ("Feuer", "Bauer", "Quelle"),
 * where it is no umlaut. The fold is lossy on purpose (Israel -> isral): it is only used for
 * matching, and both sides lose the same way.
 */
export function foldGerman(s: string): string {
	return (
		s
			.normalize('NFC')
			.toLowerCase()
			.replace(SPECIAL_LETTER, (c) => SPECIAL_LETTERS[c] ?? c)
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			// Compatibility forms (e.g. Roman numeral signs) can decompose to capitals.
			.toLowerCase()
			.replace(/ae/g, 'a')
			.replace(/oe/g, 'o')
			.replace(/(?<![aeiouyq])ue/g, 'u')
	);
}

// Folded forms are compared, so "für" is listed as people write it and folded below.
// Kept short: in a marketplace, words like "kein", "suche" or "biete" may still matter.
const STOP_WORDS: ReadonlySet<string> = new Set(
	[
		// German
		'der',
		'die',
		'das',
		'den',
		'dem',
		'des',
		'ein',
		'eine',
		'einer',
		'eines',
		'einem',
		'einen',
		'und',
		'oder',
		'aber',
		'ich',
		'du',
		'er',
		'sie',
		'es',
		'wir',
		'ihr',
		'mich',
		'mir',
		'dich',
		'dir',
		'sich',
		'uns',
		'mit',
		'für',
		'von',
		'vom',
		'zu',
		'zum',
		'zur',
		'im',
		'in',
		'am',
		'an',
		'auf',
		'aus',
		'bei',
		'ist',
		'sind',
		'bin',
		'hat',
		'auch',
		'als',
		'wie',
		'so',
		'noch',
		'nur',
		'sehr',
		'um',
		'über',
		'dass',
		// English
		'the',
		'a',
		'an',
		'and',
		'or',
		'of',
		'to',
		'on',
		'for',
		'with',
		'is',
		'are',
		'at',
		'by',
		'from',
		'this',
		'that',
		'it',
		'my',
		'your'
	].map(foldGerman)
);

// Stemming is most of the cost of indexing, and listings share most of their words, so stems are
// remembered. Cleared when full rather than LRU: simpler, and refilling it is cheap.
const STEM_CACHE_SIZE = 50_000;
const stems = new Map<string, string>();

function stem(word: string): string {
	let result = stems.get(word);
	if (result === undefined) {
		if (stems.size >= STEM_CACHE_SIZE) stems.clear();
		result = stemmer(word);
		stems.set(word, result);
	}
	return result;
}

function* terms(text: string): Generator<string> {
	const seen = new Set<string>();
	// Folding first also drops combining marks, so a word in decomposed form stays one token.
	for (const [token] of foldGerman(text).matchAll(/[\p{L}\p{N}]+/gu)) {
		if (token.length < MIN_TERM_LENGTH || STOP_WORDS.has(token)) continue;
		const term = stem(token.slice(0, MAX_TERM_LENGTH));
		if (seen.has(term)) continue;
		seen.add(term);
		yield term;
	}
}

/** Terms under which a text is indexed: folded, stemmed, unique words (compounds stay whole,
 * hyphenated words split), without stop words and single letters. */
export function searchTokens(text: string): string[] {
	return [...terms(text)];
}

/** The same pipeline for what people type into the search box, at most {@link MAX_QUERY_TERMS}
 * terms. Terms are meant for prefix matching against {@link searchTokens}. */
export function queryTerms(q: string): string[] {
	const out: string[] = [];
	for (const term of terms(q.slice(0, MAX_QUERY_LENGTH))) {
		out.push(term);
		if (out.length === MAX_QUERY_TERMS) break;
	}
	return out;
}

/** Shortest query term that may match with one typo ("fahrad" finds "Fahrrad"). Shorter terms
 * would match too much: "rad" is one edit from "rat", "bad" and "rand". */
export const FUZZY_MIN_LENGTH = 5;

/** How many edits (insert, delete, replace a letter) a query term may be away from an indexed
 * term and still match it: one from {@link FUZZY_MIN_LENGTH} letters on, none below and none in
 * a term with digits (a house number or "Runde48" must not find a neighbouring one). */
export function typoTolerance(term: string): number {
	return term.length >= FUZZY_MIN_LENGTH && !/\p{N}/u.test(term) ? 1 : 0;
}
