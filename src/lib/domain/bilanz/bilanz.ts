// The Quartiersbilanz: the public, privacy-safe figures of one quarter's year, for the quarter
// conference and funders. Pure: the caller passes plain facts and `now`; the result depends only on
// the input. Month series come from the impact report's own function (computeImpact), year totals
// are counted here, and every cell built from people goes through the impact report's `guarded`:
// fewer than MIN_PEOPLE (5) distinct people and the number is never given out.
//
// Definitions (the year is a calendar year of the quarter's time zone; the current year ends now):
// - hours: minutes of ledger entries of kind `exchange` in the year, less reversals of them in the
//   year; people: both sides.
// - exchanges: exchanges settled in the year; people: both sides.
// - new contacts: pairs of members whose first settled exchange ever was settled in the year.
// - members: active resident and business memberships that began by the end of the year (or now);
//   new members: those that began in the year. (A member who left is no longer stored.)
// - events and attendance: published events that started in the year (not cancelled, not in the
//   future); attendance counts the "Ich komme" seats, suppressed below 5 distinct people.
//   The number of events is not about people and is never suppressed.
// - budget spent per line: hours granted against the line in the year (less reversals in the
//   year) and euros paid from it in the year. Suppressed when 1 to 4 members received them; a
//   line that paid only projects (no person) or nothing shows its sum.
//
// The page is a list of sections; each knows its figures, so a section can be added without
// touching the others (see SECTION_BUILDERS). Figures the quarter management did not choose are
// left out entirely, and a section with none left is dropped.
import {
	computeImpact,
	guarded,
	round,
	type Cell,
	type ExchangeFact,
	type LedgerFact,
	type MembershipFact,
	type Unit
} from '../impact/impact';
import { monthEnd, monthOf, monthsBetween, type MonthKey } from '../impact/months';

export const BILANZ_FIGURES = [
	'hours',
	'exchanges',
	'newContacts',
	'members',
	'newMembers',
	'events',
	'attendance',
	'budgetHours',
	'budgetEuros',
	'roundProposals',
	'roundVoters',
	'roundVotes'
] as const;
export type BilanzFigureId = (typeof BILANZ_FIGURES)[number];

/** What a new quarter shows: everything; the management can switch figures off. */
export const DEFAULT_PUBLIC_FIGURES: readonly BilanzFigureId[] = BILANZ_FIGURES;

export function isBilanzFigure(id: string): id is BilanzFigureId {
	return (BILANZ_FIGURES as readonly string[]).includes(id);
}

/** The sections in page order. */
export const BILANZ_SECTIONS = ['exchange', 'members', 'events', 'budgetRounds', 'budget'] as const;
export type BilanzSectionId = (typeof BILANZ_SECTIONS)[number];

export const SECTION_FIGURES: Record<BilanzSectionId, readonly BilanzFigureId[]> = {
	exchange: ['hours', 'exchanges', 'newContacts'],
	members: ['members', 'newMembers'],
	events: ['events', 'attendance'],
	budgetRounds: ['roundProposals', 'roundVoters', 'roundVotes'],
	budget: ['budgetHours', 'budgetEuros']
};

export const FIGURE_UNITS: Record<BilanzFigureId, Unit> = {
	hours: 'hours',
	exchanges: 'count',
	newContacts: 'count',
	members: 'count',
	newMembers: 'count',
	events: 'count',
	attendance: 'count',
	budgetHours: 'hours',
	budgetEuros: 'euros',
	roundProposals: 'count',
	roundVoters: 'count',
	roundVotes: 'count'
};

// ---- output ----------------------------------------------------------------------------------

/** One number of the year. */
export interface KeyFigure {
	id: BilanzFigureId;
	unit: Unit;
	cell: Cell;
}

/** A figure month by month (the chart and its table). */
export interface MonthlyFigure {
	id: BilanzFigureId;
	unit: Unit;
	cells: Cell[];
}

/** A table of rows (event kinds, budget lines): one column per figure. */
export interface BreakdownTable {
	id: 'eventKinds' | 'budgetLines' | 'roundWinners';
	columns: BilanzFigureId[];
	rows: { key: string; label: string; cells: Cell[] }[];
}

export interface BilanzSection {
	id: BilanzSectionId;
	figures: KeyFigure[];
	monthly: MonthlyFigure[];
	tables: BreakdownTable[];
}

export interface Bilanz {
	year: number;
	months: MonthKey[];
	sections: BilanzSection[];
}

// ---- input -----------------------------------------------------------------------------------

export interface EventFact {
	id: string;
	kind: string;
	status: string;
	startsAt: Date;
	/** The people holding a seat ("Ich komme"). */
	attendees: readonly string[];
}

export interface BudgetLineFact {
	id: string;
	name: string;
}

/** An hour grant (ledger kind `grant`) or a reversal of one: use the ledger facts with these. */
export interface GrantLedgerFact extends LedgerFact {
	budgetLineId?: string | null;
}

export interface EuroGrantFact {
	lineId: string;
	cents: number;
	paidOn: string;
	/** A member who received it, or null for a project. */
	userId: string | null;
}

/** A Bürgerbudget round whose result came in the year (services/participation/results.ts). */
export interface RoundFact {
	id: string;
	title: string;
	proposals: number;
	voters: number;
	/** The winning proposals with their votes. */
	winners: readonly { title: string; votes: number }[];
}

export interface BilanzInput {
	year: number;
	now: Date;
	timeZone: string;
	/** Figures the quarter management chose to show. */
	publicFigures: readonly BilanzFigureId[];
	ledger: readonly GrantLedgerFact[];
	exchanges: readonly ExchangeFact[];
	memberships: readonly MembershipFact[];
	events: readonly EventFact[];
	budgetLines: readonly BudgetLineFact[];
	euroGrants: readonly EuroGrantFact[];
	/** Bürgerbudget rounds whose result came in the year. */
	rounds: readonly RoundFact[];
}

// ---- helpers ---------------------------------------------------------------------------------

const MEMBER = 'member:';

function memberOf(account: string): string | null {
	return account.startsWith(MEMBER) ? account.slice(MEMBER.length) : null;
}

/** Sums about people who are all known: 0 people (only projects, or nothing) hide nobody. */
function aboutPeople(v: number, people: number): Cell {
	return people === 0 ? { kind: 'value', value: v } : guarded(v, people);
}

function pairKey(a: string, b: string): string {
	return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The months of the year shown: all twelve of a past year, up to the current month of this one. */
export function bilanzMonths(year: number, now: Date, timeZone: string): MonthKey[] {
	const first = `${year}-01`;
	const current = monthOf(now, timeZone);
	const last = current < `${year}-12` ? current : `${year}-12`;
	return last < first ? [] : monthsBetween(first, last);
}

interface Context {
	input: BilanzInput;
	months: MonthKey[];
	inYear: (at: Date) => boolean;
	impact: ReturnType<typeof computeImpact>;
}

function impactCells(ctx: Context, id: 'hours' | 'exchanges' | 'newContacts' | 'newMembers') {
	return ctx.impact.figures.find((f) => f.id === id)!.series[0]!.cells;
}

// ---- sections --------------------------------------------------------------------------------

function exchangeSection(ctx: Context): BilanzSection {
	const { input, inYear } = ctx;
	const bySeq = new Map(input.ledger.map((e) => [e.seq, e]));
	let minutes = 0;
	const hourPeople = new Set<string>();
	for (const e of input.ledger) {
		if (!inYear(e.at)) continue;
		const sign =
			e.kind === 'exchange'
				? 1
				: e.kind === 'reversal' &&
					  e.reverses !== undefined &&
					  bySeq.get(e.reverses)?.kind === 'exchange'
					? -1
					: 0;
		if (sign === 0) continue;
		minutes += sign * e.minutes;
		for (const account of [e.from, e.to]) {
			const id = memberOf(account);
			if (id) hourPeople.add(id);
		}
	}
	const settled = input.exchanges
		.filter((e): e is ExchangeFact & { settledAt: Date } => e.settledAt !== null)
		.sort((a, b) => a.settledAt.getTime() - b.settledAt.getTime() || a.id.localeCompare(b.id));
	let exchanges = 0;
	const exchangePeople = new Set<string>();
	let pairs = 0;
	const pairPeople = new Set<string>();
	const seen = new Set<string>();
	for (const e of settled) {
		const pair = pairKey(e.providerId, e.receiverId);
		const first = !seen.has(pair);
		seen.add(pair);
		if (!inYear(e.settledAt)) continue;
		exchanges++;
		exchangePeople.add(e.providerId).add(e.receiverId);
		if (first) {
			pairs++;
			pairPeople.add(e.providerId).add(e.receiverId);
		}
	}
	return {
		id: 'exchange',
		figures: [
			{ id: 'hours', unit: 'hours', cell: guarded(round(minutes / 60, 2), hourPeople.size) },
			{ id: 'exchanges', unit: 'count', cell: guarded(exchanges, exchangePeople.size) },
			{ id: 'newContacts', unit: 'count', cell: guarded(pairs, pairPeople.size) }
		],
		monthly: [
			{ id: 'hours', unit: 'hours', cells: impactCells(ctx, 'hours') },
			{ id: 'exchanges', unit: 'count', cells: impactCells(ctx, 'exchanges') },
			{ id: 'newContacts', unit: 'count', cells: impactCells(ctx, 'newContacts') }
		],
		tables: []
	};
}

function membersSection(ctx: Context): BilanzSection {
	const { input, inYear } = ctx;
	const end = yearEnd(ctx);
	let members = 0;
	let joined = 0;
	for (const m of input.memberships) {
		if (m.state !== 'active' || (m.role !== 'resident' && m.role !== 'business')) continue;
		if (m.since.getTime() > end.getTime()) continue;
		members++;
		if (inYear(m.since)) joined++;
	}
	return {
		id: 'members',
		figures: [
			{ id: 'members', unit: 'count', cell: guarded(members, members) },
			{ id: 'newMembers', unit: 'count', cell: guarded(joined, joined) }
		],
		monthly: [{ id: 'newMembers', unit: 'count', cells: impactCells(ctx, 'newMembers') }],
		tables: []
	};
}

function heldEvents(ctx: Context): EventFact[] {
	return ctx.input.events.filter(
		(e) =>
			e.status === 'published' &&
			ctx.inYear(e.startsAt) &&
			e.startsAt.getTime() <= ctx.input.now.getTime()
	);
}

function eventsSection(ctx: Context): BilanzSection {
	const held = heldEvents(ctx);
	const tz = ctx.input.timeZone;
	const attendance = (events: readonly EventFact[]): Cell => {
		const people = new Set(events.flatMap((e) => e.attendees));
		const seats = events.reduce((sum, e) => sum + e.attendees.length, 0);
		return guarded(seats, people.size);
	};
	const byMonth = ctx.months.map((month) => held.filter((e) => monthOf(e.startsAt, tz) === month));
	const kinds = [...new Set(held.map((e) => e.kind))].sort();
	return {
		id: 'events',
		figures: [
			{ id: 'events', unit: 'count', cell: { kind: 'value', value: held.length } },
			{ id: 'attendance', unit: 'count', cell: attendance(held) }
		],
		monthly: [
			{
				id: 'events',
				unit: 'count',
				cells: byMonth.map((events) => ({ kind: 'value', value: events.length }))
			},
			{ id: 'attendance', unit: 'count', cells: byMonth.map(attendance) }
		],
		tables: [
			{
				id: 'eventKinds',
				columns: ['events', 'attendance'],
				rows: kinds.map((kind) => {
					const events = held.filter((e) => e.kind === kind);
					return {
						key: kind,
						label: kind,
						cells: [{ kind: 'value', value: events.length }, attendance(events)]
					};
				})
			}
		]
	};
}

/** The Bürgerbudget: proposals and voters of the rounds decided in the year, and each winner
 * with its votes (votes are people, so fewer than 5 show as "< 5", as everywhere). */
function budgetRoundsSection(ctx: Context): BilanzSection {
	const rounds = ctx.input.rounds;
	const voters = rounds.reduce((sum, r) => sum + r.voters, 0);
	return {
		id: 'budgetRounds',
		figures: [
			{
				id: 'roundProposals',
				unit: 'count',
				cell: { kind: 'value', value: rounds.reduce((sum, r) => sum + r.proposals, 0) }
			},
			{ id: 'roundVoters', unit: 'count', cell: guarded(voters, voters) }
		],
		monthly: [],
		tables: [
			{
				id: 'roundWinners',
				columns: ['roundVotes'],
				rows: rounds.flatMap((r) =>
					r.winners.map((w, i) => ({
						key: `${r.id}:${i}`,
						label: `${r.title}: ${w.title}`,
						cells: [guarded(w.votes, w.votes)]
					}))
				)
			}
		]
	};
}

function budgetSection(ctx: Context): BilanzSection {
	const { input, inYear } = ctx;
	const bySeq = new Map(input.ledger.map((e) => [e.seq, e]));
	const year = String(input.year);
	const perLine = new Map(
		input.budgetLines.map((l) => [
			l.id,
			{ minutes: 0, hourPeople: new Set<string>(), cents: 0, euroPeople: new Set<string>() }
		])
	);
	for (const e of input.ledger) {
		if (!inYear(e.at)) continue;
		const grant =
			e.kind === 'grant'
				? e
				: e.kind === 'reversal' && e.reverses !== undefined
					? bySeq.get(e.reverses)
					: undefined;
		if (!grant || grant.kind !== 'grant' || !grant.budgetLineId) continue;
		const line = perLine.get(grant.budgetLineId);
		if (!line) continue;
		line.minutes += (e.kind === 'grant' ? 1 : -1) * e.minutes;
		const person = memberOf(grant.to);
		if (person) line.hourPeople.add(person);
	}
	for (const g of input.euroGrants) {
		if (!g.paidOn.startsWith(`${year}-`)) continue;
		const line = perLine.get(g.lineId);
		if (!line) continue;
		line.cents += g.cents;
		if (g.userId) line.euroPeople.add(g.userId);
	}
	const lines = [...input.budgetLines].sort(
		(a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id)
	);
	const all = [...perLine.values()];
	const union = (sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s])).size;
	const hoursCell = (minutes: number, people: number) =>
		aboutPeople(round(minutes / 60, 2), people);
	const eurosCell = (cents: number, people: number) => aboutPeople(round(cents / 100, 2), people);
	return {
		id: 'budget',
		figures: [
			{
				id: 'budgetHours',
				unit: 'hours',
				cell: hoursCell(
					all.reduce((s, l) => s + l.minutes, 0),
					union(all.map((l) => l.hourPeople))
				)
			},
			{
				id: 'budgetEuros',
				unit: 'euros',
				cell: eurosCell(
					all.reduce((s, l) => s + l.cents, 0),
					union(all.map((l) => l.euroPeople))
				)
			}
		],
		monthly: [],
		tables: [
			{
				id: 'budgetLines',
				columns: ['budgetHours', 'budgetEuros'],
				rows: lines.map((l) => {
					const b = perLine.get(l.id)!;
					return {
						key: l.id,
						label: l.name,
						cells: [hoursCell(b.minutes, b.hourPeople.size), eurosCell(b.cents, b.euroPeople.size)]
					};
				})
			}
		]
	};
}

/** One builder per section. */
const SECTION_BUILDERS: Record<BilanzSectionId, (ctx: Context) => BilanzSection> = {
	exchange: exchangeSection,
	members: membersSection,
	events: eventsSection,
	budgetRounds: budgetRoundsSection,
	budget: budgetSection
};

/** The end of the year, or now for the current year. */
function yearEnd(ctx: Context): Date {
	const end = monthEnd(`${ctx.input.year}-12`, ctx.input.timeZone);
	return end.getTime() < ctx.input.now.getTime() ? end : ctx.input.now;
}

/** Keeps only the chosen figures: a column, row cell or section without them is left out. */
function onlyPublic(section: BilanzSection, shown: ReadonlySet<BilanzFigureId>): BilanzSection {
	return {
		...section,
		figures: section.figures.filter((f) => shown.has(f.id)),
		monthly: section.monthly.filter((f) => shown.has(f.id)),
		tables: section.tables
			.map((t) => {
				const keep = t.columns.map((c) => shown.has(c));
				return {
					...t,
					columns: t.columns.filter((_, i) => keep[i]),
					rows: t.rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => keep[i]) }))
				};
			})
			.filter((t) => t.columns.length > 0)
	};
}

export function computeBilanz(input: BilanzInput): Bilanz {
	const months = bilanzMonths(input.year, input.now, input.timeZone);
	const year = String(input.year);
	const inYear = (at: Date) =>
		monthOf(at, input.timeZone).startsWith(`${year}-`) && at.getTime() <= input.now.getTime();
	const impact = computeImpact({
		from: months[0] ?? `${year}-01`,
		to: months[months.length - 1] ?? `${year}-01`,
		now: input.now,
		timeZone: input.timeZone,
		ledger: input.ledger,
		exchanges: input.exchanges,
		memberships: input.memberships,
		requests: [],
		conversations: []
	});
	const ctx: Context = { input, months, inYear, impact };
	const shown = new Set(input.publicFigures);
	const sections = BILANZ_SECTIONS.filter((id) =>
		SECTION_FIGURES[id].some((f) => shown.has(f))
	).map((id) => onlyPublic(SECTION_BUILDERS[id](ctx), shown));
	return { year: input.year, months, sections };
}
