import { z } from 'zod';
import { minutesFromHoursInput } from '../domain/exchanges/minutes';
import {
	basisPointsFromPercent,
	MAX_FEE_BASIS_POINTS,
	MAX_FEE_CAP_CENTS
} from '../domain/payments/fee';
import { euroField } from './listing';

/** The most a quarter may give each new member from its community account: 10 hours. */
export const MAX_START_CREDIT_MINUTES = 10 * 60;

/** Hours as typed in the form, e.g. "10" or "2,5"; stored as integer minutes. */
const hoursField = (requiredKey: string) =>
	z
		.string({ error: requiredKey })
		.trim()
		.min(1, requiredKey)
		.regex(/^-?\d{1,4}([.,]\d{1,2})?$/, 'error_hours_invalid')
		.transform((s) => Math.round(Number(s.replace(',', '.')) * 60));

export const quarterSettingsSchema = z.object({
	memberApproval: z
		.enum(['on'])
		.optional()
		.transform((v) => v === 'on'),
	listingPreModeration: z
		.enum(['on'])
		.optional()
		.transform((v) => v === 'on'),
	minBalanceHours: hoursField('error_hours_required'),
	maxBalanceHours: hoursField('error_hours_required'),
	listingExpiryDays: z
		.string({ error: 'error_days_invalid' })
		.trim()
		.regex(/^\d{1,3}$/, 'error_days_invalid')
		.transform(Number)
		.refine((n) => n >= 7 && n <= 365, 'error_days_invalid'),
	paidOfferHintThreshold: z
		.string({ error: 'error_threshold_invalid' })
		.trim()
		.regex(/^\d{1,2}$/, 'error_threshold_invalid')
		.transform(Number)
		.refine((n) => n <= 50, 'error_threshold_invalid'),
	autoSettleAfterDays: z
		.string({ error: 'error_auto_settle_days_invalid' })
		.trim()
		.regex(/^\d{1,2}$/, 'error_auto_settle_days_invalid')
		.transform(Number)
		.refine((n) => n >= 1 && n <= 90, 'error_auto_settle_days_invalid'),
	// In hours as people type them (2, 1,5, 1:30), in whole quarter hours like every exchange.
	startCreditHours: z.string({ error: 'error_start_credit_invalid' }).transform((s, ctx) => {
		const hours = minutesFromHoursInput(s);
		if (hours.ok && hours.minutes <= MAX_START_CREDIT_MINUTES) return hours.minutes;
		ctx.addIssue({ code: 'custom', message: 'error_start_credit_invalid' });
		return z.NEVER;
	}),
	// A percent with up to two decimals (1,5 or 2.25), kept exactly as integer basis points.
	platformFeePercent: z.string({ error: 'error_fee_rate_invalid' }).transform((s, ctx) => {
		const bp = basisPointsFromPercent(s);
		if (bp !== null && bp <= MAX_FEE_BASIS_POINTS) return bp;
		const message = bp === null ? 'error_fee_rate_invalid' : 'error_fee_rate_too_high';
		ctx.addIssue({ code: 'custom', message });
		return z.NEVER;
	}),
	// Euros as typed for a price (5 or 2,50), in cents; required here, unlike a listing's price.
	platformFeeCapEuros: z.string({ error: 'error_fee_cap_invalid' }).transform((s, ctx) => {
		const cents = euroField.safeParse(s);
		if (cents.success && cents.data !== null && cents.data <= MAX_FEE_CAP_CENTS) return cents.data;
		ctx.addIssue({ code: 'custom', message: 'error_fee_cap_invalid' });
		return z.NEVER;
	})
});

export const QUARTER_SETTINGS_FIELDS = [
	'memberApproval',
	'listingPreModeration',
	'minBalanceHours',
	'maxBalanceHours',
	'listingExpiryDays',
	'paidOfferHintThreshold',
	'autoSettleAfterDays',
	'startCreditHours',
	'platformFeePercent',
	'platformFeeCapEuros'
] as const;
