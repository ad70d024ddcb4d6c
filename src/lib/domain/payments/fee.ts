// The platform fee (Stripe's `application_fee_amount`) and the explanation of Stripe's own fee.
// Amounts are integer cents, rates integer basis points (1 bp = 0.01 %): every step is integer
// arithmetic, so no amount ever drifts by a cent through floating point.

/** Stripe's largest amount for a single EUR charge: 999,999.99 €. */
export const MAX_AMOUNT_CENTS = 99_999_999;
/** The highest platform fee a quarter may set: 20 %. */
export const MAX_FEE_BASIS_POINTS = 2_000;
/** The highest cap a quarter may set: 100 €. */
export const MAX_FEE_CAP_CENTS = 10_000;

export interface FeeSettings {
	/** The platform fee in basis points of the amount (150 = 1.5 %); 0 turns it off. */
	platformFeeBasisPoints: number;
	/** The most the platform takes from one payment, in cents. */
	platformFeeCapCents: number;
}

/**
 * The rule: round half up of `amount × bp / 10 000` to whole cents, then at most the cap, and
 * never more than the amount. Computed as `(amount × bp + 5 000) div 10 000` on integers (both
 * factors are at most 10^8 and 10^4, so the product stays far below 2^53).
 */
export function platformFeeCents(amountCents: number, settings: FeeSettings): number {
	checkAmount(amountCents);
	const bp = settings.platformFeeBasisPoints;
	const cap = settings.platformFeeCapCents;
	if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) throw new RangeError(`fee rate ${bp}`);
	if (!Number.isInteger(cap) || cap < 0) throw new RangeError(`fee cap ${cap}`);
	const scaled = amountCents * bp + 5_000;
	const rounded = (scaled - (scaled % 10_000)) / 10_000;
	return Math.min(rounded, cap, amountCents);
}

export interface FeeBreakdown {
	amountCents: number;
	/** What the platform keeps (`application_fee_amount`). */
	platformFeeCents: number;
	/** What is transferred to the seller's connected account: amount − platform fee. */
	payoutCents: number;
	/** Stripe's own fee, estimated (see `stripeFeeEstimateCents`). */
	stripeFeeEstimateCents: number;
}

/** What both sides are shown before paying. With destination charges Stripe takes its fee from
 * the platform's balance, not from the seller: the seller receives amount − platform fee. */
export function feeBreakdown(amountCents: number, settings: FeeSettings): FeeBreakdown {
	const fee = platformFeeCents(amountCents, settings);
	return {
		amountCents,
		platformFeeCents: fee,
		payoutCents: amountCents - fee,
		stripeFeeEstimateCents: stripeFeeEstimateCents(amountCents)
	};
}

/** Stripe's standard price for cards issued in the EEA: 1.5 % + 0.25 € (2026). Stripe decides the
 * actual fee per payment (other cards and methods cost more), so pages say "approx.". */
export const STRIPE_EU_CARD_FEE = { basisPoints: 150, fixedCents: 25 } as const;

/** Stripe's fee for a European card, rounded half up to the cent: an estimate, never booked. */
export function stripeFeeEstimateCents(amountCents: number): number {
	checkAmount(amountCents);
	const scaled = amountCents * STRIPE_EU_CARD_FEE.basisPoints + 5_000;
	return (scaled - (scaled % 10_000)) / 10_000 + STRIPE_EU_CARD_FEE.fixedCents;
}

/** Basis points as a percent text for pages: 150 → "1.5", 0 → "0", 1234 → "12.34". */
export function percentFromBasisPoints(bp: number): string {
	const whole = Math.trunc(bp / 100);
	const rest = bp % 100;
	if (rest === 0) return String(whole);
	return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * A percent as people type it ("1,5", "2.25", "0") into basis points, exactly (no float parsing);
 * null for anything else or more than two decimals. For the quarter settings form.
 */
export function basisPointsFromPercent(input: string): number | null {
	const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(input.trim());
	if (!match) return null;
	const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	return bp <= 10_000 ? bp : null;
}

export type FeeSettingsProblem = 'rate_invalid' | 'rate_too_high' | 'cap_invalid';

export function checkFeeSettings(settings: FeeSettings): FeeSettingsProblem | null {
	const { platformFeeBasisPoints: bp, platformFeeCapCents: cap } = settings;
	if (!Number.isInteger(bp) || bp < 0) return 'rate_invalid';
	if (bp > MAX_FEE_BASIS_POINTS) return 'rate_too_high';
	if (!Number.isInteger(cap) || cap < 0 || cap > MAX_FEE_CAP_CENTS) return 'cap_invalid';
	return null;
}

function checkAmount(amountCents: number): void {
	if (!Number.isInteger(amountCents) || amountCents < 0 || amountCents > MAX_AMOUNT_CENTS) {
		throw new RangeError(`amount ${amountCents} is not a whole number of cents in range`);
	}
}
