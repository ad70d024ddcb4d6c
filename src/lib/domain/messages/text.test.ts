import { describe, expect, it } from 'vitest';
import {
	MESSAGE_MAX,
	messageLength,
	messageTextProblem,
	normalizeMessageText,
	type MessageTextProblem
} from './text';

describe('normalizeMessageText', () => {
	it.each<[string, string]>([
		['Hallo!', 'Hallo!'],
		['  Hallo!  ', 'Hallo!'],
		['\n\nHallo\n\n', 'Hallo'],
		['Zeile 1\r\nZeile 2\rZeile 3', 'Zeile 1\nZeile 2\nZeile 3'],
		['Gru\u0308ße', 'Grüße'],
		['Absatz\n\n\nnoch einer', 'Absatz\n\n\nnoch einer']
	])('%j -> %j', (input, expected) => {
		expect(normalizeMessageText(input)).toBe(expected);
	});
});

describe('messageTextProblem', () => {
	it.each<[string, string, MessageTextProblem | null]>([
		['a short greeting', 'Hallo Anna, ist das Rad noch zu haben?', null],
		['one character', 'x', null],
		['line breaks', 'Hallo,\n\nbis morgen!\nJonas', null],
		['umlauts and emoji', 'Schön! 🙂🚲', null],
		['exactly the limit', 'x'.repeat(MESSAGE_MAX), null],
		['the limit in emoji (code points, not UTF-16 units)', '🙂'.repeat(MESSAGE_MAX), null],
		['empty', '', 'empty'],
		['one over the limit', 'x'.repeat(MESSAGE_MAX + 1), 'too_long'],
		['NUL', 'Hallo\u0000', 'invalid'],
		['a tab', 'a\tb', 'invalid'],
		['a bell', 'a\u0007b', 'invalid'],
		['DEL', 'a\u007fb', 'invalid'],
		['a C1 control', 'a\u0085b', 'invalid'],
		['an escape sequence', '\u001b[31mrot', 'invalid'],
		['a lone high surrogate', 'a\ud83d', 'invalid'],
		['a lone low surrogate', '\ude42b', 'invalid']
	])('%s', (_name, text, expected) => {
		expect(messageTextProblem(text)).toBe(expected);
	});

	it('counts what people see as one character once', () => {
		expect(messageLength('🙂')).toBe(1);
		expect(messageLength('Grüße')).toBe(5);
		expect(messageLength('')).toBe(0);
	});

	it('checks normalised text: blank input is empty', () => {
		expect(messageTextProblem(normalizeMessageText(' \n \r\n '))).toBe('empty');
	});
});
