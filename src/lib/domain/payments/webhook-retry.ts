// When a stored webhook event that could not be processed is tried again, and when the quarter
// management should look at it. Events are never thrown away: retries go on at the longest
// interval for as long as it takes.

const MINUTE = 60 * 1000;

/** Wait after the n-th failure: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelayMs(failures: number): number {
	if (failures <= 0) return 0;
	return Math.min(2 ** (failures - 1), 6 * 60) * MINUTE;
}

export function retryDue(failures: number, lastFailureAt: Date | null, now: Date): boolean {
	if (failures === 0 || !lastFailureAt) return true;
	return now.getTime() - lastFailureAt.getTime() >= retryDelayMs(failures);
}

/** Failed this often, or unprocessed this long after arriving: shown to moderators. */
export const STUCK_AFTER_FAILURES = 3;
export const STUCK_AFTER_MS = 60 * MINUTE;

export function isStuck(failures: number, receivedAt: Date, now: Date): boolean {
	return failures >= STUCK_AFTER_FAILURES || now.getTime() - receivedAt.getTime() >= STUCK_AFTER_MS;
}
