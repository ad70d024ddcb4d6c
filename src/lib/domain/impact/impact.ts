// The impact dashboard (Wirkungsbericht): what the local economy of a quarter achieved, month by
// month, computed from the ledger, the exchange records, the listings, the conversations and the
// memberships. Pure: the caller passes everything in, including `now`; the result depends only on
// the input, never on its order (everything is sorted or summed here).
//
// Definitions (months are calendar months of the quarter's time zone, see months.ts):
// - hours: minutes of ledger entries of kind `exchange` booked in the month, minus the minutes of
//   reversals of such entries booked in the month. Members: both sides of these entries.
// - euros (card, cash): settled euro exchanges, by the month of the settling payment; card
//   payments count net of their refunds. Members: both sides of the counted exchanges.
// - settled exchanges: exchanges (hours, euros, free help) that reached `settled` in the month.
// - active members: members who gave or received in an exchange settled in the month.
// - new members: active memberships of residents and businesses created in the month.
// - new contacts: unordered pairs of members whose first settled exchange ever (also before the
//   period) was settled in the month. Members: the people in these pairs.
// - reciprocity: of the month's active members, the share who both gave and received in settled
//   exchanges in the twelve months up to and including the month.
// - unmet demand: requests published in the month, by category, that got no exchange (proposed
//   from the request, not declined or cancelled) within 30 days of publication. Unknown while the
//   30 days after the month's end have not passed. Members: the authors of these requests.
// - first response: median hours from a request's publication to the first conversation about it
//   or exchange proposed from it by another member, over the month's requests that got one.
// - retention: of the members active in month M, the share active again in month M+3; unknown
//   until M+3 has ended.
// - business turnover: euros received by business members through settled euro exchanges.
//
// Privacy: a cell built from fewer than MIN_PEOPLE people is suppressed. Counts of people below
// it, shares whose denominator has fewer, sums that fewer distinct members contributed to.
import { addMonths, monthEnd, monthOf, monthsBetween, type MonthKey } from './months';

export const MIN_PEOPLE = 5;
export const UNMET_AFTER_DAYS = 30;
export const RETENTION_MONTHS = 3;
export const RECIPROCITY_MONTHS = 12;

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

export type Cell =
	| { kind: 'value'; value: number }
	/** Built from fewer than MIN_PEOPLE people: the number is never given out. */
	| { kind: 'suppressed' }
	/** Not known yet (the months it needs have not ended). */
	| { kind: 'unknown' };

export const FIGURES = [
	'hours',
	'euros',
	'exchanges',
	'active',
	'newMembers',
	'newContacts',
	'reciprocity',
	'unmetDemand',
	'firstResponse',
	'retention',
	'businessTurnover'
] as const;
export type FigureId = (typeof FIGURES)[number];

/** hours: decimal hours; euros: decimal euros; percent: 0–100; count: whole numbers. */
export type Unit = 'hours' | 'euros' | 'count' | 'percent';

export interface Series {
	/** `total`, `card`, `cash`, or a category id (unmet demand). */
	id: string;
	cells: Cell[];
}

export interface Figure {
	id: FigureId;
	unit: Unit;
	/** The chart draws `chartedSeries(figure)`: the first series, both for `euros`. */
	series: Series[];
}

export interface ImpactReport {
	months: MonthKey[];
	figures: Figure[];
}

// ---- input -----------------------------------------------------------------------------------

export interface LedgerFact {
	seq: number;
	kind: string;
	from: string;
	to: string;
	minutes: number;
	at: Date;
	/** For reversals: the sequence number undone. */
	reverses?: number;
}

export interface ExchangeFact {
	id: string;
	providerId: string;
	receiverId: string;
	listingId: string | null;
	settlement: 'hours' | 'euros' | 'free';
	state: string;
	proposedAt: Date;
	/** The member who proposed. */
	proposedBy: string;
	/** When it reached `settled`; null otherwise. */
	settledAt: Date | null;
	payment: { method: 'card' | 'cash'; amountCents: number } | null;
	refundedCents: number;
}

export interface MembershipFact {
	userId: string;
	role: string;
	state: string;
	since: Date;
}

export interface RequestFact {
	id: string;
	authorId: string;
	category: string;
	publishedAt: Date;
}

export interface ConversationFact {
	listingId: string | null;
	startedBy: string;
	createdAt: Date;
}

export interface ImpactInput {
	from: MonthKey;
	to: MonthKey;
	now: Date;
	/** The quarter's time zone: months are its calendar months. */
	timeZone: string;
	ledger: readonly LedgerFact[];
	exchanges: readonly ExchangeFact[];
	memberships: readonly MembershipFact[];
	requests: readonly RequestFact[];
	conversations: readonly ConversationFact[];
}

// ---- helpers ---------------------------------------------------------------------------------

const SUPPRESSED: Cell = { kind: 'suppressed' };
const UNKNOWN: Cell = { kind: 'unknown' };

function value(v: number): Cell {
	return { kind: 'value', value: v };
}

/** A number built from `people` distinct members, or suppressed. */
export function guarded(v: number, people: number): Cell {
	return people < MIN_PEOPLE ? SUPPRESSED : value(v);
}

/** Rounds half away from zero to `places` decimals, without float drift (0.125 → 0.13). */
export function round(v: number, places: number): number {
	const f = 10 ** places;
	return (Math.sign(v) * Math.round(Math.abs(v) * f + Number.EPSILON * f)) / f;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function memberOf(account: string): string | null {
	return account.startsWith('member:') ? account.slice('member:'.length) : null;
}

function bucket<T>(map: Map<MonthKey, T>, month: MonthKey, make: () => T): T {
	let b = map.get(month);
	if (!b) {
		b = make();
		map.set(month, b);
	}
	return b;
}

function pairKey(a: string, b: string): string {
	return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Settled exchanges, oldest first, ties by id: the order never depends on the input's. */
function settledInOrder(
	exchanges: readonly ExchangeFact[]
): (ExchangeFact & { settledAt: Date })[] {
	return exchanges
		.filter((e): e is ExchangeFact & { settledAt: Date } => e.settledAt !== null)
		.sort((a, b) => a.settledAt.getTime() - b.settledAt.getTime() || a.id.localeCompare(b.id));
}

// ---- the figures -----------------------------------------------------------------------------

export function computeImpact(input: ImpactInput): ImpactReport {
	const months = monthsBetween(input.from, input.to);
	const tz = input.timeZone;
	const settled = settledInOrder(input.exchanges);
	const roles = new Map(input.memberships.map((m) => [m.userId, m.role]));

	// Who gave and who received, per month (all history: reciprocity and retention look around).
	const gave = new Map<MonthKey, Set<string>>();
	const received = new Map<MonthKey, Set<string>>();
	const exchangeCount = new Map<MonthKey, number>();
	const newPairs = new Map<MonthKey, { pairs: number; people: Set<string> }>();
	const euros = new Map<
		MonthKey,
		Record<'card' | 'cash' | 'business', { cents: number; people: Set<string> }>
	>();
	const seenPairs = new Set<string>();
	for (const e of settled) {
		const month = monthOf(e.settledAt, tz);
		bucket(gave, month, () => new Set()).add(e.providerId);
		bucket(received, month, () => new Set()).add(e.receiverId);
		exchangeCount.set(month, (exchangeCount.get(month) ?? 0) + 1);
		const pair = pairKey(e.providerId, e.receiverId);
		if (!seenPairs.has(pair)) {
			seenPairs.add(pair);
			const b = bucket(newPairs, month, () => ({ pairs: 0, people: new Set<string>() }));
			b.pairs++;
			b.people.add(e.providerId).add(e.receiverId);
		}
		if (e.settlement === 'euros' && e.payment) {
			const cents =
				e.payment.method === 'card'
					? Math.max(0, e.payment.amountCents - e.refundedCents)
					: e.payment.amountCents;
			const b = bucket(euros, month, () => ({
				card: { cents: 0, people: new Set<string>() },
				cash: { cents: 0, people: new Set<string>() },
				business: { cents: 0, people: new Set<string>() }
			}));
			for (const target of [
				b[e.payment.method],
				...(roles.get(e.providerId) === 'business' ? [b.business] : [])
			]) {
				target.cents += cents;
				target.people.add(e.providerId).add(e.receiverId);
			}
		}
	}
	const activeIn = (month: MonthKey): Set<string> =>
		new Set([...(gave.get(month) ?? []), ...(received.get(month) ?? [])]);

	// Hours from the ledger: exchange entries, less the reversals of exchange entries.
	const bySeq = new Map(input.ledger.map((e) => [e.seq, e]));
	const hours = new Map<MonthKey, { minutes: number; people: Set<string> }>();
	for (const e of input.ledger) {
		const exchange =
			e.kind === 'exchange'
				? 1
				: e.kind === 'reversal' &&
					  e.reverses !== undefined &&
					  bySeq.get(e.reverses)?.kind === 'exchange'
					? -1
					: 0;
		if (exchange === 0) continue;
		const b = bucket(hours, monthOf(e.at, tz), () => ({ minutes: 0, people: new Set<string>() }));
		b.minutes += exchange * e.minutes;
		for (const account of [e.from, e.to]) {
			const id = memberOf(account);
			if (id) b.people.add(id);
		}
	}

	const hoursSeries = months.map((month) => {
		const b = hours.get(month);
		return b ? guarded(round(b.minutes / 60, 2), b.people.size) : SUPPRESSED;
	});
	const euroCell = (month: MonthKey, which: 'card' | 'cash' | 'business') => {
		const b = euros.get(month)?.[which];
		return b ? guarded(round(b.cents / 100, 2), b.people.size) : SUPPRESSED;
	};
	const countOfPeople = (people: number) => guarded(people, people);

	const exchangesSeries = months.map((month) =>
		guarded(exchangeCount.get(month) ?? 0, activeIn(month).size)
	);
	const activeSeries = months.map((month) => countOfPeople(activeIn(month).size));

	const newMembers = new Map<MonthKey, number>();
	for (const m of input.memberships) {
		if (m.state !== 'active' || (m.role !== 'resident' && m.role !== 'business')) continue;
		const month = monthOf(m.since, tz);
		newMembers.set(month, (newMembers.get(month) ?? 0) + 1);
	}
	const newMembersSeries = months.map((month) => countOfPeople(newMembers.get(month) ?? 0));

	const newContactsSeries = months.map((month) => {
		const b = newPairs.get(month);
		return b ? guarded(b.pairs, b.people.size) : SUPPRESSED;
	});

	const reciprocitySeries = months.map((month) => {
		const active = activeIn(month);
		if (active.size < MIN_PEOPLE) return SUPPRESSED;
		const gaveInWindow = new Set<string>();
		const receivedInWindow = new Set<string>();
		for (let i = 0; i < RECIPROCITY_MONTHS; i++) {
			const m = addMonths(month, -i);
			for (const id of gave.get(m) ?? []) gaveInWindow.add(id);
			for (const id of received.get(m) ?? []) receivedInWindow.add(id);
		}
		let both = 0;
		for (const id of active) if (gaveInWindow.has(id) && receivedInWindow.has(id)) both++;
		return value(round((both / active.size) * 100, 1));
	});

	const retentionSeries = months.map((month) => {
		const later = addMonths(month, RETENTION_MONTHS);
		if (monthEnd(later, tz).getTime() > input.now.getTime()) return UNKNOWN;
		const active = activeIn(month);
		if (active.size < MIN_PEOPLE) return SUPPRESSED;
		const again = activeIn(later);
		let kept = 0;
		for (const id of active) if (again.has(id)) kept++;
		return value(round((kept / active.size) * 100, 1));
	});

	// Requests: unmet demand and the first response.
	const proposalsByListing = new Map<string, ExchangeFact[]>();
	for (const e of input.exchanges) {
		if (e.listingId === null) continue;
		const list = proposalsByListing.get(e.listingId) ?? [];
		list.push(e);
		proposalsByListing.set(e.listingId, list);
	}
	const conversationsByListing = new Map<string, ConversationFact[]>();
	for (const c of input.conversations) {
		if (c.listingId === null) continue;
		const list = conversationsByListing.get(c.listingId) ?? [];
		list.push(c);
		conversationsByListing.set(c.listingId, list);
	}
	const categories = [...new Set(input.requests.map((r) => r.category))].sort();
	const unmet = new Map<MonthKey, Map<string, Set<string>>>();
	const unmetCount = new Map<MonthKey, Map<string, number>>();
	const responses = new Map<MonthKey, { hours: number[]; people: Set<string> }>();
	for (const r of input.requests) {
		const month = monthOf(r.publishedAt, tz);
		const published = r.publishedAt.getTime();
		const proposals = proposalsByListing.get(r.id) ?? [];
		const met = proposals.some(
			(e) =>
				e.proposedAt.getTime() - published <= UNMET_AFTER_DAYS * DAY &&
				e.state !== 'declined' &&
				e.state !== 'cancelled'
		);
		if (!met) {
			const authors = bucket(unmet, month, () => new Map()).get(r.category) ?? new Set<string>();
			authors.add(r.authorId);
			unmet.get(month)!.set(r.category, authors);
			const counts = bucket(unmetCount, month, () => new Map());
			counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
		}
		const firsts = [
			...proposals.filter((e) => e.proposedBy !== r.authorId).map((e) => e.proposedAt.getTime()),
			...(conversationsByListing.get(r.id) ?? [])
				.filter((c) => c.startedBy !== r.authorId)
				.map((c) => c.createdAt.getTime())
		].filter((t) => t >= published);
		if (firsts.length > 0) {
			const b = bucket(responses, month, () => ({ hours: [], people: new Set<string>() }));
			b.hours.push((Math.min(...firsts) - published) / HOUR);
			b.people.add(r.authorId);
		}
	}
	const unmetKnown = (month: MonthKey) =>
		monthEnd(month, tz).getTime() + UNMET_AFTER_DAYS * DAY <= input.now.getTime();
	const unmetCell = (month: MonthKey, category: string | null): Cell => {
		if (!unmetKnown(month)) return UNKNOWN;
		const byCategory = unmet.get(month);
		if (!byCategory) return SUPPRESSED;
		const people = new Set<string>();
		let count = 0;
		for (const [c, authors] of byCategory) {
			if (category !== null && c !== category) continue;
			for (const a of authors) people.add(a);
			count += unmetCount.get(month)!.get(c) ?? 0;
		}
		return guarded(count, people.size);
	};
	const firstResponseSeries = months.map((month) => {
		const b = responses.get(month);
		return b ? guarded(round(median(b.hours), 1), b.people.size) : SUPPRESSED;
	});

	return {
		months,
		figures: [
			{ id: 'hours', unit: 'hours', series: [{ id: 'total', cells: hoursSeries }] },
			{
				id: 'euros',
				unit: 'euros',
				series: [
					{ id: 'card', cells: months.map((m) => euroCell(m, 'card')) },
					{ id: 'cash', cells: months.map((m) => euroCell(m, 'cash')) }
				]
			},
			{ id: 'exchanges', unit: 'count', series: [{ id: 'total', cells: exchangesSeries }] },
			{ id: 'active', unit: 'count', series: [{ id: 'total', cells: activeSeries }] },
			{ id: 'newMembers', unit: 'count', series: [{ id: 'total', cells: newMembersSeries }] },
			{ id: 'newContacts', unit: 'count', series: [{ id: 'total', cells: newContactsSeries }] },
			{ id: 'reciprocity', unit: 'percent', series: [{ id: 'total', cells: reciprocitySeries }] },
			{
				id: 'unmetDemand',
				unit: 'count',
				series: [
					{ id: 'total', cells: months.map((m) => unmetCell(m, null)) },
					...categories.map((c) => ({ id: c, cells: months.map((m) => unmetCell(m, c)) }))
				]
			},
			{ id: 'firstResponse', unit: 'hours', series: [{ id: 'total', cells: firstResponseSeries }] },
			{ id: 'retention', unit: 'percent', series: [{ id: 'total', cells: retentionSeries }] },
			{
				id: 'businessTurnover',
				unit: 'euros',
				series: [{ id: 'total', cells: months.map((m) => euroCell(m, 'business')) }]
			}
		]
	};
}

/** A cell as text for tables and CSV: suppressed cells never show a number. */
/** The series a figure's chart draws: the first, or both for euros (card and cash). */
export function chartedSeries<S>(figure: { id: FigureId; series: readonly S[] }): S[] {
	return figure.id === 'euros' ? [...figure.series] : figure.series.slice(0, 1);
}

export function cellText(cell: Cell, format: (value: number) => string): string {
	if (cell.kind === 'suppressed') return '< 5';
	if (cell.kind === 'unknown') return '';
	return format(cell.value);
}
