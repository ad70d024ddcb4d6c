// Skills as people type them ("Backen: gut") and the talent directory's filter. Pure, so the
// form schema, the directory page and the tests share one reading of a skill line.
import { foldGerman } from '../search/text';
import type { Profile, Skill, SkillLevel } from './profile';

/**
 * Words accepted after the colon, compared folded. The labels shown in the form (messages
 * `profile_level_*`, both languages) are among them, so a saved profile reads back unchanged
 * in either language; a unit test holds the two together.
 */
const LEVEL_WORDS: Record<SkillLevel, readonly string[]> = {
	basic: [
		'grundkenntnisse',
		'grundlagen',
		'anfänger',
		'anfängerin',
		'anfänger:in',
		'einsteiger',
		'einsteigerin',
		'einsteiger:in',
		'basic',
		'basics',
		'beginner'
	],
	good: ['gut', 'fortgeschritten', 'good', 'advanced'],
	expert: [
		'expert:in',
		'expertin',
		'experte',
		'expert',
		'profi',
		'sehr gut',
		'very good',
		'professional'
	]
};

const LEVEL_BY_WORD = new Map<string, SkillLevel>(
	Object.entries(LEVEL_WORDS).flatMap(([level, words]) =>
		words.map((word) => [foldGerman(word), level as SkillLevel] as const)
	)
);

export function skillLevelOf(word: string): SkillLevel | null {
	return LEVEL_BY_WORD.get(foldGerman(word.replace(/\s+/g, ' ').trim())) ?? null;
}

export type SkillLineProblem = 'empty_name' | 'unknown_level';

/**
 * One line of the skills field: a name, optionally followed by a colon and a level. The name
 * ends at the first colon, so a level may itself contain one ("Expert:in").
 */
export function parseSkillLine(
	line: string
): { ok: true; skill: Skill } | { ok: false; problem: SkillLineProblem } {
	const colon = line.indexOf(':');
	const name = (colon < 0 ? line : line.slice(0, colon)).replace(/\s+/g, ' ').trim();
	if (!name) return { ok: false, problem: 'empty_name' };
	if (colon < 0) return { ok: true, skill: { name, level: null } };
	const word = line.slice(colon + 1).trim();
	// "Backen:" with nothing after it is a name without a level, not a mistake worth a message.
	if (!word) return { ok: true, skill: { name, level: null } };
	const level = skillLevelOf(word);
	return level ? { ok: true, skill: { name, level } } : { ok: false, problem: 'unknown_level' };
}

/** The skills as lines for the form, in the reader's words for the levels. */
export function formatSkills(skills: readonly Skill[], label: (level: SkillLevel) => string) {
	return skills.map((s) => (s.level ? `${s.name}: ${label(s.level)}` : s.name)).join('\n');
}

export interface TalentFilter {
	/** Part of a skill's name, e.g. "back" finds "Brot backen". */
	skill: string;
	/** A language as listed in the directory; compared folded. */
	language: string;
}

/** Whether a profile shows up for the filter; empty parts of the filter match everyone. */
export function matchesTalentFilter(
	profile: Pick<Profile, 'skills' | 'languages'>,
	filter: TalentFilter
): boolean {
	const skill = foldGerman(filter.skill.trim());
	if (skill && !profile.skills.some((s) => foldGerman(s.name).includes(skill))) return false;
	const language = foldGerman(filter.language.trim());
	if (language && !profile.languages.some((l) => foldGerman(l) === language)) return false;
	return true;
}

/**
 * The languages spoken in the directory, once each however they were spelled ("türkisch",
 * "Türkisch"), in the first spelling met, sorted for a German reader.
 */
export function directoryLanguages(profiles: ReadonlyArray<Pick<Profile, 'languages'>>): string[] {
	const byFold = new Map<string, string>();
	for (const profile of profiles) {
		for (const language of profile.languages) {
			const key = foldGerman(language);
			if (!byFold.has(key)) byFold.set(key, language);
		}
	}
	return [...byFold.values()].sort((a, b) => a.localeCompare(b, 'de'));
}
