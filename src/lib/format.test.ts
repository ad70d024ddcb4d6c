import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatMonth } from './format';

// The text must not depend on the zone of the machine that renders it (server or browser).
describe('dates and times in a zone', () => {
	it.each<[string, string | undefined, string]>([
		['2026-12-03T14:45:00Z', undefined, '03.12.2026, 15:45'],
		['2026-12-03T14:45:00Z', 'Europe/Berlin', '03.12.2026, 15:45'],
		['2026-07-03T14:45:00Z', 'Europe/Berlin', '03.07.2026, 16:45'],
		['2026-12-03T14:45:00Z', 'America/New_York', '03.12.2026, 09:45'],
		['2026-11-30T23:30:00Z', 'Europe/Berlin', '01.12.2026, 00:30']
	])('%s in %s reads %s', (iso, zone, text) => {
		expect(formatDateTime(iso, 'de', zone)).toBe(text);
		expect(formatDate(iso, 'de', zone)).toBe(text.slice(0, 10));
	});

	it('writes calendar days and months unshifted', () => {
		expect(formatDay('2026-03-12', 'de')).toBe('12.03.2026');
		expect(formatMonth('2026-03', 'de', 'long')).toBe('März 2026');
		expect(formatMonth('2026-12', 'en', 'short')).toBe('Dec 26');
	});
});
