// The impact dashboard of one quarter: reads each collection it needs once (the ledger through
// the ledger book, the quarter's exchanges from the exchange service, its requests from the listing book, its
// conversations and memberships), hands them to the pure figures in domain/impact and turns the
// report into CSV. Names never leave this module: the figures hold counts and sums only.
import {
	cellText,
	computeImpact,
	participationRows,
	type ParticipationRow,
	type ExchangeFact,
	type Figure,
	type ImpactReport,
	type MonthKey
} from '../../domain/impact';
import type { ExchangeRecord } from '../../domain/exchanges/log';
import { categoryLabel } from '../../domain/listings/categories';
import { toCsv } from '../../domain/ledger/csv';
import * as m from '../../paraglide/messages';
import { listConversationsOfQuarter } from '../repos/conversations';
import { listMembershipsOfQuarter } from '../repos/memberships';
import type { Quarter } from '../repos/quarters';
import { exchanges as appExchanges, type ExchangeService } from './exchanges';
import { ledger as appLedger, type LedgerBook } from './ledger';
import { listingBook } from './listing-book';
import { roundResults } from './participation/results';

import type { Locale } from '../../domain/locale';

/** A quarter's exchange records as the figures need them. */
export function exchangeFacts(
	records: Array<{ id: string; record: ExchangeRecord }>
): ExchangeFact[] {
	return records.map(({ id, record }) => {
		const e = record.exchange;
		const proposal = e.timeline[0]!;
		return {
			id,
			providerId: e.providerId,
			receiverId: e.receiverId,
			listingId: e.listingId,
			settlement: e.settlement,
			state: e.state,
			proposedAt: proposal.at,
			proposedBy: proposal.by,
			settledAt: e.timeline.find((t) => t.toState === 'settled')?.at ?? null,
			payment: e.payment ? { method: e.payment.method, amountCents: e.payment.amountCents } : null,
			refundedCents: e.refundedCents
		};
	});
}

export class ImpactService {
	constructor(
		private readonly ledger: LedgerBook = appLedger,
		private readonly exchanges: ExchangeService = appExchanges
	) {}

	async report(quarter: Quarter, period: { from: MonthKey; to: MonthKey }, now: Date) {
		const [entries, records, requests, conversations, memberships] = await Promise.all([
			this.ledger.entries(quarter.id),
			this.exchanges.recordsOfQuarter(quarter.id),
			listingBook.facts(
				(l) => l.quarterId === quarter.id && l.kind === 'request' && l.publishedAt !== null
			),
			listConversationsOfQuarter(quarter.id),
			listMembershipsOfQuarter(quarter.id)
		]);
		return computeImpact({
			...period,
			now,
			timeZone: quarter.settings.timeZone,
			ledger: entries,
			exchanges: exchangeFacts(records),
			memberships,
			requests: requests.map((l) => ({
				id: l.id,
				authorId: l.authorId,
				category: l.category,
				publishedAt: l.publishedAt!
			})),
			conversations
		});
	}

	/** Participation in the Bürgerbudget: one row per finished round. */
	async participation(quarter: Quarter, now: Date): Promise<ParticipationRow[]> {
		return participationRows(await roundResults.participationFigures(quarter, now));
	}

	/** One row per figure, series and month; suppressed cells say "< 5", unknown ones are empty. */
	csv(quarter: Quarter, report: ImpactReport, locale: Locale, figure?: string): string {
		const rows: (string | number)[][] = [
			[
				m.impact_csv_figure({}, { locale }),
				m.impact_csv_series({}, { locale }),
				m.impact_csv_month({}, { locale }),
				m.impact_csv_value({}, { locale }),
				m.impact_csv_unit({}, { locale })
			]
		];
		for (const f of report.figures) {
			if (figure && f.id !== figure) continue;
			for (const s of f.series) {
				s.cells.forEach((cell, i) => {
					rows.push([
						figureLabel(f.id, locale),
						seriesLabel(quarter, s.id, locale),
						report.months[i]!,
						cell.kind === 'value' ? cell.value : cellText(cell, String),
						unitLabel(f.unit, locale)
					]);
				});
			}
		}
		return toCsv(rows, locale);
	}
}

const FIGURE_LABELS: Record<Figure['id'], (locale: Locale) => string> = {
	hours: (locale) => m.impact_figure_hours({}, { locale }),
	euros: (locale) => m.impact_figure_euros({}, { locale }),
	exchanges: (locale) => m.impact_figure_exchanges({}, { locale }),
	active: (locale) => m.impact_figure_active({}, { locale }),
	newMembers: (locale) => m.impact_figure_new_members({}, { locale }),
	newContacts: (locale) => m.impact_figure_new_contacts({}, { locale }),
	reciprocity: (locale) => m.impact_figure_reciprocity({}, { locale }),
	unmetDemand: (locale) => m.impact_figure_unmet_demand({}, { locale }),
	firstResponse: (locale) => m.impact_figure_first_response({}, { locale }),
	retention: (locale) => m.impact_figure_retention({}, { locale }),
	businessTurnover: (locale) => m.impact_figure_business_turnover({}, { locale })
};

export function figureLabel(id: Figure['id'], locale: Locale): string {
	return FIGURE_LABELS[id](locale);
}

export function seriesLabel(quarter: Quarter, id: string, locale: Locale): string {
	if (id === 'card') return m.impact_series_card({}, { locale });
	if (id === 'cash') return m.impact_series_cash({}, { locale });
	if (id === 'total') return m.impact_series_total({}, { locale });
	return categoryLabel(quarter.categories, id, locale);
}

export function unitLabel(unit: Figure['unit'], locale: Locale): string {
	switch (unit) {
		case 'hours':
			return m.impact_unit_hours({}, { locale });
		case 'euros':
			return m.impact_unit_euros({}, { locale });
		case 'percent':
			return m.impact_unit_percent({}, { locale });
		case 'count':
			return m.impact_unit_count({}, { locale });
	}
}

export const impact = new ImpactService();
