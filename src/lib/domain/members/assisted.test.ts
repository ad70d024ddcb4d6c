import { describe, expect, it } from 'vitest';
import {
	checkNewConsent,
	consentActive,
	consentDay,
	consentValidAt,
	mayActFor,
	mayRecordConsentFor,
	recordedMark,
	recordedMarks,
	type AssistConsentLike,
	type AssistParties
} from './assisted';

const consent: AssistConsentLike = {
	consentAt: new Date('2026-11-10T12:00:00Z'),
	how: 'phone',
	note: 'am Telefon',
	recordedBy: 'mod',
	recordedAt: new Date('2026-11-10T14:00:00Z')
};
const withdrawn = { ...consent, withdrawnAt: new Date('2026-11-20T09:00:00Z') };

describe('consentValidAt', () => {
	it.each([
		['no consent', null, '2026-11-15T10:00:00Z', false],
		['before the day', consent, '2026-11-09T23:59:00Z', false],
		['early on the day itself', consent, '2026-11-10T06:00:00Z', true],
		['later', consent, '2026-12-01T10:00:00Z', true],
		['before the withdrawal', withdrawn, '2026-11-19T10:00:00Z', true],
		['at the withdrawal', withdrawn, '2026-11-20T09:00:00Z', false],
		['after the withdrawal', withdrawn, '2026-11-21T10:00:00Z', false]
	] as const)('%s', (_, c, at, expected) => {
		expect(consentValidAt(c, new Date(at))).toBe(expected);
	});

	it('a withdrawn consent is not active', () => {
		expect(consentActive(consent)).toBe(true);
		expect(consentActive(withdrawn)).toBe(false);
		expect(consentActive(null)).toBe(false);
	});
});

describe('mayActFor', () => {
	const base: AssistParties = {
		quarterId: 'nordstadt',
		moderator: {
			id: 'mod',
			quarterId: 'nordstadt',
			membership: { role: 'moderator', state: 'active' }
		},
		member: {
			id: 'renate',
			membership: { quarterId: 'nordstadt', role: 'resident', state: 'active' }
		},
		consent
	};
	const at = new Date('2026-11-15T10:00:00Z');

	it.each([
		['with consent', base, { ok: true }],
		[
			'a resident is no moderator',
			{
				...base,
				moderator: { ...base.moderator, membership: { role: 'resident', state: 'active' } }
			},
			{ ok: false, problem: 'not_moderator' }
		],
		[
			'a moderator of another quarter',
			{ ...base, moderator: { ...base.moderator, quarterId: 'suedstadt' } },
			{ ok: false, problem: 'not_moderator' }
		],
		[
			'a member of another quarter',
			{
				...base,
				member: {
					id: 'renate',
					membership: { quarterId: 'suedstadt', role: 'resident', state: 'active' }
				}
			},
			{ ok: false, problem: 'not_member' }
		],
		[
			'a suspended member',
			{
				...base,
				member: {
					id: 'renate',
					membership: { quarterId: 'nordstadt', role: 'resident', state: 'suspended' }
				}
			},
			{ ok: false, problem: 'not_member' }
		],
		[
			'a business',
			{
				...base,
				member: {
					id: 'renate',
					membership: { quarterId: 'nordstadt', role: 'business', state: 'active' }
				}
			},
			{ ok: false, problem: 'not_resident' }
		],
		['no consent', { ...base, consent: null }, { ok: false, problem: 'no_consent' }],
		[
			'withdrawn',
			{ ...base, consent: { ...consent, withdrawnAt: at } },
			{ ok: false, problem: 'withdrawn' }
		],
		[
			'for oneself',
			{ ...base, member: { ...base.member, id: 'mod' } },
			{ ok: false, problem: 'self' }
		]
	] as const)('%s', (_, parties, expected) => {
		expect(mayActFor(parties as AssistParties, at)).toEqual(expected);
	});

	it('an act dated before the consent day is refused', () => {
		expect(mayActFor(base, new Date('2026-11-01T10:00:00Z'))).toEqual({
			ok: false,
			problem: 'no_consent'
		});
	});
});

describe('checkNewConsent', () => {
	const now = new Date('2026-11-26T10:00:00Z');
	it.each([
		[
			'today',
			{ consentAt: new Date('2026-11-26T12:00:00Z'), current: null, role: 'resident' },
			null
		],
		[
			'tomorrow',
			{ consentAt: new Date('2026-11-27T12:00:00Z'), current: null, role: 'resident' },
			'future_day'
		],
		[
			'running consent',
			{ consentAt: new Date('2026-11-20T12:00:00Z'), current: consent, role: 'resident' },
			'already_active'
		],
		[
			'after a withdrawal',
			{ consentAt: new Date('2026-11-25T12:00:00Z'), current: withdrawn, role: 'resident' },
			null
		],
		[
			'a business',
			{ consentAt: new Date('2026-11-25T12:00:00Z'), current: null, role: 'business' },
			'not_resident'
		]
	] as const)('%s', (_, input, expected) => {
		expect(checkNewConsent(input, now)).toBe(expected);
	});
});

describe('recordedMark', () => {
	const names = { mod: 'Birgit Haas', renate: 'Renate O.' };
	it('names moderator and member', () => {
		expect(recordedMark({ by: 'renate', recordedBy: 'mod' }, names)).toEqual({
			moderatorName: 'Birgit Haas',
			memberName: 'Renate O.'
		});
	});
	it('is null for the member’s own acts', () => {
		expect(recordedMark({ by: 'renate' }, names)).toBeNull();
		expect(recordedMark({ by: 'renate', recordedBy: null }, names)).toBeNull();
		expect(recordedMark({ by: 'mod', recordedBy: 'mod' }, names)).toBeNull();
	});
	it('lists each pair once', () => {
		expect(
			recordedMarks(
				[{ by: 'renate', recordedBy: 'mod' }, { by: 'eck' }, { by: 'renate', recordedBy: 'mod' }],
				names
			)
		).toHaveLength(1);
	});
});

describe('consentDay', () => {
	it.each([
		['2026-11-10', '2026-11-10T12:00:00.000Z'],
		['2026-02-30', null],
		['10.11.2026', null],
		['', null]
	])('%s', (text, expected) => {
		expect(consentDay(text)?.toISOString() ?? null).toBe(expected);
	});
});

describe('mayRecordConsentFor', () => {
	const resident = { userId: 'renate', role: 'resident', state: 'active', assisted: null };
	it('offers active residents without a consent in force', () => {
		expect(mayRecordConsentFor(resident, 'birgit')).toBe(true);
		expect(
			mayRecordConsentFor(
				{ ...resident, assisted: { ...consent, withdrawnAt: new Date('2026-11-12') } },
				'birgit'
			)
		).toBe(true);
	});
	it('leaves out businesses, inactive members, oneself and those with a consent', () => {
		expect(mayRecordConsentFor({ ...resident, role: 'business' }, 'birgit')).toBe(false);
		expect(mayRecordConsentFor({ ...resident, state: 'pending' }, 'birgit')).toBe(false);
		expect(mayRecordConsentFor(resident, 'renate')).toBe(false);
		expect(mayRecordConsentFor({ ...resident, assisted: consent }, 'birgit')).toBe(false);
	});
});
