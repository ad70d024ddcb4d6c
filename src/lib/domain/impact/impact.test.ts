import { describe, expect, it } from 'vitest';
import {
	cellText,
	computeImpact,
	round,
	type Cell,
	type ExchangeFact,
	type ImpactInput,
	type LedgerFact,
	type MembershipFact
} from './impact';
import { addMonths, defaultPeriod, monthOf, monthsBetween } from './months';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const v = (value: number): Cell => ({ kind: 'value', value });
const S: Cell = { kind: 'suppressed' };
const U: Cell = { kind: 'unknown' };

let n = 0;
function exchange(
	provider: string,
	receiver: string,
	settledAt: string | null,
	extra: Partial<ExchangeFact> = {}
): ExchangeFact {
	n++;
	return {
		id: `x${String(n).padStart(3, '0')}`,
		providerId: provider,
		receiverId: receiver,
		listingId: null,
		settlement: 'hours',
		state: settledAt ? 'settled' : 'proposed',
		proposedAt: settledAt ? new Date(at(settledAt).getTime() - 3 * 86_400_000) : at('2026-01-01'),
		proposedBy: receiver,
		settledAt: settledAt ? at(settledAt) : null,
		payment: null,
		refundedCents: 0,
		...extra
	};
}

function entry(seq: number, from: string, to: string, minutes: number, day: string): LedgerFact {
	return {
		seq,
		kind: 'exchange',
		from: `member:${from}`,
		to: `member:${to}`,
		minutes,
		at: at(day)
	};
}

const member = (
	userId: string,
	since: string,
	role = 'resident',
	state = 'active'
): MembershipFact => ({
	userId,
	role,
	state,
	since: at(since)
});

// Six neighbours a–f and one business B. January 2026: five exchanges among a–e (5 people);
// February: four exchanges among a–d only (4 people: every people-based cell is suppressed);
// April: a, b, c, d, f active (5 people).
function example(): ImpactInput {
	n = 0;
	return {
		from: '2026-01',
		to: '2026-04',
		now: at('2026-08-15'),
		timeZone: 'Europe/Berlin',
		ledger: [
			entry(1, 'a', 'b', 60, '2026-01-05'), // from: the receiver pays; to: the provider
			entry(2, 'c', 'd', 90, '2026-01-06'),
			entry(3, 'e', 'a', 30, '2026-01-07'),
			entry(4, 'b', 'c', 120, '2026-02-02'),
			entry(5, 'a', 'd', 60, '2026-02-03'),
			{
				seq: 6,
				kind: 'reversal',
				from: 'member:d',
				to: 'member:a',
				minutes: 30,
				at: at('2026-02-10'),
				reverses: 5
			},
			// Start credits and grants are not exchanged hours.
			{
				seq: 7,
				kind: 'start-credit',
				from: 'community',
				to: 'member:f',
				minutes: 120,
				at: at('2026-02-11')
			}
		],
		exchanges: [
			// January: providers b, d, a, e(free), c(euro cash to B) …
			exchange('b', 'a', '2026-01-05'),
			exchange('d', 'c', '2026-01-06'),
			exchange('a', 'e', '2026-01-07'),
			exchange('e', 'b', '2026-01-20', { settlement: 'free' }),
			exchange('B', 'c', '2026-01-25', {
				settlement: 'euros',
				payment: { method: 'cash', amountCents: 1250 }
			}),
			// February: a–d only.
			exchange('c', 'b', '2026-02-02'),
			exchange('d', 'a', '2026-02-03'),
			exchange('a', 'd', '2026-02-04'),
			exchange('b', 'c', '2026-02-05'),
			// April: a, b, c, d, f; card payment to B of 40 € with 10 € refunded.
			exchange('a', 'b', '2026-04-02'),
			exchange('c', 'd', '2026-04-03'),
			exchange('f', 'a', '2026-04-04'),
			exchange('B', 'd', '2026-04-05', {
				settlement: 'euros',
				payment: { method: 'card', amountCents: 4000 },
				refundedCents: 1000
			}),
			// Not settled: counts nowhere.
			exchange('a', 'c', null)
		],
		memberships: [
			member('a', '2025-12-01'),
			member('b', '2025-12-02'),
			member('c', '2026-01-03'),
			member('d', '2026-01-04'),
			member('e', '2026-01-05'),
			member('f', '2026-01-06'),
			member('B', '2026-01-07', 'business'),
			member('p', '2026-01-08', 'resident', 'pending'),
			member('m', '2026-01-09', 'moderator')
		],
		requests: [],
		conversations: []
	};
}

function figure(input: ImpactInput, id: string, series = 'total'): Cell[] {
	const f = computeImpact(input).figures.find((x) => x.id === id)!;
	return f.series.find((s) => s.id === series)!.cells;
}

describe('months', () => {
	it('counts UTC months, both ends included', () => {
		expect(monthsBetween('2025-11', '2026-02')).toEqual([
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02'
		]);
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(monthOf(new Date('2026-03-31T23:30:00Z'), 'UTC')).toBe('2026-03');
		expect(monthOf(new Date('2026-03-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-04');
		expect(defaultPeriod(new Date('2026-11-26T10:00:00Z'), 'Europe/Berlin')).toEqual({
			from: '2025-12',
			to: '2026-11'
		});
		// Just after midnight on 1 December in Berlin the current month is December.
		expect(defaultPeriod(new Date('2026-11-30T23:30:00Z'), 'Europe/Berlin')).toEqual({
			from: '2026-01',
			to: '2026-12'
		});
	});

	it("counts an entry in the month of the quarter's clock, not of UTC", () => {
		const late = new Date('2026-01-31T23:30:00Z'); // 00:30 on 1 February in Berlin
		const input: ImpactInput = {
			...example(),
			ledger: [
				entry(1, 'a', 'b', 60, '2026-01-01'),
				entry(2, 'c', 'd', 60, '2026-01-01'),
				entry(3, 'e', 'f', 60, '2026-01-01')
			].map((e) => ({ ...e, at: late }))
		};
		expect(figure(input, 'hours').slice(0, 2)).toEqual([S, v(3)]);
		expect(figure({ ...input, timeZone: 'UTC' }, 'hours').slice(0, 2)).toEqual([v(3), S]);
	});
});

describe('computeImpact on a hand-computed quarter', () => {
	it('hours: exchange entries less their reversals, suppressed below 5 members', () => {
		// January: entries 1–3 = 60 + 90 + 30 = 180 min = 3 h; members a, b, c, d, e = 5.
		// February: 120 + 60 − 30 (reversal of 5) = 150 min = 2.5 h, but members a, b, c, d = 4.
		// March and April: no entries in the ledger.
		expect(figure(example(), 'hours')).toEqual([v(3), S, S, S]);
	});

	it('settled exchanges and active members', () => {
		// January: 5 settled; active = b, a, d, c, e, B = 6. February: 4 settled among a–d = 4
		// people. April: 4 settled; active a, b, c, d, f, B = 6.
		expect(figure(example(), 'exchanges')).toEqual([v(5), S, S, v(4)]);
		expect(figure(example(), 'active')).toEqual([v(6), S, S, v(6)]);
	});

	it('euros by card and cash, refunds subtracted, and business turnover', () => {
		// January cash: 12.50 € between B and c = 2 people: suppressed. April card: 40 − 10 = 30 €,
		// also 2 people. Turnover of B: the same two exchanges, also suppressed.
		expect(figure(example(), 'euros', 'card')).toEqual([S, S, S, S]);
		expect(figure(example(), 'euros', 'cash')).toEqual([S, S, S, S]);
		expect(figure(example(), 'businessTurnover')).toEqual([S, S, S, S]);
	});

	it('euros are shown once 5 distinct members paid or were paid', () => {
		const input = example();
		// Four more residents pay B in cash in April: B, d, g, h, i, j = 6 people.
		for (const id of ['g', 'h', 'i', 'j']) {
			input.exchanges = [
				...input.exchanges,
				exchange('B', id, '2026-04-10', {
					settlement: 'euros',
					payment: { method: 'cash', amountCents: 500 }
				})
			];
		}
		// April cash 4 × 5 € = 20 € (B, g, h, i, j = 5 people); card still 2 people.
		// Turnover of B in April: 30 € card + 20 € cash = 50 € from B, d, g, h, i, j.
		expect(figure(input, 'euros', 'cash')).toEqual([S, S, S, v(20)]);
		expect(figure(input, 'euros', 'card')).toEqual([S, S, S, S]);
		expect(figure(input, 'businessTurnover')).toEqual([S, S, S, v(50)]);
	});

	it('new members: active residents and businesses by month of joining', () => {
		// January: c, d, e, f, B = 5 (p is pending, m a moderator). December is outside.
		expect(figure(example(), 'newMembers')).toEqual([v(5), S, S, S]);
	});

	it('new contacts: pairs trading for the first time ever', () => {
		// January: a–b, c–d, a–e, b–e, B–c = 5 pairs of a, b, c, d, e, B (6 people).
		// February: b–c, a–d new (a–d twice counts once), 4 people → suppressed.
		// April: a–b and c–d are old; a–f and B–d are new: 2 pairs of 4 people → suppressed.
		expect(figure(example(), 'newContacts')).toEqual([v(5), S, S, S]);
	});

	it('reciprocity over the twelve months up to the month', () => {
		// January, active 6: gave b, d, a, e, B; received a, c, e, b, c. Both: a, b, e → 3/6 = 50 %.
		// April, active a, b, c, d, f, B; by April (Jan–Apr) gave: b,d,a,e,B,c,f; received:
		// a,c,e,b,d. Both: a, b, c, d → 4/6 = 66.7 %.
		expect(figure(example(), 'reciprocity')).toEqual([v(50), S, S, v(66.7)]);
	});

	it('retention three months later, unknown while that month runs', () => {
		// January's 6 active: active again in April: a, b, c, d, B → 5/6 = 83.3 %.
		// April + 3 = July, ended before 15 August, but April → July: nobody active in July = 0 %.
		expect(figure(example(), 'retention')).toEqual([v(83.3), S, S, v(0)]);
		const early = { ...example(), now: at('2026-07-20') };
		expect(figure(early, 'retention')).toEqual([v(83.3), S, S, U]);
	});
});

describe('requests: unmet demand and first response', () => {
	function requests(authors: string[], day: string, category = 'garden') {
		return authors.map((a, i) => ({
			id: `r-${category}-${a}-${i}`,
			authorId: a,
			category,
			publishedAt: at(day)
		}));
	}

	it('counts requests with no exchange within 30 days, by category and in total', () => {
		const input = example();
		input.requests = [
			...requests(['a', 'b', 'c', 'd', 'e'], '2026-01-10'),
			...requests(['a', 'b', 'c', 'd'], '2026-01-12', 'repair')
		];
		// a's garden request got an exchange after 10 days: met. c's got one after 40 days: unmet.
		// b's got one within 30 days that was declined: unmet.
		input.exchanges = [
			...input.exchanges,
			exchange('b', 'a', null, {
				listingId: 'r-garden-a-0',
				proposedAt: at('2026-01-20'),
				proposedBy: 'b'
			}),
			exchange('a', 'c', null, {
				listingId: 'r-garden-c-2',
				proposedAt: at('2026-02-19'),
				proposedBy: 'a'
			}),
			exchange('c', 'b', null, {
				listingId: 'r-garden-b-1',
				proposedAt: at('2026-01-11'),
				proposedBy: 'c',
				state: 'declined'
			})
		];
		// January garden: unmet b, c, d, e = 4 people → suppressed; repair: 4 → suppressed;
		// total: 8 requests by a, b, c, d, e = 5 people → 8.
		expect(figure(input, 'unmetDemand')).toEqual([v(8), S, S, S]);
		expect(figure(input, 'unmetDemand', 'garden')).toEqual([S, S, S, S]);
		// Unknown until 30 days after the month: April ends 1 May, known from 31 May.
		const early = { ...input, now: at('2026-02-15') };
		expect(figure(early, 'unmetDemand')).toEqual([U, U, U, U]);
	});

	it('first response: median hours to the first conversation or proposal by someone else', () => {
		const input = example();
		input.requests = requests(['a', 'b', 'c', 'd', 'e'], '2026-03-02');
		const published = at('2026-03-02').getTime();
		const after = (h: number) => new Date(published + h * 3_600_000);
		input.conversations = [
			{ listingId: 'r-garden-a-0', startedBy: 'f', createdAt: after(2) },
			{ listingId: 'r-garden-a-0', startedBy: 'g', createdAt: after(1) }, // the first one: 1 h
			{ listingId: 'r-garden-b-1', startedBy: 'b', createdAt: after(0.5) }, // own: ignored
			{ listingId: 'r-garden-b-1', startedBy: 'a', createdAt: after(5) },
			{ listingId: 'r-garden-c-2', startedBy: 'a', createdAt: after(24) },
			{ listingId: 'r-garden-d-3', startedBy: 'a', createdAt: after(48) }
		];
		input.exchanges = [
			...input.exchanges,
			exchange('e', 'f', null, { listingId: 'r-garden-e-4', proposedAt: after(3), proposedBy: 'f' })
		];
		// Hours: a 1, b 5, c 24, d 48, e 3 → sorted 1, 3, 5, 24, 48 → median 5 (5 authors).
		expect(figure(input, 'firstResponse')).toEqual([S, S, v(5), S]);
		// Without e's answer: 4 authors → suppressed.
		input.exchanges = input.exchanges.slice(0, -1);
		expect(figure(input, 'firstResponse')).toEqual([S, S, S, S]);
	});
});

describe('suppression and determinism', () => {
	it('shows 5 people, never 4', () => {
		const base = { ...example(), from: '2026-06', to: '2026-06' };
		const five = ['a', 'b', 'c', 'd', 'e'];
		const ring = (ids: string[]) =>
			ids.map((id, i) => exchange(id, ids[(i + 1) % ids.length]!, '2026-06-10'));
		expect(figure({ ...base, exchanges: ring(five) }, 'active')).toEqual([v(5)]);
		expect(figure({ ...base, exchanges: ring(five.slice(0, 4)) }, 'active')).toEqual([S]);
		// Every one of the five both gave and received: 100 %.
		expect(figure({ ...base, exchanges: ring(five) }, 'reciprocity')).toEqual([v(100)]);
		expect(figure({ ...base, exchanges: ring(five.slice(0, 4)) }, 'reciprocity')).toEqual([S]);
	});

	it('gives the same report twice and for any input order', () => {
		const input = example();
		const first = computeImpact(input);
		expect(computeImpact(input)).toEqual(first);
		const shuffled: ImpactInput = {
			...input,
			ledger: [...input.ledger].reverse(),
			exchanges: [...input.exchanges].reverse(),
			memberships: [...input.memberships].reverse()
		};
		expect(JSON.stringify(computeImpact(shuffled))).toBe(JSON.stringify(first));
	});

	it('never prints a suppressed number', () => {
		expect(cellText(S, String)).toBe('< 5');
		expect(cellText(U, String)).toBe('');
		expect(cellText(v(2.5), String)).toBe('2.5');
		expect(round(0.125, 2)).toBe(0.13);
		expect(round(66.666, 1)).toBe(66.7);
	});
});
