// What the cockpit shows of a quarter's notices, and the yearly figures for the transparency page.
import { noticeFigures, type NoticeFigures } from '../../../domain/notices/figures';
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
 * Yearly figures for the transparency report (Art. 15, 24 DSA; /transparenz): notices filed,
 * first decisions by kind, complaints lodged and complaint decisions by outcome, and the median
 * time from notice to first decision, over one quarter or (without `quarterId`) all of them.
 * Counted from the logs, so they match what happened; suppressing small cells is the page's job.
 */
export async function yearlyNoticeFigures(
	ctx: NoticeContext,
	year: number,
	quarterId?: string
): Promise<NoticeFigures> {
	const ids = quarterId ? [quarterId] : await listQuarterIds();
	const books = await Promise.all(ids.map((id) => ctx.log.read(id)));
	return noticeFigures(books, year);
}
