// Quarter (Sozialraum) settings and their rules. Time-bank amounts are integer minutes.
import { DEFAULT_PUBLIC_FIGURES, type BilanzFigureId } from '../bilanz/bilanz';
import { DEFAULT_TIME_ZONE } from '../time/zone';
import { DEFAULT_TRUST_SETTINGS, trustWithDefaults, type TrustSettings } from '../trust/settings';

export interface TimeBankLimits {
	/** Lowest allowed balance of a member's time account, in minutes (<= 0). */
	minBalanceMinutes: number;
	/** Highest allowed balance of a member's time account, in minutes (>= 0). */
	maxBalanceMinutes: number;
}

export interface QuarterSettings {
	/** New members wait as `pending` until the quarter management approves them. */
	memberApproval: boolean;
	/** New listings wait for the quarter management before they are published. */
	listingPreModeration: boolean;
	timeBank: TimeBankLimits;
	/** Days a listing stays up before it expires (renewable). */
	listingExpiryDays: number;
	/** A resident with this many paid offers is told about the business role; 0 turns it off. */
	paidOfferHintThreshold: number;
	/** Days after `done` until an exchange the receiver neither confirmed nor disputed settles. */
	autoSettleAfterDays: number;
	/** Minutes a new member receives from the community account; 0 turns it off. */
	startCreditMinutes: number;
	/** Platform fee on card payments in basis points (150 = 1.5 %); 0 turns it off
	 * (domain/payments/fee.ts). */
	platformFeeBasisPoints: number;
	/** The most the platform fee takes from one card payment, in cents. */
	platformFeeCapCents: number;
	/** IANA time zone of the quarter's calendar days (domain/time/zone.ts isTimeZone). */
	timeZone: string;
	/** The figures the public Quartiersbilanz shows (domain/bilanz), chosen by the management. */
	publicReportFigures: BilanzFigureId[];
	/** Vetting, licensed work, minors, liability insurance (domain/trust/settings.ts). */
	trust: TrustSettings;
}

export const DEFAULT_QUARTER_SETTINGS: QuarterSettings = {
	memberApproval: true,
	listingPreModeration: true,
	timeBank: { minBalanceMinutes: -10 * 60, maxBalanceMinutes: 40 * 60 },
	listingExpiryDays: 60,
	paidOfferHintThreshold: 3,
	autoSettleAfterDays: 14,
	startCreditMinutes: 120,
	platformFeeBasisPoints: 0,
	platformFeeCapCents: 500,
	timeZone: DEFAULT_TIME_ZONE,
	publicReportFigures: [...DEFAULT_PUBLIC_FIGURES],
	trust: DEFAULT_TRUST_SETTINGS
};

/** Settings saved before a field existed get its default. */
export function withDefaults(saved: Partial<QuarterSettings>): QuarterSettings {
	return { ...DEFAULT_QUARTER_SETTINGS, ...saved, trust: trustWithDefaults(saved.trust) };
}

/** The largest limit we accept either way: 1000 hours. */
export const MAX_LIMIT_MINUTES = 1000 * 60;

export type LimitsProblem = 'not_integer' | 'min_positive' | 'max_negative' | 'too_large';

export function checkTimeBankLimits(limits: TimeBankLimits): LimitsProblem | null {
	const { minBalanceMinutes: min, maxBalanceMinutes: max } = limits;
	if (!Number.isInteger(min) || !Number.isInteger(max)) return 'not_integer';
	if (min > 0) return 'min_positive';
	if (max < 0) return 'max_negative';
	if (-min > MAX_LIMIT_MINUTES || max > MAX_LIMIT_MINUTES) return 'too_large';
	return null;
}

/** Slugs are the quarter's id in URLs and in the database: lowercase ASCII, digits and dashes.
 * German letters are spelled out as Germans do (ä -> ae, ß -> ss), other accents are dropped. */
export function slugify(name: string): string {
	return name
		.normalize('NFC')
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, 48)
		.replace(/^-+|-+$/g, '');
}
