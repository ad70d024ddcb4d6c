// Read-your-writes behind a round-robin balancer. The log entries a person's request appended
// are noted (log, stream, number) and sent back in a short-lived cookie; the next request, on
// whichever server, reads every noted stream up to at least that number before answering. So a
// listing saved on one server is there when the browser follows the redirect to another.
import { AsyncLocalStorage } from 'node:async_hooks';

export const SEEN_COOKIE = 'qm_seen';
/** Long enough for a redirect and the page after it; after that the freshness rule suffices. */
export const SEEN_MAX_AGE_S = 60;
/** A cookie stays small: the newest marks win. */
const MAX_MARKS = 16;

interface Context {
	/** `<log>\t<stream>` → the highest number this person's requests appended. */
	marks: Map<string, number>;
	changed: boolean;
}

const storage = new AsyncLocalStorage<Context>();

const markKey = (log: string, stream: string) => `${log}\t${stream}`;

/** Runs a request with the marks of its cookie; `finish` gives the cookie value to send back
 * (null when nothing was appended, so the cookie stays as it is). */
export function withSeenMarks<T>(
	cookie: string | undefined,
	fn: () => Promise<T>
): Promise<{ result: T; cookie: string | null }> {
	const context: Context = { marks: parseMarks(cookie), changed: false };
	return storage.run(context, async () => {
		const result = await fn();
		return { result, cookie: context.changed ? formatMarks(context.marks) : null };
	});
}

/** Called by a log after an append: this request's person has seen entry `seq`. */
export function noteAppended(log: string, stream: string, seq: number): void {
	const context = storage.getStore();
	if (!context) return;
	const key = markKey(log, stream);
	if ((context.marks.get(key) ?? 0) >= seq) return;
	context.marks.delete(key);
	context.marks.set(key, seq);
	context.changed = true;
}

/** The number this request must read a stream up to (0: no mark). */
export function seenMark(log: string, stream: string): number {
	return storage.getStore()?.marks.get(markKey(log, stream)) ?? 0;
}

function parseMarks(cookie: string | undefined): Map<string, number> {
	const marks = new Map<string, number>();
	if (!cookie) return marks;
	for (const part of cookie.split('\n').slice(0, MAX_MARKS)) {
		const [log, stream, seq] = part.split('\t');
		const n = Number(seq);
		if (log && stream !== undefined && Number.isSafeInteger(n) && n > 0) {
			marks.set(markKey(log, stream), n);
		}
	}
	return marks;
}

function formatMarks(marks: Map<string, number>): string {
	return [...marks]
		.slice(-MAX_MARKS)
		.map(([key, seq]) => `${key}\t${seq}`)
		.join('\n');
}
