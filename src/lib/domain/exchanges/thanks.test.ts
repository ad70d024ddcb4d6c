import { describe, expect, it } from 'vitest';
import {
	MAX_THANKS_LENGTH,
	normalizeThanksText,
	thanksId,
	thanksLength,
	thanksProblem,
	type ThanksProblem
} from './thanks';
import type { Exchange, ExchangeState } from './workflow';

const exchange = (state: ExchangeState): Exchange => ({
	providerId: 'prov',
	receiverId: 'recv',
	proposedBy: 'receiver',
	listingId: null,
	title: 'Einkaufen',
	date: null,
	minutes: 60,
	settlement: 'hours',
	amountCents: null,
	state,
	turn: null,
	doneAt: null,
	receiverMinutes: null,
	settledMinutes: null,
	payment: null,
	cashPaidBy: [],
	refundedCents: 0,
	timeline: []
});

describe('thanksProblem', () => {
	// [state, author, text, problem]
	it.each<[ExchangeState, string, string, ThanksProblem | null]>([
		['settled', 'recv', 'Danke!', null],
		['settled', 'prov', 'Gern geschehen', null],
		['settled', 'other', 'Danke!', 'not_a_party'],
		['done', 'recv', 'Danke!', 'not_settled'],
		['confirmed', 'recv', 'Danke!', 'not_settled'],
		['cancelled', 'recv', 'Danke!', 'not_settled'],
		['settled', 'recv', '', 'empty'],
		['settled', 'recv', ' \n\t ', 'empty'],
		['settled', 'recv', 'x'.repeat(MAX_THANKS_LENGTH), null],
		['settled', 'recv', 'x'.repeat(MAX_THANKS_LENGTH + 1), 'too_long'],
		// An emoji counts as one character, however many code units it takes.
		['settled', 'recv', '👍🏽'.repeat(MAX_THANKS_LENGTH), null],
		['settled', 'recv', `  ${'x'.repeat(MAX_THANKS_LENGTH)}  `, null]
	])('%s, by %s, %j -> %s', (state, author, text, problem) => {
		expect(thanksProblem(exchange(state), author, text)).toBe(problem);
	});
});

describe('text', () => {
	it.each([
		['  Danke!  ', 'Danke!'],
		['Zeile 1\r\nZeile 2', 'Zeile 1\nZeile 2'],
		['a\n\n\n\n\nb', 'a\n\nb'],
		['Mu\u0308ller', 'Müller']
	])('%j -> %j', (input, output) => {
		expect(normalizeThanksText(input)).toBe(output);
	});

	it('counts what people see', () => {
		expect(thanksLength('Danke 🚲')).toBe(7);
		expect(thanksLength('👨‍👩‍👧')).toBe(1);
	});

	it('one note per exchange and author', () => {
		expect(thanksId('ex1', 'recv')).toBe('ex1:recv');
	});
});
