// The help section (/hilfe): topics in plain language, one page each. The texts live in the
// message files (help_<topic>_…); this table only says which sections a topic has, so a page
// and the forms that link to it share one list of slugs.

/** Figures that differ per quarter and are read from its settings, never written into a text. */
export type HelpFigures = 'startCredit' | 'limits' | 'autoSettle' | 'fee';

export interface HelpSection {
	/** The anchor on the topic's page (`/hilfe/sicherheit#melden`). */
	id: string;
	figures?: HelpFigures;
}

export const HELP_TOPICS = {
	mitmachen: [{ id: 'konto' }, { id: 'freischaltung' }, { id: 'profil' }],
	zeitbank: [
		{ id: 'stunde' },
		{ id: 'startguthaben', figures: 'startCredit' },
		{ id: 'grenzen', figures: 'limits' },
		{ id: 'kontoauszug' }
	],
	anbieten: [{ id: 'eintrag' }, { id: 'ausgleich' }, { id: 'sichtbar' }],
	tausch: [
		{ id: 'schritte' },
		{ id: 'automatisch', figures: 'autoSettle' },
		{ id: 'einverstanden' },
		{ id: 'euro' },
		{ id: 'danke' }
	],
	gebuehr: [{ id: 'kostenlos' }, { id: 'karte', figures: 'fee' }, { id: 'stripe' }],
	quartiersmanagement: [{ id: 'aufgaben' }, { id: 'grenzen' }, { id: 'kontakt' }],
	sicherheit: [{ id: 'treffen' }, { id: 'melden' }, { id: 'rechtswidrig' }],
	vertrauen: [
		{ id: 'fuehrungszeugnis' },
		{ id: 'zulassung' },
		{ id: 'jugendliche' },
		{ id: 'haftpflicht' }
	]
} as const satisfies Record<string, readonly HelpSection[]>;

export type HelpTopic = keyof typeof HELP_TOPICS;

export const HELP_TOPIC_SLUGS = Object.keys(HELP_TOPICS) as HelpTopic[];

export function isHelpTopic(slug: string): slug is HelpTopic {
	return Object.hasOwn(HELP_TOPICS, slug);
}

/** The help page of a topic, optionally at one section (not yet localised). */
export function helpPath(topic: HelpTopic, section?: string): string {
	return `/hilfe/${topic}${section ? `#${section}` : ''}`;
}

/** A message key of a topic: `help_zeitbank_title`, `help_zeitbank_grenzen_text`. */
export function helpKey(topic: HelpTopic, ...parts: string[]): string {
	return ['help', topic, ...parts].join('_');
}

/**
 * A section's text as the page shows it: one sentence or idea per line (plain language), and
 * lines that start with "1.", "2." … become a numbered list of steps.
 */
export function helpBlocks(
	text: string
): Array<{ kind: 'p'; text: string } | { kind: 'steps'; items: string[] }> {
	const blocks: Array<{ kind: 'p'; text: string } | { kind: 'steps'; items: string[] }> = [];
	for (const line of text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)) {
		const step = /^\d+\.\s+(.*)$/.exec(line);
		const last = blocks.at(-1);
		if (step) {
			if (last?.kind === 'steps') last.items.push(step[1]!);
			else blocks.push({ kind: 'steps', items: [step[1]!] });
		} else blocks.push({ kind: 'p', text: line });
	}
	return blocks;
}
