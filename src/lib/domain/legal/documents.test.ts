import { describe, expect, it } from 'vitest';
import {
	nextVersion,
	openPlaceholders,
	requiredRulesVersion,
	textIn,
	type LegalVersion
} from './documents';
import { legalTemplate } from './templates';

const at = new Date('2026-03-01T10:00:00Z');
const version = (seq: number, substantial: boolean, de = `Text ${seq}`): LegalVersion => ({
	stream: 'platform:rules',
	seq,
	texts: { de, en: '' },
	substantial,
	by: 'admin',
	at
});

describe('requiredRulesVersion: the newest change of substance', () => {
	it.each([
		[[], 0],
		[[version(1, false)], 0],
		[[version(1, true)], 1],
		[[version(1, true), version(2, false)], 1],
		[[version(1, true), version(2, false), version(3, true), version(4, false)], 3]
	])('%#', (history, expected) => {
		expect(requiredRulesVersion(history)).toBe(expected);
	});
});

describe('nextVersion', () => {
	it('stores nothing when neither text changed (line ends and trailing spaces aside)', () => {
		const history = [version(1, false, 'Regel eins\nRegel zwei')];
		const input = {
			texts: { de: 'Regel eins  \r\nRegel zwei\n', en: '' },
			substantial: true,
			by: 'a'
		};
		expect(nextVersion(history, 'platform:rules', input, 2, at)).toEqual({
			ok: false,
			problem: 'unchanged'
		});
	});

	it('numbers a changed text and keeps who and when', () => {
		const result = nextVersion(
			[version(1, false)],
			'platform:rules',
			{ texts: { de: 'Neu', en: 'New' }, substantial: true, by: 'admin-2' },
			2,
			at
		);
		expect(result).toEqual({
			ok: true,
			version: {
				stream: 'platform:rules',
				seq: 2,
				texts: { de: 'Neu', en: 'New' },
				substantial: true,
				by: 'admin-2',
				at
			}
		});
	});
});

describe('textIn', () => {
	it('falls back to German when the English text is empty', () => {
		expect(textIn({ de: 'Hallo', en: '  ' }, 'en')).toBe('Hallo');
		expect(textIn({ de: 'Hallo', en: 'Hello' }, 'en')).toBe('Hello');
	});
});

describe('the templates', () => {
	const retention = { notificationsDays: 180, conversationsDays: 730, expiredDays: 0 };
	const off = { cardPayments: false, mailHost: null, retention };
	const on = { cardPayments: true, mailHost: 'smtp.mail.example', retention };

	it('say in both languages that they are templates to be checked, with marked fields', () => {
		for (const document of ['impressum', 'privacy', 'rules'] as const) {
			const texts = legalTemplate(document, off);
			expect(texts.de).toContain('keine Rechtsberatung');
			expect(texts.en).toContain('not legal advice');
			expect(openPlaceholders(texts.de).length).toBeGreaterThan(0);
			expect(openPlaceholders(texts.en).length).toBeGreaterThan(0);
		}
	});

	it('name the configured retention periods in both languages', () => {
		const texts = legalTemplate('privacy', {
			...off,
			retention: { notificationsDays: 90, conversationsDays: 365, expiredDays: 2 }
		});
		expect(texts.de).toContain('Benachrichtigungen in der App: 90 Tage');
		expect(texts.de).toContain('365 Tage\n  nach der letzten Nachricht');
		expect(texts.de).toContain('2 Tage nach Ablauf');
		expect(texts.en).toContain('Notifications in the app: 90 days');
		expect(texts.en).toContain('2 days after they expire');
	});

	it('name every cookie the app sets and no tracking', () => {
		for (const locale of ['de', 'en'] as const) {
			const text = legalTemplate('privacy', off)[locale];
			for (const cookie of ['qm_session', 'qm_seen', 'qm_device', 'PARAGLIDE_LOCALE']) {
				expect(text).toContain(cookie);
			}
			expect(text).toMatch(/250 m/);
			expect(text).toMatch(/Metadat|metadata/);
		}
	});

	it('name Stripe only when card payments are on, and the mail server when one is set', () => {
		expect(legalTemplate('privacy', off).de).not.toContain('Stripe Payments Europe');
		expect(legalTemplate('privacy', on).de).toContain('Stripe Payments Europe');
		expect(legalTemplate('privacy', on).en).toContain('Stripe Payments Europe');
		expect(legalTemplate('privacy', on).de).toContain('smtp.mail.example');
		expect(legalTemplate('privacy', off).en).toContain('«[name and address of the mail provider]»');
	});

	it('ask for what § 5 DDG requires in the Impressum', () => {
		const de = legalTemplate('impressum', off).de;
		for (const part of ['§ 5 DDG', 'Straße', 'Vertreten durch', 'E-Mail', 'Register', 'Art. 11']) {
			expect(de).toContain(part);
		}
	});
});

describe('openPlaceholders', () => {
	it('lists each open field once, in order', () => {
		expect(openPlaceholders('«[Name]» und «[Ort]», wieder «[Name]»')).toEqual([
			'«[Name]»',
			'«[Ort]»'
		]);
		expect(openPlaceholders('Verein Nordstadt e. V. [Link](https://x.de)')).toEqual([]);
	});
});
