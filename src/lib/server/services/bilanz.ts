// The public Quartiersbilanz of one quarter's year: reads the ledger, the exchanges, the
// memberships, the calendar and the Sozialraumbudget once each, hands plain facts to the pure
// figures in domain/bilanz (which suppress every cell built from fewer than 5 people) and turns
// the result into CSV. Only the figures the quarter management chose leave this module; names of
// people never do (budget line names and event kinds are public).
import {
	computeBilanz,
	isBilanzFigure,
	type Bilanz,
	type BilanzFigureId,
	type BilanzSectionId
} from '../../domain/bilanz/bilanz';
import { cellText } from '../../domain/impact/impact';
import { toCsv } from '../../domain/ledger/csv';
import type { Locale } from '../../domain/locale';
import * as m from '../../paraglide/messages';
import { listBudgetLines, listQuarterEuroGrants } from '../repos/budget';
import { listQuarterSeats } from '../repos/calendar';
import { listMembershipsOfQuarter } from '../repos/memberships';
import type { Quarter } from '../repos/quarters';
import { calendar as appCalendar, type Calendar } from './calendar';
import { exchanges as appExchanges, type ExchangeService } from './exchanges';
import { exchangeFacts, unitLabel } from './impact';
import { ledger as appLedger, type LedgerBook } from './ledger';
import { buergerbudgetResults } from './participation/results';

/** The figures the quarter shows (unknown ids from older settings are dropped). */
export function publicFigures(quarter: Quarter): BilanzFigureId[] {
	return quarter.settings.publicReportFigures.filter(isBilanzFigure);
}

export class BilanzService {
	constructor(
		private readonly ledger: LedgerBook = appLedger,
		private readonly exchanges: ExchangeService = appExchanges,
		private readonly calendar: Calendar = appCalendar
	) {}

	async report(quarter: Quarter, year: number, now: Date): Promise<Bilanz> {
		const [entries, records, memberships, events, seats, lines, euroGrants, rounds] =
			await Promise.all([
				this.ledger.entries(quarter.id),
				this.exchanges.recordsOfQuarter(quarter.id),
				listMembershipsOfQuarter(quarter.id),
				// Every event counts, the members' too; only counts leave here, no titles.
				this.calendar.list(quarter, { userId: null, member: true, moderator: true }),
				listQuarterSeats(quarter.id),
				listBudgetLines(quarter.id),
				listQuarterEuroGrants(quarter.id),
				buergerbudgetResults(quarter, year, now)
			]);
		const attendees = new Map<string, string[]>();
		for (const s of seats)
			attendees.set(s.eventId, [...(attendees.get(s.eventId) ?? []), s.userId]);
		return computeBilanz({
			year,
			now,
			timeZone: quarter.settings.timeZone,
			publicFigures: publicFigures(quarter),
			ledger: entries,
			exchanges: exchangeFacts(records),
			memberships,
			events: events.map((e) => ({
				id: e.id,
				kind: e.details.kind,
				status: e.status,
				startsAt: e.details.startsAt,
				attendees: attendees.get(e.id) ?? []
			})),
			budgetLines: lines.map((l) => ({ id: l.id, name: l.name })),
			euroGrants: euroGrants.map((g) => ({
				lineId: g.lineId,
				cents: g.cents,
				paidOn: g.paidOn,
				userId: g.recipient.type === 'member' ? g.recipient.userId : null
			})),
			rounds: rounds.map((r) => ({
				id: r.roundId,
				title: r.title,
				proposals: r.proposals,
				voters: r.voters,
				winners: r.rows
					.filter((row) => row.won)
					.map((row) => ({ title: row.title, votes: row.votes }))
			}))
		});
	}

	/** One row per shown number: the year's figures, then month by month, then the tables'
	 * rows. Suppressed cells say "< 5", as on the page. */
	csv(report: Bilanz, locale: Locale): string {
		const rows: (string | number)[][] = [
			[
				m.bilanz_csv_section({}, { locale }),
				m.impact_csv_figure({}, { locale }),
				m.bilanz_csv_period({}, { locale }),
				m.bilanz_csv_breakdown({}, { locale }),
				m.impact_csv_value({}, { locale }),
				m.impact_csv_unit({}, { locale })
			]
		];
		const value = (cell: Parameters<typeof cellText>[0]) =>
			cell.kind === 'value' ? cell.value : cellText(cell, String);
		for (const section of report.sections) {
			const name = sectionLabel(section.id, locale);
			const unitOf = (id: BilanzFigureId) =>
				unitLabel(section.figures.find((f) => f.id === id)?.unit ?? 'count', locale);
			for (const f of section.figures) {
				rows.push([
					name,
					bilanzFigureLabel(f.id, locale),
					report.year,
					'',
					value(f.cell),
					unitOf(f.id)
				]);
			}
			for (const f of section.monthly) {
				f.cells.forEach((cell, i) => {
					rows.push([
						name,
						bilanzFigureLabel(f.id, locale),
						report.months[i]!,
						'',
						value(cell),
						unitLabel(f.unit, locale)
					]);
				});
			}
			for (const t of section.tables) {
				for (const r of t.rows) {
					t.columns.forEach((c, i) => {
						rows.push([
							name,
							bilanzFigureLabel(c, locale),
							report.year,
							rowLabel(t.id, r.label, locale),
							value(r.cells[i]!),
							unitOf(c)
						]);
					});
				}
			}
		}
		return toCsv(rows, locale);
	}
}

const FIGURE_LABELS: Record<BilanzFigureId, (locale: Locale) => string> = {
	hours: (locale) => m.bilanz_figure_hours({}, { locale }),
	exchanges: (locale) => m.bilanz_figure_exchanges({}, { locale }),
	newContacts: (locale) => m.bilanz_figure_new_contacts({}, { locale }),
	members: (locale) => m.bilanz_figure_members({}, { locale }),
	newMembers: (locale) => m.bilanz_figure_new_members({}, { locale }),
	events: (locale) => m.bilanz_figure_events({}, { locale }),
	attendance: (locale) => m.bilanz_figure_attendance({}, { locale }),
	budgetHours: (locale) => m.bilanz_figure_budget_hours({}, { locale }),
	budgetEuros: (locale) => m.bilanz_figure_budget_euros({}, { locale }),
	roundProposals: (locale) => m.bilanz_figure_round_proposals({}, { locale }),
	roundVoters: (locale) => m.bilanz_figure_round_voters({}, { locale }),
	roundVotes: (locale) => m.bilanz_figure_round_votes({}, { locale })
};

export function bilanzFigureLabel(id: BilanzFigureId, locale: Locale): string {
	return FIGURE_LABELS[id](locale);
}

const SECTION_LABELS: Record<BilanzSectionId, (locale: Locale) => string> = {
	exchange: (locale) => m.bilanz_section_exchange({}, { locale }),
	members: (locale) => m.bilanz_section_members({}, { locale }),
	events: (locale) => m.bilanz_section_events({}, { locale }),
	budgetRounds: (locale) => m.bilanz_section_budget_rounds({}, { locale }),
	budget: (locale) => m.bilanz_section_budget({}, { locale })
};

export function sectionLabel(id: BilanzSectionId, locale: Locale): string {
	return SECTION_LABELS[id](locale);
}

const KIND_LABELS: Record<string, (locale: Locale) => string> = {
	festival: (locale) => m.event_kind_festival({}, { locale }),
	conference: (locale) => m.event_kind_conference({}, { locale }),
	forum: (locale) => m.event_kind_forum({}, { locale }),
	repair_cafe: (locale) => m.event_kind_repair_cafe({}, { locale }),
	meeting: (locale) => m.event_kind_meeting({}, { locale }),
	other: (locale) => m.event_kind_other({}, { locale })
};

/** A table row's label: an event kind in the reader's language, a budget line by its name. */
export function rowLabel(table: string, label: string, locale: Locale): string {
	if (table === 'eventKinds') return (KIND_LABELS[label] ?? KIND_LABELS.other!)(locale);
	return label;
}

export const bilanz = new BilanzService();
