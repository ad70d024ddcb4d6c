// The app's recurring work, as jobs of the one runner (server/jobs.ts): every app instance may
// run them. FerretDB v1 has no TTL indexes, so expired sessions, tokens and rate-limit slots,
// old notifications and closed conversations are removed here after their retention periods
// (services/privacy/retention.ts, idempotent deletes); listings expire, exchanges settle, mails,
// message mails and Stripe event retries go out on their schedules.
import { AsyncLocalStorage } from 'node:async_hooks';
import { registerJob } from '../jobs';
import { paymentsEnabled } from '../payments/stripe';
import { retryPendingEvents } from '../payments/webhooks';

import { runEventReminders } from './calendar/jobs';
import { purgeSellerData, runDac7Reminders } from './dac7';
import { finishDeletions, followRedactions } from './deletion';
import { runAutoSettle } from './exchanges';
import { runListingExpiry } from './listings';
import { onMailQueued, purgeMail, runMailSender } from './mail';
import { sendMessageNotifications } from './messaging';
import { purgeExpired as purgeExpiredAfter, retentionPeriods, runRetention } from './privacy';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Expired sessions, tokens and rate-limit slots, after RETENTION_EXPIRED_DAYS. */
export function purgeExpired(
	now: Date
): Promise<{ sessions: number; tokens: number; rateLimits: number }> {
	return purgeExpiredAfter(now, retentionPeriods().expiredDays);
}

let started = false;

export function startMaintenance(): void {
	if (started) return;
	started = true;
	// The expired records, old notifications and closed conversations (docs/legal.md).
	registerJob({
		name: 'purge-expired',
		everyMs: HOUR,
		firstAfterMs: 30_000,
		run: (now) => runRetention(now)
	});
	// Listings expire and exchanges settle within ten minutes of being due; expiry reminders go
	// out a week before.
	registerJob({
		name: 'listing-expiry',
		everyMs: 10 * MINUTE,
		firstAfterMs: 20_000,
		run: runListingExpiry
	});
	registerJob({
		name: 'auto-settle',
		everyMs: 10 * MINUTE,
		firstAfterMs: 20_000,
		run: runAutoSettle
	});
	// Reminders for tomorrow's events go out from 09:00 on the quarter's clock (docs/events.md).
	registerJob({
		name: 'event-reminders',
		everyMs: 10 * MINUTE,
		firstAfterMs: 25_000,
		run: runEventReminders
	});
	// Message mails follow a 10/15-minute rule; checking every minute keeps them on time.
	registerJob({ name: 'message-notifications', everyMs: MINUTE, run: sendMessageNotifications });
	// Stripe events whose processing failed are tried again after 1, 2, 4, … minutes (at most
	// every 6 hours, never given up); see docs/payments.md.
	if (paymentsEnabled()) {
		registerJob({ name: 'stripe-event-retries', everyMs: MINUTE, run: retryPendingEvents });
	}

	// Stored mails go out through SMTP: every 30 seconds, and right after a mail is stored (the
	// request does not wait for it; the nudge runs outside the request's context, so the mail log
	// stays out of the person's read-your-writes marks). Several servers may send: each mail goes
	// out once (docs/mail.md).
	const mailSender = registerJob({
		name: 'mail-sender',
		everyMs: 30_000,
		firstAfterMs: 5_000,
		run: runMailSender
	});
	const outsideRequests = AsyncLocalStorage.snapshot();
	onMailQueued(() => outsideRequests(() => setImmediate(() => void mailSender.runNow())));
	registerJob({ name: 'mail-purge', everyMs: HOUR, firstAfterMs: 60_000, run: purgeMail });
	// Account deletions that stopped half-way are finished; every server reloads its read models
	// within seconds of an erasure elsewhere (docs/legal.md, "Löschen mit Einfüge-Logs").
	registerJob({
		name: 'account-deletions',
		everyMs: 10 * MINUTE,
		firstAfterMs: 60_000,
		run: finishDeletions
	});
	registerJob({ name: 'follow-redactions', everyMs: 10_000, run: followRedactions });
	// PStTG: the request for seller data, two reminders, the pause; seller data of deleted
	// accounts after the legal period (docs/trust-and-tax.md, section 7).
	registerJob({
		name: 'dac7-reminders',
		everyMs: HOUR,
		firstAfterMs: 90_000,
		run: (now) => runDac7Reminders(now)
	});
	registerJob({
		name: 'dac7-purge',
		everyMs: 24 * HOUR,
		firstAfterMs: 120_000,
		run: purgeSellerData
	});
}
