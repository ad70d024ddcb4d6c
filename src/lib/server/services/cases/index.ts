// Mediation cases: the quarter management turns a dispute (a disputed exchange, a report, or its
// own observation) into a case with parties, a private notes timeline, a shared timeline both
// parties see, proposed resolutions and outcomes. Every outcome is carried out through the
// services the rest of the app uses (exchanges, time accounts, moderation), each idempotent under
// its own key, and only then written to the case's log with the form's nonce: a double submit, or
// a retry after a crash between the act and the log, does the act once and logs it once.
// One file per concern:
//
//   context.ts   what one service works with: the case log, the queue per case, other services
//   core.ts      appending to a case's log once per submission, who may act, telling the parties
//   open.ts      opening a case from a disputed exchange, a report or the management's form
//   views.ts     one case as its viewer may see it, the lists and the open count
//   write.ts     notes, messages, proposals, answers, and closing a case
//   outcomes.ts  carrying out an outcome through the service that owns it, then logging it
//
// Each use-case is a plain function of a `CaseContext`. `createCaseService` binds them to one
// context: the app has one (`cases`); tests and the demo seed may make their own, with their own
// exchange service, ledger book or notifications.
import { createCaseContext, type CaseDeps } from './context';
import * as opening from './open';
import * as outcomes from './outcomes';
import * as views from './views';
import * as writing from './write';
import { binder } from '../bind';

export type { CaseDeps } from './context';
export type { OpenProblem } from './open';
export type { OutcomeInput, OutcomeProblem } from './outcomes';
export type { CaseListItem, CaseView } from './views';

/** One app server's cases: every use-case bound to one case log and the services it acts through. */
export function createCaseService(deps: CaseDeps = {}) {
	const ctx = createCaseContext(deps);
	const bound = binder(ctx);
	return {
		open: bound(opening.openCase),
		openFromExchange: bound(opening.openFromExchange),
		openFromFlag: bound(opening.openFromFlag),
		caseOfExchange: opening.caseOfExchange,
		caseOfFlag: opening.caseOfFlag,
		view: bound(views.viewCase),
		list: bound(views.listCases),
		countOpen: views.countOpen,
		listOfParty: bound(views.listOfParty),
		write: bound(writing.writeInCase),
		close: bound(writing.closeCase),
		carryOut: bound(outcomes.carryOut)
	};
}

export type CaseService = ReturnType<typeof createCaseService>;

/** This app server's cases. */
export const cases = createCaseService();
