import { describe, expect, it } from 'vitest';
import {
	moderatorSchema,
	moveSchema,
	parseExchangeDate,
	PARTY_MOVES,
	proposeSchema,
	thanksSchema
} from './exchange';

type Case = [input: Record<string, unknown>, ok: boolean];

const proposal = {
	quarter: 'nordstadt',
	listing: 'a'.repeat(24),
	title: 'Hecke schneiden',
	date: '2026-05-01',
	hours: '1,5',
	settlement: 'hours',
	nonce: 'n'.repeat(32)
};

describe('proposeSchema', () => {
	it.each<Case>([
		[proposal, true],
		[{ ...proposal, settlement: undefined }, true],
		[{ ...proposal, settlement: 'free' }, true],
		[{ ...proposal, settlement: 'euros', amount: '12,50' }, true],
		[{ ...proposal, settlement: 'barter' }, false],
		[{ ...proposal, amount: '1'.repeat(21) }, false],
		// Blank title, date and hours pass: the page answers them with their own messages.
		[{ ...proposal, title: '', date: '', hours: '' }, true],
		[{ ...proposal, quarter: '  nordstadt  ' }, true],
		[{ ...proposal, quarter: '' }, false],
		[{ ...proposal, quarter: '   ' }, false],
		[{ ...proposal, quarter: 'q'.repeat(65) }, false],
		[{ ...proposal, listing: '' }, false],
		[{ ...proposal, listing: 'l'.repeat(65) }, false],
		[{ ...proposal, title: 't'.repeat(201) }, false],
		[{ ...proposal, date: '2026-05-01T12:00:00.000Z' }, false],
		[{ ...proposal, hours: '1'.repeat(21) }, false],
		[{ ...proposal, settlement: 'gold' }, false],
		[{ ...proposal, settlement: '' }, false],
		[{ ...proposal, quarter: { $ne: null } }, false],
		[{ ...proposal, title: undefined }, false],
		[{ ...proposal, nonce: undefined }, false],
		[{ ...proposal, nonce: 'kurz' }, false]
	])('%j -> %s', (input, ok) => {
		expect(proposeSchema.safeParse(input).success).toBe(ok);
	});

	it('trims the quarter and the listing, keeps the rest as typed', () => {
		const parsed = proposeSchema.parse({ ...proposal, quarter: ' nordstadt ', title: ' Hecke ' });
		expect(parsed.quarter).toBe('nordstadt');
		expect(parsed.title).toBe(' Hecke ');
	});
});

describe('moveSchema', () => {
	it.each(PARTY_MOVES.map((move) => [move]))('%s is a party move', (move) => {
		expect(moveSchema.safeParse({ move }).success).toBe(true);
	});

	it.each<Case>([
		[{ move: 'confirm', hours: '2' }, true],
		[{ move: 'dispute', reason: 'Es war nur eine Stunde.' }, true],
		[{ move: 'dispute', reason: '' }, true],
		[{ move: 'confirm', hours: '2'.repeat(21) }, false],
		[{ move: 'dispute', reason: 'r'.repeat(1001) }, false],
		[{ move: 'dispute', reason: 'r'.repeat(1000) }, true],
		// The quarter management's and the system's moves have their own forms or none.
		[{ move: 'settle' }, false],
		[{ move: 'moderatorSettle' }, false],
		[{ move: 'autoSettle' }, false],
		[{ move: 'Accept' }, false],
		[{ move: '' }, false],
		[{}, false]
	])('%j -> %s', (input, ok) => {
		expect(moveSchema.safeParse(input).success).toBe(ok);
	});
});

describe('moderatorSchema', () => {
	it.each<Case>([
		[{ hours: '1,5', reason: 'Beide einverstanden' }, true],
		[{ reason: 'Hat nie stattgefunden' }, true],
		// A blank reason passes the schema; the page asks for one with its own message.
		[{ hours: '1', reason: '' }, true],
		[{ hours: '1' }, false],
		[{ hours: '1', reason: 'r'.repeat(1001) }, false],
		[{ hours: 'h'.repeat(21), reason: 'Grund' }, false],
		[{ hours: '1', reason: { $gt: '' } }, false]
	])('%j -> %s', (input, ok) => {
		expect(moderatorSchema.safeParse(input).success).toBe(ok);
	});
});

describe('thanksSchema', () => {
	it.each<Case>([
		[{ text: 'Danke!' }, true],
		[{ text: '' }, true],
		[{ text: 'x'.repeat(5000) }, true],
		[{ text: 'x'.repeat(5001) }, false],
		[{}, false]
	])('%j -> %s', (input, ok) => {
		expect(thanksSchema.safeParse(input).success).toBe(ok);
	});
});

describe('parseExchangeDate', () => {
	it.each<[string, string | null]>([
		['', null],
		['   ', null],
		['2026-05-01', '2026-05-01T12:00:00.000Z'],
		[' 2026-12-31 ', '2026-12-31T12:00:00.000Z'],
		['2028-02-29', '2028-02-29T12:00:00.000Z'],
		['2026-13-01', 'invalid'],
		['2026-01-32', 'invalid'],
		['2026-00-10', 'invalid'],
		['01.05.2026', 'invalid'],
		['2026-5-1', 'invalid'],
		['2026-05-01T08:00', 'invalid'],
		['morgen', 'invalid']
	])('%j -> %s', (text, expected) => {
		const date = parseExchangeDate(text);
		expect(date instanceof Date ? date.toISOString() : date).toBe(expected);
	});
});
