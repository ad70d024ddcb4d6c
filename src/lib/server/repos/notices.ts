// DSA notices, decisions and complaints: one insert-only log per quarter (`notice_log`). Entry
// n+1 is taken by inserting its `_id`; the unique `key` makes each act (a notice form sent, a
// decision, a complaint, its decision) one document, whichever server stores it.
import type { NoticeEntry } from '../../domain/notices/notice';
import type { LogStore } from '../logs';
import { db, insertUnique } from '../db';

export function noticeEntryId(quarterId: string, seq: number): string {
	return `${quarterId}:${String(seq).padStart(6, '0')}`;
}

function toEntry(doc: Record<string, unknown>): NoticeEntry {
	const { _id: _ignored, quarterId: _q, ...entry } = doc;
	return entry as unknown as NoticeEntry;
}

/** A quarter's notice log as a log store (services/notices/context.ts); a stream is a quarter. */
export const noticeLogStore: LogStore<NoticeEntry> = {
	async insert(quarterId, seq, entry) {
		return insertUnique((await db()).noticeLog, {
			...entry,
			seq,
			_id: noticeEntryId(quarterId, seq),
			quarterId
		});
	},
	async find(quarterId, seq) {
		const doc = await (await db()).noticeLog.findOne({ _id: noticeEntryId(quarterId, seq) });
		return doc ? toEntry(doc) : null;
	},
	async *readAll(quarterId) {
		const docs = (await db()).noticeLog.find({ quarterId }).sort({ seq: 1 });
		for await (const doc of docs) yield toEntry(doc);
	}
};
