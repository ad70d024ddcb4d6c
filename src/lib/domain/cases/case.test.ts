import { describe, expect, it } from 'vitest';
import {
	caseAgeDays,
	caseKey,
	checkEvent,
	closedWithoutAction,
	compareCases,
	eventOfNonce,
	foldCase,
	mayWrite,
	sharedTimeline,
	type CaseEvent
} from './case';

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 10, d, h));
const opened: CaseEvent = {
	n: 1,
	kind: 'opened',
	by: 'mod',
	at: day(1),
	text: 'Streit um Stunden'
};
const facts = { partyIds: ['anna', 'ben'] };

function log(...rest: Array<Omit<CaseEvent, 'n'>>): CaseEvent[] {
	return [opened, ...rest.map((e, i) => ({ ...e, n: i + 2 }))];
}

describe('foldCase', () => {
	it('starts open and stays open with private notes only', () => {
		const fold = foldCase(log({ kind: 'note', by: 'mod', at: day(2), text: 'Anna anrufen' }));
		expect(fold.state).toBe('open');
		expect(fold.openedAt).toEqual(day(1));
		expect(fold.lastAt).toEqual(day(2));
		expect(fold.last).toBe(2);
	});

	it('is mediating once the parties hear from the management, closed at the end', () => {
		const events = log(
			{ kind: 'message', by: 'mod', at: day(2), text: 'Wir sprechen am Montag.' },
			{ kind: 'proposal', by: 'mod', at: day(3), text: 'Eine Stunde zurück.' },
			{ kind: 'response', by: 'anna', at: day(3, 5), text: '', proposal: 3, answer: 'object' },
			{ kind: 'response', by: 'anna', at: day(3, 6), text: '', proposal: 3, answer: 'agree' },
			{ kind: 'response', by: 'ben', at: day(4), text: '', proposal: 3, answer: 'agree' },
			{
				kind: 'outcome',
				by: 'mod',
				at: day(5),
				text: 'Wie besprochen',
				outcome: { kind: 'reverseTransfer', original: 12, minutes: 60, ledgerSeq: 40 }
			}
		);
		expect(foldCase(events.slice(0, 2)).state).toBe('mediating');
		const fold = foldCase([
			...events,
			{ n: 8, kind: 'closed', by: 'mod', at: day(6), text: 'Geeinigt.' }
		]);
		expect(fold.state).toBe('closed');
		expect(fold.closedAt).toEqual(day(6));
		expect(fold.summary).toBe('Geeinigt.');
		// The latest answer of each party counts.
		expect(fold.proposals).toEqual([
			{
				n: 3,
				by: 'mod',
				at: day(3),
				text: 'Eine Stunde zurück.',
				answers: { anna: 'agree', ben: 'agree' }
			}
		]);
		expect(fold.outcomes.map((o) => o.outcome.kind)).toEqual(['reverseTransfer']);
		expect(closedWithoutAction(fold)).toBe(false);
	});

	it('knows a case closed without action', () => {
		const fold = foldCase(log({ kind: 'closed', by: 'mod', at: day(2), text: '' }));
		expect(closedWithoutAction(fold)).toBe(true);
	});

	it('refuses a log that does not start with the opening', () => {
		expect(() => foldCase([])).toThrow();
		expect(() => foldCase([{ ...opened, kind: 'note' }])).toThrow();
	});
});

describe('what the parties see', () => {
	it('hides private notes and keeps the rest in order', () => {
		const events = log(
			{ kind: 'note', by: 'mod', at: day(2), text: 'privat' },
			{ kind: 'message', by: 'anna', at: day(3), text: 'Hallo' }
		);
		expect(sharedTimeline(events).map((e) => e.n)).toEqual([1, 3]);
	});
});

describe('who may write what', () => {
	it('lets parties only talk and answer, the management everything else', () => {
		expect(mayWrite('open', 'party', 'message')).toBeNull();
		expect(mayWrite('open', 'party', 'response')).toBeNull();
		expect(mayWrite('open', 'party', 'note')).toBe('not_allowed');
		expect(mayWrite('open', 'party', 'outcome')).toBe('not_allowed');
		expect(mayWrite('open', 'party', 'closed')).toBe('not_allowed');
		expect(mayWrite('mediating', 'moderator', 'note')).toBeNull();
		expect(mayWrite('mediating', 'moderator', 'outcome')).toBeNull();
		expect(mayWrite('mediating', 'moderator', 'response')).toBe('not_allowed');
		expect(mayWrite('open', 'moderator', 'opened')).toBe('not_allowed');
	});

	it('lets nobody write to a closed case', () => {
		expect(mayWrite('closed', 'moderator', 'note')).toBe('closed');
		expect(mayWrite('closed', 'party', 'message')).toBe('closed');
	});

	it('checks text, proposals and parties', () => {
		const fold = foldCase(log({ kind: 'proposal', by: 'mod', at: day(2), text: 'Vorschlag' }));
		const answer = { kind: 'response' as const, by: 'anna', text: '', answer: 'agree' as const };
		expect(checkEvent(facts, fold, 'party', { ...answer, proposal: 2 })).toBeNull();
		expect(checkEvent(facts, fold, 'party', { ...answer, proposal: 1 })).toBe('no_proposal');
		expect(checkEvent(facts, fold, 'party', { ...answer, by: 'carla', proposal: 2 })).toBe(
			'not_party'
		);
		expect(checkEvent(facts, fold, 'party', { kind: 'message', by: 'ben', text: '  ' })).toBe(
			'text_required'
		);
		expect(checkEvent(facts, fold, 'moderator', { kind: 'note', by: 'mod', text: 'x' })).toBeNull();
		expect(
			checkEvent(facts, fold, 'moderator', { kind: 'closed', by: 'mod', text: '' })
		).toBeNull();
	});
});

describe('lists and keys', () => {
	it('puts open cases first, oldest on top, then the latest closed', () => {
		const c = (id: string, state: 'open' | 'closed', opened: number, closed: number | null) => ({
			id,
			state,
			openedAt: day(opened),
			closedAt: closed === null ? null : day(closed)
		});
		const sorted = [
			c('a', 'closed', 1, 3),
			c('b', 'open', 5, null),
			c('c', 'open', 2, null),
			c('d', 'closed', 1, 9)
		].sort(compareCases);
		expect(sorted.map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
	});

	it('counts whole days of age', () => {
		expect(caseAgeDays(day(1), day(1, 23))).toBe(0);
		expect(caseAgeDays(day(1), day(4, 1))).toBe(3);
		expect(caseAgeDays(day(4), day(1))).toBe(0);
	});

	it('keys a case by its source, or by the form for cases the management opens', () => {
		expect(caseKey('nord', { type: 'exchange', id: 'x1' }, 'n1')).toBe('nord:exchange:x1');
		expect(caseKey('nord', { type: 'flag', id: 'f1' }, 'n1')).toBe('nord:flag:f1');
		expect(caseKey('nord', { type: 'moderator', id: null }, 'n1')).toBe('nord:moderator:n1');
	});

	it('finds the event a form submission stored before', () => {
		const events = log({ kind: 'note', by: 'mod', at: day(2), text: 'x', nonce: 'abc' });
		expect(eventOfNonce(events, 'abc')?.n).toBe(2);
		expect(eventOfNonce(events, 'zzz')).toBeUndefined();
		expect(eventOfNonce(events, undefined)).toBeUndefined();
	});
});
