import { describe, expect, it } from 'vitest';
import { flatten, renderExportHtml } from './html';
import type { PersonalData } from './export';

const data: PersonalData = {
	format: 'quartiermarkt-personal-data',
	version: 1,
	createdAt: new Date('2026-12-03T12:00:00Z'),
	person: { id: 'u1', email: 'anna@beispiel.de', displayName: 'Anna', locale: 'de' },
	collections: {
		users: [{ _id: 'u1', displayName: '<script>alert(1)</script>' }],
		chat_messages: [],
		ledger: [{ _id: 'q:1', from: 'member:u1', to: 'community', override: { by: 'm', reason: 'x' } }]
	},
	leftOut: { snapshots: 'derived' }
};

describe('the readable page of the data download', () => {
	it('escapes what people wrote, so nothing in it runs', () => {
		const html = renderExportHtml(data, 'de');
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});

	it('is in the member’s language, with a table of contents and empty sections said so', () => {
		const de = renderExportHtml(data, 'de');
		expect(de).toContain('<html lang="de">');
		expect(de).toContain('<a href="#ledger">Buchungen deines Zeitkontos</a>');
		expect(de).toContain('Nichts gespeichert.');
		const en = renderExportHtml(data, 'en');
		expect(en).toContain('<html lang="en">');
		expect(en).toContain('Transfers of your time account');
	});

	it('flattens nested fields into paths', () => {
		expect(flatten({ a: { b: 1, c: [1, 2] }, d: 'x' })).toEqual([
			['a.b', 1],
			['a.c', '1, 2'],
			['d', 'x']
		]);
	});
});
