// The Bürgerbudget against the real FerretDB (SQLite), with two app servers (two service
// instances, each with its own in-memory logs): a round runs from proposals to the result,
// concurrent double votes of the same members count once, the management's checks are guarded
// and audited, and the winners become budget lines exactly once — also when both servers publish
// at the same time and after a crash half-way — and a grant can draw on such a line.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import type { ProposalDraft, RoundSettings } from '../../src/lib/domain/participation/round';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listBudgetLines } from '../../src/lib/server/repos/budget';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import {
	findMembership,
	insertMembership,
	type Membership
} from '../../src/lib/server/repos/memberships';
import { listRoundBallots } from '../../src/lib/server/repos/participation';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { Budget } from '../../src/lib/server/services/budget';
import { Participation, type Round } from '../../src/lib/server/services/participation';
import { lineIdOf, RoundResults } from '../../src/lib/server/services/participation/results';

const Q = 'budgetrunde';
let quarter: Quarter;
let moderator: User;
let colleague: User;
const members: User[] = [];
// Two app servers, each with its own in-memory view of the logs.
const serverA = new Participation();
const serverB = new Participation();
const resultsA = new RoundResults(serverA, new Budget());
const resultsB = new RoundResults(serverB, new Budget());

async function person(displayName: string, role: Role, state: MembershipState = 'active') {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName, locale: 'de', passwordHash: 'not-used' },
		new Date('2026-01-01'),
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role, state }, new Date('2026-01-01'));
	return user;
}
const membership = async (user: User): Promise<Membership> => (await findMembership(Q, user.id))!;

const T = {
	proposals: new Date('2026-03-10T10:00:00Z'),
	check: new Date('2026-04-05T10:00:00Z'),
	vote: new Date('2026-04-20T10:00:00Z'),
	// Berlin midnight after 30 April is 22:00 UTC; the lines wait a few seconds after it.
	voteEnd: new Date('2026-04-30T22:00:00Z'),
	result: new Date('2026-05-02T10:00:00Z')
};
let nonces = 0;
const nonce = () => `round-test-${String(++nonces).padStart(8, '0')}`;

function settings(change: Partial<RoundSettings> = {}): RoundSettings {
	return {
		title: 'Bürgerbudget Frühjahr 2026',
		minutes: 100 * 60,
		cents: null,
		proposalsFrom: '2026-03-01',
		checkFrom: '2026-04-01',
		voteFrom: '2026-04-15',
		voteUntil: '2026-04-30',
		linesUntil: '2026-12-31',
		...change
	};
}

function proposal(title: string, hours: number): ProposalDraft {
	return {
		title,
		what: `${title}: Material und Stunden`,
		who: 'alle im Quartier',
		minutes: hours * 60,
		cents: null,
		photoId: null
	};
}

async function openRound(change: Partial<RoundSettings> = {}): Promise<Round> {
	const opened = await serverA.open({
		quarter,
		moderatorId: moderator.id,
		membership: await membership(moderator),
		settings: settings(change),
		nonce: nonce(),
		now: new Date('2026-02-20T10:00:00Z')
	});
	if (!opened.ok) throw new Error(opened.problem);
	return opened.round;
}

async function propose(
	round: Round,
	by: User,
	draft: ProposalDraft,
	n = nonce(),
	server = serverA
) {
	const result = await server.propose({
		quarter,
		roundId: round.id,
		userId: by.id,
		membership: await membership(by),
		draft,
		nonce: n,
		now: T.proposals
	});
	if (!result.ok) throw new Error(result.problem);
	return result.proposalId;
}

async function assess(round: Round, proposalId: string, feasible: boolean) {
	const result = await serverB.assess({
		quarter,
		roundId: round.id,
		proposalId,
		moderatorId: moderator.id,
		membership: await membership(moderator),
		feasible,
		reason: feasible ? 'Passt zum Sozialraumbudget.' : 'Liegt auf Privatgrund.',
		now: T.check
	});
	if (!result.ok) throw new Error(result.problem);
}

async function vote(round: Round, by: User, choice: string[], server = serverA, now = T.vote) {
	return server.vote({
		quarter,
		roundId: round.id,
		userId: by.id,
		membership: await membership(by),
		choice,
		now
	});
}

/** A round with proposals A 60 h, B 50 h, C 30 h (feasible) and D 10 h (not), in its vote. */
async function roundInVote() {
	const round = await openRound();
	const [a, b, c, d] = [
		await propose(round, members[0]!, proposal('Gemeinschaftsgarten', 60)),
		await propose(round, members[1]!, proposal('Bücherschrank', 50)),
		await propose(round, members[2]!, proposal('Reparatur-Treff', 30)),
		await propose(round, members[3]!, proposal('Parkbank im Hof', 10))
	];
	await assess(round, a, true);
	await assess(round, b, true);
	await assess(round, c, true);
	await assess(round, d, false);
	return { round: (await serverB.round(quarter, round.id))!, a, b, c, d };
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Budgetrunde',
			city: 'Teststadt',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS
		},
		new Date('2026-01-01')
	);
	quarter = (await findQuarter(Q))!;
	moderator = await person('Mara Runde', 'moderator');
	colleague = await person('Kai Kollege', 'moderator');
	for (let i = 0; i < 8; i++) members.push(await person(`Nachbar ${i + 1}`, 'resident'));
});

describe('a round from proposals to the vote', () => {
	it('takes proposals only in their phase, once per form, and audits them', async () => {
		const round = await openRound();
		const n = nonce();
		const first = await propose(round, members[0]!, proposal('Hochbeete', 20), n);
		const again = await propose(round, members[0]!, proposal('Hochbeete', 20), n, serverB);
		expect(again).toBe(first);
		expect((await serverB.round(quarter, round.id))!.proposals).toHaveLength(1);
		const late = await serverA.propose({
			quarter,
			roundId: round.id,
			userId: members[1]!.id,
			membership: await membership(members[1]!),
			draft: proposal('Zu spät', 5),
			nonce: nonce(),
			now: T.check
		});
		expect(late).toEqual({ ok: false, problem: 'wrong_phase' });
		const tooBig = await serverA.propose({
			quarter,
			roundId: round.id,
			userId: members[1]!.id,
			membership: await membership(members[1]!),
			draft: proposal('Zu teuer', 101),
			nonce: nonce(),
			now: T.proposals
		});
		expect(tooBig).toEqual({ ok: false, problem: 'over_amount' });
		const actions = (await listAudit(Q, { offset: 0, limit: 200 })).entries
			.filter((e) => e.target.id === round.id)
			.map((e) => e.action);
		expect(actions.sort()).toEqual(['participation.proposed', 'participation.roundOpened']);
	});

	it('lets only the management mark feasibility, always with a reason', async () => {
		const round = await openRound();
		const p = await propose(round, members[0]!, proposal('Spielplatzfest', 10));
		const input = {
			quarter,
			roundId: round.id,
			proposalId: p,
			feasible: true,
			reason: 'Passt.',
			now: T.check
		};
		expect(
			await serverA.assess({
				...input,
				moderatorId: members[1]!.id,
				membership: await membership(members[1]!)
			})
		).toEqual({ ok: false, problem: 'forbidden' });
		expect(
			await serverA.assess({
				...input,
				reason: '  ',
				moderatorId: moderator.id,
				membership: await membership(moderator)
			})
		).toEqual({ ok: false, problem: 'reason_required' });
		expect(
			await serverA.assess({
				...input,
				now: T.vote,
				moderatorId: moderator.id,
				membership: await membership(moderator)
			})
		).toEqual({ ok: false, problem: 'wrong_phase' });
		expect(
			await serverA.assess({
				...input,
				moderatorId: colleague.id,
				membership: await membership(colleague)
			})
		).toEqual({ ok: true });
		const audit = (await listAudit(Q, { offset: 0, limit: 200 })).entries.find(
			(e) => e.target.id === round.id && e.action === 'participation.proposalAssessed'
		);
		expect(audit).toMatchObject({ actorId: colleague.id, reason: 'Passt.' });
	});
});

describe('ballots', () => {
	it('count once per member when the same member votes on two servers at once', async () => {
		const { round, a, b, c, d } = await roundInVote();
		expect(await vote(round, members[0]!, [a], serverA, T.check)).toEqual({
			ok: false,
			problem: 'wrong_phase'
		});
		expect(await vote(round, members[0]!, [a, b])).toEqual({ ok: false, problem: 'over_amount' });
		expect(await vote(round, members[0]!, [d])).toEqual({
			ok: false,
			problem: 'unknown_proposal'
		});
		// Every member sends their ballot twice at the same moment, once to each server.
		const choices = [[a, c], [b, c], [a], [b], [c], [a, c], [b, c], [b]];
		const sent = await Promise.all(
			members.flatMap((m, i) => [
				vote(round, m, choices[i]!, serverA),
				vote(round, m, choices[i]!, serverB)
			])
		);
		expect(sent.every((r) => r.ok)).toBe(true);
		// One member changes their mind many times at once on both servers; the latest counts.
		const flips = await Promise.all(
			Array.from({ length: 10 }, (_, k) =>
				vote(round, members[7]!, k % 2 === 0 ? [a] : [b, c], k % 2 === 0 ? serverA : serverB)
			)
		);
		expect(flips.every((r) => r.ok)).toBe(true);
		const stored = await listRoundBallots(round.id);
		const latest = new Map<string, (typeof stored)[number]>();
		for (const b of stored) if ((latest.get(b.userId)?.n ?? 0) < b.n) latest.set(b.userId, b);
		expect(latest.size).toBe(members.length);
		const lastFlip = latest.get(members[7]!.id)!.choice;
		// Numbers of a member's ballots are 1, 2, 3 … without a gap or a duplicate.
		for (const m of members) {
			const ns = stored
				.filter((b) => b.userId === m.id)
				.map((b) => b.n)
				.sort((x, y) => x - y);
			expect(ns).toEqual(ns.map((_, i) => i + 1));
		}
		expect(await serverB.myBallot(round.id, members[7]!.id)).toEqual(lastFlip);
		expect(await serverA.votersSoFar(round.id)).toBe(members.length);

		const view = (await resultsB.result(
			quarter,
			(await serverB.round(quarter, round.id))!,
			T.result
		))!;
		const votes = Object.fromEntries(view.result.rows.map((r) => [r.proposalId, r.votes]));
		const expected = { [a]: 0, [b]: 0, [c]: 0 };
		choices.slice(0, 7).forEach((ch) => ch.forEach((id) => expected[id]!++));
		lastFlip.forEach((id) => expected[id]!++);
		expect(votes).toEqual(expected);
		expect(view.result.voters).toBe(members.length);
		// Ballots are not in the audit log: it would tell the management who chose what.
		const audit = (await listAudit(Q, { offset: 0, limit: 500 })).entries;
		expect(
			audit.some(
				(e) => JSON.stringify(e.details).includes(lastFlip[0]!) && e.actorId === members[7]!.id
			)
		).toBe(false);
	});

	it('are refused after the vote ended, also when the management ended it early', async () => {
		const { round, a } = await roundInVote();
		const ended = await serverA.endPhase({
			quarter,
			roundId: round.id,
			moderatorId: moderator.id,
			membership: await membership(moderator),
			phase: 'vote',
			now: T.vote
		});
		expect(ended).toEqual({ ok: true });
		const later = new Date(T.vote.getTime() + 1000);
		expect(await vote(round, members[0]!, [a], serverB, later)).toEqual({
			ok: false,
			problem: 'wrong_phase'
		});
	});
});

describe('winners become budget lines', () => {
	it('once, when two servers publish at the same time and again later; grants draw on them', async () => {
		const { round, a, b, c } = await roundInVote();
		// a: 4, b: 5, c: 6 votes → c (30 h) and b (50 h) win, a (60 h) no longer fits.
		const ballots = [[c], [c], [c], [b, c], [b, c], [b, c], [a], [a, b]];
		await Promise.all(ballots.map((ch, i) => vote(round, members[i]!, ch)));
		await Promise.all([a, a].map((id, i) => vote(round, members[i]!, [id, c])));
		const fresh = (await serverA.round(quarter, round.id))!;
		// Right at the end nothing is made yet (ballots may still land).
		expect(await resultsA.publish(quarter, fresh, T.voteEnd)).toBe(0);

		const made = await Promise.all([
			resultsA.publish(quarter, fresh, T.result),
			resultsB.publish(quarter, (await serverB.round(quarter, round.id))!, T.result)
		]);
		expect(made[0]! + made[1]!).toBe(2);
		expect(await resultsA.publish(quarter, fresh, T.result)).toBe(0);
		const view = (await resultsA.result(quarter, fresh, T.result))!;
		const winners = view.result.rows.filter((r) => r.won).map((r) => r.proposalId);
		expect(winners).toEqual([c, b]);
		const lines = (await listBudgetLines(Q)).filter((l) => l.decidedBy === round.title);
		const mine = lines.filter((l) => winners.some((w) => lineIdOf(fresh, w) === l.id));
		expect(mine.map((l) => [l.name, l.minutes, l.from, l.to, l.decidedOn]).sort()).toEqual(
			[
				['Bücherschrank', 50 * 60, '2026-05-01', '2026-12-31', '2026-05-01'],
				['Reparatur-Treff', 30 * 60, '2026-05-01', '2026-12-31', '2026-05-01']
			].sort()
		);
		const audit = (await listAudit(Q, { offset: 0, limit: 500 })).entries;
		expect(audit.filter((e) => e.id === `round-result:${round.id}`)).toHaveLength(1);
		expect(
			audit.filter(
				(e) => e.action === 'budget.lineCreated' && mine.some((l) => l.id === e.target.id)
			)
		).toHaveLength(2);

		// A grant draws on the winner's line and reaches the ledger as for every budget line.
		const granted = await new Budget().grantHours({
			quarter,
			moderatorId: moderator.id,
			memberId: members[2]!.id,
			lineId: lineIdOf(fresh, c),
			minutes: 3 * 60,
			purpose: 'Reparatur-Treff im Mai',
			override: null,
			nonce: nonce(),
			now: T.result
		});
		expect(granted).toMatchObject({ ok: true });
		const entries = (await listLedgerEntries(Q)).filter(
			(e) => e.budgetLineId === lineIdOf(fresh, c)
		);
		expect(entries.map((e) => e.minutes)).toEqual([180]);
	});

	it('resumes after a crash half-way without making a line twice', async () => {
		const { round, b, c } = await roundInVote();
		await Promise.all(members.slice(0, 6).map((m) => vote(round, m, [b, c])));
		const fresh = (await serverA.round(quarter, round.id))!;
		// The first run made the line of c and stopped before the rest (as a crash would).
		const budget = new Budget();
		const first = await budget.createLine({
			quarter,
			moderatorId: fresh.openedBy,
			nonce: `buergerbudget:${fresh.id}:${c}`,
			now: T.voteEnd,
			draft: {
				name: 'Reparatur-Treff',
				minutes: 30 * 60,
				cents: null,
				from: '2026-05-01',
				to: '2026-12-31',
				purpose: 'Reparatur-Treff: Material und Stunden',
				decidedBy: fresh.title,
				decidedOn: '2026-05-01'
			}
		});
		expect(first.ok && first.line.id).toBe(lineIdOf(fresh, c));
		const made = await Promise.all([
			resultsA.publish(quarter, fresh, T.result),
			resultsB.publish(quarter, fresh, T.result)
		]);
		expect(made[0]! + made[1]!).toBe(1);
		const ids = (await listBudgetLines(Q)).map((l) => l.id);
		expect(ids.filter((id) => id === lineIdOf(fresh, c))).toHaveLength(1);
		expect(ids.filter((id) => id === lineIdOf(fresh, b))).toHaveLength(1);
	});

	it('gives the year’s results and the participation figures', async () => {
		const results = await resultsA.yearResults(quarter, 2026, T.result);
		expect(results.length).toBeGreaterThanOrEqual(3);
		const withVotes = results.find((r) => r.rows.some((row) => row.won))!;
		expect(withVotes.resultDay).toBe('2026-05-01');
		expect(withVotes.rows.find((r) => r.won)!.lineId).toMatch(/^[0-9a-f]{20}$/);
		expect(await resultsA.yearResults(quarter, 2025, T.result)).toEqual([]);
		const figures = await resultsA.participationFigures(quarter, T.result);
		expect(figures.find((f) => f.roundId === withVotes.roundId)).toMatchObject({
			proposals: 4,
			members: 10
		});
	});
});
