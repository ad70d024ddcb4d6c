// What the cockpit shows of a quarter's notices, and the yearly figures for the transparency page.
import type { TransparencyFact } from '../../../domain/legal/transparency';
import { noticeFacts } from '../../../domain/notices/figures';
import { queueOf, type NoticeBook } from '../../../domain/notices/notice';
import { listQuarterIds } from '../../repos/quarters';
import type { NoticeContext } from './context';

/** The quarter's book of notices, by the freshness rule. Callers must not change it. */
export function bookOf(ctx: NoticeContext, quarterId: string): Promise<NoticeBook> {
	return ctx.log.read(quarterId);
}

/** Open notices and complaints oldest first, decided notices newest first. */
export async function noticeQueue(ctx: NoticeContext, quarterId: string) {
	return queueOf(await ctx.log.read(quarterId));
}

/** How many notices and complaints wait for a decision (the cockpit menu's badge). */
export async function countWaiting(ctx: NoticeContext, quarterId: string): Promise<number> {
	const queue = queueOf(await ctx.log.read(quarterId));
	return queue.open.length + queue.complaints.length;
}

/**
 * What the notices contribute to the transparency report (Art. 15, 24 DSA; /transparenz):
 * notices filed, first decisions by kind (with the time each took), complaints lodged and their
 * outcomes, over one quarter or (without `quarterId`) all of them. Counted from the logs, so they
 * match what happened; counting per year and suppressing small cells is the table's job.
 */
export async function transparencyFacts(
	ctx: NoticeContext,
	quarterId?: string
): Promise<TransparencyFact[]> {
	const ids = quarterId ? [quarterId] : await listQuarterIds();
	return noticeFacts(await Promise.all(ids.map((id) => ctx.log.read(id))));
}
