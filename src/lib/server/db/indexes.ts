// Indexes are created idempotently at start-up. On the embedded FerretDB (SQLite) secondary
// indexes only enforce uniqueness; on MongoDB they also speed up the non-_id queries below.
import type { Db, IndexDescription } from 'mongodb';

export const INDEXES: Record<string, IndexDescription[]> = {
	users: [{ key: { email: 1 }, name: 'email_unique', unique: true }],
	memberships: [
		{ key: { quarterId: 1, state: 1 }, name: 'quarter_state' },
		{ key: { userId: 1 }, name: 'user' }
	],
	sessions: [
		{ key: { userId: 1 }, name: 'user' },
		{ key: { expiresAt: 1 }, name: 'expires' }
	],
	tokens: [{ key: { userId: 1, purpose: 1 }, name: 'user_purpose' }],
	rate_limits: [{ key: { expiresAt: 1 }, name: 'expires' }],
	outbox: [
		{ key: { createdAt: -1 }, name: 'created' },
		{ key: { to: 1 }, name: 'to' }
	],
	// One claim and one result per attempt of a mail, whichever server sends it (docs/mail.md).
	mail_events: [
		{ key: { key: 1 }, name: 'key_unique', unique: true },
		{ key: { mailId: 1 }, name: 'mail' }
	],
	// One transfer per idempotency key and quarter (an exchange settles once, a reversal happens
	// once), whichever app server books it.
	ledger: [
		{ key: { quarterId: 1, key: 1 }, name: 'quarter_key_unique', unique: true },
		{ key: { from: 1 }, name: 'from' },
		{ key: { to: 1 }, name: 'to' }
	],
	// Two changes made from the same revision of a listing cannot both be stored.
	listing_revisions: [
		{ key: { listingId: 1, revision: 1 }, name: 'listing_revision_unique', unique: true },
		{ key: { 'listing.authorId': 1 }, name: 'author' }
	],
	audit: [{ key: { quarterId: 1, at: -1 }, name: 'quarter_at' }],
	flags: [{ key: { quarterId: 1, createdAt: -1 }, name: 'quarter_created' }],
	profiles: [{ key: { quarterId: 1, talentDirectory: 1 }, name: 'quarter_talent' }],
	// Warming a quarter's exchanges reads its events at once (fast on MongoDB and PostgreSQL).
	exchange_events: [
		{ key: { quarterId: 1 }, name: 'quarter' },
		{ key: { exchangeId: 1 }, name: 'exchange' }
	],
	// The data download (services/privacy) finds a person's documents by these fields, and
	// retention reads old notifications and quiet conversations by time.
	exchange_index: [{ key: { list: 1 }, name: 'list' }],
	conversations: [
		{ key: { participants: 1 }, name: 'participants' },
		{ key: { lastAt: 1 }, name: 'last_at' }
	],
	chat_messages: [{ key: { conversationId: 1 }, name: 'conversation' }],
	notifications: [
		{ key: { userId: 1 }, name: 'user' },
		{ key: { at: 1 }, name: 'at' }
	],
	thanks: [
		{ key: { authorId: 1 }, name: 'author' },
		{ key: { recipientId: 1 }, name: 'recipient' }
	],
	// A Stripe event or status read is stored once in its log, whichever server records it.
	account_status: [{ key: { source: 1 }, name: 'source_unique', unique: true }],
	payment_events: [{ key: { eventId: 1 }, name: 'event_unique', unique: true }],
	cases: [{ key: { quarterId: 1, openedAt: 1 }, name: 'quarter_opened' }],
	cases_closed: [{ key: { quarterId: 1 }, name: 'quarter' }],
	// A notice, a decision, a complaint and its decision are each stored once (docs/legal.md).
	notice_log: [{ key: { key: 1 }, name: 'key_unique', unique: true }],
	// A euro grant is recorded once per form submit, whichever server takes it.
	budget_euro_grants: [{ key: { quarterId: 1, key: 1 }, name: 'quarter_key_unique', unique: true }],
	// A quarter's calendar is read with one query; a person holds one seat per event.
	calendar_event_log: [{ key: { quarterId: 1 }, name: 'quarter' }],
	calendar_seats: [
		{ key: { eventId: 1, userId: 1 }, name: 'event_user_unique', unique: true },
		{ key: { quarterId: 1 }, name: 'quarter' }
	],
	// A quarter's Bürgerbudget rounds are read with one query, a round's ballots with another.
	participation_round_log: [{ key: { quarterId: 1 }, name: 'quarter' }],
	participation_ballots: [{ key: { roundId: 1 }, name: 'round' }],
	// A quarter's address checks are listed for the letters page (docs/trust-and-tax.md).
	address_checks: [{ key: { quarterId: 1 }, name: 'quarter' }],
	// A pseudonym's number names one deleted account (docs/legal.md).
	account_deletions: [{ key: { n: 1 }, name: 'n_unique', unique: true }]
};

/**
 * Creates the indexes that are missing, one `createIndexes` call per index. FerretDB v1.24.2
 * panics ("slice bounds out of range") and drops the connection when one call names several
 * indexes that all exist already, i.e. on every restart; see docs/architecture.md.
 */
export async function ensureIndexes(db: Db): Promise<void> {
	for (const [name, indexes] of Object.entries(INDEXES)) {
		const collection = db.collection(name);
		const existing = new Set(
			(
				await collection
					.listIndexes()
					.toArray()
					.catch(() => [])
			).map((index) => index.name as string)
		);
		for (const index of indexes) {
			if (!existing.has(index.name!)) await collection.createIndexes([index]);
		}
	}
}
