import { describe, expect, it } from 'vitest';
import type { MembershipLike } from '../members/roles';
import {
	MAX_SEQ,
	accessTo,
	advancedReadSeq,
	directConversationId,
	exchangeConversationIds,
	listingConversationId,
	managementMayRead,
	mayWrite,
	messageId,
	newConversation,
	otherParticipant,
	parseConversationId,
	readMarkerId,
	startProblem,
	unreadCount,
	type Access
} from './conversation';

const ANNA = 'a'.repeat(24);
const JONAS = 'b'.repeat(24);
const SABINE = 'c'.repeat(24);
const LISTING = '0123456789abcdef01234567';
const NOW = new Date('2026-03-01T10:00:00Z');

const active = (role: MembershipLike['role'] = 'resident'): MembershipLike => ({
	role,
	state: 'active'
});

describe('conversation ids', () => {
	it('name a listing conversation by listing and contact', () => {
		expect(listingConversationId(LISTING, JONAS)).toBe(`l-${LISTING}-${JONAS}`);
	});

	it('name a direct conversation the same whoever writes first', () => {
		expect(directConversationId('nordstadt', JONAS, ANNA)).toBe(
			directConversationId('nordstadt', ANNA, JONAS)
		);
		expect(directConversationId('nordstadt', JONAS, ANNA)).toBe(`d-nordstadt-${ANNA}-${JONAS}`);
	});

	it.each<[string, ReturnType<typeof parseConversationId>]>([
		[`l-${LISTING}-${JONAS}`, { kind: 'listing', listingId: LISTING, contactId: JONAS }],
		[
			`d-nordstadt-${ANNA}-${JONAS}`,
			{ kind: 'direct', quarterId: 'nordstadt', memberIds: [ANNA, JONAS] }
		],
		// Quarter slugs may contain hyphens; the two ids at the end have a fixed length.
		[
			`d-nord-ost-2-${ANNA}-${JONAS}`,
			{ kind: 'direct', quarterId: 'nord-ost-2', memberIds: [ANNA, JONAS] }
		],
		// Unsorted: not the name of any conversation.
		[`d-nordstadt-${JONAS}-${ANNA}`, null],
		[`d-nordstadt-${ANNA}-${ANNA}`, null],
		[`l-${LISTING}-${JONAS}x`, null],
		[`l-${LISTING.toUpperCase()}-${JONAS}`, null],
		[`x-${LISTING}-${JONAS}`, null],
		[`d--${ANNA}-${JONAS}`, null],
		[`d-Nordstadt-${ANNA}-${JONAS}`, null],
		['', null],
		['{"$ne":null}', null]
	])('parse %j', (id, expected) => {
		expect(parseConversationId(id)).toEqual(expected);
	});

	it('round-trip through the parser', () => {
		for (const id of [
			listingConversationId(LISTING, ANNA),
			directConversationId('lindenhof', SABINE, ANNA)
		]) {
			expect(parseConversationId(id)).not.toBeNull();
		}
	});

	it.each<[number, string]>([
		[1, 'C-000001'],
		[42, 'C-000042'],
		[MAX_SEQ, 'C-999999']
	])('message %i of a conversation is stored as %s', (seq, id) => {
		expect(messageId('C', seq)).toBe(id);
	});

	it.each([0, -1, 1.5, MAX_SEQ + 1, Number.NaN])('refuse message number %d', (seq) => {
		expect(() => messageId('C', seq)).toThrow(RangeError);
	});

	it('order message ids as their numbers', () => {
		const ids = [3, 10, 2, 100, 1].map((seq) => messageId('C', seq));
		expect([...ids].sort()).toEqual([1, 2, 3, 10, 100].map((seq) => messageId('C', seq)));
	});

	it('key a read marker by conversation and person', () => {
		expect(readMarkerId('C', ANNA)).toBe(`C:${ANNA}`);
	});
});

describe('newConversation', () => {
	it('joins the listing author and the contact', () => {
		const c = newConversation(
			{
				kind: 'listing',
				quarterId: 'nordstadt',
				listingId: LISTING,
				authorId: JONAS,
				contactId: ANNA
			},
			NOW
		);
		expect(c).toEqual({
			id: listingConversationId(LISTING, ANNA),
			quarterId: 'nordstadt',
			listingId: LISTING,
			participants: [ANNA, JONAS],
			startedBy: ANNA,
			createdAt: NOW
		});
		expect(otherParticipant(c, ANNA)).toBe(JONAS);
		expect(otherParticipant(c, JONAS)).toBe(ANNA);
	});

	it('gives one direct conversation for both directions', () => {
		const there = newConversation(
			{ kind: 'direct', quarterId: 'nordstadt', senderId: JONAS, memberId: ANNA },
			NOW
		);
		const back = newConversation(
			{ kind: 'direct', quarterId: 'nordstadt', senderId: ANNA, memberId: JONAS },
			NOW
		);
		expect(there.id).toBe(back.id);
		expect(there.participants).toEqual(back.participants);
		expect(there.listingId).toBeNull();
	});
});

describe('startProblem', () => {
	const pending: MembershipLike = { role: 'resident', state: 'pending' };
	const suspended: MembershipLike = { role: 'business', state: 'suspended' };
	it.each<[string, string, MembershipLike | null, string, MembershipLike | null, string | null]>([
		['resident to resident', ANNA, active(), JONAS, active(), null],
		['business to resident', ANNA, active('business'), JONAS, active(), null],
		['moderator to resident', SABINE, active('moderator'), JONAS, active(), null],
		['to oneself', ANNA, active(), ANNA, active(), 'self'],
		['from a pending member', ANNA, pending, JONAS, active(), 'sender_inactive'],
		['from a suspended member', ANNA, suspended, JONAS, active(), 'sender_inactive'],
		['from a non-member', ANNA, null, JONAS, active(), 'sender_inactive'],
		['to a suspended member', ANNA, active(), JONAS, suspended, 'recipient_unavailable'],
		['to a pending member', ANNA, active(), JONAS, pending, 'recipient_unavailable'],
		[
			'business to a pending member',
			ANNA,
			active('business'),
			JONAS,
			pending,
			'recipient_unavailable'
		],
		['moderator to a pending applicant', SABINE, active('moderator'), JONAS, pending, null],
		['admin to a pending applicant', SABINE, active('admin'), JONAS, pending, null],
		[
			'moderator to a declined member',
			SABINE,
			active('moderator'),
			JONAS,
			{ role: 'resident', state: 'declined' },
			'recipient_unavailable'
		],
		[
			'moderator to a suspended member',
			SABINE,
			active('moderator'),
			JONAS,
			suspended,
			'recipient_unavailable'
		],
		['to a non-member (other quarter)', ANNA, active(), JONAS, null, 'recipient_unavailable']
	])('%s', (_name, senderId, sender, recipientId, recipient, expected) => {
		expect(startProblem({ senderId, sender, recipientId, recipient })).toBe(expected);
	});
});

describe('accessTo and mayWrite', () => {
	const conversation = { participants: [ANNA, JONAS] as [string, string] };
	const moderator = active('moderator');
	const admin = active('admin');
	const suspendedModerator: MembershipLike = { role: 'moderator', state: 'suspended' };

	it.each<[string, string, MembershipLike | null, boolean, Access | null]>([
		['a participant', ANNA, active(), false, 'participant'],
		['the other participant', JONAS, active(), true, 'participant'],
		[
			'a suspended participant still reads',
			JONAS,
			{ role: 'resident', state: 'suspended' },
			false,
			'participant'
		],
		['a moderator before a report', SABINE, moderator, false, null],
		['a moderator after a report', SABINE, moderator, true, 'moderator'],
		['an admin after a report', SABINE, admin, true, 'moderator'],
		['a suspended moderator', SABINE, suspendedModerator, true, null],
		['a moderator of another quarter (no membership here)', SABINE, null, true, null],
		['a resident stranger after a report', SABINE, active(), true, null],
		['a business stranger', SABINE, active('business'), false, null]
	])('%s', (_name, userId, membership, reported, expected) => {
		expect(accessTo(conversation, { userId, membership }, reported)).toBe(expected);
	});

	it.each<[MembershipLike | null, boolean, boolean]>([
		[moderator, true, true],
		[admin, true, true],
		[moderator, false, false],
		[suspendedModerator, true, false],
		[active(), true, false],
		[active('business'), true, false],
		[null, true, false]
	])('management view for %j, reported %s: %s', (membership, reported, expected) => {
		expect(managementMayRead(membership, reported)).toBe(expected);
	});

	it.each<[Access | null, MembershipLike | null, boolean]>([
		['participant', active(), true],
		['participant', active('business'), true],
		['participant', { role: 'resident', state: 'suspended' }, false],
		['participant', { role: 'resident', state: 'pending' }, false],
		['participant', null, false],
		['moderator', active('moderator'), false],
		[null, active(), false]
	])('%s with %j writes: %s', (access, membership, expected) => {
		expect(mayWrite(access, membership)).toBe(expected);
	});

	// An applicant answers the quarter management's question, and writes nowhere else.
	it.each<[Access | null, MembershipLike | null, boolean, boolean]>([
		['participant', { role: 'resident', state: 'pending' }, true, true],
		['participant', { role: 'business', state: 'pending' }, true, true],
		['participant', { role: 'resident', state: 'pending' }, false, false],
		['participant', { role: 'resident', state: 'declined' }, true, false],
		['participant', { role: 'resident', state: 'suspended' }, true, false],
		['participant', null, true, false],
		['moderator', { role: 'resident', state: 'pending' }, true, false],
		['participant', active(), false, true]
	])('%s with %j, started by management %s, writes: %s', (access, membership, byMgmt, expected) => {
		expect(mayWrite(access, membership, byMgmt)).toBe(expected);
	});
});

describe('unread counts', () => {
	it.each<[number, number, number]>([
		[0, 0, 0],
		[5, 0, 5],
		[5, 3, 2],
		[5, 5, 0],
		// A marker ahead of what this server has seen yet is not negative.
		[5, 7, 0],
		[3, -1, 3]
	])('last %i, read up to %i: %i unread', (last, read, expected) => {
		expect(unreadCount(last, read)).toBe(expected);
	});

	it.each<[number, number, number]>([
		[0, 4, 4],
		[4, 2, 4],
		[4, 4, 4]
	])('a marker at %i that saw %i moves to %i', (current, seen, expected) => {
		expect(advancedReadSeq(current, seen)).toBe(expected);
	});
});

describe('exchangeConversationIds', () => {
	it('an exchange from a listing: the conversation its proposer started there, then the direct one', () => {
		expect(
			exchangeConversationIds({
				quarterId: 'nordstadt',
				listingId: LISTING,
				providerId: JONAS,
				receiverId: ANNA,
				proposerId: ANNA
			})
		).toEqual([
			listingConversationId(LISTING, ANNA),
			directConversationId('nordstadt', ANNA, JONAS)
		]);
	});

	it('a direct exchange: their direct conversation', () => {
		expect(
			exchangeConversationIds({
				quarterId: 'nordstadt',
				listingId: null,
				providerId: ANNA,
				receiverId: SABINE,
				proposerId: SABINE
			})
		).toEqual([directConversationId('nordstadt', SABINE, ANNA)]);
	});
});
