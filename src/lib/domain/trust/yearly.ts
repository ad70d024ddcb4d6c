// The Jahresübersicht (issue 16 item 6): a member's hours and euros of one calendar year in one
// quarter, and the plain tax hints that follow from them. Pure: the records come in, figures and
// hints go out. Euros count in the year they arrived (Zuflussprinzip, § 11 EStG), hours in the
// year they were booked, both on the quarter's clock. Amounts in cents, hours in minutes.
// The hints are information, not tax advice.
import { refundStates } from '../exchanges/euro-moves';
import type { Exchange } from '../exchanges/exchange';
import type { AccountId, LedgerEntry } from '../ledger/ledger';
import { dayOf } from '../time/zone';
import { thresholdForYear, type ThresholdId } from './thresholds';

export interface YearlyFigures {
	year: number;
	/** Minutes booked to the member for help they gave (exchanges in hours, less reversals). */
	minutesGiven: number;
	/** Minutes booked from the member for help they received. */
	minutesReceived: number;
	/** Euros the member received as provider, by card through the platform, less refunds. */
	cardCents: number;
	/** Euros the member said they received in cash (or by bank transfer). */
	cashCents: number;
	/** Platform fees kept from the member's card payments. */
	feeCents: number;
	/** Exchanges settled in the year in which the member took part (hours, euros or free). */
	exchanges: number;
	/** Of those, the ones the member was paid euros for. */
	paidExchanges: number;
}

export interface YearlyInput {
	year: number;
	timeZone: string;
	userId: string;
	/** The entries of the member's time account (any years). */
	entries: readonly Pick<
		LedgerEntry,
		'seq' | 'from' | 'to' | 'minutes' | 'kind' | 'at' | 'reverses'
	>[];
	/** The exchanges of the member's quarter in which the member may be a party (any years). */
	exchanges: readonly Pick<Exchange, 'providerId' | 'receiverId' | 'timeline'>[];
}

/** The figures of one year. */
export function yearlyFigures(input: YearlyInput): YearlyFigures {
	const { year, timeZone, userId } = input;
	const inYear = (at: Date) => dayOf(at, timeZone).slice(0, 4) === String(year);
	const account: AccountId = `member:${userId}`;
	const figures: YearlyFigures = {
		year,
		minutesGiven: 0,
		minutesReceived: 0,
		cardCents: 0,
		cashCents: 0,
		feeCents: 0,
		exchanges: 0,
		paidExchanges: 0
	};

	const bySeq = new Map(input.entries.map((e) => [e.seq, e]));
	for (const entry of input.entries) {
		if (!inYear(entry.at)) continue;
		if (entry.kind === 'exchange') {
			if (entry.to === account) figures.minutesGiven += entry.minutes;
			if (entry.from === account) figures.minutesReceived += entry.minutes;
		} else if (entry.kind === 'reversal' && entry.reverses !== undefined) {
			// A reversal of an exchange's transfer undoes it in the year it is booked.
			if (bySeq.get(entry.reverses)?.kind !== 'exchange') continue;
			if (entry.from === account) figures.minutesGiven -= entry.minutes;
			if (entry.to === account) figures.minutesReceived -= entry.minutes;
		}
	}

	for (const exchange of input.exchanges) {
		const provider = exchange.providerId === userId;
		if (!provider && exchange.receiverId !== userId) continue;
		let paidThisYear = false;
		for (const t of exchange.timeline) {
			if (!inYear(t.at)) continue;
			if (t.toState === 'settled' && t.fromState !== 'settled') figures.exchanges++;
			if (!provider) continue;
			if (t.move === 'cardPaid' && t.amountCents) {
				figures.cardCents += t.amountCents;
				figures.feeCents += t.feeCents ?? 0;
				paidThisYear = true;
			}
			if (t.move === 'cashPaid' && t.amountCents && t.toState === 'settled') {
				figures.cashCents += t.amountCents;
				paidThisYear = true;
			}
		}
		if (!provider) continue;
		// Refunds given back (not failed ones) lower the year's card receipts when they left.
		for (const t of exchange.timeline) {
			if (t.move !== 'refund' || !t.reference || !inYear(t.at)) continue;
			const refund = refundStates(exchange).get(t.reference);
			if (refund && refund.state !== 'failed' && !refund.late)
				figures.cardCents -= refund.amountCents;
		}
		if (paidThisYear) figures.paidExchanges++;
	}
	return figures;
}

/** Euros received in the year, card and cash together, before fees. */
export function eurosReceived(f: Pick<YearlyFigures, 'cardCents' | 'cashCents'>): number {
	return f.cardCents + f.cashCents;
}

/** From this share of a limit on, a member is "approaching" it and told once. A platform
 * choice, not law: early enough to act, late enough not to alarm people with small sums. */
export const APPROACH_SHARE_PERCENT = 80;

export type HintLevel = 'info' | 'approaching' | 'reached';

export type HintKind = 'services_income' | 'trade' | 'small_business' | 'time_bank_hours';

export interface TaxHint {
	kind: HintKind;
	level: HintLevel;
	/** The threshold the hint compares with, if any, with its value for the year. */
	threshold: { id: ThresholdId; valueCents: number } | null;
}

function levelOf(amountCents: number, limitCents: number, reachedWhenEqual: boolean): HintLevel {
	if (amountCents > limitCents || (reachedWhenEqual && amountCents === limitCents))
		return 'reached';
	if (amountCents * 100 >= limitCents * APPROACH_SHARE_PERCENT) return 'approaching';
	return 'info';
}

/**
 * The hints for a year's figures. `business`: the member is a business member (Betrieb): its
 * sales are business income anyway, so the § 22 Nr. 3 hint is left out and the trade hint is
 * about registering, not about becoming one.
 */
export function taxHints(figures: YearlyFigures, business: boolean): TaxHint[] {
	const hints: TaxHint[] = [];
	const euros = eurosReceived(figures);
	if (euros > 0 && !business) {
		// § 22 Nr. 3 Satz 2 EStG: "weniger als 256 Euro": at 256 € the whole sum is taxable.
		const limit = thresholdForYear('income.services.exemption_limit', figures.year);
		hints.push({
			kind: 'services_income',
			level: levelOf(euros, limit, true),
			threshold: { id: 'income.services.exemption_limit', valueCents: limit }
		});
	}
	if (euros > 0) {
		// No amount makes a trade: regular paid work with the aim of profit does (§ 15 Abs. 2 EStG).
		hints.push({
			kind: 'trade',
			level: figures.paidExchanges >= 2 && !business ? 'approaching' : 'info',
			threshold: null
		});
		// § 19 Abs. 1 UStG: the previous-year limit ("nicht überschritten").
		const limit = thresholdForYear('vat.small_business.previous_year', figures.year);
		hints.push({
			kind: 'small_business',
			level: levelOf(euros, limit, false),
			threshold: { id: 'vat.small_business.previous_year', valueCents: limit }
		});
	}
	if (figures.minutesGiven > 0 || figures.minutesReceived > 0) {
		hints.push({ kind: 'time_bank_hours', level: 'info', threshold: null });
	}
	return hints;
}

/** The hints a member is told about once per year (a notification): approaching or reached. */
export function hintsToAnnounce(hints: readonly TaxHint[]): TaxHint[] {
	return hints.filter((h) => h.threshold !== null && h.level !== 'info');
}
