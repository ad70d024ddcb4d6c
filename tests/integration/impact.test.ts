// The impact dashboard against the real FerretDB: a small quarter built through the real
// services (exchanges settled in hours and in cash, a request with an answer), the dashboard
// computed twice with the same figures, suppression of a month with only 4 people, and the
// cockpit page and CSV refused to members. Route handlers are called as SvelteKit would.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import type { Role } from '../../src/lib/domain/members/roles';
import { newId } from '../../src/lib/server/ids';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { createExchangeService } from '../../src/lib/server/services/exchanges';
import { impact } from '../../src/lib/server/services/impact';
import { GET as impactCsv } from '../../src/routes/(manage)/manage/[quarter]/impact.csv/+server';
import { load as impactPage } from '../../src/routes/(manage)/manage/[quarter]/impact/+page.server';

const Q = 'wirkungsquartier';
let quarter: Quarter;
let moderator: User;
const people: User[] = [];
let business: User;
const service = createExchangeService({ mail: false });

async function person(name: string, role: Role): Promise<User> {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: 'x' },
		new Date('2025-01-01T00:00:00Z'),
		true
	);
	await insertMembership(
		{ quarterId: Q, userId: id, role, state: 'active' },
		new Date('2025-02-10T00:00:00Z')
	);
	return user;
}

/** An exchange in hours (or cash) from proposal to settlement, starting on `day`. */
async function settle(provider: User, receiver: User, day: string, euros?: number): Promise<void> {
	const start = new Date(`${day}T09:00:00Z`).getTime();
	const at = (h: number) => new Date(start + h * 3600 * 1000);
	const proposed = await service.propose({
		actorId: receiver.id,
		quarterId: Q,
		memberId: provider.id,
		side: 'receiver',
		title: 'Hilfe im Haushalt',
		minutes: 60,
		settlement: euros ? 'euros' : 'hours',
		amountCents: euros ? euros * 100 : null,
		origin: 'http://quartier.test',
		now: at(0)
	});
	if (!proposed.ok) throw new Error(proposed.problem);
	const id = proposed.exchange.id;
	const steps: [User, 'accept' | 'markDone' | 'confirm' | 'cashPaid', number][] = [
		[provider, 'accept', 1],
		[provider, 'markDone', 2],
		[receiver, 'confirm', 3],
		...(euros
			? ([
					[receiver, 'cashPaid', 4],
					[provider, 'cashPaid', 5]
				] as [User, 'cashPaid', number][])
			: [])
	];
	for (const [who, move, h] of steps) {
		const result = await service.move(who.id, id, move, { now: at(h) });
		if (!result.ok) throw new Error(`${move}: ${result.problem}`);
	}
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Wirkungsquartier',
			city: 'Teststadt',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS
		},
		new Date('2025-01-01T00:00:00Z')
	);
	quarter = (await findQuarter(Q))!;
	moderator = await person('Moderatorin', 'moderator');
	for (const name of ['A', 'B', 'C', 'D', 'E']) people.push(await person(name, 'resident'));
	business = await person('Laden', 'business');
	const [a, b, c, d, e] = people as [User, User, User, User, User];
	// March 2025: a ring of five, each gives and receives one hour.
	await settle(a, b, '2025-03-03');
	await settle(b, c, '2025-03-04');
	await settle(c, d, '2025-03-05');
	await settle(d, e, '2025-03-06');
	await settle(e, a, '2025-03-07');
	// April 2025: only a–d (4 people), and the shop paid in cash by one of them.
	await settle(a, b, '2025-04-03');
	await settle(c, d, '2025-04-04');
	await settle(business, a, '2025-04-05', 12);
	// June 2025 (March + 3): a, b, c, d, e and the shop paid in cash by everyone.
	for (const p of people) await settle(business, p, '2025-06-02', 10);
});

describe('impact dashboard on real data', () => {
	const period = { from: '2025-03', to: '2025-06' };
	const now = new Date('2025-11-15T12:00:00Z');

	it('computes the same figures twice', async () => {
		const first = await impact.report(quarter, period, now);
		const second = await impact.report(quarter, period, now);
		expect(second).toEqual(first);
		expect(JSON.stringify(second)).toBe(JSON.stringify(first));
	});

	it('shows months with 5 people and suppresses those with fewer', async () => {
		const report = await impact.report(quarter, period, now);
		const cells = (id: string, series = 'total') =>
			report.figures.find((f) => f.id === id)!.series.find((s) => s.id === series)!.cells;
		const v = (value: number) => ({ kind: 'value', value });
		const S = { kind: 'suppressed' };
		expect(report.months).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
		// March: 5 hours among 5 people. April: 2 hours among a–d: suppressed.
		expect(cells('hours')).toEqual([v(5), S, S, S]);
		expect(cells('active')).toEqual([v(5), v(5), S, v(6)]);
		// April's exchanges: a, b, c, d and the shop = 5 people; 3 settled.
		expect(cells('exchanges')).toEqual([v(5), v(3), S, v(5)]);
		// Cash: April 12 € between 2 people (suppressed), June 5 × 10 € among 6 people.
		expect(cells('euros', 'cash')).toEqual([S, S, S, v(50)]);
		expect(cells('businessTurnover')).toEqual([S, S, S, v(50)]);
		expect(cells('euros', 'card')).toEqual([S, S, S, S]);
		// Everyone in March's ring gave and received: 100 %. March's five are all active in June.
		expect(cells('reciprocity')[0]).toEqual(v(100));
		expect(cells('retention')[0]).toEqual(v(100));
		// Joined in February: no month of the period has new members.
		expect(cells('newMembers')).toEqual([S, S, S, S]);
		expect(JSON.stringify(report)).not.toContain(people[0]!.id);
	});

	type Handler = (event: never) => Promise<unknown>;
	async function call(handler: Handler, user: User, path: string) {
		const event = {
			params: { quarter: Q },
			url: new URL(`http://quartier.test${path}`),
			locals: { user, session: { id: 's', userId: user.id }, locale: 'de' }
		};
		try {
			return { status: 200, result: await handler(event as never) };
		} catch (err) {
			const status = (err as { status?: number }).status;
			if (typeof status !== 'number') throw err;
			return { status, result: null };
		}
	}

	it('lets the quarter management read the CSV, with suppressed cells as "< 5"', async () => {
		const { status, result } = await call(
			impactCsv as Handler,
			moderator,
			`/manage/${Q}/impact.csv?from=2025-03&to=2025-06&figure=hours`
		);
		expect(status).toBe(200);
		const text = Buffer.from(await (result as Response).arrayBuffer()).toString('utf8');
		const lines = text.slice(1).trim().split('\r\n');
		expect(lines[0]).toBe('Kennzahl;Reihe;Monat;Wert;Einheit');
		expect(lines.slice(1)).toEqual([
			'Getauschte Stunden;Gesamt;2025-03;5;Stunden',
			'Getauschte Stunden;Gesamt;2025-04;< 5;Stunden',
			'Getauschte Stunden;Gesamt;2025-05;< 5;Stunden',
			'Getauschte Stunden;Gesamt;2025-06;< 5;Stunden'
		]);
	});

	it('refuses the page and the CSV to members', async () => {
		const member = people[0]!;
		expect((await call(impactPage as Handler, member, `/manage/${Q}/impact`)).status).toBe(403);
		expect((await call(impactCsv as Handler, member, `/manage/${Q}/impact.csv`)).status).toBe(403);
		expect((await call(impactPage as Handler, moderator, `/manage/${Q}/impact`)).status).toBe(200);
	});
});
