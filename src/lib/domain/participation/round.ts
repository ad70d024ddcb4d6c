// A Bürgerbudget round as pure rules (docs/buergerbudget.md). The quarter management opens a
// round with an amount (hours and/or euros) and the days its phases begin: proposals → feasibility
// check → vote → result. Members propose and comment, the management marks each proposal feasible
// or not (always with a reason), members vote, and the result follows from the ballots
// (vote.ts). A round's history is one insert-only log; its state is the fold of that log
// (`applyRoundEntry`), and its phase is a function of the days, the early ends the management
// recorded, and the clock (`phaseAt`), read in the quarter's time zone.
import { nextDay, startOfDay, type Day } from '../time/zone';

export const PHASES = ['upcoming', 'proposals', 'check', 'vote', 'result'] as const;
export type Phase = (typeof PHASES)[number];
/** The phases the management may end before their last day. */
export const ENDABLE_PHASES = ['proposals', 'check', 'vote'] as const;
export type EndablePhase = (typeof ENDABLE_PHASES)[number];

export const TITLE_MAX = 120;
export const TEXT_MAX = 2_000;
export const WHO_MAX = 500;
export const COMMENT_MAX = 1_000;
export const REASON_MAX = 1_000;
/** A round above 100,000 hours or euros is a typing error (as for budget lines). */
export const MAX_MINUTES = 100_000 * 60;
export const MAX_CENTS = 100_000 * 100;
/** Proposals a round takes; a ballot lists at most this many. */
export const MAX_PROPOSALS = 200;

export interface Amount {
	/** Hours in minutes; null when the round (or proposal) has no hours. */
	minutes: number | null;
	/** Euros in cents; null when it has no euros. */
	cents: number | null;
}

export interface RoundSettings extends Amount {
	title: string;
	/** The first day of each phase; the vote runs up to and including `voteUntil`. */
	proposalsFrom: Day;
	checkFrom: Day;
	voteFrom: Day;
	voteUntil: Day;
	/** The last day the budget lines of the winners take grants. */
	linesUntil: Day;
}

export interface ProposalDraft extends Amount {
	title: string;
	what: string;
	who: string;
	photoId: string | null;
}

export interface Assessment {
	feasible: boolean;
	reason: string;
	by: string;
	at: Date;
}

export interface ProposalComment {
	id: string;
	by: string;
	text: string;
	at: Date;
}

export interface Proposal extends ProposalDraft {
	id: string;
	authorId: string;
	at: Date;
	assessment: Assessment | null;
	comments: ProposalComment[];
}

export type RoundEntry =
	| ({ type: 'opened'; by: string; at: Date } & RoundSettings)
	| ({ type: 'changed'; by: string; at: Date } & RoundSettings)
	| { type: 'ended'; phase: EndablePhase; by: string; at: Date }
	| ({ type: 'proposed'; proposalId: string; by: string; at: Date } & ProposalDraft)
	| { type: 'commented'; proposalId: string; commentId: string; text: string; by: string; at: Date }
	| {
			type: 'assessed';
			proposalId: string;
			feasible: boolean;
			reason: string;
			by: string;
			at: Date;
	  };

export interface Round extends RoundSettings {
	id: string;
	quarterId: string;
	openedBy: string;
	openedAt: Date;
	/** When the management ended a phase before its last day. */
	endedEarly: Partial<Record<EndablePhase, Date>>;
	proposals: Proposal[];
}

/** Folds the next entry of a round's log into its state (a new object; earlier states stay). */
export function applyRoundEntry(
	state: Round | null,
	entry: RoundEntry & { roundId: string; quarterId: string }
): Round | null {
	if (entry.type === 'opened') {
		if (state) return state;
		const { type: _t, by, at, roundId, quarterId, ...settings } = entry;
		return {
			...settingsOf(settings),
			id: roundId,
			quarterId,
			openedBy: by,
			openedAt: at,
			endedEarly: {},
			proposals: []
		};
	}
	if (!state) return null;
	switch (entry.type) {
		case 'changed':
			return { ...state, ...settingsOf(entry) };
		case 'ended':
			return { ...state, endedEarly: { ...state.endedEarly, [entry.phase]: entry.at } };
		case 'proposed': {
			if (state.proposals.some((p) => p.id === entry.proposalId)) return state;
			const proposal: Proposal = {
				id: entry.proposalId,
				authorId: entry.by,
				at: entry.at,
				title: entry.title,
				what: entry.what,
				who: entry.who,
				minutes: entry.minutes,
				cents: entry.cents,
				photoId: entry.photoId,
				assessment: null,
				comments: []
			};
			return { ...state, proposals: [...state.proposals, proposal] };
		}
		case 'commented':
			return withProposal(state, entry.proposalId, (p) =>
				p.comments.some((c) => c.id === entry.commentId)
					? p
					: {
							...p,
							comments: [
								...p.comments,
								{ id: entry.commentId, by: entry.by, text: entry.text, at: entry.at }
							]
						}
			);
		case 'assessed':
			return withProposal(state, entry.proposalId, (p) => ({
				...p,
				assessment: { feasible: entry.feasible, reason: entry.reason, by: entry.by, at: entry.at }
			}));
	}
}

function settingsOf(s: RoundSettings): RoundSettings {
	return {
		title: s.title,
		minutes: s.minutes,
		cents: s.cents,
		proposalsFrom: s.proposalsFrom,
		checkFrom: s.checkFrom,
		voteFrom: s.voteFrom,
		voteUntil: s.voteUntil,
		linesUntil: s.linesUntil
	};
}

function withProposal(state: Round, id: string, change: (p: Proposal) => Proposal): Round {
	return { ...state, proposals: state.proposals.map((p) => (p.id === id ? change(p) : p)) };
}

/** When each phase begins: the first day's midnight in the zone, or earlier if the management
 * ended the phase before. */
export function phaseStarts(
	round: Pick<Round, 'proposalsFrom' | 'checkFrom' | 'voteFrom' | 'voteUntil' | 'endedEarly'>,
	timeZone: string
): Record<Exclude<Phase, 'upcoming'>, Date> {
	const earlier = (day: Day, ended: Date | undefined) => {
		const start = startOfDay(day, timeZone);
		return ended && ended.getTime() < start.getTime() ? ended : start;
	};
	const proposals = startOfDay(round.proposalsFrom, timeZone);
	const check = earlier(round.checkFrom, round.endedEarly.proposals);
	const vote = earlier(round.voteFrom, round.endedEarly.check);
	const result = earlier(nextDay(round.voteUntil), round.endedEarly.vote);
	return { proposals, check, vote, result };
}

/** The phase a round is in at `now`. */
export function phaseAt(
	round: Pick<Round, 'proposalsFrom' | 'checkFrom' | 'voteFrom' | 'voteUntil' | 'endedEarly'>,
	now: Date,
	timeZone: string
): Phase {
	const starts = phaseStarts(round, timeZone);
	const t = now.getTime();
	if (t >= starts.result.getTime()) return 'result';
	if (t >= starts.vote.getTime()) return 'vote';
	if (t >= starts.check.getTime()) return 'check';
	if (t >= starts.proposals.getTime()) return 'proposals';
	return 'upcoming';
}

export type SettingsProblem =
	'title_required' | 'amount_required' | 'invalid_amount' | 'phase_order' | 'lines_until_order';

const amountOk = (value: number | null, max: number) =>
	value === null || (Number.isSafeInteger(value) && value > 0 && value <= max);

/** What is wrong with a round's settings (the schema checks the single fields). */
export function checkSettings(s: RoundSettings): SettingsProblem | null {
	if (s.title.trim() === '') return 'title_required';
	if (s.minutes === null && s.cents === null) return 'amount_required';
	if (!amountOk(s.minutes, MAX_MINUTES) || !amountOk(s.cents, MAX_CENTS)) return 'invalid_amount';
	if (!(s.proposalsFrom <= s.checkFrom && s.checkFrom <= s.voteFrom && s.voteFrom <= s.voteUntil)) {
		return 'phase_order';
	}
	if (s.linesUntil <= s.voteUntil) return 'lines_until_order';
	return null;
}

/** The management may change a round's settings until its vote begins (so that nobody votes on
 * an amount that changes under them). */
export function checkChange(_round: Round, phase: Phase): 'wrong_phase' | null {
	return phase === 'upcoming' || phase === 'proposals' || phase === 'check' ? null : 'wrong_phase';
}

/** The management may end the current phase early (e.g. the vote after the Bürgerforum). */
export function checkEnd(phase: Phase, ending: EndablePhase): 'wrong_phase' | null {
	return phase === ending ? null : 'wrong_phase';
}

export type ProposalProblem =
	| 'wrong_phase'
	| 'title_required'
	| 'what_required'
	| 'cost_required'
	| 'invalid_amount'
	| 'cost_unit'
	| 'over_amount'
	| 'too_many';

/** Whether a member may propose this now: in the proposal phase, with a cost the round can pay. */
export function checkProposal(
	round: Round,
	phase: Phase,
	draft: ProposalDraft
): ProposalProblem | null {
	if (phase !== 'proposals') return 'wrong_phase';
	if (draft.title.trim() === '') return 'title_required';
	if (draft.what.trim() === '') return 'what_required';
	if (draft.minutes === null && draft.cents === null) return 'cost_required';
	if (!amountOk(draft.minutes, MAX_MINUTES) || !amountOk(draft.cents, MAX_CENTS)) {
		return 'invalid_amount';
	}
	if (
		(draft.minutes !== null && round.minutes === null) ||
		(draft.cents !== null && round.cents === null)
	) {
		return 'cost_unit';
	}
	if ((draft.minutes ?? 0) > (round.minutes ?? 0) || (draft.cents ?? 0) > (round.cents ?? 0)) {
		return 'over_amount';
	}
	if (round.proposals.length >= MAX_PROPOSALS) return 'too_many';
	return null;
}

/** Comments are open from the proposals until the vote ends. */
export function checkComment(phase: Phase): 'wrong_phase' | null {
	return phase === 'proposals' || phase === 'check' || phase === 'vote' ? null : 'wrong_phase';
}

/** The management marks a proposal during proposals and check; from the vote on it is fixed. */
export function checkAssessment(
	phase: Phase,
	reason: string
): 'wrong_phase' | 'reason_required' | null {
	if (phase !== 'proposals' && phase !== 'check') return 'wrong_phase';
	if (reason.trim() === '') return 'reason_required';
	return null;
}

/** The proposals a ballot may name: those marked feasible. */
export function feasibleProposals(round: Pick<Round, 'proposals'>): Proposal[] {
	return round.proposals.filter((p) => p.assessment?.feasible === true);
}

/** The round's amount left after the given proposals (null where the round has no such unit). */
export function fitsAmount(amount: Amount, chosen: readonly Amount[]): boolean {
	const minutes = chosen.reduce((sum, p) => sum + (p.minutes ?? 0), 0);
	const cents = chosen.reduce((sum, p) => sum + (p.cents ?? 0), 0);
	return minutes <= (amount.minutes ?? 0) && cents <= (amount.cents ?? 0);
}

export type BallotProblem = 'wrong_phase' | 'unknown_proposal' | 'over_amount';

/**
 * Whether a member's choice is a valid ballot now: in the vote phase, only feasible proposals,
 * each once, and together within the round's amount (as Decidim's "knapsack" budgets).
 */
export function checkBallot(
	round: Round,
	phase: Phase,
	choice: readonly string[]
): BallotProblem | null {
	if (phase !== 'vote') return 'wrong_phase';
	const feasible = new Map(feasibleProposals(round).map((p) => [p.id, p]));
	if (new Set(choice).size !== choice.length) return 'unknown_proposal';
	const chosen = choice.map((id) => feasible.get(id));
	if (chosen.some((p) => p === undefined)) return 'unknown_proposal';
	return fitsAmount(round, chosen as Proposal[]) ? null : 'over_amount';
}
