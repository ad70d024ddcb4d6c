import { describe, expect, it } from 'vitest';
import * as m from './paraglide/messages';

// Counted nouns take their plural from the language's rules (Paraglide's plural), never "1 Einträge".
describe('counted messages', () => {
	it.each([
		[0, 'de', '0 Einträge'],
		[1, 'de', '1 Eintrag'],
		[2, 'de', '2 Einträge'],
		[1, 'en', '1 listing'],
		[5, 'en', '5 listings']
	] as const)('browse_results(%i, %s) = %s', (count, locale, expected) => {
		expect(m.browse_results({ count }, { locale })).toBe(expected);
	});

	it.each([
		[() => m.chat_mail_digest_subject({ count: 1 }, { locale: 'de' }), 'in 1 Unterhaltung'],
		[() => m.chat_mail_digest_subject({ count: 3 }, { locale: 'de' }), 'in 3 Unterhaltungen'],
		[() => m.pay_due_count({ count: 1 }, { locale: 'de' }), '1 Angabe von dir'],
		[() => m.case_age_days({ days: 1 }, { locale: 'de' }), '1 Tag'],
		[() => m.notices_age_days({ count: 1 }, { locale: 'de' }), 'seit 1 Tag'],
		[() => m.notices_age_days({ count: 1 }, { locale: 'en' }), '1 day old']
	])('%#: %s', (text, expected) => {
		expect(text()).toContain(expected);
		expect(text()).not.toMatch(/\b1 (Tage|Tagen|Angaben|Unterhaltungen|days)\b/);
	});
});
