import { describe, expect, it } from 'vitest';
import type { Skill } from './profile';
import {
	directoryLanguages,
	formatSkills,
	matchesTalentFilter,
	parseSkillLine,
	skillLevelOf
} from './talents';

describe('skillLevelOf', () => {
	it.each<[string, string | null]>([
		['gut', 'good'],
		['Gut', 'good'],
		['Grundkenntnisse', 'basic'],
		['Anfänger:in', 'basic'],
		['anfaenger', 'basic'],
		['Expert:in', 'expert'],
		['EXPERTE', 'expert'],
		['sehr   gut', 'expert'],
		['basic', 'basic'],
		['good', 'good'],
		['expert', 'expert'],
		['', null],
		['mittel', null],
		['gutt', null]
	])('%j -> %s', (word, level) => {
		expect(skillLevelOf(word)).toBe(level);
	});
});

describe('parseSkillLine', () => {
	it.each<[string, ReturnType<typeof parseSkillLine>]>([
		['Backen', { ok: true, skill: { name: 'Backen', level: null } }],
		['Backen: gut', { ok: true, skill: { name: 'Backen', level: 'good' } }],
		['Backen: Expert:in', { ok: true, skill: { name: 'Backen', level: 'expert' } }],
		['Backen :', { ok: true, skill: { name: 'Backen', level: null } }],
		[': gut', { ok: false, problem: 'empty_name' }],
		['   ', { ok: false, problem: 'empty_name' }],
		['Kochen: italienisch', { ok: false, problem: 'unknown_level' }]
	])('%j', (line, expected) => {
		expect(parseSkillLine(line)).toEqual(expected);
	});
});

describe('formatSkills', () => {
	it('writes one line per skill, levels in the given words, and reads back the same', () => {
		const skills: Skill[] = [
			{ name: 'Brot backen', level: 'good' },
			{ name: 'Fahrrad', level: null },
			{ name: 'Nähen', level: 'expert' }
		];
		const labels = { basic: 'Grundkenntnisse', good: 'gut', expert: 'Expert:in' } as const;
		const text = formatSkills(skills, (level) => labels[level]);
		expect(text).toBe('Brot backen: gut\nFahrrad\nNähen: Expert:in');
		expect(text.split('\n').map(parseSkillLine)).toEqual(
			skills.map((skill) => ({ ok: true, skill }))
		);
	});
});

describe('matchesTalentFilter', () => {
	const lena = {
		skills: [
			{ name: 'Brötchen backen', level: 'good' as const },
			{ name: 'Straßenfest planen', level: null }
		],
		languages: ['Deutsch', 'Türkisch']
	};

	it.each<[string, string, boolean]>([
		['', '', true],
		['back', '', true],
		['BACKEN', '', true],
		['brotchen', '', true],
		['broetchen', '', true],
		['strassenfest', '', true],
		['  fest ', '', true],
		['nähen', '', false],
		['', 'türkisch', true],
		['', 'Tuerkisch', true],
		['', 'Turk', false],
		['', 'Englisch', false],
		['back', 'Deutsch', true],
		['back', 'Englisch', false]
	])('skill %j, language %j -> %s', (skill, language, expected) => {
		expect(matchesTalentFilter(lena, { skill, language })).toBe(expected);
	});
});

describe('directoryLanguages', () => {
	it('lists each language once, first spelling, sorted for German readers', () => {
		expect(
			directoryLanguages([
				{ languages: ['türkisch', 'Deutsch'] },
				{ languages: ['Türkisch', 'Arabisch', 'Ukrainisch'] },
				{ languages: [] },
				{ languages: ['deutsch', 'Äthiopisch'] }
			])
		).toEqual(['Arabisch', 'Äthiopisch', 'Deutsch', 'türkisch', 'Ukrainisch']);
	});
});
