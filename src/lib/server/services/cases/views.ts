// Cases as people see them: one case (everything for the management, the shared timeline for a
// party), the quarter's list, the open count for the cockpit and a member's own cases.
import {
	compareCases,
	foldCase,
	sharedTimeline,
	type CaseFacts,
	type CaseFold,
	type CaseRole,
	type CaseSource
} from '../../../domain/cases/case';
import { caseTransfers, type CaseTransfer } from '../../../domain/cases/transfers';
import { isManagement } from '../../../domain/members/roles';
import {
	closedCaseIds,
	findCase,
	listCasesOfParty,
	listCasesOfQuarter,
	type StoredCaseEvent
} from '../../repos/cases';
import { findMembership } from '../../repos/memberships';
import { findUsersByIds } from '../../repos/users';
import type { ExchangeView } from '../exchanges';
import type { CaseContext } from './context';

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

/**
 * A case as the viewer may see it: the management everything, a party the shared timeline
 * (never the private notes), anyone else nothing (null).
 */
export async function viewCase(
	ctx: CaseContext,
	caseId: string,
	viewerId: string
): Promise<CaseView | null> {
	const facts = await findCase(caseId);
	if (!facts) return null;
	const membership = await findMembership(facts.quarterId, viewerId);
	const management = isManagement(membership);
	const party = facts.partyIds.includes(viewerId);
	if (!management && !party) return null;
	const role: CaseRole = management ? 'moderator' : 'party';
	const log = await ctx.log.read(caseId);
	const fold = foldCase(log);
	const exchange = facts.exchangeId ? await ctx.exchanges.get(viewerId, facts.exchangeId) : null;
	const transfers = management ? await transfersOf(ctx, facts, exchange) : [];
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
export async function transfersOf(
	ctx: CaseContext,
	facts: CaseFacts,
	exchange: ExchangeView | null
): Promise<CaseTransfer[]> {
	const entries = await ctx.ledger.entries(facts.quarterId);
	return caseTransfers(entries, facts.partyIds, exchange?.ledgerSeq ?? null);
}

/** The quarter's cases: open ones oldest first, then the closed ones, latest first. */
export async function listCases(ctx: CaseContext, quarterId: string): Promise<CaseListItem[]> {
	return (await items(ctx, await listCasesOfQuarter(quarterId), true)).sort(compareCases);
}

/** For the cockpit's menu on every page: two reads, no logs. */
export async function countOpen(quarterId: string): Promise<number> {
	const [cases, closed] = await Promise.all([
		listCasesOfQuarter(quarterId),
		closedCaseIds(quarterId)
	]);
	return cases.filter((c) => !closed.has(c.id)).length;
}

/** The cases a member is a party to, newest first, with their state (no names needed). */
export async function listOfParty(ctx: CaseContext, userId: string): Promise<CaseListItem[]> {
	return items(ctx, await listCasesOfParty(userId), false);
}

/** Cases as list items, each folded from its log; the parties' names when asked for. */
async function items(
	ctx: CaseContext,
	cases: CaseFacts[],
	withNames: boolean
): Promise<CaseListItem[]> {
	const folds = await Promise.all(cases.map((c) => ctx.log.read(c.id).then(foldCase)));
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
