// PStTG / DAC7 (issue 16 item 7): which sellers the operator reports to the BZSt for a year,
// what is counted about them, which seller data the law asks for, and when reminders are due
// and euro sales pause (§ 23 PStTG). Pure: the service feeds it exchange records, seller data
// and the operator's setting. The texts built on it are information, not legal or tax advice.
import { dayOf } from '../time/zone';
import { thresholdValue } from '../trust/thresholds';

// ── The operator's setting ─────────────────────────────────────────────────────────────────

export interface Dac7Settings {
	/** Whether hours of the time bank count as consideration (Vergütung, § 5 Abs. 2 PStTG).
	 * Off by default: hours are not money (docs/trust-and-tax.md, section 7). */
	hoursAreConsideration: boolean;
	/** The euro value of one hour when hours count, in cents (the operator decides). */
	hourValueCents: number;
	/** The reporting platform operator (§ 14 Abs. 1 PStTG), printed in the report's head. */
	operatorName: string;
	operatorAddress: string;
	/** The operator's tax number or tax identification number. */
	operatorTin: string;
}

export const DEFAULT_DAC7_SETTINGS: Dac7Settings = {
	hoursAreConsideration: false,
	hourValueCents: 0,
	operatorName: '',
	operatorAddress: '',
	operatorTin: ''
};

// ── Seller data (§ 17 PStTG) ───────────────────────────────────────────────────────────────

/** A natural person (also a sole trader) or an entity (GmbH, Verein, GbR …). */
export type SellerKind = 'individual' | 'entity';

/** The seller data kept for the report, one insert-only version per change. An entity's legal
 * name, address and register number are its trader identity (domain/legal/trader.ts): they
 * are not asked twice. */
export interface SellerTaxData {
	userId: string;
	seq: number;
	kind: SellerKind;
	/** Individuals: first and last name, date of birth (YYYY-MM-DD), postal address. */
	firstName: string;
	lastName: string;
	birthDate: string;
	address: string;
	/** Tax identification number (individuals: Steuer-ID; entities: Steuernummer) and the
	 * state that issued it (ISO 3166 alpha-2). */
	tin: string;
	tinCountry: string;
	/** USt-IdNr., where one was issued. */
	vatId: string;
	at: Date;
}

export type SellerTaxDetails = Omit<SellerTaxData, 'userId' | 'seq' | 'at'>;

/** The part of the trader identity an entity's report uses. */
export interface EntityIdentity {
	legalName: string;
	address: string;
	registerNumber: string;
}

export type SellerField =
	| 'kind'
	| 'firstName'
	| 'lastName'
	| 'birthDate'
	| 'address'
	| 'tin'
	| 'tinCountry'
	| 'legalName'
	| 'traderAddress';

const blank = (text: string | undefined | null) => !text || text.trim() === '';

/** What the report still lacks about this seller; empty when complete. */
export function missingSellerFields(
	data: SellerTaxDetails | null,
	trader: EntityIdentity | null
): SellerField[] {
	if (!data) return ['kind'];
	const missing: SellerField[] = [];
	if (data.kind === 'individual') {
		if (blank(data.firstName)) missing.push('firstName');
		if (blank(data.lastName)) missing.push('lastName');
		if (!/^\d{4}-\d{2}-\d{2}$/.test(data.birthDate)) missing.push('birthDate');
		if (blank(data.address)) missing.push('address');
	} else {
		if (blank(trader?.legalName)) missing.push('legalName');
		if (blank(trader?.address)) missing.push('traderAddress');
	}
	if (blank(data.tin)) missing.push('tin');
	if (!/^[A-Z]{2}$/.test(data.tinCountry)) missing.push('tinCountry');
	return missing;
}

/** The next version, or null when nothing changed (a form sent twice stores one version). */
export function nextSellerTaxData(
	current: SellerTaxData | null,
	userId: string,
	details: SellerTaxDetails,
	seq: number,
	at: Date
): SellerTaxData | null {
	if (current) {
		const keys = Object.keys(details) as (keyof SellerTaxDetails)[];
		if (keys.every((k) => current[k] === details[k])) return null;
	}
	return { userId, seq, ...details, at };
}

// ── Counting (§ 14 Abs. 2 Nr. 6–8 PStTG) ───────────────────────────────────────────────────

/** One settled exchange as the counting sees it (built from the exchange records). */
export interface SaleFact {
	exchangeId: string;
	quarterId: string;
	/** The provider: who did the work and received the consideration. */
	sellerId: string;
	settledAt: Date;
	settlement: 'euros' | 'hours';
	/** Euros: the amount paid, the platform fee kept from it, the part refunded. */
	amountCents: number;
	feeCents: number;
	refundedCents: number;
	/** Hours: the minutes booked to the provider. */
	minutes: number;
}

/** Four numbers, one per quarter of the calendar year (Q1 … Q4). */
export type PerQuarter = [number, number, number, number];

export interface Figures {
	activities: PerQuarter;
	/** Consideration paid or credited, net of the platform's fees (§ 5 Abs. 2 PStTG). */
	considerationCents: PerQuarter;
	/** Fees the platform kept. */
	feesCents: PerQuarter;
}

export interface SellerYear {
	sellerId: string;
	year: number;
	/** The figures per quarter of the app (Quartier) and in total. */
	byQuarter: Record<string, Figures>;
	total: Figures;
	/** Of the activities: how many were paid in euros and how many in hours. */
	euroActivities: number;
	hourActivities: number;
}

const zero = (): PerQuarter => [0, 0, 0, 0];
const emptyFigures = (): Figures => ({
	activities: zero(),
	considerationCents: zero(),
	feesCents: zero()
});

/** The calendar quarter (0–3) and year of an instant on the operator's clock. */
export function calendarQuarterOf(at: Date, timeZone: string): { year: number; q: number } {
	const day = dayOf(at, timeZone);
	return { year: Number(day.slice(0, 4)), q: Math.floor((Number(day.slice(5, 7)) - 1) / 3) };
}

/**
 * Relevant activities and consideration per seller in `year`, per Quartier and in total,
 * split by quarter of the year. Euro exchanges for personal services always count (the
 * exclusion of small sellers in § 4 Abs. 5 PStTG is for sales of goods only); a sale refunded
 * in full has no consideration and is not counted. Hours count only when the operator says
 * so, valued at the operator's hour value. Sellers without any activity are left out.
 */
export function countDac7(
	facts: readonly SaleFact[],
	year: number,
	settings: Pick<Dac7Settings, 'hoursAreConsideration' | 'hourValueCents'>,
	timeZone: string
): SellerYear[] {
	const sellers = new Map<string, SellerYear>();
	const seen = new Set<string>();
	for (const fact of facts) {
		if (seen.has(fact.exchangeId)) continue; // the same exchange read twice counts once
		const when = calendarQuarterOf(fact.settledAt, timeZone);
		if (when.year !== year) continue;
		let consideration: number;
		let fee = 0;
		if (fact.settlement === 'euros') {
			const paid = fact.amountCents - fact.refundedCents;
			if (paid <= 0) continue;
			fee = Math.min(fact.feeCents, paid);
			consideration = paid - fee;
		} else {
			if (!settings.hoursAreConsideration || fact.minutes <= 0) continue;
			consideration = Math.round((fact.minutes * settings.hourValueCents) / 60);
		}
		seen.add(fact.exchangeId);
		let seller = sellers.get(fact.sellerId);
		if (!seller) {
			seller = {
				sellerId: fact.sellerId,
				year,
				byQuarter: {},
				total: emptyFigures(),
				euroActivities: 0,
				hourActivities: 0
			};
			sellers.set(fact.sellerId, seller);
		}
		const inQuarter = (seller.byQuarter[fact.quarterId] ??= emptyFigures());
		for (const figures of [inQuarter, seller.total]) {
			figures.activities[when.q]! += 1;
			figures.considerationCents[when.q]! += consideration;
			figures.feesCents[when.q]! += fee;
		}
		if (fact.settlement === 'euros') seller.euroActivities++;
		else seller.hourActivities++;
	}
	return [...sellers.values()].sort((a, b) => a.sellerId.localeCompare(b.sellerId));
}

export const sum = (values: PerQuarter): number => values[0] + values[1] + values[2] + values[3];

/**
 * Whether the goods exclusion of § 4 Abs. 5 PStTG would leave this seller out. Every activity
 * here is a personal service, so it never does; kept as a rule so that the test can say so,
 * and so that a future sale of goods has its place.
 */
export function excludedAsSmallGoodsSeller(
	seller: SellerYear,
	kind: 'services' | 'goods'
): boolean {
	if (kind === 'services') return false;
	const day = `${seller.year}-12-31`;
	return (
		sum(seller.total.activities) < thresholdValue('dac7.goods_exclusion.sales', day) &&
		sum(seller.total.considerationCents) <=
			thresholdValue('dac7.goods_exclusion.consideration', day)
	);
}

// ── Reminders and the pause (§ 23 PStTG) ───────────────────────────────────────────────────

/** The mails of the procedure, in order: the request, two reminders, the pause. */
export const NOTICE_KINDS = ['request', 'reminder1', 'reminder2', 'paused'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The days after the request at which each mail is due: the two reminders spread over the
 * first 60 days; the pause on the earliest day § 23 allows, after both reminders. */
export function noticeSchedule(day: string): Record<NoticeKind, number> {
	const earliest = thresholdValue('dac7.enforcement.earliest_days', day);
	return {
		request: 0,
		reminder1: Math.round(earliest / 3),
		reminder2: Math.round((2 * earliest) / 3),
		paused: earliest
	};
}

export interface SellerDataState {
	complete: boolean;
	/** When the seller was first asked: their first euro exchange as provider. */
	requestedAt: Date | null;
	/** The mails already sent. */
	sent: ReadonlySet<NoticeKind>;
}

export interface SellerDataStep {
	/** The mail due now, if any (one at a time, in order). */
	due: NoticeKind | null;
	/** Euro sales are paused: data missing after both reminders and 60 days. */
	paused: boolean;
	/** When euro sales pause if the data is still missing (null: complete or not asked). */
	pauseFrom: Date | null;
}

/** What the procedure asks for now. Complete data ends it, and lifts a pause at once. */
export function sellerDataStep(state: SellerDataState, now: Date): SellerDataStep {
	if (state.complete || !state.requestedAt) return { due: null, paused: false, pauseFrom: null };
	const schedule = noticeSchedule(dayOf(state.requestedAt, 'UTC'));
	const dueAt = (kind: NoticeKind) =>
		new Date(state.requestedAt!.getTime() + schedule[kind] * DAY_MS);
	const pauseFrom = dueAt('paused');
	const paused = state.sent.has('reminder2') && now >= pauseFrom;
	let due: NoticeKind | null = null;
	for (const kind of NOTICE_KINDS) {
		if (state.sent.has(kind)) continue;
		if (kind === 'paused' ? paused : now >= dueAt(kind)) due = kind;
		break;
	}
	return { due, paused, pauseFrom };
}

/** Whether a euro sale by this seller may be proposed: the one rule the exchange service asks. */
export function euroSaleAllowed(step: SellerDataStep): boolean {
	return !step.paused;
}

/** In January (on the operator's clock): the year whose figures each seller is told about now
 * (§ 22 Abs. 2 PStTG: by 31 January). Null in the other months. */
export function copyYearDue(now: Date, timeZone: string): number | null {
	const day = dayOf(now, timeZone);
	return day.slice(5, 7) === '01' ? Number(day.slice(0, 4)) - 1 : null;
}

// ── Retention (§ 24 Abs. 3 PStTG) ───────────────────────────────────────────────────────────

/** The first day seller data may be deleted after an account was deleted on `deletedAt`: the
 * records of the last reported year are kept ten full years after that year. */
export function sellerDataKeptUntil(deletedAt: Date): Date {
	const years = thresholdValue('dac7.retention.years', dayOf(deletedAt, 'UTC'));
	return new Date(Date.UTC(deletedAt.getUTCFullYear() + years + 1, 0, 1));
}
