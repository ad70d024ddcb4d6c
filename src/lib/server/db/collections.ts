// Typed collections. Hot look-ups go by `_id`, the only filter the embedded FerretDB turns into
// an SQL WHERE (see docs/architecture.md): a session's `_id` is its token hash, an email's `_id`
// is the normalised address, a membership's `_id` is `<quarterId>:<userId>`.
import type { AuditAction } from '../../domain/audit/actions';
import type { Binary, Collection, Db, OptionalUnlessRequiredId } from 'mongodb';
import { eventCollections } from './event-docs';
import { tradeCollections } from './trade-docs';
import { participationCollections } from './participation-docs';
import { letterCollections } from './letter-docs';
import { trustCollections } from './trust-docs';
import type {
	ChatInboxDoc,
	ChatMessageDoc,
	ChatPendingDoc,
	ChatReadDoc,
	ConversationDoc
} from './chat-docs';
import type { CaseEvent, CaseSource } from '../../domain/cases/case';
import type { TokenPurpose } from '../../domain/auth/policy';
import type { AssistConsentLike } from '../../domain/members/assisted';
import type { FlagTargetType } from '../../domain/moderation/flags';
import type { NoticeEntry } from '../../domain/notices/notice';
import type { Block, Category } from '../../domain/listings/categories';
import type { Listing, Move as ListingMove } from '../../domain/listings/listing';
import type { LogEvent as ExchangeLogEvent } from '../../domain/exchanges/log';
import type { LedgerEntry } from '../../domain/ledger/ledger';
import type { FailureKind, MailEvent, MailStatus } from '../../domain/mail/delivery';
import type { Profile } from '../../domain/members/profile';
import type { MembershipState, Role } from '../../domain/members/roles';
import type { QuarterSettings } from '../../domain/quarters/settings';
import type { Locale } from '../../domain/locale';
import type {
	ConnectedAccountDoc,
	ConnectedAccountOwnerDoc,
	AccountStatusDoc,
	StripeEventDoc,
	StripeEventPendingDoc,
	StripeEventOutcomeDoc,
	PaymentEventDoc,
	PaymentIntentDoc,
	CheckoutSessionDoc
} from './payment-docs';

export type * from './payment-docs';
export type * from './event-docs';
export type * from './trade-docs';
export type * from './participation-docs';
export type * from './letter-docs';
export type * from './trust-docs';
export type * from './chat-docs';

export interface QuarterDoc {
	_id: string; // the slug
	name: string;
	city: string;
	description: string;
	settings: QuarterSettings;
	/** Missing in quarters saved before listings existed: the default taxonomy applies. */
	categories?: Category[];
	blocks?: Block[];
	createdAt: Date;
}

export interface UserDoc {
	_id: string;
	email: string;
	displayName: string;
	locale: Locale;
	passwordHash: string;
	emailVerifiedAt: Date | null;
	createdAt: Date;
	/** A deleted account: its pseudonym's number ("ehemaliges Mitglied <n>"); name, address and
	 * password are overwritten (docs/legal.md, "Löschen mit Einfüge-Logs"). */
	deletedAs?: number;
}

export interface EmailDoc {
	_id: string; // normalised address
	userId: string;
	createdAt: Date;
}

export interface MembershipDoc {
	_id: string; // `${quarterId}:${userId}`
	quarterId: string;
	userId: string;
	role: Role;
	state: MembershipState;
	createdAt: Date;
	/** What the applicant wrote at sign-up, in quarters where the management approves members. */
	application?: { text: string; at: Date } | null;
	/** How the quarter management decided on the application (approve or decline, with reason). */
	decision?: {
		outcome: 'approved' | 'declined';
		by: string;
		at: Date;
		reason: string;
	} | null;
	/** An assisted member's recorded consent that the quarter management acts for them. */
	assisted?: AssistedConsent | null;
}

/** An assisted member's consent (domain/members/assisted.ts has the rules and the type). */
export type AssistedConsent = AssistConsentLike;

export interface SessionDoc {
	_id: string; // SHA-256 of the cookie token, hex
	userId: string;
	createdAt: Date;
	expiresAt: Date;
}

export type { TokenPurpose };

export interface TokenDoc {
	_id: string; // SHA-256 of the emailed token, hex
	purpose: TokenPurpose;
	userId: string;
	email: string;
	/** What the link is about beyond the person (a complaint link: `<quarterId>/<noticeId>/<party>`). */
	subject?: string;
	createdAt: Date;
	expiresAt: Date;
}

/** A marker that something happened exactly once; its `_id` is the idempotency key. */
export interface OnceDoc {
	_id: string;
	at: Date;
}

export interface RateLimitDoc {
	_id: string; // one attempt slot, see domain/auth/policy.ts
	expiresAt: Date;
}

/** One mail, stored before it is sent (services/mail.ts). Its delivery is the log in
 * `mail_events`; `status` … `endedAt` repeat what that log says, for the admin list. Mails
 * stored before the sender existed have no `status`: they were never sent (no SMTP). */
export interface OutboxDoc {
	_id: string;
	to: string;
	subject: string;
	/** Emptied some days after the delivery ended (it carries one-time links). */
	text: string;
	createdAt: Date;
	/** Set when the message went out through SMTP. */
	sentAt: Date | null;
	status?: MailStatus;
	attempts?: number;
	lastError?: string | null;
	failure?: FailureKind | null;
	endedAt?: Date | null;
	textPurgedAt?: Date | null;
}

/** One delivery event of a mail (domain/mail/delivery.ts): `_id` is `<mailId>:<n, 4 digits>`,
 * `key` is `<mailId>:claim:<attempt>` or `<mailId>:result:<attempt>` and unique. */
export type MailEventDoc = MailEvent & {
	_id: string;
	mailId: string;
	n: number;
	key: string;
};

/** A mail whose delivery has not ended: the sender's work list, small. */
export interface MailPendingDoc {
	_id: string; // the mail's id
	createdAt: Date;
}

/** A mail that ended without being sent, kept two days so that /healthz counts recent failures
 * without reading the whole outbox. */
export interface MailFailureDoc {
	_id: string; // the mail's id
	at: Date;
	failure: FailureKind;
}

/** One immutable transfer; see repos/ledger.ts. */
export interface LedgerEntryDoc extends LedgerEntry {
	_id: string; // `${quarterId}:${seq, zero-padded}`
	quarterId: string;
}

/**
 * One change of one listing: the whole listing as it is afterwards. Insert-only; `_id` is the
 * installation-wide change number, zero-padded, so every app server follows the changes in order
 * by probing the next `_id` (see services/listing-book.ts).
 */
export interface ListingRevisionDoc {
	_id: string;
	seq: number;
	listingId: string;
	revision: number;
	move: ListingMove;
	by: string;
	/** A change the quarter management recorded for an assisted member (`by`): the moderator. */
	recordedBy?: string;
	at: Date;
	listing: Listing;
	/** Normalised search tokens and the coarse location cell, stored for any engine to index. */
	search: { tokens: string[]; cell: string | null; text: string };
}

/** One act of the quarter management (or an admin). Insert-only, never edited. */
export interface AuditDoc {
	_id: string;
	quarterId: string;
	at: Date;
	actorId: string;
	action: AuditAction;
	target: {
		type:
			| 'listing'
			| 'member'
			| 'flag'
			| 'conversation'
			| 'quarter'
			| 'exchange'
			| 'ledger'
			| 'case'
			| 'budget'
			| 'notice'
			| 'event'
			| 'dac7'
			| 'round';
		id: string;
	};
	reason: string;
	/** Small facts that explain the act, e.g. the state a listing came from. */
	details: Record<string, string | number | boolean | null>;
}

export type { FlagTargetType };

/** A member's report. `_id` is `<type>:<targetId>:<reporterId>:<n>`, so a double submit of one
 * report stores it once. */
export interface FlagDoc {
	_id: string;
	quarterId: string;
	target: { type: FlagTargetType; id: string };
	reporterId: string;
	reason: string;
	note: string;
	createdAt: Date;
}

/** How a report was handled; `_id` is the flag's id, so it is resolved exactly once. */
export interface FlagResolutionDoc {
	_id: string;
	quarterId: string;
	by: string;
	at: Date;
	outcome: string;
	note: string;
}

/** A resized photo (see server/photos.ts). Read only by `_id`: any other filter would make
 * FerretDB decode every photo's bytes. `width`/`height` are the full variant's. */
export interface PhotoDoc {
	_id: string;
	ownerId: string;
	quarterId: string;
	contentType: 'image/webp';
	full: Binary;
	thumb: Binary;
	width: number;
	height: number;
	createdAt: Date;
}

/** A member's profile in one quarter. Only the member writes it (a whole-document replace), so
 * roles and suspensions live on the membership and are checked when profiles are read. */
export interface ProfileDoc extends Profile {
	_id: string; // `${quarterId}:${userId}`
}

/** One event of an exchange (domain/exchanges/log.ts); insert-only. `_id` is
 * `<exchangeId>:<n, 4 digits>`, so an exchange's log is read by `_id` and event n+1 is taken once. */
export interface ExchangeEventDoc extends ExchangeLogEvent {
	_id: string;
	exchangeId: string;
	quarterId: string;
	/** The site's address as the proposer's request saw it, for links in mails (event 1 only). */
	origin?: string;
	/** Event 1 of an exchange between members of two quarters: each party's quarter. */
	crossQuarter?: { providerQuarterId: string; receiverQuarterId: string };
}

/** An insert-only list of exchange ids: `_id` is `<list>:<n, 6 digits>`, the list a member's id
 * ("my exchanges") or `quarter:<quarterId>` (the quarter management's and the job's view). */
export interface ExchangeIndexDoc {
	_id: string;
	list: string;
	n: number;
	exchangeId: string;
	quarterId: string;
	at: Date;
}

/** A thank-you note after a settled exchange; `_id` is `<exchangeId>:<authorId>` (one each). */
export interface ThanksDoc {
	_id: string;
	quarterId: string;
	exchangeId: string;
	authorId: string;
	recipientId: string;
	text: string;
	at: Date;
}

/** An in-app notification, insert-only: `_id` is `<userId>:<n, 6 digits>`. */
export interface NotificationDoc {
	_id: string;
	userId: string;
	n: number;
	quarterId: string;
	/** `tax`: a Jahresübersicht hint (`move` the threshold id, `title` the year). */
	kind: 'exchange' | 'start-credit' | 'case' | 'membership' | 'notice' | 'event' | 'tax';
	exchangeId: string | null;
	/** `event` notifications: the calendar event they are about. */
	eventId?: string | null;
	/** `case` notifications: the mediation case they are about. */
	caseId?: string | null;
	/** The exchange move (or `startCredit`) the notification is about. */
	move: string;
	actorId: string;
	/** The moderator who recorded the move for an assisted member (`actorId`). */
	recordedBy?: string;
	title: string;
	minutes: number | null;
	at: Date;
}

/** The highest notification number a person has seen; `_id` is the user id. */
export interface NotificationReadDoc {
	_id: string;
	seq: number;
	at: Date;
}

/** Up to which number a person's notifications were deleted by retention; `_id` is the user
 * id. The notification log starts there instead of probing from 1 (services/privacy). */
export interface NotificationFloorDoc {
	_id: string;
	n: number;
	at: Date;
}

/** A mediation case, written once; its course is its log in `case_events` (domain/cases). */
export interface CaseDoc {
	_id: string;
	quarterId: string;
	source: { type: CaseSource; id: string | null };
	partyIds: string[];
	exchangeId: string | null;
	title: string;
	openedBy: string;
	openedAt: Date;
}

/** One case per source: `_id` is domain/cases caseKey(), so a double click opens one case. */
export interface CaseKeyDoc {
	_id: string;
	caseId: string;
	at: Date;
}

/** One event of a case; insert-only. `_id` is `<caseId>:<n, 4 digits>`: event n+1 is taken once. */
export interface CaseEventDoc extends CaseEvent {
	_id: string;
	caseId: string;
	quarterId: string;
}

/** One entry of a quarter's log of DSA notices, decisions and complaints; insert-only. `_id` is
 * `<quarterId>:<seq, 6 digits>`, and `key` (unique) names the act, so each happens once. */
export type NoticeLogDoc = NoticeEntry & { _id: string; quarterId: string };

/** A closed case; `_id` is the case id. Lets the cockpit count open cases without reading logs. */
export interface CaseClosedDoc {
	_id: string;
	quarterId: string;
	at: Date;
}

/** A budget line decided by the quarter conference; insert-only. `_id` is derived from the
 * moderator and the form's nonce, so a double submit stores one line. */
export interface BudgetLineDoc {
	_id: string;
	quarterId: string;
	name: string;
	/** Decided hours in minutes, or null. */
	minutes: number | null;
	/** Decided euros in cents, or null. */
	cents: number | null;
	/** Calendar days `YYYY-MM-DD`, both included. */
	from: string;
	to: string;
	purpose: string;
	decidedBy: string;
	decidedOn: string;
	createdBy: string;
	createdAt: Date;
}

/** A budget line closed before its end; `_id` is the line's id, so a line is closed once. */
export interface BudgetLineClosureDoc {
	_id: string;
	quarterId: string;
	closedOn: string;
	reason: string;
	by: string;
	at: Date;
}

/** Euros the office paid outside the platform, recorded against a budget line; insert-only.
 * `_id` is `<lineId>:<n, 6 digits>` (the line's grants are taken one number at a time, so the
 * remaining euros hold under races); `key` (moderator and form nonce, unique) makes a double
 * submit record once. */
export interface BudgetEuroGrantDoc {
	_id: string;
	quarterId: string;
	lineId: string;
	n: number;
	key: string;
	recipient: { type: 'member'; userId: string } | { type: 'project'; name: string };
	cents: number;
	purpose: string;
	paidOn: string;
	by: string;
	at: Date;
}

/**
 * A read model's state at one position of its log (see server/logs/snapshots.ts): the head
 * document `<log>|<stream>` names the parts `<log>|<stream>|<id>|<i>`, each small enough for
 * one document.
 */
export interface SnapshotDoc {
	_id: string;
	/** Head only: the log position and the fold's version the parts were made with. */
	seq?: number;
	version?: number;
	/** Head only: the parts' shared id and count. */
	partsId?: string;
	parts?: number;
	/** Part only: the part as gzip-compressed BSON `{ data }` (see repos/snapshots.ts). */
	packed?: Binary;
	/** Part only, as written before parts were packed (still read). */
	data?: unknown;
	at: Date;
}

/** A claimed account deletion: `_id` is the user id (one deletion per person), `n` the
 * pseudonym's number (unique index), so the claim and the number are one insert. */
export interface AccountDeletionDoc {
	_id: string;
	n: number;
	/** The quarters the person was a member of when they asked: whose management sees it. */
	quarterIds: string[];
	requestedAt: Date;
	/** Set when every step has run; until then the maintenance job finishes it. */
	completedAt: Date | null;
}

/** One completed redaction, insert-only: `_id` is the number, zero-padded. Every app server
 * follows this log and reloads its read models when it grows (server/logs/forget.ts). */
export interface RedactionDoc {
	_id: string;
	seq: number;
	at: Date;
}

export function collections(db: Db) {
	return {
		quarters: db.collection<QuarterDoc>('quarters'),
		users: db.collection<UserDoc>('users'),
		emails: db.collection<EmailDoc>('emails'),
		memberships: db.collection<MembershipDoc>('memberships'),
		sessions: db.collection<SessionDoc>('sessions'),
		tokens: db.collection<TokenDoc>('tokens'),
		once: db.collection<OnceDoc>('once'),
		rateLimits: db.collection<RateLimitDoc>('rate_limits'),
		outbox: db.collection<OutboxDoc>('outbox'),
		mailEvents: db.collection<MailEventDoc>('mail_events'),
		mailPending: db.collection<MailPendingDoc>('mail_pending'),
		mailFailures: db.collection<MailFailureDoc>('mail_failures'),
		ledger: db.collection<LedgerEntryDoc>('ledger'),
		profiles: db.collection<ProfileDoc>('profiles'),
		photos: db.collection<PhotoDoc>('photos'),
		listingRevisions: db.collection<ListingRevisionDoc>('listing_revisions'),
		audit: db.collection<AuditDoc>('audit'),
		flags: db.collection<FlagDoc>('flags'),
		flagResolutions: db.collection<FlagResolutionDoc>('flag_resolutions'),
		conversations: db.collection<ConversationDoc>('conversations'),
		chatMessages: db.collection<ChatMessageDoc>('chat_messages'),
		chatReads: db.collection<ChatReadDoc>('chat_reads'),
		chatInbox: db.collection<ChatInboxDoc>('chat_inbox'),
		chatPending: db.collection<ChatPendingDoc>('chat_pending'),
		exchangeEvents: db.collection<ExchangeEventDoc>('exchange_events'),
		exchangeIndex: db.collection<ExchangeIndexDoc>('exchange_index'),
		thanks: db.collection<ThanksDoc>('thanks'),
		notifications: db.collection<NotificationDoc>('notifications'),
		notificationReads: db.collection<NotificationReadDoc>('notification_reads'),
		notificationFloors: db.collection<NotificationFloorDoc>('notification_floors'),
		connectedAccounts: db.collection<ConnectedAccountDoc>('connected_accounts'),
		connectedAccountOwners: db.collection<ConnectedAccountOwnerDoc>('connected_account_owners'),
		accountStatus: db.collection<AccountStatusDoc>('account_status'),
		stripeEvents: db.collection<StripeEventDoc>('stripe_events'),
		stripeEventPending: db.collection<StripeEventPendingDoc>('stripe_event_pending'),
		stripeEventOutcomes: db.collection<StripeEventOutcomeDoc>('stripe_event_outcomes'),
		paymentEvents: db.collection<PaymentEventDoc>('payment_events'),
		paymentIntents: db.collection<PaymentIntentDoc>('payment_intents'),
		checkoutSessions: db.collection<CheckoutSessionDoc>('checkout_sessions'),
		cases: db.collection<CaseDoc>('cases'),
		caseKeys: db.collection<CaseKeyDoc>('case_keys'),
		caseEvents: db.collection<CaseEventDoc>('case_events'),
		casesClosed: db.collection<CaseClosedDoc>('cases_closed'),
		noticeLog: db.collection<NoticeLogDoc>('notice_log'),
		budgetLines: db.collection<BudgetLineDoc>('budget_lines'),
		budgetLineClosures: db.collection<BudgetLineClosureDoc>('budget_line_closures'),
		budgetEuroGrants: db.collection<BudgetEuroGrantDoc>('budget_euro_grants'),
		snapshots: db.collection<SnapshotDoc>('snapshots'),
		...eventCollections(db),
		...tradeCollections(db),
		...participationCollections(db),
		...letterCollections(db),
		...trustCollections(db),
		accountDeletions: db.collection<AccountDeletionDoc>('account_deletions'),
		redactions: db.collection<RedactionDoc>('redactions')
	};
}

export type Collections = ReturnType<typeof collections>;

export function isDuplicateKeyError(err: unknown): boolean {
	return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** Inserts a document under unique keys: 'taken' when its `_id` or another unique key is taken
 * (the one exactly-once primitive of the database), any other failure is thrown. */
export async function insertUnique<T extends { _id: string }>(
	collection: Collection<T>,
	doc: OptionalUnlessRequiredId<T>
): Promise<'inserted' | 'taken'> {
	try {
		await collection.insertOne(doc);
		return 'inserted';
	} catch (err) {
		if (isDuplicateKeyError(err)) return 'taken';
		throw err;
	}
}
