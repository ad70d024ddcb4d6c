// How one stored mail goes out: its delivery is an insert-only list of events (a claim per
// attempt, a result per attempt), and what the sender does next follows from them alone. The
// sender (services/mail.ts) appends the events under unique keys, so two servers can never both
// claim the same attempt; see docs/mail.md.

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** How long a claim keeps other senders away. Longer than an SMTP conversation may take (the
 * transport's timeouts are shorter), so only a crashed sender's claim runs out. */
export const LEASE_MS = 5 * MINUTE;
/** A mail that has not gone out this long after it was stored is given up after its next failure. */
export const GIVE_UP_AFTER_MS = 48 * HOUR;

/** Why a mail was not delivered: the SMTP server refused it for good, every try failed for
 * 48 hours, or no SMTP server is configured (development, demo, tests). */
export type FailureKind = 'permanent' | 'gave_up' | 'no_smtp';

export type MailStatus = 'queued' | 'sent' | 'failed';

export type MailEvent =
	/** Attempt `attempt` is this sender's until `leaseUntil`. */
	| { kind: 'claim'; attempt: number; at: Date; leaseUntil: Date; by: string }
	| { kind: 'sent'; attempt: number; at: Date; response: string | null }
	/** The attempt failed for now; the next may start at `nextAt`. */
	| { kind: 'retry'; attempt: number; at: Date; error: string; nextAt: Date }
	/** The end: no further attempt. `attempt` 0 when none was made (no SMTP server). */
	| { kind: 'failed'; attempt: number; at: Date; failure: FailureKind; error: string | null };

/** The unique key of an event within its mail: one claim and one result per attempt. */
export function eventKey(event: MailEvent): string {
	return `${event.kind === 'claim' ? 'claim' : 'result'}:${event.attempt}`;
}

export interface Attempt {
	attempt: number;
	claimedAt: Date;
	leaseUntil: Date;
	/** null while in flight, or when its sender crashed before it recorded the outcome. */
	result: Exclude<MailEvent, { kind: 'claim' }> | null;
}

export interface MailState {
	attempts: Attempt[];
	/** The result that ended the delivery, or null while it is queued. */
	end: Extract<MailEvent, { kind: 'sent' | 'failed' }> | null;
	lastError: string | null;
}

export function emptyMailState(): MailState {
	return { attempts: [], end: null, lastError: null };
}

/** Folds the next event into the state (in place). */
export function applyMailEvent(state: MailState, event: MailEvent): void {
	if (event.kind === 'claim') {
		state.attempts.push({
			attempt: event.attempt,
			claimedAt: event.at,
			leaseUntil: event.leaseUntil,
			result: null
		});
		return;
	}
	const attempt = state.attempts.find((a) => a.attempt === event.attempt);
	if (attempt) attempt.result = event;
	if (event.kind === 'retry') state.lastError = event.error;
	if (event.kind === 'failed') {
		if (event.error !== null) state.lastError = event.error;
		// A late result of an earlier attempt does not undo an end: a mail that went out stays sent.
		state.end ??= event;
	}
	if (event.kind === 'sent') state.end = event;
}

export function mailStatus(state: MailState): MailStatus {
	if (!state.end) return 'queued';
	return state.end.kind === 'sent' ? 'sent' : 'failed';
}

/** Wait after the n-th failed attempt: 1, 2, 4, 8, 16, 32 minutes, then every hour. */
export function retryDelayMs(failures: number): number {
	if (failures <= 0) return 0;
	return failures <= 6 ? 2 ** (failures - 1) * MINUTE : HOUR;
}

export type Step =
	| { kind: 'done' }
	/** In flight under another sender's claim, or waiting for its retry time. */
	| { kind: 'wait'; until: Date }
	| { kind: 'claim'; attempt: number }
	/** A crashed sender's attempt ran out after the mail's 48 hours: end it. */
	| { kind: 'give_up'; attempt: number }
	| { kind: 'no_smtp' };

/** What a sender does with the mail now. */
export function nextStep(state: MailState, createdAt: Date, now: Date, smtp: boolean): Step {
	if (state.end) return { kind: 'done' };
	const last = state.attempts.at(-1);
	if (last && !last.result && now < last.leaseUntil)
		return { kind: 'wait', until: last.leaseUntil };
	if (last?.result?.kind === 'retry' && now < last.result.nextAt) {
		return { kind: 'wait', until: last.result.nextAt };
	}
	if (!smtp) return { kind: 'no_smtp' };
	// A claim whose sender never said how it went: perhaps sent, perhaps not. It counts as a
	// failure; the next attempt may resend the mail once (the limit docs/mail.md explains).
	if (last && !last.result && now.getTime() - createdAt.getTime() >= GIVE_UP_AFTER_MS) {
		return { kind: 'give_up', attempt: last.attempt };
	}
	return { kind: 'claim', attempt: (last?.attempt ?? 0) + 1 };
}

/** Whether an SMTP error means the mail can never be delivered. A 5xx reply refuses it for
 * good (unknown mailbox, rejected content), except the replies about our own login (530, 534,
 * 535, 538): those are a configuration mistake that an operator fixes, so the mail waits. */
export function isPermanentSmtpError(error: { responseCode?: number; code?: string }): boolean {
	const reply = error.responseCode;
	if (error.code === 'EAUTH' || reply === undefined) return false;
	return reply >= 500 && reply < 600 && ![530, 534, 535, 538].includes(reply);
}

/** The result of attempt `attempt` that failed at `at`: a retry, or the end. */
export function failedAttempt(
	attempt: number,
	createdAt: Date,
	at: Date,
	error: string,
	permanent: boolean
): Extract<MailEvent, { kind: 'retry' | 'failed' }> {
	if (permanent) return { kind: 'failed', attempt, at, failure: 'permanent', error };
	const nextAt = new Date(at.getTime() + retryDelayMs(attempt));
	if (nextAt.getTime() - createdAt.getTime() > GIVE_UP_AFTER_MS) {
		return { kind: 'failed', attempt, at, failure: 'gave_up', error };
	}
	return { kind: 'retry', attempt, at, error, nextAt };
}

export interface MailSummary {
	status: MailStatus;
	attempts: number;
	lastError: string | null;
	failure: FailureKind | null;
	sentAt: Date | null;
	/** When the delivery ended (sent or failed). */
	endedAt: Date | null;
}

/** What the admin list shows of a mail's delivery. */
export function summarizeMail(state: MailState): MailSummary {
	const end = state.end;
	return {
		status: mailStatus(state),
		attempts: state.attempts.length,
		lastError: state.lastError,
		failure: end?.kind === 'failed' ? end.failure : null,
		sentAt: end?.kind === 'sent' ? end.at : null,
		endedAt: end?.at ?? null
	};
}
