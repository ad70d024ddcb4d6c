import { describe, expect, it } from 'vitest';
import {
	accountFromParam,
	accountParam,
	accountsOverview,
	bookingProblemMessage,
	donationKey,
	grantKey,
	ledgerCsvRows,
	limitMarker,
	periodOf,
	statementCsvRows,
	type BookingProblem
} from './accounts';
import { toCsv } from './csv';
import {
	clearingAccount,
	COMMUNITY,
	DEFAULT_COMMUNITY_LIMITS,
	memberAccount,
	statementOf,
	type AccountId,
	type LedgerEntry
} from './ledger';

const BERLIN = 'Europe/Berlin';
const ANNA = 'a'.repeat(24);
const BEN = 'b'.repeat(24);
const LIMITS = {
	member: { minBalanceMinutes: -600, maxBalanceMinutes: 2400 },
	community: DEFAULT_COMMUNITY_LIMITS
};

describe('accountFromParam', () => {
	it.each<[string, AccountId | null]>([
		['community', COMMUNITY],
		[ANNA, memberAccount(ANNA)],
		['A'.repeat(24), null],
		['a'.repeat(23), null],
		['member:' + ANNA, null],
		['clearing-lindenhof', clearingAccount('lindenhof')],
		['clearing:lindenhof', null],
		['clearing-', null],
		['clearing-Lindenhof', null],
		['', null],
		['{"$ne":null}', null]
	])('%j → %j', (param, account) => {
		expect(accountFromParam(param)).toBe(account);
		if (account) expect(accountParam(account)).toBe(param);
	});
});

describe('idempotency keys', () => {
	it('name the person and the form submission', () => {
		expect(donationKey(ANNA, 'n1')).toBe(`donation:${ANNA}:n1`);
		expect(grantKey(BEN, 'n2')).toBe(`grant:${BEN}:n2`);
	});
});

describe('periodOf', () => {
	it("includes both days of a period, in the quarter's zone", () => {
		expect(periodOf({ from: '2026-11-01', to: '2026-11-30' }, BERLIN)).toEqual({
			from: new Date('2026-10-31T23:00:00.000Z'),
			to: new Date('2026-11-30T23:00:00.000Z')
		});
		expect(periodOf({}, BERLIN)).toEqual({});
		expect(periodOf({ to: '2026-07-01' }, BERLIN)).toEqual({
			to: new Date('2026-07-01T22:00:00.000Z')
		});
		expect(periodOf({ from: '2026-11-01', to: '2026-11-30' }, 'America/New_York')).toEqual({
			from: new Date('2026-11-01T04:00:00.000Z'),
			to: new Date('2026-12-01T05:00:00.000Z')
		});
	});

	it('puts an entry at 23:30 Berlin time into its Berlin day, not the next', () => {
		const late = new Date('2026-11-30T22:30:00Z'); // 23:30 in Berlin, already 1 December in Asia
		const day = periodOf({ from: '2026-11-30', to: '2026-11-30' }, BERLIN);
		expect(late >= day.from! && late < day.to!).toBe(true);
		const tokyo = periodOf({ from: '2026-11-30', to: '2026-11-30' }, 'Asia/Tokyo');
		expect(late >= tokyo.from! && late < tokyo.to!).toBe(false);
	});
});

describe('limitMarker', () => {
	it.each<[number, ReturnType<typeof limitMarker>]>([
		[0, null],
		[-599, null],
		[-600, 'at_min'],
		[-601, 'below_min'],
		[2399, null],
		[2400, 'at_max'],
		[2460, 'above_max']
	])('%i → %s', (balance, marker) => {
		expect(limitMarker(balance, LIMITS.member)).toBe(marker);
	});
});

describe('accountsOverview', () => {
	const labels = {
		community: 'Gemeinschaftskonto',
		unknown: 'unbekannt',
		clearing: (account: AccountId) => `Verrechnungskonto ${account.slice('clearing:'.length)}`
	};

	it('lists the community account first, members by name, zero balances included', () => {
		const balances = new Map<AccountId, number>([
			[COMMUNITY, -180],
			[memberAccount(BEN), 180]
		]);
		const { rows, sum } = accountsOverview(
			balances,
			[
				{ userId: BEN, name: 'Ömer B.' },
				{ userId: ANNA, name: 'Anna B.' }
			],
			LIMITS,
			labels
		);
		expect(sum).toBe(0);
		expect(rows.map((r) => [r.name, r.balance, r.userId])).toEqual([
			['Gemeinschaftskonto', -180, null],
			['Anna B.', 0, ANNA],
			['Ömer B.', 180, BEN]
		]);
	});

	it('keeps accounts with entries but no membership, and marks limits', () => {
		const gone = 'c'.repeat(24);
		const balances = new Map<AccountId, number>([
			[COMMUNITY, -3000],
			[memberAccount(ANNA), 2400],
			[memberAccount(gone), 600]
		]);
		const { rows, sum } = accountsOverview(
			balances,
			[{ userId: ANNA, name: 'Anna' }],
			LIMITS,
			labels
		);
		expect(sum).toBe(0);
		expect(rows.map((r) => [r.userId, r.marker, r.formerMember])).toEqual([
			[null, null, false],
			[ANNA, 'at_max', false],
			[gone, null, true]
		]);
	});

	it('lists clearing accounts for trade after the community account, not as former members', () => {
		const balances = new Map<AccountId, number>([
			[COMMUNITY, -60],
			[memberAccount(ANNA), 120],
			[clearingAccount('lindenhof'), -60]
		]);
		const { rows, sum } = accountsOverview(
			balances,
			[{ userId: ANNA, name: 'Anna' }],
			LIMITS,
			labels
		);
		expect(sum).toBe(0);
		expect(rows.map((r) => [r.name, r.balance, r.userId, r.formerMember])).toEqual([
			['Gemeinschaftskonto', -60, null, false],
			['Verrechnungskonto lindenhof', -60, null, false],
			['Anna', 120, ANNA, false]
		]);
	});

	it('shows a sum that is not zero as it is', () => {
		const { sum } = accountsOverview(new Map([[COMMUNITY, 15]]), [], LIMITS, labels);
		expect(sum).toBe(15);
	});
});

function entry(seq: number, at: string, e: Partial<LedgerEntry>): LedgerEntry {
	return {
		seq,
		at: new Date(at),
		by: 'system',
		from: COMMUNITY,
		to: memberAccount(ANNA),
		minutes: 60,
		kind: 'grant',
		key: `k${seq}`,
		memo: '',
		...e
	};
}

const ENTRIES: LedgerEntry[] = [
	entry(1, '2026-10-31T10:00:00Z', { kind: 'start-credit', minutes: 120, memo: 'Startguthaben' }),
	entry(2, '2026-11-02T09:00:00Z', {
		kind: 'exchange',
		from: memberAccount(ANNA),
		to: memberAccount(BEN),
		minutes: 90,
		memo: '=HYPERLINK("x")',
		by: BEN
	}),
	entry(3, '2026-11-03T12:15:00Z', {
		kind: 'reversal',
		from: memberAccount(BEN),
		to: memberAccount(ANNA),
		minutes: 30,
		memo: 'zu viel; sorry',
		reverses: 2,
		by: BEN
	}),
	entry(4, '2026-12-01T08:00:00Z', {
		kind: 'donation',
		from: memberAccount(ANNA),
		to: COMMUNITY,
		minutes: 15,
		by: ANNA
	})
];

const names: Record<string, string> = { [ANNA]: 'Anna B.', [BEN]: 'Ben F.' };
const labels = {
	kind: (k: string) => `<${k}>`,
	account: (a: AccountId) => (a === COMMUNITY ? 'Gemeinschaftskonto' : names[a.slice(7)]!),
	person: (id: string) => names[id] ?? id
};

describe('statementCsvRows', () => {
	it('has one row per entry of the period with signed hours and the running balance', () => {
		const statement = statementOf(
			ENTRIES,
			memberAccount(ANNA),
			periodOf({ from: '2026-11-01', to: '2026-11-30' }, BERLIN)
		);
		const rows = statementCsvRows(
			statement,
			['Nr.', 'Datum', 'x', 'y', 'h', 'min', 'b', 't'],
			labels,
			BERLIN
		);
		expect(rows).toEqual([
			['Nr.', 'Datum', 'x', 'y', 'h', 'min', 'b', 't'],
			[2, '2026-11-02 10:00', '<exchange>', 'Ben F.', -1.5, -90, 0.5, '=HYPERLINK("x")'],
			[3, '2026-11-03 13:15', '<reversal>', 'Ben F.', 0.5, 30, 1, 'zu viel; sorry']
		]);
		expect(toCsv(rows, 'de').split('\r\n').slice(1, 3)).toEqual([
			`2;2026-11-02 10:00;<exchange>;Ben F.;-1,5;-90;0,5;"'=HYPERLINK(""x"")"`,
			'3;2026-11-03 13:15;<reversal>;Ben F.;0,5;30;1;"zu viel; sorry"'
		]);
	});
});

describe('ledgerCsvRows', () => {
	it('has every entry with both accounts, who booked it and what it reverses', () => {
		const rows = ledgerCsvRows(ENTRIES, ['h'], labels, BERLIN);
		expect(rows).toEqual([
			['h'],
			[
				1,
				'2026-10-31 11:00',
				'<start-credit>',
				'Gemeinschaftskonto',
				'Anna B.',
				2,
				120,
				'Startguthaben',
				'system',
				''
			],
			[
				2,
				'2026-11-02 10:00',
				'<exchange>',
				'Anna B.',
				'Ben F.',
				1.5,
				90,
				'=HYPERLINK("x")',
				'Ben F.',
				''
			],
			[
				3,
				'2026-11-03 13:15',
				'<reversal>',
				'Ben F.',
				'Anna B.',
				0.5,
				30,
				'zu viel; sorry',
				'Ben F.',
				2
			],
			[
				4,
				'2026-12-01 09:00',
				'<donation>',
				'Anna B.',
				'Gemeinschaftskonto',
				0.25,
				15,
				'',
				'Anna B.',
				''
			]
		]);
		expect(toCsv(rows, 'en').split('\r\n')[3]).toBe(
			'3,2026-11-03 13:15,<reversal>,Ben F.,Anna B.,0.5,30,zu viel; sorry,Ben F.,2'
		);
	});
});

describe('bookingProblemMessage', () => {
	it.each<[BookingProblem, ReturnType<typeof bookingProblemMessage>]>([
		[
			{ code: 'below_minimum', account: memberAccount(ANNA), balanceAfter: -660, limit: -600 },
			{
				key: 'account_error_below_minimum',
				account: memberAccount(ANNA),
				limit: -600,
				balance: -660
			}
		],
		[
			{ code: 'above_maximum', account: memberAccount(BEN), balanceAfter: 2500, limit: 2400 },
			{
				key: 'account_error_above_maximum',
				account: memberAccount(BEN),
				limit: 2400,
				balance: 2500
			}
		],
		[{ code: 'contention' }, { key: 'account_error_contention' }],
		[{ code: 'override_reason_required' }, { key: 'account_error_override_reason_required' }],
		[{ code: 'invalid_minutes' }, { key: 'account_error_hours_invalid' }],
		[{ code: 'same_account' }, { key: 'account_error_form_expired' }],
		[{ code: 'key_required' }, { key: 'account_error_form_expired' }]
	])('%j', (problem, message) => {
		expect(bookingProblemMessage(problem)).toEqual(message);
	});
});
