import { describe, expect, it } from 'vitest';
import {
	GIVE_UP_AFTER_MS,
	LEASE_MS,
	applyMailEvent,
	emptyMailState,
	eventKey,
	failedAttempt,
	isPermanentSmtpError,
	nextStep,
	retryDelayMs,
	summarizeMail,
	type MailEvent,
	type MailState
} from './delivery';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const created = new Date('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(created.getTime() + ms);

function fold(events: MailEvent[]): MailState {
	const state = emptyMailState();
	for (const event of events) applyMailEvent(state, event);
	return state;
}

const claim = (attempt: number, ms: number): MailEvent => ({
	kind: 'claim',
	attempt,
	at: at(ms),
	leaseUntil: at(ms + LEASE_MS),
	by: 'a'
});

describe('retryDelayMs', () => {
	it.each([
		[0, 0],
		[1, 1],
		[2, 2],
		[3, 4],
		[4, 8],
		[5, 16],
		[6, 32],
		[7, 60],
		[30, 60]
	])('after %i failures waits %i minutes', (failures, minutes) => {
		expect(retryDelayMs(failures)).toBe(minutes * MIN);
	});
});

describe('failedAttempt', () => {
	it('retries a temporary failure after the backoff', () => {
		expect(failedAttempt(3, created, at(10 * MIN), 'ECONNREFUSED', false)).toEqual({
			kind: 'retry',
			attempt: 3,
			at: at(10 * MIN),
			error: 'ECONNREFUSED',
			nextAt: at(14 * MIN)
		});
	});

	it('ends a permanent failure at once', () => {
		expect(failedAttempt(1, created, at(0), '550 no such user', true)).toMatchObject({
			kind: 'failed',
			failure: 'permanent',
			error: '550 no such user'
		});
	});

	it('gives up when the next try would come after 48 hours', () => {
		expect(failedAttempt(40, created, at(GIVE_UP_AFTER_MS - HOUR), 'x', false).kind).toBe('retry');
		expect(failedAttempt(40, created, at(GIVE_UP_AFTER_MS - HOUR + 1), 'x', false)).toMatchObject({
			kind: 'failed',
			failure: 'gave_up'
		});
	});

	it('tries for about 48 hours: 53 attempts when every one fails at once', () => {
		let attempts = 0;
		let now = created;
		for (;;) {
			attempts++;
			const result = failedAttempt(attempts, created, now, 'down', false);
			if (result.kind === 'failed') break;
			now = result.nextAt;
		}
		expect(attempts).toBe(53);
		expect(now.getTime() - created.getTime()).toBeGreaterThan(47 * HOUR);
	});
});

describe('nextStep', () => {
	const cases: Array<[string, MailEvent[], number, boolean, ReturnType<typeof nextStep>]> = [
		['a new mail is claimed', [], 0, true, { kind: 'claim', attempt: 1 }],
		['without SMTP a new mail is recorded unsent', [], 0, false, { kind: 'no_smtp' }],
		[
			'an attempt in flight is left alone',
			[claim(1, 0)],
			LEASE_MS - 1,
			true,
			{ kind: 'wait', until: at(LEASE_MS) }
		],
		[
			'a crashed sender’s claim runs out and the next attempt is claimed',
			[claim(1, 0)],
			LEASE_MS,
			true,
			{ kind: 'claim', attempt: 2 }
		],
		[
			'a crashed sender’s claim after 48 hours ends the mail',
			[claim(9, GIVE_UP_AFTER_MS - MIN)],
			GIVE_UP_AFTER_MS - MIN + LEASE_MS,
			true,
			{ kind: 'give_up', attempt: 9 }
		],
		[
			'a failed attempt waits for its retry time',
			[claim(1, 0), { kind: 'retry', attempt: 1, at: at(MIN), error: 'e', nextAt: at(2 * MIN) }],
			2 * MIN - 1,
			true,
			{ kind: 'wait', until: at(2 * MIN) }
		],
		[
			'then it is claimed again',
			[claim(1, 0), { kind: 'retry', attempt: 1, at: at(MIN), error: 'e', nextAt: at(2 * MIN) }],
			2 * MIN,
			true,
			{ kind: 'claim', attempt: 2 }
		],
		[
			'a sent mail is done',
			[claim(1, 0), { kind: 'sent', attempt: 1, at: at(1), response: '250 ok' }],
			HOUR,
			true,
			{ kind: 'done' }
		],
		[
			'a failed mail is done',
			[{ kind: 'failed', attempt: 0, at: at(0), failure: 'no_smtp', error: null }],
			HOUR,
			true,
			{ kind: 'done' }
		]
	];
	it.each(cases)('%s', (_name, events, ms, smtp, expected) => {
		expect(nextStep(fold(events), created, at(ms), smtp)).toEqual(expected);
	});
});

describe('applyMailEvent and summarizeMail', () => {
	it('counts attempts, keeps the last error and the end', () => {
		const state = fold([
			claim(1, 0),
			{ kind: 'retry', attempt: 1, at: at(1), error: 'ECONNREFUSED', nextAt: at(MIN) },
			claim(2, MIN),
			{ kind: 'sent', attempt: 2, at: at(MIN + 5), response: '250 ok' }
		]);
		expect(summarizeMail(state)).toEqual({
			status: 'sent',
			attempts: 2,
			lastError: 'ECONNREFUSED',
			failure: null,
			sentAt: at(MIN + 5),
			endedAt: at(MIN + 5)
		});
	});

	it('a late “sent” of a crashed attempt wins over a later failure: the mail did go out', () => {
		const state = fold([
			claim(1, 0),
			claim(2, LEASE_MS),
			{ kind: 'failed', attempt: 2, at: at(LEASE_MS + 1), failure: 'permanent', error: '554' },
			{ kind: 'sent', attempt: 1, at: at(LEASE_MS + 2), response: null }
		]);
		expect(summarizeMail(state).status).toBe('sent');
	});

	it('a queued mail with no attempt yet', () => {
		expect(summarizeMail(emptyMailState())).toEqual({
			status: 'queued',
			attempts: 0,
			lastError: null,
			failure: null,
			sentAt: null,
			endedAt: null
		});
	});
});

describe('eventKey', () => {
	it('gives one claim and one result per attempt', () => {
		expect(eventKey(claim(3, 0))).toBe('claim:3');
		expect(eventKey({ kind: 'sent', attempt: 3, at: at(0), response: null })).toBe('result:3');
		expect(eventKey({ kind: 'retry', attempt: 3, at: at(0), error: 'e', nextAt: at(1) })).toBe(
			'result:3'
		);
	});
});

describe('isPermanentSmtpError', () => {
	it.each([
		[{ responseCode: 550 }, true],
		[{ responseCode: 554, code: 'EENVELOPE' }, true],
		[{ responseCode: 552 }, true],
		[{ responseCode: 535, code: 'EAUTH' }, false],
		[{ responseCode: 530 }, false],
		[{ responseCode: 451 }, false],
		[{ responseCode: 421 }, false],
		[{ code: 'ECONNECTION' }, false],
		[{ code: 'ETIMEDOUT' }, false]
	])('%o → %s', (error, permanent) => {
		expect(isPermanentSmtpError(error)).toBe(permanent);
	});
});
