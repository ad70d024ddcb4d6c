import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionKey } from './actions';

const messages = (locale: string): Record<string, string> =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));

describe('audit log labels', () => {
	it.each(['de', 'en'])('every action the code records has its own label in %s', (locale) => {
		const texts = messages(locale);
		const missing = AUDIT_ACTIONS.filter((action) => !texts[auditActionKey(action)]);
		expect(missing).toEqual([]);
	});

	it('no two actions share a label', () => {
		for (const locale of ['de', 'en']) {
			const labels = AUDIT_ACTIONS.map((action) => messages(locale)[auditActionKey(action)]);
			expect(new Set(labels).size).toBe(labels.length);
		}
	});

	it('turns an action into its message key', () => {
		expect(auditActionKey('case.closedWithoutAction')).toBe(
			'audit_action_case_closed_without_action'
		);
		expect(auditActionKey('listing.requestChanges')).toBe('audit_action_listing_request_changes');
	});
});
