// The platform's legal texts (Impressum, privacy notice, rules) and a quarter's house rules:
// Markdown in German and English, kept as an insert-only list of versions so that every text
// that was ever shown, and every version a member accepted, can be read again later.
//
// A document without a stored version shows its built-in template (templates-de.ts,
// templates-en.ts); that template counts as version 0.
import type { Locale } from '../locale';

export const LEGAL_DOCUMENTS = ['impressum', 'privacy', 'rules'] as const;
export type LegalDocument = (typeof LEGAL_DOCUMENTS)[number];

/** Where each document is read; German paths in both languages (English adds /en). */
export const LEGAL_PATHS: Record<LegalDocument, string> = {
	impressum: '/impressum',
	privacy: '/datenschutz',
	rules: '/regeln'
};

/** Longer than any real Impressum or privacy notice; keeps one version one small document. */
export const LEGAL_TEXT_MAX = 60_000;

export type LegalTexts = Record<Locale, string>;

export interface LegalVersion {
	/** `platform:<document>` or `house:<quarterId>` (legalStream). */
	stream: string;
	/** 1, 2, 3 … in the order they were saved. */
	seq: number;
	texts: LegalTexts;
	/** A change of substance: members accept the rules again (only the rules ask). */
	substantial: boolean;
	/** Who saved it (a user id). */
	by: string;
	at: Date;
}

export type LegalStream = `platform:${LegalDocument}` | `house:${string}`;

export function platformStream(document: LegalDocument): LegalStream {
	return `platform:${document}`;
}

export function houseStream(quarterId: string): LegalStream {
	return `house:${quarterId}`;
}

/** Every version of one document, oldest first (a few dozen over the years). */
export type LegalHistory = LegalVersion[];

export function currentVersion(history: LegalHistory): LegalVersion | null {
	return history.at(-1) ?? null;
}

/**
 * The rules version members must have accepted: the number of the newest version saved as a
 * change of substance, 0 while only the template or editorial changes exist.
 */
export function requiredRulesVersion(history: LegalHistory): number {
	for (let i = history.length - 1; i >= 0; i--) {
		if (history[i]!.substantial) return history[i]!.seq;
	}
	return 0;
}

export type SaveProblem = 'unchanged';

/**
 * The next version, or 'unchanged' when neither text differs from the current one (a form sent
 * twice stores one version). Texts are stored as typed, with line ends made uniform.
 */
export function nextVersion(
	history: LegalHistory,
	stream: string,
	input: { texts: LegalTexts; substantial: boolean; by: string },
	seq: number,
	at: Date
): { ok: true; version: LegalVersion } | { ok: false; problem: SaveProblem } {
	const texts = { de: normalizeText(input.texts.de), en: normalizeText(input.texts.en) };
	const current = currentVersion(history);
	if (current && current.texts.de === texts.de && current.texts.en === texts.en) {
		return { ok: false, problem: 'unchanged' };
	}
	return {
		ok: true,
		version: { stream, seq, texts, substantial: input.substantial, by: input.by, at }
	};
}

export function normalizeText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t]+$/gm, '')
		.trim();
}

/** The text to show in a language: the version's, else German (the template's language). */
export function textIn(texts: LegalTexts, locale: Locale): string {
	return texts[locale].trim() !== '' ? texts[locale] : texts.de;
}

/** Operator's fields in the templates look like «[Name des Trägers]»: still to be filled in. */
const PLACEHOLDER = /«\[[^\]«»]{1,120}\]»/g;

/** The operator's fields a text still leaves open, each once, in order. */
export function openPlaceholders(text: string): string[] {
	return [...new Set(text.match(PLACEHOLDER) ?? [])];
}
