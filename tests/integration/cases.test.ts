// Mediation cases against the real FerretDB (SQLite): a dispute becomes one case however often it
// is opened; the parties see the shared timeline but never the private notes; outcomes go through
// the exchange and time-account services (a partial reversal books a reversal entry once, however
// often the form is sent); closing ends the case; members reach none of the cockpit's case pages
// or actions (403). Route handlers are called as SvelteKit would call them.
import { beforeAll, describe, expect, it } from 'vitest';
import { memberAccount } from '../../src/lib/domain/ledger/ledger';
import type { Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { cases } from '../../src/lib/server/services/cases';
import { exchanges } from '../../src/lib/server/services/exchanges';
import { ledger } from '../../src/lib/server/services/ledger';
import { listNotifications } from '../../src/lib/server/services/notifications';
import {
	actions as caseActions,
	load as caseLoad
} from '../../src/routes/(manage)/manage/[quarter]/cases/[id=id]/+page.server';
import {
	actions as casesActions,
	load as casesLoad
} from '../../src/routes/(manage)/manage/[quarter]/cases/+page.server';
import { actions as disputeActions } from '../../src/routes/(manage)/manage/[quarter]/disputes/+page.server';
import {
	actions as partyActions,
	load as partyLoad
} from '../../src/routes/(app)/cases/[id=id]/+page.server';

const Q = 'vermittlungsquartier';
const ORIGIN = 'http://quartier.test';
let quarter: Quarter;

async function person(displayName: string, role: Role = 'resident'): Promise<User> {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName, locale: 'de', passwordHash: 'not-used' },
		new Date(),
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role, state: 'active' }, new Date());
	return user;
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Vermittlungsquartier',
			city: 'Teststadt',
			description: '',
			settings: { ...DEFAULT_QUARTER_SETTINGS, startCreditMinutes: 0 }
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
	return result as Extract<T, { ok: true }>;
}

/** A settled exchange of `minutes` from provider to receiver, then a disputed one between them. */
async function history(provider: User, receiver: User, minutes: number) {
	const settle = async (m: number, title: string) => {
		const id = ok(
			await exchanges.propose({
				actorId: receiver.id,
				quarterId: Q,
				memberId: provider.id,
				side: 'receiver',
				title,
				minutes: m,
				settlement: 'hours',
				origin: ORIGIN
			})
		).exchange.id;
		ok(await exchanges.move(provider.id, id, 'accept'));
		ok(await exchanges.move(provider.id, id, 'markDone'));
		return id;
	};
	const earlier = await settle(minutes, 'Regal aufbauen');
	ok(await exchanges.move(receiver.id, earlier, 'confirm', { minutes }));
	const disputed = await settle(180, 'Küche streichen');
	ok(
		await exchanges.move(receiver.id, disputed, 'dispute', {
			reason: 'Es waren zwei Stunden, und beim Regal waren es auch weniger.'
		})
	);
	const entry = (await ledger.entries(Q)).find(
		(e) => e.kind === 'exchange' && e.to === memberAccount(provider.id) && e.minutes === minutes
	)!;
	return { earlier, disputed, entry };
}

type Action = (event: never) => Promise<unknown>;

/** Posts a form as a browser without JavaScript would; thrown redirects and errors become statuses. */
async function post(
	action: Action,
	user: User,
	params: Record<string, string>,
	fields: Record<string, string>
): Promise<{ status: number; location: string | null; data: unknown }> {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const url = `${ORIGIN}/somewhere`;
	const event = {
		params,
		url: new URL(url),
		locals: { user, session: { id: 's', userId: user.id }, locale: 'de' },
		request: new Request(url, { method: 'POST', body })
	};
	try {
		const result = (await action(event as never)) as { status?: number; data?: unknown };
		return { status: result?.status ?? 200, location: null, data: result?.data };
	} catch (err) {
		const e = err as { status?: number; location?: string };
		if (typeof e.status !== 'number') throw err;
		return { status: e.status, location: e.location ?? null, data: null };
	}
}

async function load(handler: Action, user: User, params: Record<string, string>) {
	const event = {
		params,
		url: new URL(`${ORIGIN}/somewhere`),
		locals: { user, session: { id: 's', userId: user.id }, locale: 'de' },
		parent: async () => ({})
	};
	try {
		return { status: 200, data: (await handler(event as never)) as Record<string, unknown> };
	} catch (err) {
		const status = (err as { status?: number }).status;
		if (typeof status !== 'number') throw err;
		return { status, data: null };
	}
}

const nonce = () => `n${newId()}`;

describe('a case from a dispute', () => {
	it('is opened once, hides private notes from the parties and carries out a partial reversal once', async () => {
		const mod = await person('Mona Moderatorin', 'moderator');
		const anna = await person('Anna Anbieterin');
		const ben = await person('Ben Bekommer');
		const outsider = await person('Olaf Außen');
		const { disputed, entry } = await history(anna, ben, 180);

		// Opened twice (a double click, or two moderators at once): one case.
		const [a, b] = await Promise.all([
			cases.openFromExchange({
				quarter,
				moderatorId: mod.id,
				exchangeId: disputed,
				now: new Date()
			}),
			cases.openFromExchange({
				quarter,
				moderatorId: mod.id,
				exchangeId: disputed,
				now: new Date()
			})
		]);
		const caseId = ok(a).caseId;
		expect(ok(b).caseId).toBe(caseId);
		expect(await cases.caseOfExchange(Q, disputed)).toBe(caseId);
		expect(await cases.countOpen(Q)).toBeGreaterThanOrEqual(1);

		ok(
			await cases.write({
				caseId,
				actorId: mod.id,
				kind: 'note',
				text: 'Ben hat angerufen, er ist verärgert.',
				nonce: nonce(),
				now: new Date()
			})
		);
		const proposal = ok(
			await cases.write({
				caseId,
				actorId: mod.id,
				kind: 'proposal',
				text: 'Beim Regal wird eine Stunde zurückgebucht.',
				nonce: nonce(),
				now: new Date()
			})
		).n;
		ok(
			await cases.write({
				caseId,
				actorId: ben.id,
				kind: 'response',
				text: '',
				proposal,
				answer: 'agree',
				nonce: nonce(),
				now: new Date()
			})
		);

		const forBen = (await cases.view(caseId, ben.id))!;
		expect(forBen.role).toBe('party');
		expect(forBen.events.map((e) => e.kind)).toEqual(['opened', 'proposal', 'response']);
		expect(forBen.transfers).toEqual([]);
		const forMod = (await cases.view(caseId, mod.id))!;
		expect(forMod.events.map((e) => e.kind)).toEqual(['opened', 'note', 'proposal', 'response']);
		expect(forMod.transfers.map((t) => t.seq)).toContain(entry.seq);
		expect(await cases.view(caseId, outsider.id)).toBeNull();
		// A party cannot write a private note or carry out an outcome.
		expect(
			await cases.write({
				caseId,
				actorId: ben.id,
				kind: 'note',
				text: 'x',
				nonce: nonce(),
				now: new Date()
			})
		).toEqual({ ok: false, problem: 'not_allowed' });

		// The reversal form sent twice: one reversal entry, one outcome in the log.
		const before = (await ledger.entries(Q)).length;
		const fields = {
			seq: String(entry.seq),
			hours: '1',
			reason: 'Wie besprochen',
			nonce: nonce()
		};
		const params = { quarter: Q, id: caseId };
		const first = await post(caseActions.reverse as Action, mod, params, fields);
		const second = await post(caseActions.reverse as Action, mod, params, fields);
		expect(first.status).toBe(303);
		expect(second.status).toBe(303);
		const entries = await ledger.entries(Q);
		expect(entries.length).toBe(before + 1);
		const reversal = entries.at(-1)!;
		expect(reversal).toMatchObject({
			kind: 'reversal',
			reverses: entry.seq,
			minutes: 60,
			from: memberAccount(anna.id),
			to: memberAccount(ben.id)
		});
		// A second reversal of the same entry with other hours is refused, nothing booked.
		const again = await post(caseActions.reverse as Action, mod, params, {
			...fields,
			hours: '2',
			nonce: nonce()
		});
		expect(again.status).toBe(409);
		expect(again.data).toMatchObject({ errors: { form: 'case_error_already_reversed' } });
		// Bad input gets the field's own message and books nothing.
		const bad = await post(caseActions.reverse as Action, mod, params, {
			seq: String(entry.seq),
			hours: 'viel',
			reason: '',
			nonce: nonce()
		});
		expect(bad.status).toBe(400);
		expect(bad.data).toMatchObject({
			errors: { hours: 'account_error_hours_invalid', reason: 'case_error_reason_required' }
		});
		expect((await ledger.entries(Q)).length).toBe(before + 1);

		// The disputed exchange settled with the hours found fair.
		const settled = await post(caseActions.settle as Action, mod, params, {
			hours: '2',
			reason: 'Zwei Stunden, wie Ben sagt',
			nonce: nonce()
		});
		expect(settled.status).toBe(303);
		const view = (await exchanges.get(mod.id, disputed))!;
		expect(view.state).toBe('settled');
		expect(view.settledMinutes).toBe(120);

		const closed = await post(caseActions.close as Action, mod, params, {
			summary: 'Geeinigt: eine Stunde zurück, zwei Stunden für die Küche.',
			nonce: nonce()
		});
		expect(closed.status).toBe(303);
		const final = (await cases.view(caseId, anna.id))!;
		expect(final.fold.state).toBe('closed');
		expect(final.fold.outcomes.map((o) => o.outcome.kind)).toEqual([
			'reverseTransfer',
			'settleHours'
		]);
		expect(
			await cases.write({
				caseId,
				actorId: anna.id,
				kind: 'message',
				text: 'Noch etwas',
				nonce: nonce(),
				now: new Date()
			})
		).toEqual({ ok: false, problem: 'closed' });

		// Both parties were told; the audit log has each act once.
		const news = await listNotifications(anna.id, 20);
		expect(news.filter((n) => n.kind === 'case' && n.caseId === caseId).length).toBeGreaterThan(0);
		const audit = (await listAudit(Q, { offset: 0, limit: 100 })).entries.filter(
			(e) => e.target.id === caseId || e.details.reverses === entry.seq
		);
		const actions = audit.map((e) => e.action).sort();
		expect(actions).toEqual([
			'account.reversal',
			'case.closed',
			'case.opened',
			'case.reverseTransfer',
			'case.settleHours'
		]);
	});

	it('lets a party talk and answer in their own case only', async () => {
		const mod = await person('Mia Moderatorin', 'moderator');
		const carla = await person('Carla');
		const dora = await person('Dora');
		const eve = await person('Eve');
		const caseId = ok(
			await cases.open({
				quarter,
				moderatorId: mod.id,
				source: { type: 'moderator', id: null },
				partyIds: [carla.id, dora.id],
				exchangeId: null,
				title: 'Lärm im Hof',
				text: 'Anruf im Büro',
				nonce: nonce(),
				now: new Date()
			})
		).caseId;
		const params = { id: caseId };
		expect(
			(await post(partyActions.message as Action, carla, params, { text: 'Hallo', nonce: nonce() }))
				.status
		).toBe(303);
		expect(
			(
				await post(partyActions.message as Action, eve, params, {
					text: 'Ich auch',
					nonce: nonce()
				})
			).status
		).toBe(404);
		expect((await load(partyLoad as Action, eve, params)).status).toBe(404);
		const seen = await load(partyLoad as Action, dora, params);
		expect(seen.status).toBe(200);
		expect((seen.data!.timeline as Array<{ kind: string }>).map((e) => e.kind)).toEqual([
			'opened',
			'message'
		]);
	});
});

describe('members reach none of the cockpit case pages or actions', () => {
	it('answers 403', async () => {
		const mod = await person('Max Moderator', 'moderator');
		const fred = await person('Fred');
		const gina = await person('Gina');
		const { disputed } = await history(fred, gina, 60);
		const caseId = ok(
			await cases.openFromExchange({
				quarter,
				moderatorId: mod.id,
				exchangeId: disputed,
				now: new Date()
			})
		).caseId;
		const params = { quarter: Q, id: caseId };
		// Even a party of the case: the cockpit is the management's.
		for (const member of [fred, gina]) {
			expect((await load(casesLoad as Action, member, { quarter: Q })).status).toBe(403);
			expect((await load(caseLoad as Action, member, params)).status).toBe(403);
			for (const [name, action] of Object.entries(caseActions)) {
				const result = await post(action as Action, member, params, {
					text: 'x',
					hours: '1',
					seq: '1',
					euros: '1',
					member: fred.id,
					reason: 'x',
					summary: 'x',
					nonce: nonce()
				});
				expect(result.status, name).toBe(403);
			}
			expect(
				(
					await post(
						casesActions.open as Action,
						member,
						{ quarter: Q },
						{
							title: 'x',
							partyA: gina.id,
							nonce: nonce()
						}
					)
				).status
			).toBe(403);
			expect(
				(
					await post(
						disputeActions.openCase as Action,
						member,
						{ quarter: Q },
						{ exchange: disputed }
					)
				).status
			).toBe(403);
		}
		// Nothing changed: the case is still open with its opening only.
		const view = (await cases.view(caseId, mod.id))!;
		expect(view.events.map((e) => e.kind)).toEqual(['opened']);
		expect((await exchanges.get(mod.id, disputed))!.state).toBe('disputed');
	});
});
