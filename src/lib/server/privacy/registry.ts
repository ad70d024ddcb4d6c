// The personal-data registry: for every collection the app writes, where a person's user id is
// (so that their documents can be found) and which fields hold personal data. It is the one
// source of truth for the data download (Art. 15, 20 GDPR, services/privacy-export.ts) and for
// account deletion (Art. 17): a new collection must be added here, and the integration test
// tests/integration/privacy.test.ts fails when a collection holds a person's id and is missing.

/** How a document names a person. */
export type PersonRef =
	/** The field (a dotted path; an array matches by element) holds the user id. */
	| { field: string; exported?: false; why?: string }
	/** The field holds the person's time account `member:<userId>`. */
	| { account: string }
	/** The field holds the person's email address (mails, notices filed without an account). */
	| { email: string }
	/** `_id` is the user id. */
	| { idIs: true }
	/** `_id` is `<userId>:<n>`: the person's own stream of an insert-only log. */
	| { idPrefix: true }
	/** `_id` is a key that contains the user id among other parts; only a scan finds it. */
	| { idContains: true; exported: false; why: string }
	/** The document belongs to a document of `parent` that is the person's: `field` holds the
	 * value of the parent's `parentField` (e.g. the messages of their conversations). */
	| { via: string; parentField: string; field: string };

export interface PersonalCollection {
	/** The collection's name in the database. */
	name: string;
	/** What one document is, in a few words. */
	about: string;
	/** Where the person's id is. Empty only for collections that hold no person data. */
	refs: PersonRef[];
	/** Fields holding personal data beyond the ids (names, addresses, free text of the person). */
	personal: string[];
	/** The refs the data download queries by, when querying by `refs` would be slow (photos:
	 * any filter but `_id` decodes every image). Default: `refs`. */
	exportBy?: PersonRef[];
	/** Insert-only log: deletion must redact or follow docs/legal.md, never renumber. */
	insertOnly?: boolean;
	/** Kept unchanged at account deletion for a legal period, with the law that requires it;
	 * a job deletes it afterwards (e.g. PStTG seller data, services/dac7.ts). */
	legalHold?: string;
	/** How the data download treats it: `include` (with `omit` fields left out), or left out
	 * with the reason. */
	export: { include: true; omit?: string[] } | { include: false; why: string };
}

/** Collections that hold nothing about a person, each with the reason. */
export interface NoPersonCollection {
	name: string;
	why: string;
}

const TOKEN_HASH = 'the hash of a secret link or cookie token, useless to the person';

export const PERSONAL_COLLECTIONS: readonly PersonalCollection[] = [
	// --- account
	{
		name: 'users',
		about: 'the account',
		refs: [{ idIs: true }],
		personal: ['email', 'displayName', 'locale'],
		export: { include: true, omit: ['passwordHash'] }
	},
	{
		name: 'emails',
		about: 'the login look-up of an address (`_id` the normalised address)',
		refs: [{ field: 'userId' }],
		personal: ['_id'],
		export: { include: true }
	},
	{
		name: 'memberships',
		about: 'a membership in a quarter (`_id` `<quarterId>:<userId>`)',
		refs: [{ field: 'userId' }, { field: 'decision.by' }, { field: 'assisted.recordedBy' }],
		personal: ['application.text', 'decision.reason', 'assisted'],
		export: { include: true }
	},
	{
		name: 'sessions',
		about: 'a signed-in browser',
		refs: [{ field: 'userId' }],
		personal: [],
		export: { include: true, omit: ['_id'] }
	},
	{
		name: 'tokens',
		about: 'an emailed one-time link (sign-up, password, complaint)',
		refs: [{ field: 'userId' }, { email: 'email' }],
		personal: ['email'],
		export: { include: true, omit: ['_id'] }
	},
	{
		name: 'platform_admins',
		about: 'a platform administrator (`_id` the user id)',
		refs: [{ idIs: true }, { field: 'createdBy' }],
		personal: [],
		export: { include: true }
	},
	{
		name: 'rules_acceptances',
		about: 'one acceptance of the rules, insert-only per person',
		refs: [{ field: 'userId' }, { idPrefix: true }],
		personal: [],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'trader_identities',
		about: "a business member's trader details (Art. 30 DSA), insert-only per person",
		refs: [{ field: 'userId' }, { idPrefix: true }],
		personal: ['legalName', 'address', 'email', 'phone', 'registerNumber'],
		insertOnly: true,
		export: { include: true }
	},
	// --- PStTG / DAC7 (docs/trust-and-tax.md, section 7): administrators only, audited
	{
		name: 'dac7_seller_data',
		about: "a seller's tax data for the PStTG report, insert-only per person",
		refs: [{ field: 'userId' }, { idPrefix: true }],
		personal: ['firstName', 'lastName', 'birthDate', 'address', 'tin', 'tinCountry', 'vatId'],
		insertOnly: true,
		legalHold:
			'§ 24 Abs. 3 PStTG: ten years; dac7_holds says until when, the dac7-purge job deletes',
		export: { include: true }
	},
	{
		name: 'dac7_notices',
		about:
			'a request, reminder or pause mail of the § 23 PStTG procedure (`_id` `<userId>:<kind>`)',
		refs: [{ field: 'userId' }],
		personal: [],
		legalHold: '§ 24 Abs. 1 Nr. 5 PStTG: the record of requests and reminders, kept ten years',
		export: { include: true }
	},
	{
		name: 'dac7_settings',
		about: "the operator's PStTG setting, insert-only; `by` is the administrator who saved it",
		refs: [{ field: 'by' }],
		personal: [],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'dac7_holds',
		about: "a deleted account's PStTG seller data kept until `keepUntil` (`_id` the user id)",
		refs: [{ idIs: true }],
		personal: ['trader'],
		legalHold: '§ 24 Abs. 3 PStTG',
		export: { include: false, why: 'exists only after the account is deleted' }
	},
	{
		name: 'trust_records',
		about:
			"a trust record (issue 16): year of birth, a parent's consent, a Führungszeugnis seen (date and by whom, never a copy), a confirmed liability insurance",
		refs: [{ field: 'userId' }, { field: 'recordedBy' }],
		personal: ['birthYear', 'adultConfirmed', 'seenOn', 'issuedOn', 'validUntil'],
		export: { include: true }
	},
	{
		name: 'once',
		about: 'an exactly-once marker; some keys name a person (mail digests, decisions)',
		refs: [{ idContains: true, exported: false, why: 'a marker that a mail or decision happened' }],
		personal: [],
		export: { include: false, why: 'technical markers without content' }
	},
	// --- profile and listings
	{
		name: 'profiles',
		about: 'a profile in one quarter (`_id` `<quarterId>:<userId>`)',
		refs: [{ field: 'userId' }],
		personal: ['bio', 'skills', 'languages', 'phone', 'blockId', 'photoId'],
		export: { include: true }
	},
	{
		name: 'photos',
		about: 'a photo (read only by `_id`: other filters decode every image)',
		refs: [{ field: 'ownerId' }],
		exportBy: [
			{ via: 'profiles', parentField: 'photoId', field: '_id' },
			{ via: 'listing_revisions', parentField: 'listing.photoId', field: '_id' }
		],
		personal: ['full', 'thumb'],
		export: { include: true, omit: ['full', 'thumb'] }
	},
	{
		name: 'listing_revisions',
		about: 'one change of one listing: the whole listing afterwards (insert-only)',
		refs: [{ field: 'listing.authorId' }, { field: 'by' }, { field: 'recordedBy' }],
		personal: ['listing.title', 'listing.description', 'listing.tags', 'search'],
		insertOnly: true,
		export: { include: true, omit: ['search'] }
	},
	// --- messages
	{
		name: 'conversations',
		about: 'a conversation between two members',
		refs: [{ field: 'participants' }, { field: 'startedBy' }],
		personal: [],
		export: { include: true }
	},
	{
		name: 'chat_messages',
		about: 'one message; both parties of the conversation may see it',
		refs: [{ via: 'conversations', parentField: '_id', field: 'conversationId' }],
		personal: ['text'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'chat_reads',
		about: 'the last message a participant has seen',
		refs: [{ field: 'userId' }],
		personal: [],
		export: { include: true }
	},
	{
		name: 'chat_inbox',
		about: "a person's list of conversations, insert-only (`<userId>:<n>`)",
		refs: [{ field: 'userId' }, { idPrefix: true }],
		personal: [],
		insertOnly: true,
		export: { include: false, why: 'the list of conversations, exported as `conversations`' }
	},
	{
		name: 'chat_pending',
		about: 'a message nobody has been mailed about yet (deleted once handled)',
		refs: [{ field: 'senderId' }, { field: 'recipientId' }],
		personal: [],
		export: { include: true }
	},
	// --- exchanges, ledger, thanks
	{
		name: 'exchange_index',
		about: "an insert-only list of exchange ids (`list` a member's id or `quarter:<id>`)",
		refs: [{ field: 'list' }],
		personal: [],
		insertOnly: true,
		export: { include: false, why: 'the list of exchanges, exported as `exchange_events`' }
	},
	{
		name: 'exchange_events',
		about: 'one event of an exchange; event 1 names both parties in `proposal`',
		refs: [
			{ via: 'exchange_index', parentField: 'exchangeId', field: 'exchangeId' },
			{ field: 'proposal.providerId' },
			{ field: 'proposal.receiverId' },
			{ field: 'by' },
			{ field: 'recordedBy' }
		],
		personal: ['proposal.title', 'reason'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'thanks',
		about: 'a thank-you note after an exchange',
		refs: [{ field: 'authorId' }, { field: 'recipientId' }],
		personal: ['text'],
		export: { include: true }
	},
	{
		name: 'ledger',
		about: 'one immutable transfer between two time accounts (`<quarterId>:<seq>`)',
		refs: [
			{ account: 'from' },
			{ account: 'to' },
			{ field: 'by', exported: false, why: 'booked by them as moderator: in the audit log' },
			{ field: 'override.by', exported: false, why: 'allowed by them as moderator' }
		],
		personal: ['memo', 'override.reason'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'payment_events',
		about: 'a Stripe payment event of one exchange',
		refs: [{ via: 'exchange_index', parentField: 'exchangeId', field: 'exchangeId' }],
		personal: [],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'payment_intents',
		about: 'which exchange a Stripe payment intent pays',
		refs: [{ via: 'exchange_index', parentField: 'exchangeId', field: 'exchangeId' }],
		personal: [],
		export: { include: true }
	},
	{
		name: 'checkout_sessions',
		about: 'a Stripe Checkout session of an exchange',
		refs: [{ via: 'exchange_index', parentField: 'exchangeId', field: 'exchangeId' }],
		personal: [],
		insertOnly: true,
		export: { include: true, omit: ['url'] }
	},
	{
		name: 'connected_accounts',
		about: "a member's Stripe connected account (`_id` the user id)",
		refs: [{ idIs: true }],
		personal: ['stripeAccountId'],
		export: { include: true }
	},
	{
		name: 'connected_account_owners',
		about: 'who owns a Stripe account',
		refs: [{ field: 'userId' }],
		personal: [],
		export: { include: true }
	},
	// --- notifications and mail
	{
		name: 'notifications',
		about: 'an in-app notification, insert-only per person (`<userId>:<n>`)',
		refs: [{ field: 'userId' }, { idPrefix: true }, { field: 'actorId' }],
		personal: ['title'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'notification_reads',
		about: 'the last notification a person has seen (`_id` the user id)',
		refs: [{ idIs: true }],
		personal: [],
		export: { include: true }
	},
	{
		name: 'notification_floors',
		about: 'up to which number old notifications were deleted (`_id` the user id)',
		refs: [{ idIs: true }],
		personal: [],
		export: { include: false, why: 'a number that keeps the notifications counting on' }
	},
	{
		name: 'outbox',
		about: 'one mail, stored before it is sent (`to` the address)',
		refs: [{ email: 'to' }],
		personal: ['to', 'subject', 'text'],
		export: { include: true }
	},
	{
		name: 'mail_events',
		about: 'one delivery event of a mail',
		refs: [{ via: 'outbox', parentField: '_id', field: 'mailId' }],
		personal: [],
		insertOnly: true,
		export: { include: true }
	},
	// --- moderation, cases, notices, budget
	{
		name: 'flags',
		about: "a member's report about a listing, member or conversation",
		refs: [
			{ field: 'reporterId' },
			{
				field: 'target.id',
				exported: false,
				why: 'reports about the person would name who reported them (Art. 15(4) GDPR)'
			}
		],
		personal: ['note'],
		export: { include: true }
	},
	{
		name: 'flag_resolutions',
		about: 'how a report was handled',
		refs: [
			{ via: 'flags', parentField: '_id', field: '_id' },
			{ field: 'by', exported: false, why: 'decided by them as moderator: in the audit log' }
		],
		personal: ['note'],
		export: { include: true }
	},
	{
		name: 'audit',
		about: 'one act of the quarter management or an admin (insert-only)',
		refs: [{ field: 'actorId' }, { field: 'target.id' }],
		personal: ['reason'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'cases',
		about: 'a mediation case between parties',
		refs: [{ field: 'partyIds' }, { field: 'openedBy' }],
		personal: ['title'],
		export: { include: true }
	},
	{
		name: 'case_keys',
		about: 'one case per source (`_id` names the source, e.g. a member)',
		refs: [{ idContains: true, exported: false, why: 'the key under which the case was opened' }],
		personal: [],
		export: { include: false, why: 'technical key, the case itself is exported' }
	},
	{
		name: 'case_events',
		about: 'one event of a case; the management’s private notes are theirs',
		refs: [
			{ via: 'cases', parentField: '_id', field: 'caseId' },
			{ field: 'by' },
			{ field: 'outcome.memberId' }
		],
		personal: ['text'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'calendar_event_log',
		about: 'one step of a calendar event (proposed, approved, rejected, changed, cancelled)',
		refs: [{ field: 'authorId' }, { field: 'by' }],
		personal: ['details', 'reason', 'note'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'calendar_seats',
		about: 'that a person said they come to an event ("Ich komme")',
		refs: [{ field: 'userId' }],
		personal: [],
		export: { include: true }
	},
	{
		name: 'participation_round_log',
		about: 'one step of a Bürgerbudget round (opened, changed, a proposal, a comment, a check)',
		refs: [{ field: 'by' }],
		personal: ['what', 'who', 'text', 'reason'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'participation_ballots',
		about: 'a member’s ballot in a Bürgerbudget round (secret; the latest counts)',
		refs: [{ field: 'userId' }],
		personal: ['choice'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'cases_closed',
		about: 'that a case was closed',
		refs: [{ via: 'cases', parentField: '_id', field: '_id' }],
		personal: [],
		export: { include: true }
	},
	{
		name: 'notice_log',
		about: 'DSA notices, decisions and complaints of a quarter (insert-only)',
		refs: [
			{ email: 'email' },
			{ field: 'authorId', exported: false, why: 'a notice about them names the notifier' },
			{ field: 'affectedId' },
			{ field: 'by', exported: false, why: 'decided by them as moderator' }
		],
		personal: ['name', 'email', 'explanation', 'reasons', 'facts', 'target.label'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'trade_log',
		about: 'trade between two quarters: a management switching it, and hours settled across',
		refs: [
			{
				field: 'by',
				exported: false,
				why: 'switched or settled by them; the hours are in their statement'
			}
		],
		personal: ['memo'],
		insertOnly: true,
		export: {
			include: false,
			why: "a quarter's record; a member's hours are in their own ledger entries"
		}
	},
	{
		name: 'budget_lines',
		about: 'a budget line decided by the quarter conference',
		refs: [{ field: 'createdBy', exported: false, why: 'recorded by them as moderator' }],
		personal: [],
		export: { include: false, why: 'a decision of the quarter, recorded by staff' }
	},
	{
		name: 'budget_line_closures',
		about: 'a budget line closed early',
		refs: [{ field: 'by', exported: false, why: 'closed by them as moderator' }],
		personal: [],
		export: { include: false, why: 'a decision of the quarter, recorded by staff' }
	},
	{
		name: 'budget_euro_grants',
		about: 'euros the office paid against a budget line',
		refs: [
			{ field: 'recipient.userId' },
			{ field: 'by', exported: false, why: 'recorded by them as moderator' }
		],
		personal: ['purpose'],
		insertOnly: true,
		export: { include: true }
	},
	{
		name: 'legal_versions',
		about: 'a version of a legal text (Impressum, Datenschutz, rules)',
		refs: [{ field: 'by', exported: false, why: 'written by them as administrator' }],
		personal: [],
		insertOnly: true,
		export: { include: false, why: 'the operator’s texts, public on the legal pages' }
	},
	{
		name: 'account_deletions',
		about: 'a deleted account: its pseudonym number and dates (`_id` the user id), no name',
		refs: [{ idIs: true }],
		personal: [],
		export: { include: true }
	},
	// --- address check by letter (issue 16 item 5, docs/trust-and-tax.md)
	{
		name: 'address_checks',
		about:
			'an address check by letter (`_id` `<quarterId>:<userId>`); the postal address and the code hash only until the code is used or expires',
		refs: [
			{ field: 'userId' },
			{ field: 'printedBy', exported: false, why: 'printed by them as moderator' }
		],
		personal: ['address', 'blockId'],
		export: { include: true, omit: ['codeHash'] }
	},
	{
		name: 'address_code_uses',
		about: 'that a letter code was used (`_id` the code hash)',
		refs: [{ field: 'userId' }],
		personal: [],
		insertOnly: true,
		export: { include: true, omit: ['_id'] }
	},
	{
		name: 'snapshots',
		about: "a read model's state at one log position (balances, listings, exchanges)",
		refs: [{ idContains: true, exported: false, why: 'derived from the logs exported above' }],
		personal: ['data'],
		export: { include: false, why: 'derived from the logs exported above and rebuilt' }
	}
];

export const NO_PERSON_COLLECTIONS: readonly NoPersonCollection[] = [
	{ name: 'quarters', why: 'the quarters, their settings and taxonomy' },
	{ name: 'rate_limits', why: 'attempt counters keyed by a hash, never a name or address' },
	{ name: 'mail_pending', why: 'a mail id waiting to be sent (the mail is in `outbox`)' },
	{ name: 'mail_failures', why: 'a mail id and a failure kind, kept two days' },
	{ name: 'setup_tokens', why: TOKEN_HASH },
	{ name: 'account_status', why: "a Stripe account's status flags (owner in connected_accounts)" },
	{ name: 'stripe_events', why: "Stripe's events as received; names Stripe ids, not our users" },
	{ name: 'stripe_event_pending', why: 'an event id waiting to be processed' },
	{ name: 'stripe_event_outcomes', why: 'how processing an event went' },
	{ name: 'redactions', why: 'that an erasure happened (a number and a time): servers reload' }
];

export function registryEntry(name: string): PersonalCollection | NoPersonCollection | undefined {
	return (
		PERSONAL_COLLECTIONS.find((c) => c.name === name) ??
		NO_PERSON_COLLECTIONS.find((c) => c.name === name)
	);
}

/** The collections the data download reads, each after the collections its `via` refs need
 * (which may themselves be left out of the download, e.g. `exchange_index`). */
export function exportPlan(): PersonalCollection[] {
	const done = new Set<string>();
	const out: PersonalCollection[] = [];
	const visit = (c: PersonalCollection) => {
		if (done.has(c.name)) return;
		done.add(c.name);
		for (const ref of c.exportBy ?? c.refs) {
			if ('via' in ref) {
				const parent = PERSONAL_COLLECTIONS.find((p) => p.name === ref.via);
				if (parent) visit(parent);
			}
		}
		out.push(c);
	};
	PERSONAL_COLLECTIONS.filter((c) => c.export.include).forEach(visit);
	return out;
}
