import { describe, expect, it } from 'vitest';
import {
	MAIL_SPACING_MS,
	NOTIFY_AFTER_MS,
	batchedDecision,
	batchedMailKey,
	digestDay,
	digestDue,
	digestKey,
	latestDigestMoment,
	mailSlot,
	unreadOnly,
	wantsMail,
	type NotificationDecision,
	type UnreadMessage
} from './notifications';

const MINUTE = 60 * 1000;
const T0 = new Date('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const sent = (seq: number, minutes: number): UnreadMessage => ({ seq, sentAt: at(minutes) });

describe('batchedDecision', () => {
	it.each<[string, number, UnreadMessage[], number | null, NotificationDecision]>([
		['nothing unread', 30, [], null, { action: 'drop' }],
		['a message 5 minutes old waits', 5, [sent(1, 0)], null, { action: 'wait' }],
		['a message 9:59 old waits', 9.99, [sent(1, 0)], null, { action: 'wait' }],
		['a message 10 minutes old is mailed', 10, [sent(1, 0)], null, { action: 'send', seqs: [1] }],
		[
			'a burst gives one mail about all unread, also the newer ones',
			12,
			[sent(3, 11), sent(1, 0), sent(2, 1)],
			null,
			{ action: 'send', seqs: [1, 2, 3] }
		],
		['only new messages: wait even after an old mail', 20, [sent(4, 15)], -60, { action: 'wait' }],
		['the previous mail 14 minutes ago: wait', 30, [sent(5, 0)], 16, { action: 'wait' }],
		['the previous mail 15 minutes ago: send', 30, [sent(5, 0)], 15, { action: 'send', seqs: [5] }]
	])('%s', (_name, nowMinutes, unread, lastMailMinutes, expected) => {
		expect(
			batchedDecision({
				now: at(nowMinutes),
				unread,
				lastMailAt: lastMailMinutes === null ? null : at(lastMailMinutes)
			})
		).toEqual(expected);
	});

	it('spaces mails by at least the spacing over a long conversation', () => {
		// A message every 2 minutes for 2 hours, never read; the job runs every minute.
		const mails: number[] = [];
		let unread: UnreadMessage[] = [];
		let lastMailAt: Date | null = null;
		for (let minute = 0; minute <= 120; minute++) {
			if (minute % 2 === 0) unread.push(sent(minute / 2 + 1, minute));
			const decision = batchedDecision({ now: at(minute), unread, lastMailAt });
			if (decision.action === 'send') {
				mails.push(minute);
				lastMailAt = at(minute);
				unread = unread.filter((u) => !decision.seqs.includes(u.seq));
			}
		}
		expect(mails[0]).toBe(NOTIFY_AFTER_MS / MINUTE);
		for (let i = 1; i < mails.length; i++) {
			expect(mails[i]! - mails[i - 1]!).toBeGreaterThanOrEqual(MAIL_SPACING_MS / MINUTE);
		}
		expect(mails.length).toBe(8);
	});
});

describe('unreadOnly', () => {
	it.each<[number, number[]]>([
		[0, [1, 2, 3]],
		[2, [3]],
		[3, []]
	])('read up to %i leaves %j', (readSeq, expected) => {
		expect(unreadOnly([sent(1, 0), sent(2, 0), sent(3, 0)], readSeq).map((m) => m.seq)).toEqual(
			expected
		);
	});
});

describe('wantsMail', () => {
	it.each([
		['batched', true],
		['daily', true],
		['never', false]
	] as const)('%s: %s', (setting, expected) => {
		expect(wantsMail(setting)).toBe(expected);
	});
});

describe('digestDue', () => {
	const time = (iso: string) => new Date(`2026-03-${iso}Z`);
	it.each<[string, string, string[], boolean]>([
		['nothing unread', '02T07:00:00', [], false],
		['before the digest time: yesterday’s digest is done', '02T05:59:00', ['01T20:00:00'], false],
		['at the digest time, about yesterday’s messages', '02T06:00:00', ['01T20:00:00'], true],
		['later that day, when the server was down at six', '02T11:00:00', ['01T20:00:00'], true],
		['a message after today’s digest time waits', '02T20:00:00', ['02T09:00:00'], false],
		['… until the next morning', '03T06:00:00', ['02T09:00:00'], true],
		[
			'a message minutes before six waits for its 10 minutes',
			'02T06:02:00',
			['02T05:58:00'],
			false
		],
		['… and then goes with today’s digest', '02T06:08:00', ['02T05:58:00'], true],
		['one old and one new message: due', '02T06:30:00', ['02T06:25:00', '01T23:00:00'], true]
	])('%s', (_name, now, sentTimes, expected) => {
		const unread = sentTimes.map((t, i) => ({ seq: i + 1, sentAt: time(t) }));
		expect(digestDue(time(now), unread)).toBe(expected);
	});

	it.each<[string, string]>([
		['2026-03-02T06:00:00Z', '2026-03-02T06:00:00.000Z'],
		['2026-03-02T23:59:00Z', '2026-03-02T06:00:00.000Z'],
		['2026-03-02T05:59:59Z', '2026-03-01T06:00:00.000Z'],
		['2026-03-01T00:00:00Z', '2026-02-28T06:00:00.000Z']
	])('the latest digest time at %s is %s', (now, expected) => {
		expect(latestDigestMoment(new Date(now)).toISOString()).toBe(expected);
	});
});

describe('once keys', () => {
	it('change every quarter of an hour', () => {
		expect(mailSlot(at(0))).toBe(mailSlot(at(14.99)));
		expect(mailSlot(at(15))).toBe(mailSlot(at(0)) + 1);
		expect(batchedMailKey('C', 'u', 7)).toBe('chat-mail:C:u:7');
	});

	it('name one digest per day, the day of its digest time', () => {
		expect(digestDay(new Date('2026-03-01T23:59:59Z'))).toBe('2026-03-01');
		expect(digestDay(new Date('2026-03-02T05:59:59Z'))).toBe('2026-03-01');
		expect(digestDay(new Date('2026-03-02T06:00:00Z'))).toBe('2026-03-02');
		expect(digestKey('u', new Date('2026-03-01T06:00:00Z'))).toBe('chat-digest:u:2026-03-01');
	});
});
