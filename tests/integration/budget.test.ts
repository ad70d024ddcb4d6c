// The community budget against the real FerretDB (SQLite): hour grants against a budget line are
// refused beyond what the line has left and on a closed or expired line, a double submit books
// once, spent versus decided follows a grant and a partial reversal of it; euro grants are
// recorded once per submit and held to the line's euros; members get 403 on pages and actions.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LineDraft } from '../../src/lib/domain/budget/budget';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { budget } from '../../src/lib/server/services/budget';
import { timeAccounts } from '../../src/lib/server/services/time-accounts';
import { grantKey } from '../../src/lib/domain/ledger/accounts';
import { verifyLedger } from '../../src/lib/domain/ledger/ledger';
import { ledgerLimits } from '../../src/lib/server/services/exchanges';
import {
	actions as budgetActions,
	load as budgetLoad
} from '../../src/routes/(manage)/manage/[quarter]/budget/+page.server';
import {
	actions as lineActions,
	load as lineLoad
} from '../../src/routes/(manage)/manage/[quarter]/budget/[line]/+page.server';
import { GET as lineCsv } from '../../src/routes/(manage)/manage/[quarter]/budget/[line]/grants.csv/+server';
import { actions as accountActions } from '../../src/routes/(manage)/manage/[quarter]/accounts/+page.server';

const Q = 'budgetquartier';
let quarter: Quarter;
let moderator: User;
let member: User;
let resident: User;

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

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

function draft(change: Partial<LineDraft> = {}): LineDraft {
	return {
		name: 'Nachbarschaftshilfe für Ältere',
		minutes: 10 * 60,
		cents: null,
		from: '2026-01-01',
		to: '2026-12-31',
		purpose: 'Einkaufen, Begleitung, kleine Reparaturen',
		decidedBy: 'Quartierskonferenz',
		decidedOn: '2025-12-10',
		...change
	};
}

let nonces = 0;
const nonce = () => `budget-test-${String(++nonces).padStart(8, '0')}`;

async function line(change: Partial<LineDraft> = {}) {
	const created = await budget.createLine({
		quarter,
		moderatorId: moderator.id,
		draft: draft(change),
		nonce: nonce(),
		now: at('2025-12-11')
	});
	if (!created.ok) throw new Error(created.problems.join());
	return created.line;
}

function grant(lineId: string, minutes: number, day: string, n = nonce()) {
	return budget.grantHours({
		quarter,
		moderatorId: moderator.id,
		memberId: member.id,
		lineId,
		minutes,
		purpose: 'Einkaufshilfe für Frau K.',
		override: null,
		nonce: n,
		now: at(day)
	});
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Budgetquartier',
			city: 'Teststadt',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
	moderator = await person('Mara Budget', [[Q, 'moderator']]);
	member = await person('Repair-Café Test', [[Q, 'business']]);
	resident = await person('Tobi Neugier', [[Q, 'resident']]);
});

describe('hour grants against a budget line', () => {
	it('are refused beyond what the line has left, and book up to it', async () => {
		const l = await line({ minutes: 3 * 60 });
		expect(await grant(l.id, 2 * 60, '2026-03-01')).toMatchObject({ ok: true });
		const refused = await grant(l.id, 90, '2026-03-02');
		expect(refused).toEqual({ ok: false, problem: { code: 'exceeds_remaining', remaining: 60 } });
		expect(await grant(l.id, 60, '2026-03-02')).toMatchObject({ ok: true });
		expect(await grant(l.id, 15, '2026-03-03')).toEqual({
			ok: false,
			problem: { code: 'exceeds_remaining', remaining: 0 }
		});
		const entries = (await listLedgerEntries(Q)).filter((e) => e.budgetLineId === l.id);
		expect(entries.map((e) => e.minutes)).toEqual([120, 60]);
	});

	it('are refused on a closed or expired line and before it starts', async () => {
		const l = await line();
		expect(await grant(l.id, 60, '2025-12-31')).toEqual({
			ok: false,
			problem: { code: 'line_upcoming' }
		});
		expect(await grant(l.id, 60, '2027-01-01')).toEqual({
			ok: false,
			problem: { code: 'line_ended' }
		});
		const closed = await budget.closeLine({
			quarter,
			moderatorId: moderator.id,
			lineId: l.id,
			closedOn: '2026-06-01',
			reason: 'Beschluss der Quartierskonferenz vom 28.05.2026',
			now: at('2026-05-30')
		});
		expect(closed).toEqual({ ok: true });
		expect(
			await budget.closeLine({
				quarter,
				moderatorId: moderator.id,
				lineId: l.id,
				closedOn: '2026-07-01',
				reason: 'nochmal',
				now: at('2026-05-30')
			})
		).toEqual({ ok: false, problem: 'already_closed' });
		expect(await grant(l.id, 60, '2026-05-31')).toMatchObject({ ok: true });
		expect(await grant(l.id, 60, '2026-06-01')).toEqual({
			ok: false,
			problem: { code: 'line_closed' }
		});
		const euroOnly = await line({ minutes: null, cents: 10_000 });
		expect(await grant(euroOnly.id, 60, '2026-03-01')).toEqual({
			ok: false,
			problem: { code: 'line_no_hours' }
		});
		expect(await grant('0123456789abcdef0123', 60, '2026-03-01')).toEqual({
			ok: false,
			problem: { code: 'line_not_found' }
		});
	});

	it('book once when the form is sent twice, also when both race for the last hours', async () => {
		const l = await line({ minutes: 60 });
		const n = nonce();
		const results = await Promise.all([
			grant(l.id, 60, '2026-04-01', n),
			grant(l.id, 60, '2026-04-01', n),
			grant(l.id, 60, '2026-04-01')
		]);
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		const entries = (await listLedgerEntries(Q)).filter((e) => e.budgetLineId === l.id);
		expect(entries).toHaveLength(1);
		const refused = results.filter((r) => !r.ok);
		// Whichever form is decided first takes the hour. If it was one of the twins, the other
		// twin comes back as the duplicate and the third form is refused; if it was the third
		// form, both twins are refused (the line has no hour left for them).
		const booked = results.find((r) => r.ok && !r.duplicate);
		const twinsWon = booked?.ok === true && booked.entry.key === grantKey(moderator.id, n);
		expect(refused).toHaveLength(twinsWon ? 1 : 2);
		const audit = (await listAudit(Q, { offset: 0, limit: 500 })).entries.filter(
			(e) => e.action === 'account.grant' && e.details.budgetLineId === l.id
		);
		expect(audit).toHaveLength(1);
	});

	it('spent versus decided follows a grant and a partial reversal of it', async () => {
		const l = await line({ name: 'Sprachcafé', minutes: 10 * 60, cents: 50_000 });
		const booked = await grant(l.id, 4 * 60, '2026-02-01');
		if (!booked.ok) throw new Error('refused');
		let view = (await budget.overview(quarter, at('2026-02-02'))).lines.find((x) => x.id === l.id)!;
		expect(view.usage.hours).toEqual({
			decided: 600,
			spent: 240,
			remaining: 360,
			over: 0,
			percent: 40
		});
		const reversed = await timeAccounts.reverse({
			quarter,
			moderatorId: moderator.id,
			seq: booked.entry.seq,
			minutes: 90,
			reason: 'Eine Begleitung fiel aus',
			now: at('2026-02-03')
		});
		expect(reversed).toMatchObject({ ok: true });
		view = (await budget.overview(quarter, at('2026-02-04'))).lines.find((x) => x.id === l.id)!;
		expect(view.usage.hours).toEqual({
			decided: 600,
			spent: 150,
			remaining: 450,
			over: 0,
			percent: 25
		});
		// The hours reversed may be granted again.
		expect(await grant(l.id, 450, '2026-02-05')).toMatchObject({ ok: true });

		const detail = await budget.detail(quarter, l, 'de', at('2026-02-06'));
		expect(detail.grants.map((g) => [g.minutes, g.reversedMinutes, g.recipient])).toEqual([
			[240, 90, 'Repair-Café Test'],
			[450, 0, 'Repair-Café Test']
		]);
		const report = verifyLedger(await listLedgerEntries(Q), ledgerLimits(quarter));
		expect(report.problems).toEqual([]);
	});
});

describe('euro grants', () => {
	it('are recorded once per submit and held to the line', async () => {
		const l = await line({ name: 'Repair-Café Material', minutes: null, cents: 80_000 });
		const input = {
			quarter,
			moderatorId: moderator.id,
			lineId: l.id,
			recipient: { type: 'project' as const, name: 'Werkbank Nordstadt' },
			cents: 50_000,
			purpose: 'Lötstationen',
			paidOn: '2026-03-10',
			nonce: nonce(),
			now: at('2026-03-11')
		};
		const [first, second] = await Promise.all([
			budget.recordEuroGrant(input),
			budget.recordEuroGrant(input)
		]);
		expect([first.ok, second.ok]).toEqual([true, true]);
		expect([first, second].filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		expect(await budget.recordEuroGrant({ ...input, nonce: nonce(), cents: 30_001 })).toEqual({
			ok: false,
			problem: { code: 'exceeds_remaining', remaining: 30_000 }
		});
		expect(
			await budget.recordEuroGrant({
				...input,
				nonce: nonce(),
				cents: 30_000,
				recipient: { type: 'member', userId: member.id }
			})
		).toMatchObject({ ok: true, duplicate: false });
		expect(
			await budget.recordEuroGrant({ ...input, nonce: nonce(), paidOn: '2027-01-02', cents: 1 })
		).toEqual({ ok: false, problem: { code: 'line_ended' } });
		const view = (await budget.overview(quarter, at('2026-03-12'))).lines.find(
			(x) => x.id === l.id
		)!;
		expect(view.usage.euros).toMatchObject({ decided: 80_000, spent: 80_000, remaining: 0 });
		expect(view.usage.hours).toBeNull();
		const audit = (await listAudit(Q, { offset: 0, limit: 500 })).entries.filter(
			(e) => e.action === 'budget.euroGrant' && e.target.id === l.id
		);
		expect(audit).toHaveLength(2);
	});
});

type Event = Record<string, unknown>;

function event(user: User, path: string, params: Record<string, string>, body?: FormData): Event {
	const url = `http://quartier.test${path}`;
	return {
		params,
		url: new URL(url),
		locals: { user, session: { id: 's', userId: user.id }, locale: 'de' },
		...(body ? { request: new Request(url, { method: 'POST', body }) } : {})
	};
}

async function status(run: () => unknown): Promise<number> {
	try {
		const result = await run();
		return (result as { status?: number } | undefined)?.status ?? 200;
	} catch (err) {
		const s = (err as { status?: number }).status;
		if (typeof s !== 'number') throw err;
		return s;
	}
}

function form(fields: Record<string, string>): FormData {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return body;
}

describe('pages and actions', () => {
	it('are for the quarter management only: a member gets 403 everywhere', async () => {
		const l = await line({ name: 'Verboten' });
		const params = { quarter: Q, line: l.id };
		const lineFields = {
			name: 'Heimlich',
			hours: '5',
			from: '2026-01-01',
			to: '2026-12-31',
			purpose: 'x',
			decidedBy: 'x',
			decidedOn: '2026-01-01',
			nonce: nonce()
		};
		const runs: Array<() => unknown> = [
			() => budgetLoad(event(resident, `/manage/${Q}/budget`, { quarter: Q }) as never),
			() => lineLoad(event(resident, `/manage/${Q}/budget/${l.id}`, params) as never),
			() => lineCsv(event(resident, `/manage/${Q}/budget/${l.id}/grants.csv`, params) as never),
			() =>
				budgetActions.createLine!(
					event(
						resident,
						`/manage/${Q}/budget?/createLine`,
						{ quarter: Q },
						form(lineFields)
					) as never
				),
			() =>
				budgetActions.euroGrant!(
					event(resident, `/manage/${Q}/budget?/euroGrant`, { quarter: Q }, form({})) as never
				),
			() =>
				lineActions.close!(
					event(
						resident,
						`/manage/${Q}/budget/${l.id}?/close`,
						params,
						form({ reason: 'x' })
					) as never
				),
			() =>
				accountActions.grant!(
					event(resident, `/manage/${Q}/accounts?/grant`, { quarter: Q }, form({})) as never
				)
		];
		for (const run of runs) expect(await status(run)).toBe(403);
		expect((await budget.lines(quarter)).map((x) => x.name)).not.toContain('Heimlich');
	});

	it('the grant form needs a line; a moderator grants against it and downloads the CSV', async () => {
		const l = await line({
			name: 'Formularposten',
			from: '2020-01-01',
			to: '2099-12-31',
			minutes: 120
		});
		const fields = {
			member: member.id,
			hours: '1,5',
			purpose: 'Werkzeug ausleihen',
			nonce: nonce()
		};
		const post = (f: Record<string, string>) =>
			accountActions.grant!(
				event(moderator, `/manage/${Q}/accounts?/grant`, { quarter: Q }, form(f)) as never
			);
		const missing = await post(fields);
		expect(missing).toMatchObject({
			status: 400,
			data: { errors: { budgetLine: 'budget_error_line_required' } }
		});
		expect(await status(() => post({ ...fields, budgetLine: l.id }))).toBe(303);
		const over = await post({ ...fields, budgetLine: l.id, nonce: nonce() });
		expect(over).toMatchObject({
			status: 409,
			data: {
				errors: { budgetLine: 'budget_error_exceeds_remaining' },
				inputs: { remaining: '0:30 Std.' }
			}
		});
		const response = (await lineCsv(
			event(moderator, `/manage/${Q}/budget/${l.id}/grants.csv`, {
				quarter: Q,
				line: l.id
			}) as never
		)) as Response;
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="budgetposten-budgetquartier-formularposten-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
		const rows = text
			.slice(1)
			.split('\r\n')
			.filter(Boolean)
			.map((r) => r.split(';'));
		expect(rows[0]).toEqual([
			'Datum',
			'Art',
			'Empfänger:in',
			'Stunden',
			'Davon storniert (Stunden)',
			'Euro',
			'Zweck',
			'Gebucht von',
			'Buchung Nr.'
		]);
		expect(rows.slice(1).map((r) => r.slice(1, 8))).toEqual([
			['Stunden', 'Repair-Café Test', '1,5', '0', '', 'Werkzeug ausleihen', 'Mara Budget']
		]);
	});
});
