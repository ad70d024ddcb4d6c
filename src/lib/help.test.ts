import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_TOPIC_SLUGS, HELP_TOPICS, helpBlocks, helpKey, helpPath, isHelpTopic } from './help';

const read = (locale: string): Record<string, string> =>
	JSON.parse(readFileSync(join(process.cwd(), 'messages', `${locale}.json`), 'utf8'));

describe('help topics', () => {
	it.each(['de', 'en'])('every topic and section has its texts in %s', (locale) => {
		const messages = read(locale);
		const keys = HELP_TOPIC_SLUGS.flatMap((topic) => [
			helpKey(topic, 'title'),
			helpKey(topic, 'summary'),
			helpKey(topic, 'lead'),
			...HELP_TOPICS[topic].flatMap((s) => [
				helpKey(topic, s.id, 'heading'),
				helpKey(topic, s.id, 'text')
			])
		]);
		expect(keys.filter((key) => !messages[key]?.trim())).toEqual([]);
	});

	it('are plain language: one short sentence per line, at most 20 words (German)', () => {
		const de = read('de');
		const long = HELP_TOPIC_SLUGS.flatMap((topic) =>
			HELP_TOPICS[topic].flatMap((s) =>
				(de[helpKey(topic, s.id, 'text')] ?? '')
					.split('\n')
					.flatMap((line) => line.split(/(?<=[.?!])\s+/))
					.filter((sentence) => sentence.split(/\s+/).length > 20)
			)
		);
		expect(long).toEqual([]);
	});

	it('know their slugs and paths', () => {
		expect(isHelpTopic('zeitbank')).toBe(true);
		expect(isHelpTopic('constructor')).toBe(false);
		expect(isHelpTopic('')).toBe(false);
		expect(helpPath('sicherheit', 'melden')).toBe('/hilfe/sicherheit#melden');
		expect(helpPath('tausch')).toBe('/hilfe/tausch');
	});
});

describe('helpBlocks', () => {
	it.each([
		['one line', 'Eine Stunde.', [{ kind: 'p', text: 'Eine Stunde.' }]],
		[
			'lines become paragraphs, blank ones vanish',
			'A.\n\n  B. \n',
			[
				{ kind: 'p', text: 'A.' },
				{ kind: 'p', text: 'B.' }
			]
		],
		[
			'numbered lines become one list of steps',
			'Vorher.\n1. Eins\n2. Zwei\nNachher.',
			[
				{ kind: 'p', text: 'Vorher.' },
				{ kind: 'steps', items: ['Eins', 'Zwei'] },
				{ kind: 'p', text: 'Nachher.' }
			]
		],
		[
			'a number without a dot stays a sentence',
			'110 ist die Polizei.',
			[{ kind: 'p', text: '110 ist die Polizei.' }]
		]
	])('%s', (_name, text, expected) => {
		expect(helpBlocks(text)).toEqual(expected);
	});
});
