import { describe, expect, it } from 'vitest';
import type { Exchange, TimelineEvent } from '../exchanges/exchange';
import type { LedgerEntry } from '../ledger/ledger';
import { hintsToAnnounce, taxHints, yearlyFigures, type YearlyFigures } from './yearly';

const ME = 'u-me';
const YOU = 'u-you';
const ZONE = 'Europe/Berlin';

type Entry = Pick<LedgerEntry, 'seq' | 'from' | 'to' | 'minutes' | 'kind' | 'at' | 'reverses'>;
const entry = (
	seq: number,
	from: string,
	to: string,
	minutes: number,
	at: string,
	kind: Entry['kind'] = 'exchange',
	reverses?: number
): Entry => ({
	seq,
	from: from as Entry['from'],
	to: to as Entry['to'],
	minutes,
	kind,
	at: new Date(at),
	...(reverses ? { reverses } : {})
});

const event = (
	move: TimelineEvent['move'],
	at: string,
	extra: Partial<TimelineEvent> = {}
): TimelineEvent => ({
	at: new Date(at),
	by: ME,
	move,
	fromState: 'confirmed',
	toState: 'settled',
	...extra
});
const exchange = (providerId: string, receiverId: string, timeline: TimelineEvent[]) =>
	({ providerId, receiverId, timeline }) as Pick<
		Exchange,
		'providerId' | 'receiverId' | 'timeline'
	>;

describe('yearlyFigures', () => {
	const entries: Entry[] = [
		entry(1, 'community', `member:${ME}`, 300, '2026-01-05T10:00:00Z', 'start-credit'),
		entry(2, `member:${YOU}`, `member:${ME}`, 120, '2026-02-01T10:00:00Z'),
		entry(3, `member:${ME}`, `member:${YOU}`, 90, '2026-03-01T10:00:00Z'),
		// Booked 31 Dec 23:30 UTC = 1 Jan 00:30 in Berlin: counts for 2026, not 2025.
		entry(4, `member:${YOU}`, `member:${ME}`, 60, '2025-12-31T23:30:00Z'),
		// A reversal of entry 2 (the hours go back), and a donation (not an exchange).
		entry(5, `member:${ME}`, `member:${YOU}`, 30, '2026-04-01T10:00:00Z', 'reversal', 2),
		entry(6, `member:${ME}`, 'community', 45, '2026-05-01T10:00:00Z', 'donation'),
		entry(7, `member:${YOU}`, `member:${ME}`, 600, '2027-01-02T10:00:00Z')
	];
	const exchanges = [
		// A card payment with a fee, then a partial refund in the same year.
		exchange(ME, YOU, [
			event('propose', '2026-06-01T10:00:00Z', { fromState: null, toState: 'proposed' }),
			event('cardPaid', '2026-06-02T10:00:00Z', {
				amountCents: 5000,
				feeCents: 75,
				reference: 'pi_1'
			}),
			event('refund', '2026-06-10T10:00:00Z', {
				amountCents: 1000,
				reference: 're_1',
				fromState: 'settled'
			})
		]),
		// Paid in cash.
		exchange(ME, YOU, [event('cashPaid', '2026-07-01T10:00:00Z', { amountCents: 2500 })]),
		// A failed refund does not lower the receipts.
		exchange(ME, YOU, [
			event('cardPaid', '2026-08-01T10:00:00Z', {
				amountCents: 3000,
				feeCents: 45,
				reference: 'pi_2'
			}),
			event('refund', '2026-08-03T10:00:00Z', {
				amountCents: 3000,
				reference: 're_2',
				refundStatus: 'pending',
				fromState: 'settled'
			}),
			event('refundStatus', '2026-08-04T10:00:00Z', {
				reference: 're_2',
				refundStatus: 'failed',
				fromState: 'settled'
			})
		]),
		// I paid someone else: not my receipts, but my exchange.
		exchange(YOU, ME, [
			event('cardPaid', '2026-09-01T10:00:00Z', { amountCents: 9900, feeCents: 100 })
		]),
		// Settled in hours (entry 2's exchange).
		exchange(ME, YOU, [event('settle', '2026-02-01T10:00:00Z')]),
		// Someone else's exchange and last year's payment are left out.
		exchange(YOU, 'u-other', [event('cashPaid', '2026-07-01T10:00:00Z', { amountCents: 100 })]),
		exchange(ME, YOU, [event('cashPaid', '2025-07-01T10:00:00Z', { amountCents: 7000 })])
	];

	it('adds up hours given and received, euros by card and cash, fees and exchanges', () => {
		expect(yearlyFigures({ year: 2026, timeZone: ZONE, userId: ME, entries, exchanges })).toEqual({
			year: 2026,
			minutesGiven: 120 + 60 - 30,
			minutesReceived: 90,
			cardCents: 5000 - 1000 + 3000,
			cashCents: 2500,
			feeCents: 75 + 45,
			exchanges: 5,
			paidExchanges: 3
		});
	});

	it('keeps other years apart', () => {
		const f2025 = yearlyFigures({ year: 2025, timeZone: ZONE, userId: ME, entries, exchanges });
		expect(f2025).toMatchObject({ minutesGiven: 0, cashCents: 7000, exchanges: 1 });
		const f2027 = yearlyFigures({ year: 2027, timeZone: ZONE, userId: ME, entries, exchanges });
		expect(f2027).toMatchObject({ minutesGiven: 600, cardCents: 0, exchanges: 0 });
	});
});

const figures = (cents: number, extra: Partial<YearlyFigures> = {}): YearlyFigures => ({
	year: 2026,
	minutesGiven: 0,
	minutesReceived: 0,
	cardCents: cents,
	cashCents: 0,
	feeCents: 0,
	exchanges: 1,
	paidExchanges: 1,
	...extra
});

describe('taxHints', () => {
	const level = (cents: number, kind = 'services_income') =>
		taxHints(figures(cents), false).find((h) => h.kind === kind)?.level;

	it.each([
		[1, 'info'],
		[20_479, 'info'],
		[20_480, 'approaching'],
		[25_599, 'approaching'],
		// "weniger als 256 Euro": at exactly 256 € the limit is reached.
		[25_600, 'reached'],
		[40_000, 'reached']
	])('§ 22 Nr. 3 EStG: %i cents → %s', (cents, expected) => {
		expect(level(cents)).toBe(expected);
	});

	it.each([
		[2026, 2_000_000, 'approaching'],
		[2026, 2_500_000, 'approaching'],
		[2026, 2_500_001, 'reached'],
		// 2024's limit was 22,000 €: 21,000 € was close, 23,000 € above.
		[2024, 2_100_000, 'approaching'],
		[2024, 2_300_000, 'reached'],
		[2025, 2_300_000, 'approaching']
	])('§ 19 UStG in %i: %i cents → %s', (year, cents, expected) => {
		const hint = taxHints(figures(cents, { year }), false).find((h) => h.kind === 'small_business');
		expect(hint?.level).toBe(expected);
	});

	it('gives no euro hints without euros, and the time-bank hint with hours', () => {
		const hints = taxHints(figures(0, { minutesGiven: 60 }), false);
		expect(hints.map((h) => h.kind)).toEqual(['time_bank_hours']);
		expect(taxHints(figures(0), false)).toEqual([]);
	});

	it('leaves out § 22 Nr. 3 for a business, whose sales are business income anyway', () => {
		const kinds = taxHints(figures(30_000), true).map((h) => h.kind);
		expect(kinds).toEqual(['trade', 'small_business']);
	});

	it('marks regular paid work for the trade hint, without a threshold to announce', () => {
		const trade = taxHints(figures(5_000, { paidExchanges: 2 }), false).find(
			(h) => h.kind === 'trade'
		);
		expect(trade).toEqual({ kind: 'trade', level: 'approaching', threshold: null });
	});

	it('announces only thresholds approached or reached', () => {
		expect(hintsToAnnounce(taxHints(figures(10_000), false))).toEqual([]);
		expect(hintsToAnnounce(taxHints(figures(21_000), false))).toEqual([
			{
				kind: 'services_income',
				level: 'approaching',
				threshold: { id: 'income.services.exemption_limit', valueCents: 25_600 }
			}
		]);
	});
});
