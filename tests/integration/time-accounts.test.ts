// Time accounts against the real FerretDB (SQLite): statements with a period and a running
// balance, exact CSV rows, a donation submitted twice booked once, grants audited and held to the
// limits unless a moderator overrides them (audited), who may read which statement, and the
// quarter-wide CSV adding up to zero. Route handlers are called as SvelteKit would call them.
import { beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../../src/lib/domain/ledger/accounts';
import { nextDay } from '../../src/lib/domain/time/zone';
import { COMMUNITY, memberAccount } from '../../src/lib/domain/ledger/ledger';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import {
	DEFAULT_QUARTER_SETTINGS,
	type QuarterSettings
} from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { ledgerLimits } from '../../src/lib/server/services/exchanges';
import { ledger } from '../../src/lib/server/services/ledger';
import { describeBookingProblem, timeAccounts } from '../../src/lib/server/services/time-accounts';
import { GET as memberStatementCsv } from '../../src/routes/(app)/q/[quarter]/time-account/statement.csv/+server';
import { actions as memberActions } from '../../src/routes/(app)/q/[quarter]/time-account/+page.server';
import { GET as accountStatementCsv } from '../../src/routes/(manage)/manage/[quarter]/accounts/[account]/statement.csv/+server';
import { GET as ledgerCsv } from '../../src/routes/(manage)/manage/[quarter]/accounts/ledger.csv/+server';

const Q = 'kontoquartier';
/** Members may go 1 hour below zero and 3 hours above. */
const TIGHT = 'engkontoquartier';
const NONCE_A = 'nonce-aaaaaaaaaaaaaaaa';

let quarter: Quarter;
let tight: Quarter;

async function person(
	displayName: string,
	memberships: Array<[quarterId: string, role: Role, state?: MembershipState]>
): Promise<User> {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName, locale: 'de', passwordHash: 'not-used' },
		new Date(),
		true
	);
	for (const [quarterId, role, state = 'active'] of memberships) {
		await insertMembership({ quarterId, userId: id, role, state }, new Date());
	}
	return user;
}

beforeAll(async () => {
	const base = { city: 'Teststadt', description: '' };
	const settings = (changes: Partial<QuarterSettings> = {}): QuarterSettings => ({
		...DEFAULT_QUARTER_SETTINGS,
		...changes
	});
	await insertQuarter({ ...base, id: Q, name: 'Kontoquartier', settings: settings() }, new Date());
	await insertQuarter(
		{
			...base,
			id: TIGHT,
			name: 'Engkontoquartier',
			settings: settings({ timeBank: { minBalanceMinutes: -60, maxBalanceMinutes: 180 } })
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
	tight = (await findQuarter(TIGHT))!;
});

type Handler = (event: never) => Promise<Response>;

/** Calls a GET handler with only what it reads from the event; thrown errors become statuses. */
async function get(
	handler: Handler,
	user: User | null,
	path: string,
	params: Record<string, string>
): Promise<{ status: number; response: Response | null }> {
	const event = {
		params,
		url: new URL(`http://quartier.test${path}`),
		locals: { user, session: user ? { id: 's', userId: user.id } : null, locale: 'de' }
	};
	try {
		const response = await handler(event as never);
		return { status: response.status, response };
	} catch (err) {
		const status = (err as { status?: number }).status;
		if (typeof status !== 'number') throw err;
		return { status, response: null };
	}
}

/** Posts the donation form as a browser without JavaScript would. */
async function postDonation(
	user: User,
	fields: Record<string, string>,
	quarterId = Q
): Promise<number> {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const url = `http://quartier.test/q/${quarterId}/time-account?/donate`;
	const event = {
		params: { quarter: quarterId },
		url: new URL(url),
		locals: { user, session: { id: 's', userId: user.id }, locale: 'de' },
		request: new Request(url, { method: 'POST', body })
	};
	try {
		const result = await memberActions.donate!(event as never);
		return (result as { status?: number } | undefined)?.status ?? 200;
	} catch (err) {
		const status = (err as { status?: number }).status;
		if (typeof status !== 'number') throw err;
		return status;
	}
}

/** The body as sent, byte order mark included (`Response.text()` drops it). */
async function body(response: Response): Promise<string> {
	return Buffer.from(await response.arrayBuffer()).toString('utf8');
}

/** Parses our CSV (no quoted delimiters in these tests) into rows of cells. */
function csvRows(text: string, delimiter: string): string[][] {
	expect(text.startsWith('\uFEFF')).toBe(true);
	return text
		.slice(1)
		.split('\r\n')
		.filter(Boolean)
		.map((line) => line.split(delimiter));
}

describe('a member statement', () => {
	it('covers the period with opening, running and closing balance and names the other side', async () => {
		const moderator = await person('Mona Moderatorin', [[Q, 'moderator']]);
		const anna = await person('Anna Auszug', [[Q, 'resident']]);
		const ben = await person('Ben Gegenüber', [[Q, 'resident']]);
		const booked = async (at: string, run: (now: Date) => Promise<{ ok: boolean }>) =>
			expect((await run(new Date(at))).ok).toBe(true);
		await booked('2026-10-30T09:00:00Z', (now) =>
			timeAccounts.grant({
				quarter,
				moderatorId: moderator.id,
				memberId: anna.id,
				minutes: 180,
				purpose: 'Budgetposten Nachbarschaftshilfe',
				override: null,
				nonce: 'g1-aaaaaaaaaaaaaaaa',
				now
			})
		);
		await booked('2026-11-02T10:30:00Z', (now) =>
			ledger.transfer(
				Q,
				{
					from: memberAccount(anna.id),
					to: memberAccount(ben.id),
					minutes: 90,
					kind: 'exchange',
					key: newId(),
					memo: 'Fahrrad reparieren'
				},
				{ by: anna.id, now, limits: ledgerLimits(quarter) }
			)
		);
		await booked('2026-11-20T16:45:00Z', (now) =>
			timeAccounts.donate({
				quarter,
				userId: anna.id,
				minutes: 30,
				memo: 'Für das Sommerfest',
				nonce: NONCE_A,
				now
			})
		);
		await booked('2026-12-01T08:00:00Z', (now) =>
			timeAccounts.donate({
				quarter,
				userId: anna.id,
				minutes: 15,
				memo: '',
				nonce: 'later-aaaaaaaaaaaaaa',
				now
			})
		);

		const november = periodOf({ from: '2026-11-01', to: '2026-11-30' }, quarter.settings.timeZone);
		const view = await timeAccounts.view(quarter, memberAccount(anna.id), november, 'de');
		expect(view.name).toBe('Anna Auszug');
		expect(view.balance).toBe(180 - 90 - 30 - 15);
		expect(view.limits).toEqual(quarter.settings.timeBank);
		expect(view.opening).toBe(180);
		expect(view.closing).toBe(60);
		expect(
			view.rows.map((r) => [r.kind, r.memo, r.counterpartyName, r.minutes, r.balance])
		).toEqual([
			['exchange', 'Fahrrad reparieren', 'Ben Gegenüber', -90, 90],
			['donation', 'Für das Sommerfest', 'Gemeinschaftskonto', -30, 60]
		]);
		expect(view.rows[0]!.exchangeId).toMatch(/^[0-9a-f]{24}$/);

		// The CSV of the same period, exactly, in the German spreadsheet dialect.
		const csv = await timeAccounts.statementCsv(quarter, memberAccount(anna.id), november, 'de');
		const seqs = view.rows.map((r) => r.seq);
		expect(csv).toBe(
			'\uFEFF' +
				[
					'Nr.;Datum;Art;Gegenkonto;Stunden;Minuten;Stand (Stunden);Text',
					`${seqs[0]};2026-11-02 11:30;Tausch;Ben Gegenüber;-1,5;-90;1,5;Fahrrad reparieren`,
					`${seqs[1]};2026-11-20 17:45;Spende;Gemeinschaftskonto;-0,5;-30;1;Für das Sommerfest`
				].join('\r\n') +
				'\r\n'
		);
		const english = await timeAccounts.statementCsv(
			quarter,
			memberAccount(anna.id),
			november,
			'en'
		);
		expect(english.split('\r\n')[0]).toBe(
			'\uFEFFNo.,Date,Kind,Other account,Hours,Minutes,Balance (hours),Text'
		);
		expect(english.split('\r\n')[2]).toBe(
			`${seqs[1]},2026-11-20 17:45,Donation,Community account,-0.5,-30,1,Für das Sommerfest`
		);

		// Through the endpoint: her own statement only, as an attachment.
		const { status, response } = await get(
			memberStatementCsv as Handler,
			anna,
			`/q/${Q}/time-account/statement.csv?from=2026-11-01&to=2026-11-30`,
			{ quarter: Q }
		);
		expect(status).toBe(200);
		expect(await body(response!)).toBe(csv);
		expect(response!.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response!.headers.get('content-disposition')).toMatch(
			/^attachment; filename="zeitkonto-kontoquartier-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const bad = await get(
			memberStatementCsv as Handler,
			anna,
			`/q/${Q}/time-account/statement.csv?from=2026-02-30`,
			{ quarter: Q }
		);
		expect(bad.status).toBe(400);
	});
});

describe("a statement in the quarter's time zone", () => {
	it('cuts the days at midnight of the quarter, in the page and the CSV', async () => {
		await insertQuarter(
			{
				id: 'zonenquartier',
				name: 'Zonenquartier',
				city: 'New York',
				description: '',
				settings: { ...DEFAULT_QUARTER_SETTINGS, timeZone: 'America/New_York' }
			},
			new Date()
		);
		const zoned = (await findQuarter('zonenquartier'))!;
		const cases: Array<[Quarter, string, string, string]> = [
			// 23:30 on 30 November in Berlin is already 1 December in UTC
			[quarter, '2026-11-30T22:30:00Z', '2026-11-30', '2026-11-30 23:30'],
			// 23:30 on 29 November in New York is 30 November in UTC and in Berlin
			[zoned, '2026-11-30T04:30:00Z', '2026-11-29', '2026-11-29 23:30']
		];
		for (const [q, at, day, shown] of cases) {
			const anna = await person('Anna Nachteule', [[q.id, 'resident']]);
			const donated = await timeAccounts.donate({
				quarter: q,
				userId: anna.id,
				minutes: 30,
				memo: 'spät',
				nonce: `late-${q.id}-aaaaaaaaaaaa`.slice(0, 24),
				now: new Date(at)
			});
			expect(donated.ok).toBe(true);
			const { status, response } = await get(
				memberStatementCsv as Handler,
				anna,
				`/q/${q.id}/time-account/statement.csv?from=${day}&to=${day}`,
				{ quarter: q.id }
			);
			expect(status).toBe(200);
			const rows = csvRows(await body(response!), ';');
			expect(rows.slice(1).map((r) => [r[1], r[7]])).toEqual([[shown, 'spät']]);
			// The day after holds nothing of it.
			const after = await get(
				memberStatementCsv as Handler,
				anna,
				`/q/${q.id}/time-account/statement.csv?from=${nextDay(day)}`,
				{ quarter: q.id }
			);
			expect(csvRows(await body(after.response!), ';')).toHaveLength(1);
		}
	});
});

describe('donations', () => {
	it('books a form submitted twice (even at once) once', async () => {
		const clara = await person('Clara Doppelklick', [[Q, 'resident']]);
		await timeAccounts.grant({
			quarter,
			moderatorId: (await person('Moritz Mod', [[Q, 'moderator']])).id,
			memberId: clara.id,
			minutes: 120,
			purpose: 'Start',
			override: null,
			nonce: 'g2-aaaaaaaaaaaaaaaa',
			now: new Date()
		});
		const fields = { hours: '0,5', memo: 'Danke', nonce: 'double-aaaaaaaaaaaaaa' };
		const statuses = await Promise.all([
			postDonation(clara, fields),
			postDonation(clara, fields),
			postDonation(clara, fields)
		]);
		expect(statuses).toEqual([303, 303, 303]);
		expect(await postDonation(clara, fields)).toBe(303);
		const donations = (await listLedgerEntries(Q)).filter(
			(e) => e.kind === 'donation' && e.from === memberAccount(clara.id)
		);
		expect(donations).toHaveLength(1);
		expect(donations[0]).toMatchObject({
			to: COMMUNITY,
			minutes: 30,
			memo: 'Danke',
			key: `donation:${clara.id}:double-aaaaaaaaaaaaaa`,
			by: clara.id
		});
		// A new form (another nonce) is a new donation; a bad one books nothing.
		expect(await postDonation(clara, { ...fields, nonce: 'second-aaaaaaaaaaaaaa' })).toBe(303);
		expect(await postDonation(clara, { hours: '1,1', nonce: 'third-aaaaaaaaaaaaaaa' })).toBe(400);
		expect(await postDonation(clara, { hours: '1' })).toBe(400);
		const balances = await ledger.balances(Q);
		expect(balances.get(memberAccount(clara.id))).toBe(120 - 30 - 30);
	});

	it('may not take a balance below the lower limit, and says so in hours', async () => {
		const dora = await person('Dora Dünn', [[TIGHT, 'resident']]);
		const refused = await timeAccounts.donate({
			quarter: tight,
			userId: dora.id,
			minutes: 90,
			memo: '',
			nonce: 'low-aaaaaaaaaaaaaaaa',
			now: new Date()
		});
		expect(refused).toMatchObject({ ok: false, problem: { code: 'below_minimum', limit: -60 } });
		if (refused.ok) return;
		expect(await describeBookingProblem(refused.problem, 'de', memberAccount(dora.id))).toEqual({
			key: 'account_error_own_below_minimum',
			inputs: { limit: '−1:00 Std.', balance: '−1:30 Std.' }
		});
		expect(await postDonation(dora, { hours: '1,5', nonce: 'low2-aaaaaaaaaaaaaaa' }, TIGHT)).toBe(
			409
		);
		expect((await ledger.balances(TIGHT)).has(memberAccount(dora.id))).toBe(false);
	});
});

describe('grants', () => {
	it('are audited with purpose, minutes and entry number', async () => {
		const moderator = await person('Greta Gewährt', [[Q, 'moderator']]);
		const emil = await person('Emil Empfänger', [[Q, 'business']]);
		const now = new Date();
		const input = {
			quarter,
			moderatorId: moderator.id,
			memberId: emil.id,
			minutes: 120,
			purpose: 'Budgetposten Reparaturcafé',
			override: null,
			nonce: 'g3-aaaaaaaaaaaaaaaa',
			now
		};
		const first = await timeAccounts.grant(input);
		const again = await timeAccounts.grant(input);
		expect(first).toMatchObject({ ok: true, duplicate: false });
		expect(again).toMatchObject({ ok: true, duplicate: true });
		// An old form sent again with other choices reuses a key it no longer owns: refused.
		const before = (await ledger.entries(Q)).length;
		const other = await person('Olga Andere', [[Q, 'resident']]);
		expect(await timeAccounts.grant({ ...input, memberId: other.id })).toEqual({
			ok: false,
			problem: { code: 'key_reused' }
		});
		expect(await timeAccounts.grant({ ...input, minutes: 60 })).toEqual({
			ok: false,
			problem: { code: 'key_reused' }
		});
		expect((await ledger.entries(Q)).length).toBe(before);
		if (!first.ok || !again.ok) return;
		expect(again.entry.seq).toBe(first.entry.seq);
		expect(first.entry).toMatchObject({
			from: COMMUNITY,
			to: memberAccount(emil.id),
			kind: 'grant',
			memo: 'Budgetposten Reparaturcafé',
			by: moderator.id
		});
		const audit = (await listAudit(Q, { offset: 0, limit: 500 })).entries.filter(
			(e) => e.target.id === emil.id
		);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorId: moderator.id,
			action: 'account.grant',
			target: { type: 'member', id: emil.id },
			reason: 'Budgetposten Reparaturcafé',
			details: { minutes: 120, ledgerSeq: first.entry.seq, override: null }
		});
	});

	it('over a limit are refused, and booked with an audited override', async () => {
		const moderator = await person('Olaf Override', [[TIGHT, 'moderator']]);
		const fritz = await person('Fritz Fülle', [[TIGHT, 'resident']]);
		const input = {
			quarter: tight,
			moderatorId: moderator.id,
			memberId: fritz.id,
			minutes: 240,
			purpose: 'Umzugshilfe',
			override: null,
			nonce: 'g4-aaaaaaaaaaaaaaaa',
			now: new Date()
		};
		const refused = await timeAccounts.grant(input);
		expect(refused).toMatchObject({
			ok: false,
			problem: { code: 'above_maximum', account: memberAccount(fritz.id), limit: 180 }
		});
		if (refused.ok || refused.problem.code === 'not_member') throw new Error('expected a limit');
		expect(await describeBookingProblem(refused.problem, 'de')).toEqual({
			key: 'account_error_above_maximum',
			inputs: { account: 'Fritz Fülle', limit: '3:00 Std.', balance: '4:00 Std.' }
		});
		expect((await ledger.balances(TIGHT)).get(memberAccount(fritz.id))).toBeUndefined();

		// The same form again, now with the exception ticked and a reason.
		const booked = await timeAccounts.grant({
			...input,
			override: { reason: 'Beschluss der Quartierskonferenz' }
		});
		expect(booked).toMatchObject({
			ok: true,
			entry: { override: { by: moderator.id, reason: 'Beschluss der Quartierskonferenz' } }
		});
		expect((await ledger.balances(TIGHT)).get(memberAccount(fritz.id))).toBe(240);
		const audit = (await listAudit(TIGHT, { offset: 0, limit: 500 })).entries.filter(
			(e) => e.target.id === fritz.id
		);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'account.grantOverride',
			reason: 'Umzugshilfe: Beschluss der Quartierskonferenz',
			details: { minutes: 240, override: 'Beschluss der Quartierskonferenz' }
		});
		const overview = await timeAccounts.overview(tight, 'de');
		expect(overview.rows.find((r) => r.userId === fritz.id)?.marker).toBe('above_max');
	});

	it('go only to active members of the quarter', async () => {
		const moderator = await person('Paula Prüft', [[Q, 'moderator']]);
		const pending = await person('Hans Wartet', [[Q, 'resident', 'pending']]);
		const outsider = await person('Ida Anderswo', [[TIGHT, 'resident']]);
		for (const member of [pending, outsider]) {
			expect(
				await timeAccounts.grant({
					quarter,
					moderatorId: moderator.id,
					memberId: member.id,
					minutes: 60,
					purpose: 'Test',
					override: null,
					nonce: `g5-${member.id}`,
					now: new Date()
				})
			).toEqual({ ok: false, problem: { code: 'not_member' } });
		}
	});
});

describe('reversals', () => {
	it('undo a transfer once, however many ask at once; partly if asked; never a reversal', async () => {
		const moderator = await person('Rita Rückbuchung', [[Q, 'moderator']]);
		const rolf = await person('Rolf Rückgabe', [[Q, 'resident']]);
		const now = new Date();
		const granted = await timeAccounts.grant({
			quarter,
			moderatorId: moderator.id,
			memberId: rolf.id,
			minutes: 180,
			purpose: 'Versehentlich doppelt',
			override: null,
			nonce: 'rev-aaaaaaaaaaaaaaaa',
			now
		});
		if (!granted.ok) throw new Error('grant refused');
		const seq = granted.entry.seq;
		// Five clicks at once: one reversal entry (its key is unique per original).
		const results = await Promise.all(
			Array.from({ length: 5 }, () =>
				timeAccounts.reverse({
					quarter,
					moderatorId: moderator.id,
					seq,
					minutes: 120,
					reason: 'Doppelt gebucht',
					now
				})
			)
		);
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		expect(results.every((r) => r.ok)).toBe(true);
		const reversals = (await listLedgerEntries(Q)).filter((e) => e.reverses === seq);
		expect(reversals).toHaveLength(1);
		expect(reversals[0]).toMatchObject({
			kind: 'reversal',
			from: memberAccount(rolf.id),
			to: COMMUNITY,
			minutes: 120,
			key: `reversal:${seq}`,
			memo: 'Doppelt gebucht',
			override: { by: moderator.id, reason: 'Doppelt gebucht' }
		});
		// A second reversal of the same entry, even of the rest, is the one booked first.
		const rest = await timeAccounts.reverse({
			quarter,
			moderatorId: moderator.id,
			seq,
			minutes: 60,
			reason: 'Der Rest',
			now
		});
		expect(rest).toMatchObject({ ok: true, duplicate: true });
		expect(
			await timeAccounts.reverse({
				quarter,
				moderatorId: moderator.id,
				seq: reversals[0]!.seq,
				minutes: null,
				reason: 'Storno vom Storno',
				now
			})
		).toEqual({ ok: false, problem: 'is_reversal' });
		expect(
			await timeAccounts.reverse({
				quarter,
				moderatorId: moderator.id,
				seq,
				minutes: 181,
				reason: 'Zu viel',
				now
			})
		).toMatchObject({ ok: false });
		expect(
			await timeAccounts.reverse({
				quarter,
				moderatorId: moderator.id,
				seq: 9_999_999,
				minutes: null,
				reason: 'Gibt es nicht',
				now
			})
		).toEqual({ ok: false, problem: 'not_found' });
		const audit = (await listAudit(Q, { offset: 0, limit: 500 })).entries.filter(
			(e) => e.action === 'account.reversal' && e.target.id === String(seq)
		);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorId: moderator.id,
			details: { minutes: 120, reverses: seq }
		});
	});
});

describe('who reads which statement', () => {
	it('a member cannot read another member’s statement or the quarter’s CSV; a moderator can', async () => {
		const moderator = await person('Rita Rechte', [[Q, 'moderator']]);
		const anna = await person('Anna Eigen', [[Q, 'resident']]);
		const ben = await person('Ben Neugierig', [[Q, 'resident']]);
		const path = `/manage/${Q}/accounts/${anna.id}/statement.csv`;
		const params = { quarter: Q, account: anna.id };
		expect((await get(accountStatementCsv as Handler, ben, path, params)).status).toBe(403);
		expect(
			(await get(ledgerCsv as Handler, ben, `/manage/${Q}/accounts/ledger.csv`, { quarter: Q }))
				.status
		).toBe(403);
		// Signed out: sent to the login page.
		expect((await get(accountStatementCsv as Handler, null, path, params)).status).toBe(303);
		const allowed = await get(accountStatementCsv as Handler, moderator, path, params);
		expect(allowed.status).toBe(200);
		expect(allowed.response!.headers.get('content-disposition')).toContain(
			`zeitkonto-kontoquartier-${anna.id}-`
		);
		// Unknown accounts are 404, the community account is there.
		const unknown = newId();
		expect(
			(
				await get(accountStatementCsv as Handler, moderator, `/x`, {
					quarter: Q,
					account: unknown
				})
			).status
		).toBe(404);
		expect(
			(await get(accountStatementCsv as Handler, moderator, `/x`, { quarter: Q, account: 'x' }))
				.status
		).toBe(404);
		expect(
			(
				await get(accountStatementCsv as Handler, moderator, `/x`, {
					quarter: Q,
					account: 'community'
				})
			).status
		).toBe(200);
	});
});

describe('the quarter', () => {
	it('lists every member and the community account, and its CSV adds up to zero', async () => {
		const moderator = await person('Sina Summe', [[Q, 'moderator']]);
		const idle = await person('Zora Null', [[Q, 'resident']]);
		const waiting = await person('Willi Wartet', [[Q, 'resident', 'pending']]);
		const overview = await timeAccounts.overview(quarter, 'de');
		expect(overview.sum).toBe(0);
		expect(overview.rows[0]).toMatchObject({ account: COMMUNITY, name: 'Gemeinschaftskonto' });
		expect(overview.rows.find((r) => r.userId === idle.id)).toMatchObject({
			balance: 0,
			marker: null,
			state: 'active'
		});
		expect(overview.rows.find((r) => r.userId === waiting.id)?.state).toBe('pending');

		const { status, response } = await get(
			ledgerCsv as Handler,
			moderator,
			`/manage/${Q}/accounts/ledger.csv`,
			{ quarter: Q }
		);
		expect(status).toBe(200);
		expect(response!.headers.get('content-disposition')).toMatch(
			/^attachment; filename="buchungen-kontoquartier-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const [header, ...rows] = csvRows(await body(response!), ';');
		expect(header).toEqual([
			'Nr.',
			'Datum',
			'Art',
			'Von',
			'An',
			'Stunden',
			'Minuten',
			'Text',
			'Gebucht von',
			'Storniert Nr.'
		]);
		const entries = await listLedgerEntries(Q);
		expect(rows.map((r) => Number(r[0]))).toEqual(entries.map((e) => e.seq));
		const byName = new Map<string, number>();
		for (const row of rows) {
			const minutes = Number(row[6]);
			expect(Number(row[5]!.replace(',', '.'))).toBeCloseTo(minutes / 60, 2);
			byName.set(row[3]!, (byName.get(row[3]!) ?? 0) - minutes);
			byName.set(row[4]!, (byName.get(row[4]!) ?? 0) + minutes);
		}
		expect([...byName.values()].reduce((a, b) => a + b, 0)).toBe(0);
		const community = (await ledger.balances(Q)).get(COMMUNITY);
		expect(byName.get('Gemeinschaftskonto')).toBe(community);
		expect(
			rows.filter((r) => r[2] === 'Zuwendung').every((r) => r[3] === 'Gemeinschaftskonto')
		).toBe(true);
	});
});
