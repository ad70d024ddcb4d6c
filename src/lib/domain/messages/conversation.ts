// Conversations (Unterhaltungen) between two members of a quarter: about a listing (a member
// contacts its author) or direct (e.g. a business writes to a resident from the talent
// directory). Pure rules: ids, who may read and write, unread counts.
//
// A conversation's id is its natural key, so two clicks on "contact" (on any server) create one
// conversation: the second insert of the same `_id` fails. Messages are numbered 1, 2, 3 … per
// conversation and stored under `<conversationId>-<seq>`, so appending is an insert of the next
// number and the order is the numbering.

import { isActiveMember, isManagement, type MembershipLike } from '../members/roles';

/** Document ids of users and listings: 24 lowercase hex characters. */
const DOC_ID = '[a-f0-9]{24}';
const QUARTER_ID = '[a-z0-9-]+';

const LISTING_ID_RE = new RegExp(`^l-(${DOC_ID})-(${DOC_ID})$`);
const DIRECT_ID_RE = new RegExp(`^d-(${QUARTER_ID})-(${DOC_ID})-(${DOC_ID})$`);
const DOC_ID_RE = new RegExp(`^${DOC_ID}$`);

export type ConversationKey =
	| { kind: 'listing'; listingId: string; contactId: string }
	| { kind: 'direct'; quarterId: string; memberIds: [string, string] };

export function isDocId(id: string): boolean {
	return DOC_ID_RE.test(id);
}

/** One conversation per listing and person who contacts its author. */
export function listingConversationId(listingId: string, contactId: string): string {
	return `l-${listingId}-${contactId}`;
}

/** One direct conversation per pair of members and quarter, whoever writes first. */
export function directConversationId(quarterId: string, a: string, b: string): string {
	const [first, second] = [a, b].sort();
	return `d-${quarterId}-${first}-${second}`;
}

/** The key behind an id from a URL or form, or null when it is not one of ours. */
export function parseConversationId(id: string): ConversationKey | null {
	const listing = LISTING_ID_RE.exec(id);
	if (listing) return { kind: 'listing', listingId: listing[1]!, contactId: listing[2]! };
	const direct = DIRECT_ID_RE.exec(id);
	if (!direct) return null;
	const [, quarterId, a, b] = direct as unknown as [string, string, string, string];
	// Only the sorted spelling names the conversation; another would be a second id for it.
	if (a >= b) return null;
	return { kind: 'direct', quarterId, memberIds: [a, b] };
}

export const SEQ_DIGITS = 6;
/** The six digits of a message id; a conversation this long is not a neighbourly chat any more. */
export const MAX_SEQ = 10 ** SEQ_DIGITS - 1;

export function messageId(conversationId: string, seq: number): string {
	if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`bad seq ${seq}`);
	return `${conversationId}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

export function readMarkerId(conversationId: string, userId: string): string {
	return `${conversationId}:${userId}`;
}

export interface Conversation {
	id: string;
	quarterId: string;
	/** Null for a direct conversation. */
	listingId: string | null;
	/** Sorted, so the same two people always give the same pair. */
	participants: [string, string];
	startedBy: string;
	createdAt: Date;
}

/** The conversation a start request names, before anything is stored. */
export function newConversation(
	input:
		| { kind: 'listing'; quarterId: string; listingId: string; authorId: string; contactId: string }
		| { kind: 'direct'; quarterId: string; senderId: string; memberId: string },
	now: Date
): Conversation {
	if (input.kind === 'listing') {
		return {
			id: listingConversationId(input.listingId, input.contactId),
			quarterId: input.quarterId,
			listingId: input.listingId,
			participants: sortedPair(input.authorId, input.contactId),
			startedBy: input.contactId,
			createdAt: now
		};
	}
	return {
		id: directConversationId(input.quarterId, input.senderId, input.memberId),
		quarterId: input.quarterId,
		listingId: null,
		participants: sortedPair(input.senderId, input.memberId),
		startedBy: input.senderId,
		createdAt: now
	};
}

function sortedPair(a: string, b: string): [string, string] {
	return a < b ? [a, b] : [b, a];
}

export function isParticipant(conversation: Pick<Conversation, 'participants'>, userId: string) {
	return conversation.participants.includes(userId);
}

/** The other person, seen from one participant. */
export function otherParticipant(
	conversation: Pick<Conversation, 'participants'>,
	userId: string
): string {
	const [a, b] = conversation.participants;
	return a === userId ? b : a;
}

export type StartProblem = 'self' | 'sender_inactive' | 'recipient_unavailable';

/**
 * Whether `senderId` may open a conversation with `recipientId` in a quarter. A suspended,
 * pending or absent recipient all look the same to the sender, so nobody learns another
 * person's membership state by trying.
 */
export function startProblem(input: {
	senderId: string;
	sender: MembershipLike | null;
	recipientId: string;
	recipient: MembershipLike | null;
}): StartProblem | null {
	if (input.senderId === input.recipientId) return 'self';
	if (!isActiveMember(input.sender)) return 'sender_inactive';
	if (isActiveMember(input.recipient)) return null;
	// The quarter management asks an applicant a question before deciding (member approval).
	if (isManagement(input.sender) && input.recipient?.state === 'pending') return null;
	return 'recipient_unavailable';
}

/** Why a member reports a conversation: the report reasons listings use too, so the quarter
 * management's list of reports names them alike. */
export const REPORT_REASONS = ['inappropriate', 'spam', 'other'] as const;
export const REPORT_NOTE_MAX = 1000;
export type ReportReason = (typeof REPORT_REASONS)[number];

export type Access = 'participant' | 'moderator';

/**
 * How a person may see a conversation: its two participants fully; the quarter management of
 * its quarter (`membership` is the viewer's membership there) read-only, and only once a member
 * has reported it: messages are private until someone asks for help. Everyone else not at all.
 */
export function accessTo(
	conversation: Pick<Conversation, 'participants'>,
	viewer: { userId: string; membership: MembershipLike | null },
	reported: boolean
): Access | null {
	if (isParticipant(conversation, viewer.userId)) return 'participant';
	if (managementMayRead(viewer.membership, reported)) return 'moderator';
	return null;
}

/** The quarter management's read-only view, open once a member has reported the conversation. */
export function managementMayRead(membership: MembershipLike | null, reported: boolean): boolean {
	return reported && isManagement(membership);
}

/**
 * Only a participant with an active membership in the conversation's quarter writes; an
 * applicant still pending answers only in a conversation the quarter management started with
 * them (`startedByManagement`), nothing else.
 */
export function mayWrite(
	access: Access | null,
	membership: MembershipLike | null,
	startedByManagement = false
): boolean {
	if (access !== 'participant') return false;
	if (isActiveMember(membership)) return true;
	return startedByManagement && membership?.state === 'pending';
}

/**
 * Unread messages from the newest number and the person's read marker (the highest number they
 * have seen). Sending moves one's own marker to the message sent, so own messages never count.
 */
export function unreadCount(lastSeq: number, readSeq: number): number {
	return Math.max(0, lastSeq - Math.max(0, readSeq));
}

/** A marker only moves forward: an older tab that reports an earlier position changes nothing. */
export function advancedReadSeq(current: number, seen: number): number {
	return Math.max(current, seen);
}

/**
 * Where the two parties of an exchange may already be talking, most fitting first: the
 * conversation about its listing (started by the one who proposed from it), then their direct
 * one. A page links the first that exists.
 */
export function exchangeConversationIds(exchange: {
	quarterId: string;
	listingId: string | null;
	providerId: string;
	receiverId: string;
	proposerId: string;
}): string[] {
	const direct = directConversationId(exchange.quarterId, exchange.providerId, exchange.receiverId);
	return exchange.listingId
		? [listingConversationId(exchange.listingId, exchange.proposerId), direct]
		: [direct];
}
