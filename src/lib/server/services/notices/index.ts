// DSA notice and action (Art. 16, 17) and internal complaints (Art. 20). One file per concern:
//
//   context.ts     the quarter's notice log (shared log mechanism) and the notifications
//   file.ts        filing a notice from /meldung, with or without an account, and its receipt
//   decide.ts      the first decision, and carrying a measure out or lifting it
//   complaints.ts  complaint links, lodging a complaint, deciding it (four eyes)
//   mails.ts       the decision, statement of reasons and complaint mails
//   views.ts       the cockpit's queue and the facts for /transparenz
//
// The rules are pure in domain/notices/. `createNoticeService` binds the use-cases to one
// context: the app has one (`notices`); tests make a second to stand in for another server.
import { binder } from '../bind';
import * as complaints from './complaints';
import { createNoticeContext } from './context';
import * as deciding from './decide';
import * as filing from './file';
import * as views from './views';

export type { FileProblem, NoticeInput } from './file';
export type { DecideInput, MeasureProblem } from './decide';
export type { ComplaintAccess } from './complaints';

export function createNoticeService(deps: Parameters<typeof createNoticeContext>[0] = {}) {
	const ctx = createNoticeContext(deps);
	const bound = binder(ctx);
	return {
		file: bound(filing.fileNotice),
		resolveLocation: filing.resolveLocation,
		decide: bound(deciding.decideNotice),
		complaintAccess: bound(complaints.complaintAccess),
		lodgeComplaint: bound(complaints.lodgeComplaint),
		decideComplaint: bound(complaints.decideComplaint),
		book: bound(views.bookOf),
		queue: bound(views.noticeQueue),
		countWaiting: bound(views.countWaiting),
		transparencyFacts: bound(views.transparencyFacts)
	};
}

export type NoticeService = ReturnType<typeof createNoticeService>;

/** This app server's notices. */
export const notices = createNoticeService();
