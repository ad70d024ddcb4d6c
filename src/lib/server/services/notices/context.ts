// What every use-case of the notice service works with: the quarter's notice log (one stream of
// the shared log mechanism per quarter) and the notifications the author is told through. Tests
// make their own context beside the app's, standing in for a second server.
import {
	applyEntry,
	emptyBook,
	type NoticeBook,
	type NoticeEntry
} from '../../../domain/notices/notice';
import { Log } from '../../logs';
import { noticeLogStore } from '../../repos/notices';
import { notifications as appNotifications, type Notifications } from '../notifications';

export interface NoticeContext {
	readonly notifications: Notifications;
	/** Each quarter's notices, decisions and complaints, folded into a book. */
	readonly log: Log<NoticeBook, NoticeEntry>;
}

export function createNoticeContext(deps: { notifications?: Notifications } = {}): NoticeContext {
	return {
		notifications: deps.notifications ?? appNotifications,
		log: new Log<NoticeBook, NoticeEntry>({
			name: 'notices',
			store: noticeLogStore,
			seqOf: (entry) => entry.seq,
			empty: () => emptyBook(),
			apply: (book, entry) => applyEntry(book, entry),
			// A quarter has dozens of notices a year; the queue shows what another moderator
			// just decided (a decision is refused on the latest state anyway).
			freshMs: 0,
			maxStreams: 200
		})
	};
}
