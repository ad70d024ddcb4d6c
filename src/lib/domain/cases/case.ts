// Mediation cases (Vermittlungsfälle) as pure rules. A case is written once (who, about what) and
// its course is an insert-only log of events numbered 1, 2, 3 …, as exchanges are: event 1 opens
// the case, later events are private notes of the quarter management, messages and proposed
// resolutions both parties see, the parties' answers to proposals, outcomes the management carried
// out (through the services the rest of the app uses) and finally the closing. The state is the
// fold of the log; nothing is ever updated.

export const CASE_SOURCES = ['exchange', 'flag', 'moderator'] as const;
/** Where a case came from: a disputed exchange, a member's report, or the management itself. */
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * `open`: nobody has talked to the parties yet; `mediating`: messages, proposals or outcomes
 * exist; `closed`: the management closed it (with outcomes, or without any action).
 */
export type CaseState = 'open' | 'mediating' | 'closed';

export const OUTCOME_KINDS = [
	'settleHours',
	'refundEuros',
	'reverseTransfer',
	'warn',
	'suspend'
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** What an outcome did; the numbers are the ones the services booked. */
export type Outcome =
	| { kind: 'settleHours'; exchangeId: string; minutes: number; ledgerSeq: number | null }
	| { kind: 'refundEuros'; exchangeId: string; cents: number }
	| { kind: 'reverseTransfer'; original: number; minutes: number; ledgerSeq: number }
	| { kind: 'warn'; memberId: string }
	| { kind: 'suspend'; memberId: string };

export type CaseEventKind =
	'opened' | 'note' | 'message' | 'proposal' | 'response' | 'outcome' | 'closed';

export type Answer = 'agree' | 'object';

export interface CaseEvent {
	n: number;
	kind: CaseEventKind;
	/** A member id (moderator or party). */
	by: string;
	at: Date;
	/** The note, message, proposal, reason or closing summary. */
	text: string;
	/** The form submission that wrote it: the same submission is stored once. */
	nonce?: string;
	/** `response`: the proposal answered and the answer. */
	proposal?: number;
	answer?: Answer;
	/** `outcome`: what was carried out. */
	outcome?: Outcome;
}

/** Private notes are the quarter management's only; everything else both parties see. */
export function isShared(event: Pick<CaseEvent, 'kind'>): boolean {
	return event.kind !== 'note';
}

export interface CaseFacts {
	id: string;
	quarterId: string;
	source: { type: CaseSource; id: string | null };
	partyIds: readonly string[];
	exchangeId: string | null;
	title: string;
	openedBy: string;
	openedAt: Date;
}

export interface ProposalView {
	n: number;
	by: string;
	at: Date;
	text: string;
	/** Each party's latest answer. */
	answers: Record<string, Answer>;
}

export interface CaseFold {
	state: CaseState;
	openedAt: Date;
	lastAt: Date;
	closedAt: Date | null;
	/** The closing event's summary, when closed. */
	summary: string | null;
	proposals: ProposalView[];
	outcomes: Array<{ n: number; at: Date; by: string; text: string; outcome: Outcome }>;
	/** The highest event number: the next event is this plus one. */
	last: number;
}

/** The state of a case from its log, events in number order (1 first). */
export function foldCase(events: readonly CaseEvent[]): CaseFold {
	const first = events[0];
	if (!first || first.kind !== 'opened') throw new Error('A case log starts with its opening.');
	let state: CaseState = 'open';
	let closedAt: Date | null = null;
	let summary: string | null = null;
	const proposals: ProposalView[] = [];
	const outcomes: CaseFold['outcomes'] = [];
	for (const e of events) {
		switch (e.kind) {
			case 'message':
			case 'proposal':
			case 'outcome':
				if (state === 'open') state = 'mediating';
				break;
			case 'closed':
				state = 'closed';
				closedAt = e.at;
				summary = e.text;
				break;
		}
		if (e.kind === 'proposal')
			proposals.push({ n: e.n, by: e.by, at: e.at, text: e.text, answers: {} });
		if (e.kind === 'response' && e.proposal !== undefined && e.answer) {
			const p = proposals.find((x) => x.n === e.proposal);
			if (p) p.answers[e.by] = e.answer;
		}
		if (e.kind === 'outcome' && e.outcome) {
			outcomes.push({ n: e.n, at: e.at, by: e.by, text: e.text, outcome: e.outcome });
		}
	}
	return {
		state,
		openedAt: first.at,
		lastAt: events[events.length - 1]!.at,
		closedAt,
		summary,
		proposals,
		outcomes,
		last: events[events.length - 1]!.n
	};
}

/** What the parties see: everything but the management's private notes. */
export function sharedTimeline<E extends Pick<CaseEvent, 'kind'>>(events: readonly E[]): E[] {
	return events.filter(isShared);
}

/** Whole days since the case was opened (0 on the first day). */
export function caseAgeDays(openedAt: Date, now: Date): number {
	return Math.max(0, Math.floor((now.getTime() - openedAt.getTime()) / 86_400_000));
}

/** Open cases first, the one waiting longest on top; closed ones after, latest closed first. */
export function compareCases(
	a: { state: CaseState; openedAt: Date; closedAt: Date | null; id: string },
	b: { state: CaseState; openedAt: Date; closedAt: Date | null; id: string }
): number {
	const aOpen = a.state !== 'closed';
	const bOpen = b.state !== 'closed';
	if (aOpen !== bOpen) return aOpen ? -1 : 1;
	if (aOpen) return a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id);
	return (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0) || a.id.localeCompare(b.id);
}

export type CaseRole = 'moderator' | 'party';

export type CaseProblem =
	'closed' | 'not_allowed' | 'text_required' | 'no_proposal' | 'not_party' | 'invalid_amount';

/** Who may write which event while the case is in `state`. */
export function mayWrite(
	state: CaseState,
	role: CaseRole,
	kind: CaseEventKind
): CaseProblem | null {
	if (kind === 'opened') return 'not_allowed';
	if (state === 'closed') return 'closed';
	if (role === 'party') return kind === 'message' || kind === 'response' ? null : 'not_allowed';
	return kind === 'response' ? 'not_allowed' : null;
}

/**
 * Checks a new event against the log so far; returns the problem or null. Answers go to an
 * existing proposal; text is required except for answers; the parties are the only ones who
 * answer.
 */
export function checkEvent(
	facts: Pick<CaseFacts, 'partyIds'>,
	fold: CaseFold,
	role: CaseRole,
	event: Pick<CaseEvent, 'kind' | 'by' | 'text' | 'proposal' | 'answer'>
): CaseProblem | null {
	const problem = mayWrite(fold.state, role, event.kind);
	if (problem) return problem;
	if (role === 'party' && !facts.partyIds.includes(event.by)) return 'not_party';
	if (event.kind === 'response') {
		if (!event.answer || !fold.proposals.some((p) => p.n === event.proposal)) return 'no_proposal';
		return null;
	}
	// Closing without a word is allowed: "closed without action" says it all.
	if (event.kind === 'closed') return null;
	return event.text.trim() === '' ? 'text_required' : null;
}

/** An event the same form submission stored before, if any (a double submit stores once). */
export function eventOfNonce<E extends Pick<CaseEvent, 'nonce'>>(
	events: readonly E[],
	nonce: string | undefined
): E | undefined {
	if (!nonce) return undefined;
	return events.find((e) => e.nonce === nonce);
}

/** Whether a case closed with no outcome carried out: "closed without action". */
export function closedWithoutAction(fold: CaseFold): boolean {
	return fold.state === 'closed' && fold.outcomes.length === 0;
}

/** The idempotency key of a case's source: one case per disputed exchange or report. */
export function caseKey(
	quarterId: string,
	source: { type: CaseSource; id: string | null },
	nonce: string
): string {
	return source.type === 'moderator' || source.id === null
		? `${quarterId}:moderator:${nonce}`
		: `${quarterId}:${source.type}:${source.id}`;
}
