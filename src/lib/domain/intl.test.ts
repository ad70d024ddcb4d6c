import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl';

describe('memoized Intl formatters', () => {
	it('gives the same formatter for the same language and options', () => {
		expect(numberFormat('de', { maximumFractionDigits: 1 })).toBe(
			numberFormat('de', { maximumFractionDigits: 1 })
		);
		expect(dateTimeFormat('de', { timeZone: 'Europe/Berlin' })).toBe(
			dateTimeFormat('de', { timeZone: 'Europe/Berlin' })
		);
	});

	it('keeps languages, zones and options apart', () => {
		expect(numberFormat('de', { maximumFractionDigits: 1 }).format(1234.56)).toBe('1.234,6');
		expect(numberFormat('en', { maximumFractionDigits: 1 }).format(1234.56)).toBe('1,234.6');
		expect(numberFormat('de').format(1234.56)).toBe('1.234,56');
		const at = new Date('2026-07-04T12:00:00Z');
		const hour = (timeZone: string) =>
			dateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(at);
		expect(hour('Europe/Berlin')).toBe('14');
		expect(hour('America/New_York')).toBe('08');
	});
});
