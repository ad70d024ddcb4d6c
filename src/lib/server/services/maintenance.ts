// FerretDB v1 has no TTL indexes, so expired sessions, tokens and rate-limit slots are removed
// here. Every app instance may run it: the deletes are idempotent.
import { deleteExpiredRateLimits } from '../repos/rate-limits';
import { deleteExpiredSessions } from '../repos/sessions';
import { deleteExpiredTokens } from '../repos/tokens';

import { runListingExpiry } from './listings';
import { sendMessageNotifications } from './messaging';

const HOUR = 60 * 60 * 1000;
let timer: ReturnType<typeof setInterval> | null = null;
let listingTimer: ReturnType<typeof setInterval> | null = null;

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

	// Listings expire to the minute they are due; reminders go out a week before.
	const expire = () =>
		runListingExpiry(new Date()).catch((err) => console.error('Listing expiry failed:', err));
	setTimeout(expire, 20_000).unref();
	listingTimer = setInterval(expire, 10 * 60 * 1000);
	listingTimer.unref();

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
}
