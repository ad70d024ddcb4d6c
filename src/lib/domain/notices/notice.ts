// Notices of illegal content (DSA Art. 16), the decisions on them with their statement of reasons
// (Art. 17) and internal complaints against those decisions (Art. 20). Pure: the log of one
// quarter (notices, decisions, complaints, complaint decisions, in order) is folded into a book,
// and every rule below decides on that book. The service appends what these rules allow, one
// entry per number, so two moderators deciding at once end with one decision.
import type { FlagTargetType } from '../moderation/flags';

const DAY = 24 * 60 * 60 * 1000;

/** What a notice may be about: the same things a member may report. */
export type NoticeTargetType = FlagTargetType;

/** keep: nothing happens; restrict: access to the content is disabled until a moderator lifts
 * it; remove: the content is taken down for good (stored, so that a complaint can restore it);
 * suspend: the account is suspended (and the listing, if the notice named one, taken down). */
export const DECISION_KINDS = ['keep', 'restrict', 'remove', 'suspend'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Statutory grounds a moderator may name (German law the operator most often meets). */
export const LEGAL_GROUNDS = [
	'insult',
	'hate',
	'fraud',
	'copyright',
	'trademark',
	'privacy',
	'undeclared_work',
	'prohibited_goods',
	'other_law'
] as const;
/** Grounds in the platform's and the quarter's rules (/regeln). */
export const RULES_GROUNDS = ['respect', 'commercial', 'spam', 'safety', 'other_rules'] as const;
export type GroundType = 'law' | 'rules';
export type Ground =
	| { type: 'law'; code: (typeof LEGAL_GROUNDS)[number] }
	| { type: 'rules'; code: (typeof RULES_GROUNDS)[number] };

export type ComplaintParty = 'author' | 'notifier';
export type ComplaintOutcome = 'upheld' | 'reversed';

/** Art. 20(1): a complaint may be lodged for at least six months after the decision. */
export const COMPLAINT_WINDOW_MONTHS = 6;
/** Our own target for a first decision (Art. 16(6) asks for "timely"): the queue marks later
 * ones as overdue. */
export const DECISION_DUE_DAYS = 7;
export const TEXT_MAX = 4000;
/** The page address a notice points to, as pasted or filled in. */
export const LOCATION_MAX = 500;
/** The notifier's name (optional, Art. 16(2)(c)). */
export const NOTIFIER_NAME_MAX = 100;

export interface NoticeTarget {
	type: NoticeTargetType;
	id: string;
	/** The exact location as the notifier gave it (Art. 16(2)(b)). */
	url: string;
	/** A short label (listing title, member name) at the time of the notice. */
	label: string;
}

interface EntryBase {
	seq: number;
	/** Unique over the whole log: a second entry with the same key is the same act. */
	key: string;
	noticeId: string;
	at: Date;
}

export type NoticeEntry =
	| (EntryBase & {
			kind: 'notice';
			target: NoticeTarget;
			/** The member whose content it is (listing author, profile owner); null for a
			 * conversation until a moderator names the member concerned. */
			authorId: string | null;
			explanation: string;
			name: string | null;
			email: string | null;
			/** Art. 16(2)(d): the notifier's statement of good faith. */
			goodFaith: true;
			locale: 'de' | 'en';
	  })
	| (EntryBase & {
			kind: 'decision';
			by: string;
			decision: DecisionKind;
			ground: Ground | null;
			facts: string;
			/** The member the measure is taken against (null for keep). */
			affectedId: string | null;
	  })
	| (EntryBase & { kind: 'complaint'; party: ComplaintParty; reasons: string })
	| (EntryBase & {
			kind: 'complaintDecision';
			by: string;
			party: ComplaintParty;
			outcome: ComplaintOutcome;
			reasons: string;
			/** What applies from now on: on reversal the opposite of what applied before. */
			decision: DecisionKind;
			ground: Ground | null;
			affectedId: string | null;
	  });

export type NoticeOf<K extends NoticeEntry['kind']> = Extract<NoticeEntry, { kind: K }>;

export interface Complaint {
	complaint: NoticeOf<'complaint'>;
	decision: NoticeOf<'complaintDecision'> | null;
}

export interface NoticeState {
	notice: NoticeOf<'notice'>;
	/** The first decision (null while open). */
	decision: NoticeOf<'decision'> | null;
	complaints: Partial<Record<ComplaintParty, Complaint>>;
	/** What applies now: the first decision, or the last complaint decision that changed it. */
	effective: {
		decision: DecisionKind;
		ground: Ground | null;
		affectedId: string | null;
		/** The facts and reasons the member concerned reads (the decision's or the complaint's). */
		facts: string;
		at: Date;
	} | null;
	/** Every moderator who decided on this notice so far (four eyes). */
	deciders: string[];
}

export interface NoticeBook {
	notices: Map<string, NoticeState>;
	/** Notice ids in the order they were filed. */
	order: string[];
	keys: Map<string, NoticeEntry>;
}

export function emptyBook(): NoticeBook {
	return { notices: new Map(), order: [], keys: new Map() };
}

/** Folds the next entry in (in place). Entries the rules would refuse are never appended. */
export function applyEntry(book: NoticeBook, entry: NoticeEntry): void {
	book.keys.set(entry.key, entry);
	if (entry.kind === 'notice') {
		book.notices.set(entry.noticeId, {
			notice: entry,
			decision: null,
			complaints: {},
			effective: null,
			deciders: []
		});
		book.order.push(entry.noticeId);
		return;
	}
	const state = book.notices.get(entry.noticeId);
	if (!state) return;
	switch (entry.kind) {
		case 'decision':
			state.decision = entry;
			state.effective = pick(entry);
			state.deciders.push(entry.by);
			break;
		case 'complaint':
			state.complaints[entry.party] = { complaint: entry, decision: null };
			break;
		case 'complaintDecision': {
			const complaint = state.complaints[entry.party];
			if (complaint) complaint.decision = entry;
			state.deciders.push(entry.by);
			if (entry.outcome === 'reversed') state.effective = pick(entry);
			break;
		}
	}
}

function pick(entry: NoticeOf<'decision'> | NoticeOf<'complaintDecision'>) {
	return {
		decision: entry.decision,
		ground: entry.ground,
		affectedId: entry.affectedId,
		facts: entry.kind === 'decision' ? entry.facts : entry.reasons,
		at: entry.at
	};
}

/** Whether a decision restricts someone (content or account): only these send a statement of
 * reasons (Art. 17) and may be contested by the member concerned. */
export function restricts(kind: DecisionKind): boolean {
	return kind !== 'keep';
}

/** Which decisions fit the target: a profile or a conversation has no content of its own that we
 * can take down, only the account behind it. */
export function decisionsFor(type: NoticeTargetType): readonly DecisionKind[] {
	return type === 'listing' ? DECISION_KINDS : ['keep', 'suspend'];
}

/** The end of the complaint window: six calendar months after the decision (Art. 20(1)). */
export function complaintDeadline(decidedAt: Date): Date {
	const end = new Date(decidedAt.getTime());
	const day = end.getUTCDate();
	end.setUTCMonth(end.getUTCMonth() + COMPLAINT_WINDOW_MONTHS, 1);
	// 31 August + 6 months is the last day of February, not 3 March.
	const last = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
	end.setUTCDate(Math.min(day, last));
	return end;
}

/** A first decision is due this long after the notice; later ones are shown as overdue. */
export function decisionDue(filedAt: Date): Date {
	return new Date(filedAt.getTime() + DECISION_DUE_DAYS * DAY);
}

export type DecideProblem =
	| 'not_found'
	| 'decided_already'
	| 'not_allowed'
	| 'own_content'
	| 'wrong_kind'
	| 'ground_required'
	| 'facts_required'
	| 'affected_required';

export interface DecisionInput {
	by: string;
	/** The decider is quarter management of the notice's quarter. */
	moderator: boolean;
	decision: DecisionKind;
	ground: Ground | null;
	facts: string;
	affectedId: string | null;
}

/** Whether this moderator may take the first decision on the notice, as given. */
export function checkDecision(
	state: NoticeState | undefined,
	input: DecisionInput
): DecideProblem | null {
	if (!state) return 'not_found';
	if (!input.moderator) return 'not_allowed';
	if (state.decision) return 'decided_already';
	return checkMeasure(state, input);
}

function checkMeasure(
	state: NoticeState,
	input: Pick<DecisionInput, 'by' | 'decision' | 'ground' | 'facts' | 'affectedId'>
): DecideProblem | null {
	if (!decisionsFor(state.notice.target.type).includes(input.decision)) return 'wrong_kind';
	if (!input.facts.trim()) return 'facts_required';
	if (restricts(input.decision)) {
		if (!input.ground) return 'ground_required';
		if (!input.affectedId) return 'affected_required';
		// Nobody decides about their own content or account.
		if (input.affectedId === input.by) return 'own_content';
	}
	return null;
}

export type ComplaintProblem =
	| 'not_found'
	| 'not_decided'
	| 'complained_already'
	| 'window_closed'
	| 'nothing_to_contest'
	| 'reasons_required';

/** Whether `party` may contest what applies now (Art. 20(1)): the notifier any decision, the
 * member concerned only one that restricts them, each once, within six months. */
export function checkComplaint(
	state: NoticeState | undefined,
	party: ComplaintParty,
	reasons: string,
	now: Date
): ComplaintProblem | null {
	if (!state) return 'not_found';
	if (!state.decision || !state.effective) return 'not_decided';
	if (state.complaints[party]) return 'complained_already';
	if (now >= complaintDeadline(state.effective.at)) return 'window_closed';
	if (party === 'author' && !restricts(state.effective.decision)) return 'nothing_to_contest';
	if (party === 'notifier' && !state.notice.email) return 'nothing_to_contest';
	if (!reasons.trim()) return 'reasons_required';
	return null;
}

export type ComplaintDecisionProblem =
	| 'not_found'
	| 'decided_already'
	| 'not_allowed'
	| 'same_moderator'
	| 'reasons_required'
	| DecideProblem;

export interface ComplaintDecisionInput {
	by: string;
	moderator: boolean;
	party: ComplaintParty;
	outcome: ComplaintOutcome;
	reasons: string;
	/** On reversing a keep: the measure taken instead, with its ground and the member concerned. */
	replacement?: { decision: DecisionKind; ground: Ground | null; affectedId: string | null };
}

/** What applies after a complaint decision, or a problem. Four eyes (Art. 20(6)): nobody who
 * decided on this notice before decides the complaint. */
export function checkComplaintDecision(
	state: NoticeState | undefined,
	input: ComplaintDecisionInput
):
	| { ok: true; decision: DecisionKind; ground: Ground | null; affectedId: string | null }
	| { ok: false; problem: ComplaintDecisionProblem } {
	const fail = (problem: ComplaintDecisionProblem) => ({ ok: false as const, problem });
	const complaint = state?.complaints[input.party];
	if (!state || !state.effective || !complaint) return fail('not_found');
	if (!input.moderator) return fail('not_allowed');
	if (complaint.decision) return fail('decided_already');
	if (state.deciders.includes(input.by)) return fail('same_moderator');
	if (!input.reasons.trim()) return fail('reasons_required');
	const now = state.effective;
	if (input.outcome === 'upheld') {
		return { ok: true, decision: now.decision, ground: now.ground, affectedId: now.affectedId };
	}
	// Reversing a measure lifts it; reversing a keep takes the measure the complaint asked for.
	if (restricts(now.decision)) {
		return { ok: true, decision: 'keep', ground: null, affectedId: now.affectedId };
	}
	const replacement = input.replacement;
	if (!replacement || !restricts(replacement.decision)) return fail('wrong_kind');
	const problem = checkMeasure(state, { ...replacement, by: input.by, facts: input.reasons });
	if (problem) return fail(problem);
	return { ok: true, ...replacement };
}

/** The notices of a book that wait for someone: open ones, and complaints without a decision,
 * each oldest first. */
export function queueOf(book: NoticeBook): {
	open: NoticeState[];
	complaints: { state: NoticeState; complaint: Complaint }[];
	done: NoticeState[];
} {
	const all = book.order.map((id) => book.notices.get(id)!);
	const complaints = all
		.flatMap((state) =>
			(['author', 'notifier'] as const).flatMap((party) => {
				const complaint = state.complaints[party];
				return complaint && !complaint.decision ? [{ state, complaint }] : [];
			})
		)
		.sort((a, b) => a.complaint.complaint.at.getTime() - b.complaint.complaint.at.getTime());
	return {
		open: all.filter((s) => !s.decision),
		complaints,
		done: all.filter((s) => s.decision).reverse()
	};
}

const MINUTE = 60 * 1000;

/** Public forms without an account: how many notices and complaints one address (and one mail
 * address, which gets a receipt) may send, like the other public forms (auth/policy.ts). */
export const NOTICE_LIMITS = {
	perIp: { name: 'notice-ip', max: 10, windowMs: 60 * MINUTE },
	perEmail: { name: 'notice-email', max: 5, windowMs: 60 * MINUTE },
	complaintPerIp: { name: 'complaint-ip', max: 10, windowMs: 60 * MINUTE }
} as const;
