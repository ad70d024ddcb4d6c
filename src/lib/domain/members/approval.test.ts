import { describe, expect, it } from 'vitest';
import {
	decisionProblem,
	normalizeApplicationText,
	oldestFirst,
	questionProblem,
	repeatedDecision,
	startCreditOnApproval,
	stateAfter,
	waitingDays,
	type DecisionOutcome
} from './approval';
import type { MembershipState, Role } from './roles';

const ms = (role: Role, state: MembershipState) => ({ role, state });

describe('decisionProblem', () => {
	it.each<[Role, MembershipState, ReturnType<typeof decisionProblem>]>([
		['resident', 'pending', null],
		['business', 'pending', null],
		['resident', 'active', 'not_pending'],
		['resident', 'suspended', 'not_pending'],
		['resident', 'declined', 'not_pending'],
		['business', 'declined', 'not_pending'],
		['moderator', 'pending', 'management'],
		['admin', 'pending', 'management'],
		['moderator', 'active', 'management']
	])('%s %s → %s', (role, state, expected) => {
		expect(decisionProblem(ms(role, state))).toBe(expected);
	});

	it('has nothing to decide without a membership', () => {
		expect(decisionProblem(null)).toBe('not_found');
		expect(decisionProblem(undefined)).toBe('not_found');
	});
});

describe('stateAfter', () => {
	it('approving activates, declining declines', () => {
		expect(stateAfter('approved')).toBe('active');
		expect(stateAfter('declined')).toBe('declined');
	});
});

describe('repeatedDecision', () => {
	it.each<[DecisionOutcome | null, DecisionOutcome, string]>([
		[null, 'approved', 'first'],
		[null, 'declined', 'first'],
		['approved', 'approved', 'same'],
		['declined', 'declined', 'same'],
		['approved', 'declined', 'conflict'],
		['declined', 'approved', 'conflict']
	])('recorded %s, wanted %s → %s', (recorded, wanted, expected) => {
		expect(repeatedDecision(recorded, wanted)).toBe(expected);
	});
});

describe('startCreditOnApproval', () => {
	it('books at once for a proven address, else on verification', () => {
		expect(startCreditOnApproval(true)).toBe('now');
		expect(startCreditOnApproval(false)).toBe('on_verification');
	});
});

describe('questionProblem', () => {
	it.each<[Role, MembershipState, Role, MembershipState, ReturnType<typeof questionProblem>]>([
		['moderator', 'active', 'resident', 'pending', null],
		['admin', 'active', 'business', 'pending', null],
		['moderator', 'active', 'resident', 'active', 'not_pending'],
		['moderator', 'active', 'resident', 'declined', 'not_pending'],
		['moderator', 'suspended', 'resident', 'pending', 'forbidden'],
		['resident', 'active', 'resident', 'pending', 'forbidden'],
		['business', 'active', 'resident', 'pending', 'forbidden']
	])('%s (%s) asks %s (%s) → %s', (askerRole, askerState, role, state, expected) => {
		expect(questionProblem(ms(askerRole, askerState), ms(role, state))).toBe(expected);
	});

	it('asks nobody who has no membership', () => {
		expect(questionProblem(ms('moderator', 'active'), null)).toBe('not_found');
	});
});

describe('waitingDays', () => {
	const now = new Date('2026-11-26T10:00:00Z');
	it.each<[string, number]>([
		['2026-11-26T09:00:00Z', 0],
		['2026-11-25T10:00:00Z', 1],
		['2026-11-25T10:00:01Z', 0],
		['2026-11-19T08:00:00Z', 7],
		['2026-11-27T10:00:00Z', 0] // a clock ahead never gives a negative age
	])('since %s → %i days', (since, days) => {
		expect(waitingDays(new Date(since), now)).toBe(days);
	});
});

describe('oldestFirst', () => {
	it('sorts by waiting time, ties by id, without changing the input', () => {
		const list = [
			{ userId: 'b', since: new Date('2026-11-25') },
			{ userId: 'c', since: new Date('2026-11-20') },
			{ userId: 'a', since: new Date('2026-11-25') }
		];
		expect(oldestFirst(list).map((x) => x.userId)).toEqual(['c', 'a', 'b']);
		expect(list.map((x) => x.userId)).toEqual(['b', 'c', 'a']);
	});
});

describe('normalizeApplicationText', () => {
	it.each<[string, string]>([
		['  Hallo  ', 'Hallo'],
		['', ''],
		['Zeile 1\r\nZeile 2', 'Zeile 1\nZeile 2'],
		['A\n\n\n\n\nB', 'A\n\nB'],
		['A   \nB', 'A\nB']
	])('%j → %j', (input, expected) => {
		expect(normalizeApplicationText(input)).toBe(expected);
	});
});
