// The Jahresübersicht (issue 16 item 6, docs/trust-and-tax.md section 6): a member's figures of
// one year from the ledger and the exchanges' payment records (domain/trust/yearly.ts), with
// the tax hints of the dated table, as a page and a CSV. A resident approaching a threshold is
// told once per year and threshold: a notification behind `claimOnce`, an insert under a unique
// key, so a second server or a second run tells nobody twice.
import { memberAccount } from '../../domain/ledger/ledger';
import { minutesToDecimalHours, toCsv } from '../../domain/ledger/csv';
import type { Locale } from '../../domain/locale';
import { dayOf } from '../../domain/time/zone';
import {
	eurosReceived,
	hintsToAnnounce,
	taxHints,
	yearlyFigures,
	type TaxHint,
	type YearlyFigures
} from '../../domain/trust/yearly';
import * as m from '../../paraglide/messages';
import { findMembership, listMembershipsOfQuarter } from '../repos/memberships';
import { listQuarters } from '../repos/quarters';
import type { Quarter } from '../repos/quarters';
import { claimOnce } from '../repos/tokens';
import { exchanges, type ExchangeService } from './exchanges';
import { ledger } from './ledger';
import { notifications } from './notifications';

export type { TaxHint, YearlyFigures };

export interface YearlyStatement {
	figures: YearlyFigures;
	hints: TaxHint[];
	business: boolean;
	/** Years with figures to choose from, newest first (always includes the current year). */
	years: number[];
}

/** The first year the quarter's records can hold, and the current one on its clock. */
export function currentYear(quarter: Pick<Quarter, 'settings'>, now: Date): number {
	return Number(dayOf(now, quarter.settings.timeZone).slice(0, 4));
}

type Records = Awaited<ReturnType<ExchangeService['recordsOfQuarter']>>;

async function figuresOf(
	quarter: Quarter,
	userId: string,
	year: number,
	records: Records
): Promise<{ figures: YearlyFigures; firstYear: number }> {
	const entries = await ledger.entriesOf(quarter.id, memberAccount(userId));
	const mine = records
		.map((r) => r.record.exchange)
		.filter((e) => e.providerId === userId || e.receiverId === userId);
	const zone = quarter.settings.timeZone;
	const firstDates = [
		...entries.map((e) => e.at),
		...mine.flatMap((e) => (e.timeline[0] ? [e.timeline[0].at] : []))
	];
	const firstYear = firstDates.length
		? Math.min(...firstDates.map((d) => Number(dayOf(d, zone).slice(0, 4))))
		: year;
	return {
		figures: yearlyFigures({ year, timeZone: zone, userId, entries, exchanges: mine }),
		firstYear
	};
}

/** A member's Jahresübersicht; null when they are not a member of the quarter. */
export async function yearlyStatement(
	quarter: Quarter,
	userId: string,
	year: number,
	now = new Date()
): Promise<YearlyStatement | null> {
	const membership = await findMembership(quarter.id, userId);
	if (!membership || membership.state === 'declined' || membership.state === 'pending') return null;
	const records = await exchanges.recordsOfQuarter(quarter.id);
	const { figures, firstYear } = await figuresOf(quarter, userId, year, records);
	const business = membership.role === 'business';
	const thisYear = currentYear(quarter, now);
	const years: number[] = [];
	for (let y = thisYear; y >= Math.min(firstYear, thisYear - 1); y--) years.push(y);
	return { figures, hints: taxHints(figures, business), business, years };
}

/** The Jahresübersicht as CSV rows: what, value (hours as decimal hours, euros as euros). */
export function yearlyCsv(statement: YearlyStatement, quarterName: string, locale: Locale): string {
	const f = statement.figures;
	const o = { locale };
	const euros = (cents: number) => Math.round(cents) / 100;
	return toCsv(
		[
			[m.yearly_csv_what({}, o), m.yearly_csv_value({}, o)],
			[m.yearly_quarter({}, o), quarterName],
			[m.yearly_year({}, o), String(f.year)],
			[m.yearly_hours_given({}, o), minutesToDecimalHours(f.minutesGiven)],
			[m.yearly_hours_received({}, o), minutesToDecimalHours(f.minutesReceived)],
			[m.yearly_euros_card({}, o), euros(f.cardCents)],
			[m.yearly_euros_cash({}, o), euros(f.cashCents)],
			[m.yearly_fees({}, o), euros(f.feeCents)],
			[m.yearly_exchanges({}, o), f.exchanges],
			[m.yearly_not_advice_short({}, o), '']
		],
		locale
	);
}

export function yearlyCsvFileName(quarter: Pick<Quarter, 'id'>, year: number, locale: Locale) {
	return `${m.yearly_csv_file({}, { locale })}-${quarter.id}-${year}.csv`;
}

/** The once-key of a hint: per quarter, person, year and threshold. */
export function hintKey(quarterId: string, userId: string, year: number, id: string): string {
	return `tax-hint:${quarterId}:${userId}:${year}:${id}`;
}

/** Tells the member once about each threshold they approach or pass in `year`. */
async function announce(
	quarter: Quarter,
	userId: string,
	year: number,
	hints: readonly TaxHint[],
	now: Date
): Promise<number> {
	let told = 0;
	for (const hint of hintsToAnnounce(hints)) {
		if (!(await claimOnce(hintKey(quarter.id, userId, year, hint.threshold!.id), now))) continue;
		await notifications.notify(
			userId,
			{
				quarterId: quarter.id,
				kind: 'tax',
				exchangeId: null,
				move: hint.threshold!.id,
				actorId: 'system',
				title: String(year),
				minutes: null
			},
			now
		);
		told++;
	}
	return told;
}

/** The job: every resident of every quarter who approaches a threshold this year is told once. */
export async function runTaxHints(now: Date, quarters?: Quarter[]): Promise<{ told: number }> {
	let told = 0;
	for (const quarter of quarters ?? (await listQuarters())) {
		const year = currentYear(quarter, now);
		const records = await exchanges.recordsOfQuarter(quarter.id);
		const paid = new Set(
			records.flatMap((r) =>
				r.record.exchange.settlement === 'euros' ? [r.record.exchange.providerId] : []
			)
		);
		for (const ms of await listMembershipsOfQuarter(quarter.id)) {
			// Only people who were paid euros can approach a euro limit: skip the others early.
			if (ms.state !== 'active' || ms.role === 'business' || !paid.has(ms.userId)) continue;
			const { figures } = await figuresOf(quarter, ms.userId, year, records);
			if (eurosReceived(figures) <= 0) continue;
			told += await announce(quarter, ms.userId, year, taxHints(figures, false), now);
		}
	}
	return { told };
}
