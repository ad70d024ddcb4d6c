// What is kept how long (Art. 5(1)(e) GDPR), as pure rules: the maintenance job
// (services/privacy/retention.ts) deletes what these say is due. Periods are configured in days
// (server/config.js, RETENTION_*); docs/legal.md and the privacy notice template name them.
import type { RateLimitRule } from '../auth/policy';
import type { ListingState } from '../listings/listing';

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionPeriods {
	/** In-app notifications, from the day they were made. */
	notificationsDays: number;
	/** Closed conversations (see `isConversationClosed`), from their last message. */
	conversationsDays: number;
	/** Expired sessions, one-time links and rate-limit slots, from their expiry. */
	expiredDays: number;
}

/**
 * The moment before which records of `days` are due: the start of today (UTC) minus the period.
 * Counting from the day, not the instant, gives every server running the job on the same day the
 * same cutoff, so that two of them at once decide the same (see services/privacy/retention.ts).
 */
export function retentionCutoff(now: Date, days: number): Date {
	return new Date(Math.floor(now.getTime() / DAY) * DAY - days * DAY);
}

/** Listing states in which a conversation about the listing may still lead somewhere. */
const LIVE_LISTING: readonly ListingState[] = ['draft', 'pending', 'published', 'paused'];

export interface ConversationFacts {
	createdAt: Date;
	/** The newest message's time (null without messages). */
	lastAt: Date | null;
	/** The state of the listing it is about; null for a direct conversation, 'gone' when the
	 * listing is not found any more. */
	listingState: ListingState | 'gone' | null;
	/** A member's report about this conversation is not resolved yet. */
	openReport: boolean;
}

/**
 * A conversation is closed, and deleted once its period has passed, when nobody has written in
 * it since the cutoff, the listing it is about is no longer live (closed, expired, rejected,
 * hidden or gone), and no report about it is still open. A direct conversation (no listing)
 * counts as closed by the silence alone.
 */
export function isConversationClosed(facts: ConversationFacts, cutoff: Date): boolean {
	const last = facts.lastAt ?? facts.createdAt;
	if (last.getTime() >= cutoff.getTime()) return false;
	if (facts.openReport) return false;
	return facts.listingState === null || !LIVE_LISTING.includes(facts.listingState as ListingState);
}

/** Data downloads per person: building one reads every collection, so a few an hour. */
export const DATA_EXPORT_LIMIT: RateLimitRule = {
	name: 'data-export',
	max: 5,
	windowMs: 60 * 60 * 1000
};

/** The download's file name, e.g. `quartiermarkt-daten-2026-12-03.zip`. */
export function exportFileName(now: Date, locale: 'de' | 'en'): string {
	const day = now.toISOString().slice(0, 10);
	return `quartiermarkt-${locale === 'de' ? 'daten' : 'data'}-${day}.zip`;
}
