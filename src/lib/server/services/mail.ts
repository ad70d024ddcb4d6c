// Mail that is never lost: `sendMail` only stores the mail (the request does not wait for SMTP),
// and the sender job delivers it, retrying with backoff. Each attempt is claimed by an insert
// under a unique key before the SMTP conversation starts, so however many app servers run the
// sender, a mail goes out once as far as the app can know (docs/mail.md says where that ends).
// Without SMTP_URL (development, demo, tests) mails are recorded as not sent and stay readable
// at /dev/mail.
import nodemailer, { type Transporter } from 'nodemailer';
import {
	LEASE_MS,
	applyMailEvent,
	emptyMailState,
	failedAttempt,
	isPermanentSmtpError,
	nextStep,
	summarizeMail,
	type MailEvent,
	type MailState,
	type MailStatus
} from '../../domain/mail/delivery';
import type { Locale } from '../../domain/locale';
import * as m from '../../paraglide/messages';
import { env } from '../env';
import { newId } from '../ids';
import { Log } from '../logs';
import {
	countFailuresSince,
	deleteFailuresBefore,
	deleteMailEvents,
	deletePending,
	insertFailure,
	insertPending,
	listPending,
	mailEventStore,
	type StoredMailEvent
} from '../repos/mail-events';
import {
	deleteOldMail,
	findMail,
	insertMail,
	listMail as listNewestMail,
	listMailEntries,
	purgeMailTexts,
	updateMailSummary,
	type OutboxEntry,
	type OutboxMail
} from '../repos/outbox';

const DAY = 24 * 60 * 60 * 1000;

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/**
 * A mail's text as every mail reads: one greeting with the person's name (plain when a notifier
 * gave none), the body, one closing. The message files hold only the bodies.
 */
export function letter(locale: Locale, name: string | null | undefined, body: string): string {
	const trimmed = name?.trim();
	const greeting = trimmed
		? m.mail_greeting({ name: trimmed }, { locale })
		: m.mail_greeting_anonymous({}, { locale });
	return `${greeting}\n\n${body.trim()}\n\n${m.mail_closing({}, { locale })}`;
}

const queuedListeners = new Set<() => void>();

/** Called after every stored mail (the maintenance job sends at once); returns an unsubscribe. */
export function onMailQueued(listener: () => void): () => void {
	queuedListeners.add(listener);
	return () => queuedListeners.delete(listener);
}

/**
 * Stores the mail for the sender and returns. The pending marker is written first: a crash
 * between the two inserts leaves a marker without a mail, which the sender drops, never a mail
 * that nobody sends.
 */
export async function sendMail(mail: Mail, now = new Date()): Promise<void> {
	const id = newId();
	await insertPending(id, now);
	await insertMail({ id, ...mail, createdAt: now });
	for (const listener of queuedListeners) listener();
}

// ── The sender ─────────────────────────────────────────────────────────────────────────────

export interface SenderOptions {
	/** SMTP server URL; null: no server, mails are recorded as not sent. */
	smtpUrl: string | null;
	from: string;
	/** Names this sender in its claims (for the docs and debugging). */
	name?: string;
}

export interface SenderRun {
	sent: number;
	retrying: number;
	failed: number;
	/** Mails that were in flight elsewhere or not due yet. */
	waiting: number;
}

type Outcome = keyof SenderRun;

/** Mails one sender delivers at a time (oldest first). */
const PARALLEL = 4;
/** A mail whose pending marker is this young may still be being stored by its request. */
const IN_FLIGHT_MS = 60_000;
/** SMTP timeouts well inside the claim's lease, so that a live sender never outlasts it. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

function describeError(err: unknown): string {
	const e = err as { response?: unknown; code?: unknown; message?: unknown };
	const text =
		typeof e.response === 'string'
			? e.response
			: `${typeof e.code === 'string' ? `${e.code}: ` : ''}${String(e.message ?? err)}`;
	return text.slice(0, 500);
}

/** A stable Message-ID, so that a mail sent a second time (docs/mail.md) is recognisably the
 * same message to the receiving mail programs. */
function messageId(mailId: string, from: string): string {
	const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'quartiermarkt.local';
	return `<${mailId}@${domain}>`;
}

export class MailSender {
	private readonly transport: Transporter | null;
	private readonly name: string;
	/** This server's view of each mail's delivery events; the database keeps servers apart. */
	private readonly log = new Log<MailState, StoredMailEvent>({
		name: 'mail',
		store: mailEventStore,
		seqOf: (event) => event.n,
		empty: emptyMailState,
		apply: applyMailEvent,
		freshMs: 0,
		maxStreams: 1_000
	});

	constructor(private readonly options: SenderOptions) {
		this.transport = options.smtpUrl
			? nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS })
			: null;
		this.name = options.name ?? newId();
	}

	/**
	 * Delivers every pending mail that is due, a few at a time. The clock runs on from `now`
	 * (tests pass a later time to get past a backoff): a claim made late in a long run must not
	 * carry a lease that has run out already.
	 */
	async run(now: Date): Promise<SenderRun> {
		const skew = now.getTime() - Date.now();
		const clock = () => new Date(Date.now() + skew);
		const counts: SenderRun = { sent: 0, retrying: 0, failed: 0, waiting: 0 };
		const work = await listPending();
		const worker = async () => {
			for (let next = work.shift(); next; next = work.shift()) {
				counts[await this.deliver(next._id, next.createdAt, clock)]++;
			}
		};
		await Promise.all(Array.from({ length: PARALLEL }, worker));
		return counts;
	}

	close(): void {
		this.transport?.close();
	}

	private async deliver(id: string, pendingSince: Date, clock: () => Date): Promise<Outcome> {
		const now = clock();
		const mail = await findMail(id);
		if (!mail) {
			if (now.getTime() - pendingSince.getTime() >= IN_FLIGHT_MS) await deletePending(id);
			return 'waiting';
		}
		const smtp = this.transport !== null;
		const step = await this.log.append<'done' | 'wait'>(id, (state, n) => {
			const next = nextStep(state, mail.createdAt, now, smtp);
			const event = ((): MailEvent | null => {
				switch (next.kind) {
					case 'claim':
						return {
							kind: 'claim',
							attempt: next.attempt,
							at: now,
							leaseUntil: new Date(now.getTime() + LEASE_MS),
							by: this.name
						};
					case 'give_up':
						return {
							kind: 'failed',
							attempt: next.attempt,
							at: now,
							failure: 'gave_up',
							error: 'no answer from the sender of the last attempt'
						};
					case 'no_smtp':
						return { kind: 'failed', attempt: 0, at: now, failure: 'no_smtp', error: null };
					default:
						return null;
				}
			})();
			if (event) return { ok: true, entry: { ...event, mailId: id, n } };
			return { ok: false, problem: next.kind === 'done' ? 'done' : 'wait' };
		});
		if (!step.ok) {
			if (step.problem === 'done') await this.settle(id);
			return 'waiting';
		}
		if (step.entry.kind !== 'claim') return this.settle(id);
		return this.attempt(mail, step.entry.attempt, clock);
	}

	/** The SMTP conversation of a claimed attempt, and its recorded result. */
	private async attempt(mail: OutboxMail, attempt: number, clock: () => Date): Promise<Outcome> {
		let result: MailEvent;
		try {
			const info = await this.transport!.sendMail({
				from: this.options.from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				messageId: messageId(mail.id, this.options.from)
			});
			result = { kind: 'sent', attempt, at: clock(), response: String(info.response ?? '') };
		} catch (err) {
			const error = describeError(err);
			const permanent = isPermanentSmtpError(err as { responseCode?: number; code?: string });
			result = failedAttempt(attempt, mail.createdAt, clock(), error, permanent);
		}
		const recorded = await this.log.append<'taken'>(mail.id, (state, n) =>
			state.attempts.find((a) => a.attempt === attempt)?.result
				? { ok: false, problem: 'taken' }
				: { ok: true, entry: { ...result, mailId: mail.id, n } }
		);
		if (!recorded.ok) {
			// Another sender ended this attempt after our claim ran out (docs/mail.md).
			console.warn(`Mail ${mail.id}: the result of attempt ${attempt} (${result.kind}) came late`);
		}
		return this.settle(mail.id);
	}

	/** Writes the mail's summary for the admin list; an ended mail leaves the pending list. */
	private async settle(id: string): Promise<Outcome> {
		const summary = summarizeMail(await this.log.read(id));
		await updateMailSummary(id, summary);
		if (summary.status === 'queued') return 'retrying';
		if (summary.failure) await insertFailure(id, summary.endedAt!, summary.failure);
		await deletePending(id);
		return summary.status;
	}
}

let appSender: MailSender | null = null;

/** The job: delivers the due mails through the configured SMTP server. */
export function runMailSender(now: Date): Promise<SenderRun> {
	appSender ??= new MailSender({ smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM });
	return appSender.run(now);
}

// ── Housekeeping ───────────────────────────────────────────────────────────────────────────

/** How long a mail is kept after its delivery ended (docs/mail.md). Sent mails carry one-time
 * links: their text goes after a week. Failed ones stay longer for the admin. */
export const MAIL_KEEP = {
	sentTextMs: 7 * DAY,
	sentMs: 90 * DAY,
	failedTextMs: 30 * DAY,
	failedMs: 180 * DAY
} as const;

/** The job: empties old mail texts and deletes old mails with their events. Idempotent. */
export async function purgeMail(now: Date): Promise<{ texts: number; mails: number }> {
	const before = (ms: number) => new Date(now.getTime() - ms);
	const texts = await purgeMailTexts(
		before(MAIL_KEEP.sentTextMs),
		before(MAIL_KEEP.failedTextMs),
		now
	);
	const ids = await deleteOldMail(before(MAIL_KEEP.sentMs), before(MAIL_KEEP.failedMs));
	await deleteMailEvents(ids);
	await deleteFailuresBefore(before(2 * DAY));
	return { texts, mails: ids.length };
}

// ── For the admin area, /healthz and /dev/mail ─────────────────────────────────────────────

export type MailListEntry = Pick<
	OutboxEntry,
	'id' | 'to' | 'subject' | 'createdAt' | 'status' | 'attempts' | 'lastError' | 'failure' | 'sentAt'
>;

/** The newest mails (of one status), older than the mail `before` when paging. */
export async function listMail(query: {
	status?: MailStatus;
	limit: number;
	before?: string;
}): Promise<MailListEntry[]> {
	const entries = await listMailEntries(query);
	return entries.map(
		({ id, to, subject, createdAt, status, attempts, lastError, failure, sentAt }) => ({
			id,
			to,
			subject,
			createdAt,
			status,
			attempts,
			lastError,
			failure,
			sentAt
		})
	);
}

export interface MailQueue {
	/** Mails waiting to be sent. */
	queued: number;
	oldestQueuedAt: Date | null;
	oldestQueuedAgeMs: number | null;
	/** Mails refused by the SMTP server or given up in the last 24 hours. */
	failedLast24h: number;
	/** Mails not sent in the last 24 hours because no SMTP server is configured. */
	unsentLast24h: number;
	smtpConfigured: boolean;
}

export async function mailQueue(now = new Date()): Promise<MailQueue> {
	const pending = await listPending();
	const oldest = pending[0]?.createdAt ?? null;
	const failed = await countFailuresSince(new Date(now.getTime() - DAY));
	return {
		queued: pending.length,
		oldestQueuedAt: oldest,
		oldestQueuedAgeMs: oldest ? Math.max(0, now.getTime() - oldest.getTime()) : null,
		failedLast24h: failed.permanent + failed.gave_up,
		unsentLast24h: failed.no_smtp,
		smtpConfigured: Boolean(env.SMTP_URL)
	};
}

/** The newest mails in the outbox, optionally to one address (the developers' /dev/mail). */
export function listOutbox(limit: number, to?: string): Promise<OutboxMail[]> {
	return listNewestMail(limit, to);
}

export function findOutboxMail(id: string): Promise<OutboxMail | null> {
	return findMail(id);
}
