// FerretDB v1 has no TTL indexes, so expired sessions, tokens and rate-limit slots are removed
// here. Every app instance may run it: the deletes are idempotent.
import { AsyncLocalStorage } from 'node:async_hooks';
import { deleteExpiredRateLimits } from '../repos/rate-limits';
import { deleteExpiredSessions } from '../repos/sessions';
import { deleteExpiredTokens } from '../repos/tokens';
import { paymentsEnabled } from '../payments/stripe';
import { retryPendingEvents } from '../payments/webhooks';

import { runAutoSettle } from './exchanges';
import { runListingExpiry } from './listings';
import { onMailQueued, purgeMail, runMailSender } from './mail';
import { sendMessageNotifications } from './messaging';

const HOUR = 60 * 60 * 1000;
let timer: ReturnType<typeof setInterval> | null = null;

export async function purgeExpired(
	now: Date
): Promise<{ sessions: number; tokens: number; rateLimits: number }> {
	return {
		sessions: await deleteExpiredSessions(now),
		tokens: await deleteExpiredTokens(now),
		rateLimits: await deleteExpiredRateLimits(now)
	};
}

export function startMaintenance(): void {
	if (timer) return;
	const run = () =>
		purgeExpired(new Date()).catch((err) =>
			console.error('Clean-up of expired records failed:', err)
		);
	setTimeout(run, 30_000).unref();
	timer = setInterval(run, HOUR);
	timer.unref();

	// Listings expire and exchanges settle within ten minutes of being due; expiry reminders go
	// out a week before.
	const due = () => {
		const now = new Date();
		void runListingExpiry(now).catch((err) => console.error('Listing expiry failed:', err));
		void runAutoSettle(now).catch((err) => console.error('Auto-settle failed:', err));
	};
	setTimeout(due, 20_000).unref();
	setInterval(due, 10 * 60 * 1000).unref();

	// Message mails follow a 10/15-minute rule; checking every minute keeps them on time. A run
	// that takes longer than a minute is not started twice.
	let notifying = false;
	const notify = () => {
		if (notifying) return;
		notifying = true;
		sendMessageNotifications(new Date())
			.catch((err) => console.error('Message notifications failed:', err))
			.finally(() => (notifying = false));
	};
	setInterval(notify, 60_000).unref();

	// Stripe events whose processing failed are tried again after 1, 2, 4, … minutes (at most
	// every 6 hours, never given up); see docs/payments.md.
	let retrying = false;
	const retryWebhooks = () => {
		if (retrying || !paymentsEnabled()) return;
		retrying = true;
		retryPendingEvents(new Date())
			.catch((err) => console.error('Retrying Stripe events failed:', err))
			.finally(() => (retrying = false));
	};
	setInterval(retryWebhooks, 60_000).unref();

	// Stored mails go out through SMTP: every 30 seconds, and right after a mail is stored (the
	// request does not wait for it; the nudge runs outside the request's context). A run asked
	// for while one is going runs once more after it. Several servers may send: each mail goes
	// out once (docs/mail.md).
	let sending = false;
	let again = false;
	const send = () => {
		if (sending) return void (again = true);
		sending = true;
		runMailSender(new Date())
			.catch((err) => console.error('Sending mail failed:', err))
			.finally(() => {
				sending = false;
				if (again) setImmediate(send);
				again = false;
			});
	};
	const outsideRequests = AsyncLocalStorage.snapshot();
	onMailQueued(() => outsideRequests(() => setImmediate(send)));
	setInterval(send, 30_000).unref();
	setInterval(
		() => void purgeMail(new Date()).catch((err) => console.error('Mail clean-up failed:', err)),
		HOUR
	).unref();
}
