// The Bürgerbudget (docs/buergerbudget.md): rounds the quarter management opens on the
// Sozialraumbudget, proposals and comments by members, the management's feasibility check, the
// vote and its result. Each round is one stream of the shared log mechanism (server/logs), and
// each member's ballots in a round another, whose latest entry counts: two servers taking the
// same member's vote at once append numbers n and n+1, and the member still counts once. The
// winners become budget lines of the existing budget (results.ts).
import {
	applyRoundEntry,
	checkAssessment,
	checkBallot,
	checkChange,
	checkComment,
	checkEnd,
	checkProposal,
	checkSettings,
	phaseAt,
	type BallotProblem,
	type EndablePhase,
	type Phase,
	type ProposalDraft,
	type ProposalProblem,
	type Round,
	type RoundEntry,
	type RoundSettings,
	type SettingsProblem
} from '../../../domain/participation/round';
import { latestBallots } from '../../../domain/participation/vote';
import { isActiveMember, isManagement } from '../../../domain/members/roles';
import { hashToken } from '../../ids';
import { Log, entryList } from '../../logs';
import { appendAudit, type AuditEntry } from '../../repos/audit';
import type { Membership } from '../../repos/memberships';
import {
	ballotStore,
	ballotStream,
	listQuarterRoundEntries,
	listRoundBallots,
	roundEntryStore,
	type StoredBallot,
	type StoredRoundEntry
} from '../../repos/participation';
import type { Quarter } from '../../repos/quarters';

export type { Round, Phase };

const ID = /^[0-9a-f]{24}$/;

export type ActProblem = 'not_found' | 'forbidden' | 'not_member' | 'contention';

export class Participation {
	private readonly log = new Log<Round | null, StoredRoundEntry>({
		name: 'participation-rounds',
		store: roundEntryStore,
		seqOf: (entry) => entry.n,
		empty: () => null,
		apply: (state, entry) => applyRoundEntry(state, entry),
		// A phase ended or a proposal marked shows on the next page view on any server.
		freshMs: 0,
		maxStreams: 500
	});

	/** Each member's ballots in a round: the latest counts. */
	private readonly ballots = new Log<StoredBallot[], StoredBallot>({
		name: 'participation-ballots',
		store: ballotStore,
		seqOf: (ballot) => ballot.n,
		...entryList<StoredBallot>(),
		freshMs: 0,
		maxStreams: 5_000
	});

	/** Every round of the quarter, newest first. */
	async rounds(quarter: Quarter): Promise<Round[]> {
		const entries = await listQuarterRoundEntries(quarter.id);
		this.log.preload(entries);
		const states = await Promise.all([...entries.keys()].map((id) => this.log.read(id)));
		return states
			.filter((r): r is Round => r !== null && r.quarterId === quarter.id)
			.sort(
				(a, b) =>
					b.proposalsFrom.localeCompare(a.proposalsFrom) ||
					b.openedAt.getTime() - a.openedAt.getTime()
			);
	}

	/** One round of the quarter, or null (malformed, unknown, elsewhere). */
	async round(quarter: Quarter, roundId: string): Promise<Round | null> {
		if (!ID.test(roundId)) return null;
		const round = (await this.log.read(roundId)) ?? (await this.log.refresh(roundId));
		return round && round.quarterId === quarter.id ? round : null;
	}

	phase(quarter: Quarter, round: Round, now: Date): Phase {
		return phaseAt(round, now, quarter.settings.timeZone);
	}

	private async append<P>(
		quarter: Quarter,
		roundId: string,
		decide: (round: Round, phase: Phase) => RoundEntry | P,
		now: Date
	) {
		return this.log.append<P | 'not_found'>(roundId, (state, n) => {
			if (!state) return { ok: false, problem: 'not_found' };
			const made = decide(state, phaseAt(state, now, quarter.settings.timeZone));
			if (typeof made === 'string') return { ok: false, problem: made as P };
			return {
				ok: true,
				entry: { ...(made as RoundEntry), roundId, quarterId: quarter.id, n }
			};
		});
	}

	/**
	 * An act of the quarter management on a round: decided on the round's latest state, appended
	 * as the round's next entry, then audited under that entry's number (so a retry logs once).
	 */
	private async managementAct<P>(
		input: { quarter: Quarter; roundId: string; moderatorId: string; now: Date },
		decide: (round: Round, phase: Phase) => RoundEntry | P,
		audit: (round: Round) => Pick<AuditEntry, 'action' | 'reason' | 'details'>
	): Promise<{ ok: true } | { ok: false; problem: P | 'not_found' | 'contention' }> {
		const { quarter, roundId, moderatorId, now } = input;
		const result = await this.append<P>(quarter, roundId, decide, now);
		if (!result.ok) return { ok: false, problem: result.problem };
		await appendAudit({
			id: `round:${roundId}:${result.seq}`,
			quarterId: quarter.id,
			at: now,
			actorId: moderatorId,
			target: { type: 'round', id: roundId },
			...audit(result.state!)
		});
		return { ok: true };
	}

	/** The management opens a round; the same form sent twice opens one. */
	async open(input: {
		quarter: Quarter;
		moderatorId: string;
		membership: Membership | null;
		settings: RoundSettings;
		nonce: string;
		now: Date;
	}): Promise<
		| { ok: true; round: Round }
		| { ok: false; problem: 'forbidden' | SettingsProblem | 'contention' }
	> {
		const { quarter, moderatorId, settings, now } = input;
		if (!isManagement(input.membership)) return { ok: false, problem: 'forbidden' };
		const problem = checkSettings(settings);
		if (problem) return { ok: false, problem };
		const roundId = hashToken(`round:${moderatorId}:${input.nonce}`).slice(0, 24);
		const entry: RoundEntry = { type: 'opened', by: moderatorId, at: now, ...settings };
		const result = await this.log.append<never>(roundId, (state, n) =>
			state
				? { ok: true, existing: { ...entry, roundId, quarterId: quarter.id, n: 1 } }
				: { ok: true, entry: { ...entry, roundId, quarterId: quarter.id, n } }
		);
		if (!result.ok) return { ok: false, problem: 'contention' };
		const round = (await this.log.read(roundId))!;
		if (round.quarterId !== quarter.id) return { ok: false, problem: 'forbidden' };
		await appendAudit({
			id: `round:${roundId}:1`,
			quarterId: quarter.id,
			at: round.openedAt,
			actorId: round.openedBy,
			action: 'participation.roundOpened',
			target: { type: 'round', id: roundId },
			reason: '',
			details: auditSettings(round)
		});
		return { ok: true, round };
	}

	/** The management changes the amount or the days, until the vote begins. */
	async change(input: {
		quarter: Quarter;
		roundId: string;
		moderatorId: string;
		membership: Membership | null;
		settings: RoundSettings;
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: ActProblem | SettingsProblem | 'wrong_phase' }> {
		const { quarter, roundId, moderatorId, settings, now } = input;
		if (!isManagement(input.membership)) return { ok: false, problem: 'forbidden' };
		if (!(await this.round(quarter, roundId))) return { ok: false, problem: 'not_found' };
		const problem = checkSettings(settings);
		if (problem) return { ok: false, problem };
		return this.managementAct<'wrong_phase'>(
			input,
			(round, phase) =>
				checkChange(round, phase) ?? { type: 'changed', by: moderatorId, at: now, ...settings },
			() => ({
				action: 'participation.roundChanged',
				reason: '',
				details: auditSettings(settings)
			})
		);
	}

	/** The management ends the current phase now (the next one begins at once). */
	async endPhase(input: {
		quarter: Quarter;
		roundId: string;
		moderatorId: string;
		membership: Membership | null;
		phase: EndablePhase;
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: ActProblem | 'wrong_phase' }> {
		const { moderatorId, phase: ending, now } = input;
		if (!isManagement(input.membership)) return { ok: false, problem: 'forbidden' };
		return this.managementAct<'wrong_phase'>(
			input,
			(_round, phase) =>
				checkEnd(phase, ending) ?? { type: 'ended', phase: ending, by: moderatorId, at: now },
			(round) => ({
				action: 'participation.phaseEnded',
				reason: '',
				details: { title: round.title, phase: ending }
			})
		);
	}

	/** A member proposes something; the same form sent twice stores one proposal. */
	async propose(input: {
		quarter: Quarter;
		roundId: string;
		userId: string;
		membership: Membership | null;
		draft: ProposalDraft;
		nonce: string;
		now: Date;
	}): Promise<
		| { ok: true; proposalId: string; photoId: string | null }
		| { ok: false; problem: ActProblem | ProposalProblem }
	> {
		const { quarter, roundId, userId, draft, now } = input;
		if (!isActiveMember(input.membership)) return { ok: false, problem: 'not_member' };
		const proposalId = hashToken(`proposal:${userId}:${input.nonce}`).slice(0, 24);
		const clean: ProposalDraft = {
			...draft,
			title: draft.title.trim(),
			what: draft.what.trim(),
			who: draft.who.trim()
		};
		const result = await this.log.append<ProposalProblem | 'not_found'>(roundId, (round, n) => {
			if (!round || round.quarterId !== quarter.id) return { ok: false, problem: 'not_found' };
			if (round.proposals.some((p) => p.id === proposalId)) {
				const seen = round.proposals.find((p) => p.id === proposalId)!;
				return {
					ok: true,
					existing: {
						type: 'proposed',
						proposalId,
						by: seen.authorId,
						at: seen.at,
						...clean,
						roundId,
						quarterId: quarter.id,
						n: 0
					}
				};
			}
			const problem = checkProposal(round, phaseAt(round, now, quarter.settings.timeZone), clean);
			if (problem) return { ok: false, problem };
			return {
				ok: true,
				entry: {
					type: 'proposed',
					proposalId,
					by: userId,
					at: now,
					...clean,
					roundId,
					quarterId: quarter.id,
					n
				}
			};
		});
		if (!result.ok) return { ok: false, problem: result.problem };
		if (!result.duplicate) {
			await appendAudit({
				id: `round:${roundId}:${result.seq}`,
				quarterId: quarter.id,
				at: now,
				actorId: userId,
				action: 'participation.proposed',
				target: { type: 'round', id: roundId },
				reason: '',
				details: { title: clean.title, proposalId, minutes: clean.minutes, cents: clean.cents }
			});
		}
		// A form sent twice: the first submit's photo is the proposal's (the second's is dropped).
		const stored = result.state!.proposals.find((p) => p.id === proposalId);
		return { ok: true, proposalId, photoId: stored?.photoId ?? null };
	}

	/** A member comments on a proposal (until the vote ends); the same form twice stores one. */
	async comment(input: {
		quarter: Quarter;
		roundId: string;
		proposalId: string;
		userId: string;
		membership: Membership | null;
		text: string;
		nonce: string;
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: ActProblem | 'wrong_phase' }> {
		const { quarter, roundId, proposalId, userId, now } = input;
		if (!isActiveMember(input.membership)) return { ok: false, problem: 'not_member' };
		const commentId = hashToken(`comment:${userId}:${input.nonce}`).slice(0, 24);
		const result = await this.append<'wrong_phase' | 'not_found' | 'duplicate'>(
			quarter,
			roundId,
			(round, phase) => {
				const proposal = round.proposals.find((p) => p.id === proposalId);
				if (!proposal) return 'not_found';
				if (proposal.comments.some((c) => c.id === commentId)) return 'duplicate';
				return (
					checkComment(phase) ?? {
						type: 'commented',
						proposalId,
						commentId,
						text: input.text.trim(),
						by: userId,
						at: now
					}
				);
			},
			now
		);
		if (!result.ok && result.problem !== 'duplicate') return { ok: false, problem: result.problem };
		return { ok: true };
	}

	/** The management marks a proposal feasible or not, always with a reason. */
	async assess(input: {
		quarter: Quarter;
		roundId: string;
		proposalId: string;
		moderatorId: string;
		membership: Membership | null;
		feasible: boolean;
		reason: string;
		now: Date;
	}): Promise<
		{ ok: true } | { ok: false; problem: ActProblem | 'wrong_phase' | 'reason_required' }
	> {
		const { proposalId, moderatorId, feasible, now } = input;
		if (!isManagement(input.membership)) return { ok: false, problem: 'forbidden' };
		const reason = input.reason.trim();
		return this.managementAct<'wrong_phase' | 'reason_required' | 'not_found'>(
			input,
			(round, phase) => {
				if (!round.proposals.some((p) => p.id === proposalId)) return 'not_found';
				return (
					checkAssessment(phase, reason) ?? {
						type: 'assessed',
						proposalId,
						feasible,
						reason,
						by: moderatorId,
						at: now
					}
				);
			},
			(round) => ({
				action: 'participation.proposalAssessed',
				reason,
				details: {
					title: round.proposals.find((p) => p.id === proposalId)!.title,
					proposalId,
					feasible
				}
			})
		);
	}

	/**
	 * A member's ballot: the feasible proposals they want, together within the round's amount.
	 * Changeable until the vote ends (a new number in their own log; the latest counts). Not in
	 * the audit log: a ballot is secret, and the log shows who did what to the management.
	 */
	async vote(input: {
		quarter: Quarter;
		roundId: string;
		userId: string;
		membership: Membership | null;
		choice: string[];
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: ActProblem | BallotProblem }> {
		const { quarter, roundId, userId, choice, now } = input;
		if (!isActiveMember(input.membership)) return { ok: false, problem: 'not_member' };
		const round = await this.round(quarter, roundId);
		if (!round) return { ok: false, problem: 'not_found' };
		const problem = checkBallot(round, phaseAt(round, now, quarter.settings.timeZone), choice);
		if (problem) return { ok: false, problem };
		const sorted = [...choice].sort();
		const result = await this.ballots.append<never>(ballotStream(roundId, userId), (mine, n) => {
			const latest = mine.at(-1);
			if (latest && latest.choice.join() === sorted.join()) return { ok: true, existing: latest };
			return {
				ok: true,
				entry: { roundId, quarterId: quarter.id, userId, n, choice: sorted, at: now }
			};
		});
		return result.ok ? { ok: true } : { ok: false, problem: 'contention' };
	}

	/** The member's own latest choice in a round (null: no ballot yet). Nobody else sees it. */
	async myBallot(roundId: string, userId: string): Promise<string[] | null> {
		const mine = await this.ballots.read(ballotStream(roundId, userId));
		return mine.at(-1)?.choice ?? null;
	}

	/** How many members have a ballot naming a proposal so far (the management sees this count
	 * during the vote, never who chose what). */
	async votersSoFar(roundId: string): Promise<number> {
		const latest = latestBallots(await listRoundBallots(roundId), new Date(8.64e15));
		return [...latest.values()].filter((b) => b.choice.length > 0).length;
	}

	/** Every ballot of a round as stored (for the count only; never shown). */
	roundBallots(roundId: string): Promise<StoredBallot[]> {
		return listRoundBallots(roundId);
	}
}

function auditSettings(s: RoundSettings) {
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

/** This app server's Bürgerbudget. */
export const participation = new Participation();
