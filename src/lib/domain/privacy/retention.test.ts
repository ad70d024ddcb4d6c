import { describe, expect, it } from 'vitest';
import { exportFileName, isConversationClosed, retentionCutoff } from './retention';

const now = new Date('2026-12-03T13:45:00Z');

describe('retention', () => {
	it('counts a period from the start of the day, so every server on that day agrees', () => {
		expect(retentionCutoff(now, 0).toISOString()).toBe('2026-12-03T00:00:00.000Z');
		expect(retentionCutoff(now, 30).toISOString()).toBe('2026-11-03T00:00:00.000Z');
		expect(retentionCutoff(new Date('2026-12-03T23:59:59Z'), 30)).toEqual(retentionCutoff(now, 30));
	});

	const cutoff = new Date('2025-01-01T00:00:00Z');
	const old = new Date('2024-06-01T00:00:00Z');
	const recent = new Date('2025-06-01T00:00:00Z');
	it.each([
		// lastAt, createdAt, listing state, open report, closed?
		[old, old, null, false, true],
		[null, old, null, false, true],
		[recent, old, null, false, false],
		[null, recent, null, false, false],
		[old, old, 'closed', false, true],
		[old, old, 'expired', false, true],
		[old, old, 'hidden', false, true],
		[old, old, 'gone', false, true],
		[old, old, 'published', false, false],
		[old, old, 'paused', false, false],
		[old, old, 'pending', false, false],
		[old, old, null, true, false]
	] as const)(
		'last %s, created %s, listing %s, report %s: closed %s',
		(lastAt, createdAt, listingState, openReport, closed) => {
			expect(isConversationClosed({ lastAt, createdAt, listingState, openReport }, cutoff)).toBe(
				closed
			);
		}
	);

	it('names the download in the person’s language', () => {
		expect(exportFileName(now, 'de')).toBe('quartiermarkt-daten-2026-12-03.zip');
		expect(exportFileName(now, 'en')).toBe('quartiermarkt-data-2026-12-03.zip');
	});
});
