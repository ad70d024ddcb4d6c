import { rateLimitSlotIds, retryAfterSeconds, type RateLimitRule } from '../../domain/auth/policy';
import { hashToken } from '../ids';
import { takeRateLimitSlot } from '../repos/rate-limits';

export interface Limited {
	ok: false;
	reason: 'rate_limited';
	/** Seconds until another attempt may succeed. */
	retryAfter: number;
}

/**
 * Counts one attempt against each rule; returns the longest wait when any rule is exhausted.
 * Subjects (IP addresses, emails) are stored hashed.
 */
export async function consumeAttempt(
	checks: Array<{ rule: RateLimitRule; subject: string }>,
	now: Date
): Promise<Limited | null> {
	let retryAfter = 0;
	for (const { rule, subject } of checks) {
		const ids = rateLimitSlotIds(rule, hashToken(subject).slice(0, 24), now);
		const expiresAt = new Date(now.getTime() + rule.windowMs * 2);
		if (!(await takeRateLimitSlot(ids, expiresAt))) {
			retryAfter = Math.max(retryAfter, retryAfterSeconds(rule, now));
		}
	}
	return retryAfter > 0 ? { ok: false, reason: 'rate_limited', retryAfter } : null;
}
