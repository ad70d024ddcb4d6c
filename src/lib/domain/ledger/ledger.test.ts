import { describe, expect, it } from 'vitest';
import {
	COMMUNITY,
	balancesOf,
	checkTransfer,
	isSameBooking,
	memberAccount,
	reversalKey,
	reversalOf,
	statementOf,
	verifyLedger,
	type AccountId,
	type LedgerEntry,
	type LedgerLimits,
	type TransferDraft
} from './ledger';

const anna = memberAccount('anna');
const ben = memberAccount('ben');
const cem = memberAccount('cem');

const limits: LedgerLimits = {
	member: { minBalanceMinutes: -600, maxBalanceMinutes: 2400 },
	community: { minBalanceMinutes: -60_000, maxBalanceMinutes: 60_000 }
};

function draft(
	from: AccountId,
	to: AccountId,
	minutes: number,
	extra: Partial<TransferDraft> = {}
): TransferDraft {
	return {
		from,
		to,
		minutes,
		kind: 'exchange',
		key: `k-${from}-${to}-${minutes}`,
		memo: '',
		...extra
	};
}

let clock = Date.parse('2026-01-01T10:00:00Z');
function entries(...drafts: TransferDraft[]): LedgerEntry[] {
	return drafts.map((d, i) => ({
		...d,
		key: `${d.key}#${i}`,
		seq: i + 1,
		at: new Date((clock += 3_600_000)),
		by: 'system'
	}));
}

describe('checkTransfer', () => {
	const balances = new Map<AccountId, number>([
		[anna, -540],
		[ben, 2340]
	]);
	it.each<[string, TransferDraft, string | null]>([
		['a transfer within both limits', draft(anna, cem, 60), null],
		['exactly down to the lowest balance', draft(anna, cem, 60), null],
		['one minute below the lowest balance', draft(anna, cem, 61), 'below_minimum'],
		['exactly up to the highest balance', draft(cem, ben, 60), null],
		['one minute above the highest balance', draft(cem, ben, 61), 'above_maximum'],
		['zero minutes', draft(cem, ben, 0), 'invalid_minutes'],
		['negative minutes', draft(cem, ben, -15), 'invalid_minutes'],
		['fractional minutes', draft(cem, ben, 1.5), 'invalid_minutes'],
		['NaN minutes', draft(cem, ben, Number.NaN), 'invalid_minutes'],
		['to the same account', draft(cem, cem, 15), 'same_account'],
		['without an idempotency key', draft(cem, ben, 15, { key: '  ' }), 'key_required'],
		[
			'past a limit with an override',
			draft(anna, cem, 6000, { override: { by: 'mod', reason: 'Härtefall' } }),
			null
		],
		[
			'an override without reason',
			draft(anna, cem, 6000, { override: { by: 'mod', reason: ' ' } }),
			'override_reason_required'
		],
		[
			'community far below zero for a start credit',
			draft(COMMUNITY, cem, 300, { kind: 'start-credit' }),
			null
		]
	])('%s', (_name, transfer, expected) => {
		expect(checkTransfer(balances, transfer, limits)?.code ?? null).toBe(expected);
	});

	it('names the account and the balance it would reach', () => {
		expect(checkTransfer(balances, draft(anna, cem, 90), limits)).toEqual({
			code: 'below_minimum',
			account: anna,
			balanceAfter: -630,
			limit: -600
		});
	});
});

describe('balances', () => {
	it('are derived from the entries and always sum to zero', () => {
		const log = entries(
			draft(COMMUNITY, anna, 300),
			draft(anna, ben, 90),
			draft(ben, cem, 45),
			draft(cem, COMMUNITY, 15)
		);
		const balances = balancesOf(log);
		expect(Object.fromEntries(balances)).toEqual({
			community: -285,
			'member:anna': 210,
			'member:ben': 45,
			'member:cem': 30
		});
		expect([...balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
	});
});

describe('reversalOf', () => {
	const [original] = entries(draft(anna, ben, 120, { key: 'exchange:42' }));
	it.each<[string, { minutes?: number; reason: string }, string | number]>([
		['a full reversal', { reason: 'Tausch fand nicht statt' }, 120],
		['a partial reversal', { minutes: 45, reason: 'Vermittlung: 45 Minuten zurück' }, 45],
		['more than the original', { minutes: 135, reason: 'zu viel' }, 'invalid_minutes'],
		['zero minutes', { minutes: 0, reason: 'nichts' }, 'invalid_minutes'],
		['without a reason', { reason: '   ' }, 'reason_required']
	])('%s', (_name, options, expected) => {
		const result = reversalOf(original!, options);
		if (typeof expected === 'number') {
			expect(result).toEqual({
				ok: true,
				draft: {
					from: ben,
					to: anna,
					minutes: expected,
					kind: 'reversal',
					key: reversalKey(1),
					memo: options.reason.trim(),
					reverses: 1
				}
			});
		} else expect(result).toEqual({ ok: false, problem: expected });
	});

	it('refuses to reverse a reversal', () => {
		const reversal: LedgerEntry = {
			...original!,
			seq: 2,
			kind: 'reversal',
			reverses: 1,
			from: ben,
			to: anna,
			key: reversalKey(1)
		};
		expect(reversalOf(reversal, { reason: 'doch nicht' })).toEqual({
			ok: false,
			problem: 'is_reversal'
		});
	});

	it('gives every original exactly one possible key, so a second reversal collides', () => {
		const a = reversalOf(original!, { reason: 'eins' });
		const b = reversalOf(original!, { minutes: 15, reason: 'zwei' });
		expect(a.ok && b.ok && a.draft.key === b.draft.key).toBe(true);
	});
});

describe('verifyLedger', () => {
	it('finds nothing wrong in a correct ledger', () => {
		const log = entries(
			draft(COMMUNITY, anna, 300, { kind: 'start-credit' }),
			draft(anna, ben, 90)
		);
		const reversal = reversalOf(log[1]!, { minutes: 30, reason: 'zu viel gebucht' });
		if (!reversal.ok) throw new Error('reversal');
		log.push({ ...reversal.draft, seq: 3, at: new Date(), by: 'mod' });
		const report = verifyLedger(log, limits);
		expect(report.problems).toEqual([]);
		expect(report.sum).toBe(0);
		expect(report.entries).toBe(3);
		expect(report.balances.get(anna)).toBe(240);
	});

	type Mutation = (log: LedgerEntry[]) => void;
	it.each<[string, Mutation, string]>([
		['a gap in the numbers', (log) => (log[1]!.seq = 3), 'sequence_gap'],
		['a doubled idempotency key', (log) => (log[1]!.key = log[0]!.key), 'duplicate_key'],
		[
			'a balance below its limit without override',
			(log) => (log[1]!.minutes = 1000),
			'limit_breached'
		],
		[
			'a balance above its limit without override',
			(log) => log.push({ ...log[0]!, seq: 3, key: 'big', minutes: 3000 }),
			'limit_breached'
		],
		[
			'a reversal of a missing entry',
			(log) =>
				log.push({
					...log[1]!,
					seq: 3,
					key: 'r',
					kind: 'reversal',
					reverses: 9,
					from: ben,
					to: anna
				}),
			'reversal_target_missing'
		],
		[
			'a reversal with the legs the wrong way',
			(log) => log.push({ ...log[1]!, seq: 3, key: 'r', kind: 'reversal', reverses: 2 }),
			'reversal_legs_mismatch'
		],
		[
			'a reversal larger than its original',
			(log) =>
				log.push({
					...log[1]!,
					seq: 3,
					key: 'r',
					kind: 'reversal',
					reverses: 2,
					from: ben,
					to: anna,
					minutes: 120
				}),
			'reversal_exceeds_original'
		],
		[
			'a reversal of a reversal',
			(log) => {
				log.push({
					...log[1]!,
					seq: 3,
					key: 'r',
					kind: 'reversal',
					reverses: 2,
					from: ben,
					to: anna
				});
				log.push({ ...log[1]!, seq: 4, key: 'rr', kind: 'reversal', reverses: 3 });
			},
			'reversal_of_reversal'
		],
		['an entry of zero minutes', (log) => (log[1]!.minutes = 0), 'invalid_entry']
	])('reports %s', (_name, mutate, code) => {
		const log = entries(
			draft(COMMUNITY, anna, 300, { kind: 'start-credit' }),
			draft(anna, ben, 90)
		);
		mutate(log);
		expect(verifyLedger(log, limits).problems.map((p) => p.code)).toContain(code);
	});

	it('accepts a balance past its limit when a moderator overrode it, and counts the override', () => {
		const log = entries(
			draft(anna, ben, 900, { override: { by: 'mod', reason: 'Umzugshilfe, beschlossen' } })
		);
		const report = verifyLedger(log, limits);
		expect(report.problems).toEqual([]);
		expect(report.overrides).toBe(1);
	});
});

describe('statementOf', () => {
	const log: LedgerEntry[] = [
		{
			...draft(COMMUNITY, anna, 300, { kind: 'start-credit', key: 's', memo: 'Startguthaben' }),
			seq: 1,
			at: new Date('2026-01-05'),
			by: 'system'
		},
		{
			...draft(anna, ben, 90, { key: 'e1', memo: 'Fahrrad repariert' }),
			seq: 2,
			at: new Date('2026-02-10'),
			by: 'system'
		},
		{
			...draft(cem, anna, 45, { key: 'e2', memo: 'Nachhilfe' }),
			seq: 3,
			at: new Date('2026-03-01'),
			by: 'system'
		},
		{ ...draft(ben, cem, 30, { key: 'e3' }), seq: 4, at: new Date('2026-03-02'), by: 'system' },
		{
			...draft(anna, COMMUNITY, 15, { kind: 'donation', key: 'd' }),
			seq: 5,
			at: new Date('2026-04-01'),
			by: 'system'
		}
	];

	it('lists the account’s entries with a running balance', () => {
		const s = statementOf(log, anna);
		expect(s.rows.map((r) => [r.seq, r.minutes, r.balance, r.counterparty])).toEqual([
			[1, 300, 300, 'community'],
			[2, -90, 210, ben],
			[3, 45, 255, cem],
			[5, -15, 240, 'community']
		]);
		expect([s.opening, s.closing]).toEqual([0, 240]);
	});

	it('filters a period and carries the opening balance', () => {
		const s = statementOf(log, anna, { from: new Date('2026-02-01'), to: new Date('2026-04-01') });
		expect(s.rows.map((r) => r.seq)).toEqual([2, 3]);
		expect([s.opening, s.closing]).toEqual([300, 255]);
	});

	it('reads by booking date, not booking number (a history booked later with its own dates)', () => {
		const later: LedgerEntry = {
			...draft(ben, anna, 60, { key: 'old', memo: 'Umzugshilfe' }),
			seq: 6,
			at: new Date('2026-01-20'),
			by: 'system'
		};
		const s = statementOf([...log, later], anna);
		expect(s.rows.map((r) => [r.seq, r.balance])).toEqual([
			[1, 300],
			[6, 360],
			[2, 270],
			[3, 315],
			[5, 300]
		]);
		const period = statementOf([...log, later], anna, { from: new Date('2026-02-01') });
		expect([period.opening, period.rows[0]?.seq]).toEqual([360, 2]);
	});
});

describe('isSameBooking', () => {
	const draft = {
		from: 'community' as const,
		to: 'member:anna' as const,
		minutes: 60,
		kind: 'grant' as const,
		key: 'grant:mod:n1',
		memo: 'Sprachcafé',
		budgetLineId: 'line-1'
	};
	it('knows a retry of the same booking', () => {
		expect(isSameBooking({ ...draft, memo: 'anders geschrieben' }, draft)).toBe(true);
	});
	it('knows another booking under the same key', () => {
		expect(isSameBooking({ ...draft, to: 'member:ben' }, draft)).toBe(false);
		expect(isSameBooking({ ...draft, minutes: 90 }, draft)).toBe(false);
		expect(isSameBooking({ ...draft, budgetLineId: 'line-2' }, draft)).toBe(false);
		const { budgetLineId: _line, ...withoutLine } = draft;
		expect(isSameBooking(withoutLine, draft)).toBe(false);
	});
});
