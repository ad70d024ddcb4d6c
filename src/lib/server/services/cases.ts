// Mediation cases: the quarter management turns a dispute (a disputed exchange, a report, or its
// own observation) into a case with parties, a private notes timeline, a shared timeline both
// parties see, proposed resolutions and outcomes. Every outcome is carried out through the
// services the rest of the app uses (exchanges, time accounts, moderation), each idempotent under
// its own key, and only then written to the case's log with the form's nonce: a double submit, or
// a retry after a crash between the act and the log, does the act once and logs it once.
import { KeyedQueue } from '../keyed-queue';
import { Log } from '../logs';
import {
	caseKey,
	checkEvent,
	compareCases,
	eventOfNonce,
	foldCase,
	sharedTimeline,
	type Answer,
	type CaseEvent,
	type CaseEventKind,
	type CaseFacts,
	type CaseFold,
	type CaseProblem,
	type CaseRole,
	type CaseSource,
	type Outcome
} from '../../domain/cases/case';
import { caseTransfers, type CaseTransfer } from '../../domain/cases/transfers';
import { isActiveMember, isManagement } from '../../domain/members/roles';
import { appendAudit } from '../repos/audit';
import {
	claimCaseKey,
	closedCaseIds,
	findCase,
	findCaseKey,
	insertCase,
	listCasesOfParty,
	listCasesOfQuarter,
	markCaseClosed,
	caseEventStore,
	type StoredCaseEvent
} from '../repos/cases';
import { findFlag } from '../repos/flags';
import { findMembership } from '../repos/memberships';
import { findQuarter, type Quarter } from '../repos/quarters';
import { findUsersByIds } from '../repos/users';
import { newId } from '../ids';
import { findConversation } from '../repos/conversations';
import { listingBook } from './listing-book';
import {
	exchanges as appExchanges,
	type ExchangeProblem,
	type ExchangeService,
	type ExchangeView
} from './exchanges';
import { ledger as appLedger, type LedgerBook } from './ledger';
import { setSuspended, type MemberProblem } from './moderation';
import { notifications as appNotifications, type Notifications } from './notifications';
import { timeAccounts as appTimeAccounts, type TimeAccounts } from './time-accounts';

export type OpenProblem =
	'not_found' | 'not_disputed' | 'no_parties' | 'party_not_member' | 'title_required' | 'own_case';

export type OutcomeInput =
	| { kind: 'settleHours'; minutes: number }
	| { kind: 'refundEuros'; cents: number }
	| { kind: 'reverseTransfer'; seq: number; minutes: number }
	| { kind: 'warn'; memberId: string }
	| { kind: 'suspend'; memberId: string };

export type OutcomeProblem =
	| CaseProblem
	| 'no_exchange'
	| 'not_in_case'
	| 'already_reversed'
	| `exchange_${ExchangeProblem}`
	| `reversal_${string}`
	| `member_${MemberProblem}`;

export interface CaseListItem {
	id: string;
	title: string;
	source: CaseSource;
	state: CaseFold['state'];
	openedAt: Date;
	lastAt: Date;
	closedAt: Date | null;
	partyNames: string[];
	exchangeId: string | null;
	outcomes: number;
}

export interface CaseView {
	facts: CaseFacts;
	fold: CaseFold;
	/** All events for the management; the shared ones for a party. */
	events: StoredCaseEvent[];
	role: CaseRole;
	names: Record<string, string>;
	exchange: ExchangeView | null;
	/** Transfers an outcome may reverse: between the parties, or of the case's exchange. */
	transfers: CaseTransfer[];
}

type CaseResult<P> = { ok: true; caseId: string; repeated: boolean } | { ok: false; problem: P };

/** An event with the same nonce is in the log already: the same submission. */
class SameEvent {
	constructor(readonly event: StoredCaseEvent) {}
}

export class CaseService {
	/** One act per case at a time on this server; other servers are kept apart by the log. */
	private readonly queue = new KeyedQueue();
	/** Each case's events: one stream of the shared log mechanism (server/logs). */
	private readonly log = new Log<StoredCaseEvent[], StoredCaseEvent>({
		name: 'cases',
		store: caseEventStore,
		seqOf: (event) => event.n,
		empty: () => [],
		apply: (events, event) => void events.push(event),
		// A case page shows what the other side just wrote.
		freshMs: 0,
		maxStreams: 2_000
	});

	constructor(
		private readonly exchanges: ExchangeService = appExchanges,
		private readonly timeAccounts: TimeAccounts = appTimeAccounts,
		private readonly book: LedgerBook = appLedger,
		private readonly notifications: Notifications = appNotifications
	) {}

	/**
	 * Opens a case; one per disputed exchange or report (their key), one per form for the cases
	 * the management opens itself. Opening again returns the case that exists.
	 */
	async open(input: {
		quarter: Quarter;
		moderatorId: string;
		source: { type: CaseSource; id: string | null };
		partyIds: string[];
		exchangeId: string | null;
		title: string;
		text: string;
		nonce: string;
		now: Date;
	}): Promise<CaseResult<OpenProblem>> {
		const { quarter, moderatorId, now } = input;
		const partyIds = [...new Set(input.partyIds)];
		if (partyIds.length === 0) return { ok: false, problem: 'no_parties' };
		if (partyIds.includes(moderatorId)) return { ok: false, problem: 'own_case' };
		if (input.title.trim() === '') return { ok: false, problem: 'title_required' };
		const key = caseKey(quarter.id, input.source, input.nonce);
		const known = await findCaseKey(key);
		if (known && (await findCase(known))) return { ok: true, caseId: known, repeated: true };
		for (const id of partyIds) {
			const membership = await findMembership(quarter.id, id);
			if (!membership) return { ok: false, problem: 'party_not_member' };
		}
		const caseId = await claimCaseKey(key, known ?? newId(), now);
		const facts: CaseFacts = {
			id: caseId,
			quarterId: quarter.id,
			source: input.source,
			partyIds,
			exchangeId: input.exchangeId,
			title: input.title.trim(),
			openedBy: moderatorId,
			openedAt: now
		};
		// Whoever claimed the key first wrote (or will write) the same case; both inserts are
		// harmless, and event 1 is taken once.
		const inserted = await insertCase(facts);
		await this.log.append<'opened'>(caseId, (log, n) =>
			log.length > 0
				? { ok: false, problem: 'opened' }
				: {
						ok: true,
						entry: {
							caseId,
							quarterId: quarter.id,
							n,
							kind: 'opened',
							by: moderatorId,
							at: now,
							text: input.text.trim()
						}
					}
		);
		await appendAudit({
			id: `case:${caseId}:1`,
			quarterId: quarter.id,
			at: now,
			actorId: moderatorId,
			action: 'case.opened',
			target: { type: 'case', id: caseId },
			reason: input.text.trim(),
			details: { source: input.source.type, sourceId: input.source.id, parties: partyIds.length }
		});
		if (inserted) await this.notifyParties(facts, moderatorId, 'opened', now);
		return { ok: true, caseId, repeated: !inserted };
	}

	/** A case about a disputed exchange: its two parties, its title, the dispute's reason. */
	async openFromExchange(input: {
		quarter: Quarter;
		moderatorId: string;
		exchangeId: string;
		now: Date;
	}): Promise<CaseResult<OpenProblem>> {
		const view = await this.exchanges.get(input.moderatorId, input.exchangeId, input.now);
		if (!view || view.quarterId !== input.quarter.id) return { ok: false, problem: 'not_found' };
		const existing = await findCaseKey(
			caseKey(input.quarter.id, { type: 'exchange', id: view.id }, '')
		);
		if (!existing && view.state !== 'disputed') return { ok: false, problem: 'not_disputed' };
		const disputed = view.timeline.findLast((e) => e.toState === 'disputed');
		return this.open({
			...input,
			source: { type: 'exchange', id: view.id },
			partyIds: [view.providerId, view.receiverId],
			exchangeId: view.id,
			title: view.title,
			text: disputed?.reason ?? '',
			nonce: ''
		});
	}

	/** A case about a report: the person who reported and the one the report is about. */
	async openFromFlag(input: {
		quarter: Quarter;
		moderatorId: string;
		flagId: string;
		now: Date;
	}): Promise<CaseResult<OpenProblem>> {
		const flag = await findFlag(input.flagId);
		if (!flag || flag.quarterId !== input.quarter.id) return { ok: false, problem: 'not_found' };
		const about = await this.personBehind(flag.target, flag.reporterId);
		return this.open({
			...input,
			source: { type: 'flag', id: flag.id },
			partyIds: about ? [flag.reporterId, about] : [flag.reporterId],
			exchangeId: null,
			title: flag.reason,
			text: flag.note,
			nonce: ''
		});
	}

	private async personBehind(
		target: { type: string; id: string },
		reporterId: string
	): Promise<string | null> {
		if (target.type === 'member') return target.id;
		if (target.type === 'listing') return (await listingBook.get(target.id))?.authorId ?? null;
		if (target.type === 'conversation') {
			const conversation = await findConversation(target.id);
			return conversation?.participants.find((p) => p !== reporterId) ?? null;
		}
		return null;
	}

	async caseOfExchange(quarterId: string, exchangeId: string): Promise<string | null> {
		return findCaseKey(caseKey(quarterId, { type: 'exchange', id: exchangeId }, ''));
	}

	async caseOfFlag(quarterId: string, flagId: string): Promise<string | null> {
		return findCaseKey(caseKey(quarterId, { type: 'flag', id: flagId }, ''));
	}

	/**
	 * A case as the viewer may see it: the management everything, a party the shared timeline
	 * (never the private notes), anyone else nothing (null).
	 */
	async view(caseId: string, viewerId: string): Promise<CaseView | null> {
		const facts = await findCase(caseId);
		if (!facts) return null;
		const membership = await findMembership(facts.quarterId, viewerId);
		const management = isManagement(membership);
		const party = facts.partyIds.includes(viewerId);
		if (!management && !party) return null;
		const role: CaseRole = management ? 'moderator' : 'party';
		const log = await this.log.read(caseId);
		const fold = foldCase(log);
		const exchange = facts.exchangeId ? await this.exchanges.get(viewerId, facts.exchangeId) : null;
		const transfers = management ? await this.transfersOf(facts, exchange) : [];
		const people = new Set<string>([...facts.partyIds, facts.openedBy, ...log.map((e) => e.by)]);
		for (const o of fold.outcomes) {
			if (o.outcome.kind === 'warn' || o.outcome.kind === 'suspend') people.add(o.outcome.memberId);
		}
		for (const t of transfers) {
			if (t.fromId) people.add(t.fromId);
			if (t.toId) people.add(t.toId);
		}
		const users = await findUsersByIds([...people]);
		return {
			facts,
			fold,
			events: role === 'moderator' ? log : sharedTimeline(log),
			role,
			names: Object.fromEntries(users.map((u) => [u.id, u.displayName])),
			exchange,
			transfers
		};
	}

	/** Transfers an outcome may reverse (domain/cases/transfers.ts). */
	private async transfersOf(
		facts: CaseFacts,
		exchange: ExchangeView | null
	): Promise<CaseTransfer[]> {
		const entries = await this.book.entries(facts.quarterId);
		return caseTransfers(entries, facts.partyIds, exchange?.ledgerSeq ?? null);
	}

	/** The quarter's cases: open ones oldest first, then the closed ones, latest first. */
	async list(quarterId: string): Promise<CaseListItem[]> {
		return (await this.items(await listCasesOfQuarter(quarterId), true)).sort(compareCases);
	}

	/** For the cockpit's menu on every page: two reads, no logs. */
	async countOpen(quarterId: string): Promise<number> {
		const [cases, closed] = await Promise.all([
			listCasesOfQuarter(quarterId),
			closedCaseIds(quarterId)
		]);
		return cases.filter((c) => !closed.has(c.id)).length;
	}

	/** The cases a member is a party to, newest first, with their state (no names needed). */
	async listOfParty(userId: string): Promise<CaseListItem[]> {
		return this.items(await listCasesOfParty(userId), false);
	}

	/** Cases as list items, each folded from its log; the parties' names when asked for. */
	private async items(cases: CaseFacts[], withNames: boolean): Promise<CaseListItem[]> {
		const folds = await Promise.all(cases.map((c) => this.log.read(c.id).then(foldCase)));
		const users = withNames
			? await findUsersByIds([...new Set(cases.flatMap((c) => c.partyIds))])
			: [];
		const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
		return cases.map((c, i) => {
			const fold = folds[i]!;
			return {
				id: c.id,
				title: c.title,
				source: c.source.type,
				state: fold.state,
				openedAt: fold.openedAt,
				lastAt: fold.lastAt,
				closedAt: fold.closedAt,
				partyNames: withNames ? c.partyIds.map((id) => nameOf.get(id) ?? '—') : [],
				exchangeId: c.exchangeId,
				outcomes: fold.outcomes.length
			};
		});
	}

	/**
	 * A note, message, proposal or answer. The management writes as `moderator`, a party as
	 * `party`; the same form submission (nonce) is stored once.
	 */
	async write(input: {
		caseId: string;
		actorId: string;
		kind: Exclude<CaseEventKind, 'opened' | 'outcome' | 'closed'>;
		text: string;
		proposal?: number;
		answer?: Answer;
		nonce: string;
		now: Date;
	}): Promise<{ ok: true; n: number } | { ok: false; problem: CaseProblem | 'not_found' }> {
		const facts = await findCase(input.caseId);
		if (!facts) return { ok: false, problem: 'not_found' };
		const role = await this.roleOf(facts, input.actorId);
		if (!role) return { ok: false, problem: 'not_found' };
		return this.queue.run(input.caseId, async () => {
			const appended = await this.append(facts, role, {
				kind: input.kind,
				by: input.actorId,
				at: input.now,
				text: input.text.trim(),
				nonce: input.nonce,
				...(input.kind === 'response' ? { proposal: input.proposal, answer: input.answer } : {})
			});
			if (!appended.ok) return appended;
			if (appended.stored && input.kind !== 'note') {
				await this.notifyParties(facts, input.actorId, input.kind, input.now);
			}
			return { ok: true, n: appended.event.n };
		});
	}

	/**
	 * Carries out an outcome through the service that owns it, then logs it. The act comes first:
	 * each act is idempotent (reversal key per entry, refund key per form, a settled exchange or a
	 * suspended member is recognised), so a retry with the same nonce after a crash does it once.
	 */
	async carryOut(input: {
		quarter: Quarter;
		caseId: string;
		moderatorId: string;
		outcome: OutcomeInput;
		reason: string;
		nonce: string;
		now: Date;
	}): Promise<{ ok: true; n: number } | { ok: false; problem: OutcomeProblem | 'not_found' }> {
		const { quarter, caseId, moderatorId, now } = input;
		const facts = await this.managedCase(quarter, caseId, moderatorId);
		if (!facts) return { ok: false, problem: 'not_found' };
		const reason = input.reason.trim();
		if (reason === '') return { ok: false, problem: 'text_required' };
		return this.queue.run(caseId, async () => {
			const log = await this.log.read(caseId);
			const done = eventOfNonce(log, input.nonce);
			if (done) return { ok: true, n: done.n };
			const fold = foldCase(log);
			if (fold.state === 'closed') return { ok: false, problem: 'closed' };
			const acted = await this.act(facts, input.outcome, moderatorId, reason, input.nonce, now);
			if (!acted.ok) return acted;
			const appended = await this.append(facts, 'moderator', {
				kind: 'outcome',
				by: moderatorId,
				at: now,
				text: reason,
				nonce: input.nonce,
				outcome: acted.outcome
			});
			if (!appended.ok) return appended;
			await appendAudit({
				id: `case:${caseId}:${appended.event.n}`,
				quarterId: quarter.id,
				at: now,
				actorId: moderatorId,
				action: `case.${acted.outcome.kind}`,
				target: { type: 'case', id: caseId },
				reason,
				details: outcomeDetails(acted.outcome)
			});
			if (appended.stored) await this.notifyParties(facts, moderatorId, 'outcome', now);
			return { ok: true, n: appended.event.n };
		});
	}

	private async act(
		facts: CaseFacts,
		input: OutcomeInput,
		moderatorId: string,
		reason: string,
		nonce: string,
		now: Date
	): Promise<{ ok: true; outcome: Outcome } | { ok: false; problem: OutcomeProblem }> {
		const quarter = { id: facts.quarterId };
		switch (input.kind) {
			case 'settleHours': {
				if (!facts.exchangeId) return { ok: false, problem: 'no_exchange' };
				const result = await this.exchanges.moderatorSettle(
					moderatorId,
					facts.exchangeId,
					input.minutes,
					reason,
					now
				);
				if (result.ok) {
					return {
						ok: true,
						outcome: {
							kind: 'settleHours',
							exchangeId: facts.exchangeId,
							minutes: input.minutes,
							ledgerSeq: result.exchange.ledgerSeq
						}
					};
				}
				// Settled already with these hours (this act, before a crash): log it now.
				const view = await this.exchanges.get(moderatorId, facts.exchangeId, now);
				if (view?.state === 'settled' && view.settledMinutes === input.minutes) {
					return {
						ok: true,
						outcome: {
							kind: 'settleHours',
							exchangeId: facts.exchangeId,
							minutes: input.minutes,
							ledgerSeq: view.ledgerSeq
						}
					};
				}
				return { ok: false, problem: `exchange_${result.problem}` };
			}
			case 'refundEuros': {
				if (!facts.exchangeId) return { ok: false, problem: 'no_exchange' };
				const result = await this.exchanges.moderatorRefund(
					moderatorId,
					facts.exchangeId,
					input.cents,
					reason,
					`case:${facts.id}:${nonce}`,
					now
				);
				if (!result.ok) return { ok: false, problem: `exchange_${result.problem}` };
				return {
					ok: true,
					outcome: { kind: 'refundEuros', exchangeId: facts.exchangeId, cents: input.cents }
				};
			}
			case 'reverseTransfer': {
				const allowed = await this.transfersOf(
					facts,
					facts.exchangeId ? await this.exchanges.get(moderatorId, facts.exchangeId, now) : null
				);
				if (!allowed.some((t) => t.seq === input.seq)) return { ok: false, problem: 'not_in_case' };
				const fullQuarter = await this.quarterOf(facts.quarterId);
				const result = await this.timeAccounts.reverse({
					quarter: fullQuarter,
					moderatorId,
					seq: input.seq,
					minutes: input.minutes,
					reason,
					now
				});
				if (!result.ok) return { ok: false, problem: `reversal_${result.problem}` };
				// One reversal per entry: an earlier one with other minutes is not this act.
				if (result.duplicate && result.entry.minutes !== input.minutes) {
					return { ok: false, problem: 'already_reversed' };
				}
				return {
					ok: true,
					outcome: {
						kind: 'reverseTransfer',
						original: input.seq,
						minutes: result.entry.minutes,
						ledgerSeq: result.entry.seq
					}
				};
			}
			case 'warn': {
				if (!facts.partyIds.includes(input.memberId)) return { ok: false, problem: 'not_in_case' };
				await appendAudit({
					id: `case:${facts.id}:warn:${nonce}`,
					quarterId: quarter.id,
					at: now,
					actorId: moderatorId,
					action: 'member.warn',
					target: { type: 'member', id: input.memberId },
					reason,
					details: { caseId: facts.id }
				});
				return { ok: true, outcome: { kind: 'warn', memberId: input.memberId } };
			}
			case 'suspend': {
				if (!facts.partyIds.includes(input.memberId)) return { ok: false, problem: 'not_in_case' };
				const result = await setSuspended({
					quarter: await this.quarterOf(facts.quarterId),
					memberId: input.memberId,
					moderatorId,
					suspend: true,
					reason,
					now
				});
				if (!result.ok) {
					const membership = await findMembership(facts.quarterId, input.memberId);
					if (!(result.problem === 'wrong_state' && membership?.state === 'suspended')) {
						return { ok: false, problem: `member_${result.problem}` };
					}
				}
				return { ok: true, outcome: { kind: 'suspend', memberId: input.memberId } };
			}
		}
	}

	/** Closes the case with a summary both parties read; without outcomes it closed without action. */
	async close(input: {
		quarter: Quarter;
		caseId: string;
		moderatorId: string;
		summary: string;
		nonce: string;
		now: Date;
	}): Promise<{ ok: true; n: number } | { ok: false; problem: CaseProblem | 'not_found' }> {
		const { quarter, caseId, moderatorId, now } = input;
		const facts = await this.managedCase(quarter, caseId, moderatorId);
		if (!facts) return { ok: false, problem: 'not_found' };
		return this.queue.run(caseId, async () => {
			const appended = await this.append(facts, 'moderator', {
				kind: 'closed',
				by: moderatorId,
				at: now,
				text: input.summary.trim(),
				nonce: input.nonce
			});
			if (!appended.ok) return appended;
			// The marker follows the event; a crash in between is repaired by closing again, which
			// finds the event by its nonce and writes the marker.
			await markCaseClosed(caseId, quarter.id, appended.event.at);
			const fold = foldCase(await this.log.read(caseId));
			await appendAudit({
				id: `case:${caseId}:${appended.event.n}`,
				quarterId: quarter.id,
				at: appended.event.at,
				actorId: moderatorId,
				action: fold.outcomes.length === 0 ? 'case.closedWithoutAction' : 'case.closed',
				target: { type: 'case', id: caseId },
				reason: appended.event.text,
				details: { outcomes: fold.outcomes.length }
			});
			if (appended.stored) await this.notifyParties(facts, moderatorId, 'closed', now);
			return { ok: true, n: appended.event.n };
		});
	}

	/** The case, when it belongs to the quarter and the person is its management. */
	private async managedCase(
		quarter: Quarter,
		caseId: string,
		moderatorId: string
	): Promise<CaseFacts | null> {
		const facts = await findCase(caseId);
		if (!facts || facts.quarterId !== quarter.id) return null;
		return (await this.roleOf(facts, moderatorId)) === 'moderator' ? facts : null;
	}

	private async roleOf(facts: CaseFacts, userId: string): Promise<CaseRole | null> {
		const membership = await findMembership(facts.quarterId, userId);
		if (isManagement(membership)) return 'moderator';
		// Parties talk in their case while they are members (a suspended one reads only).
		if (facts.partyIds.includes(userId) && isActiveMember(membership)) return 'party';
		return null;
	}

	private async quarterOf(quarterId: string): Promise<Quarter> {
		const quarter = await findQuarter(quarterId);
		if (!quarter) throw new Error(`Quarter ${quarterId} is gone.`);
		return quarter;
	}

	/**
	 * Appends event n+1, decided on the log 1..n; another writer taking n+1 first makes this
	 * re-read and decide again. An event with the same nonce in the log is the same submission.
	 */
	private async append(
		facts: CaseFacts,
		role: CaseRole,
		draft: Omit<CaseEvent, 'n'>
	): Promise<
		{ ok: true; event: StoredCaseEvent; stored: boolean } | { ok: false; problem: CaseProblem }
	> {
		const appended = await this.log.append<CaseProblem | SameEvent>(facts.id, (log, n) => {
			const same = eventOfNonce(log, draft.nonce);
			if (same) return { ok: false, problem: new SameEvent(same) };
			const problem = checkEvent(facts, foldCase(log), role, draft);
			if (problem) return { ok: false, problem };
			return { ok: true, entry: { ...draft, n, caseId: facts.id, quarterId: facts.quarterId } };
		});
		if (appended.ok) return { ok: true, event: appended.entry, stored: true };
		if (appended.problem instanceof SameEvent) {
			return { ok: true, event: appended.problem.event, stored: false };
		}
		if (appended.problem === 'contention') {
			throw new Error(`Case ${facts.id}: no free event number (contention)`);
		}
		return { ok: false, problem: appended.problem };
	}

	/** Tells the parties (except the one who acted) that their case moved. */
	private async notifyParties(
		facts: CaseFacts,
		actorId: string,
		move: CaseEventKind,
		now: Date
	): Promise<void> {
		for (const partyId of facts.partyIds) {
			if (partyId === actorId) continue;
			await this.notifications.notify(
				partyId,
				{
					quarterId: facts.quarterId,
					kind: 'case',
					exchangeId: facts.exchangeId,
					caseId: facts.id,
					move,
					actorId,
					title: facts.title,
					minutes: null
				},
				now
			);
		}
	}
}

function outcomeDetails(outcome: Outcome): Record<string, string | number | null> {
	switch (outcome.kind) {
		case 'settleHours':
			return {
				exchangeId: outcome.exchangeId,
				minutes: outcome.minutes,
				ledgerSeq: outcome.ledgerSeq
			};
		case 'refundEuros':
			return { exchangeId: outcome.exchangeId, cents: outcome.cents };
		case 'reverseTransfer':
			return { reverses: outcome.original, minutes: outcome.minutes, ledgerSeq: outcome.ledgerSeq };
		case 'warn':
		case 'suspend':
			return { memberId: outcome.memberId };
	}
}

export const cases = new CaseService();
