// Forms of the time-account pages: the statement period (a GET form), a donation to the
// community account and a grant from it. Error messages are message keys (`account_error_…`).
import { z } from 'zod';
import { periodOf } from '../domain/ledger/accounts';
import { isCalendarDate } from '../domain/time/zone';
import { formNonceField, hoursField } from './fields';
import { parseForm, type FieldErrors } from './form';

import { MEMO_MAX, REASON_MAX } from './limits';

export { MEMO_MAX, REASON_MAX };

const day = z
	.string({ error: 'account_error_date_invalid' })
	.trim()
	.optional()
	.transform((s) => s || undefined)
	.refine((s) => s === undefined || isCalendarDate(s), 'account_error_date_invalid');

/** From and to are calendar days, both optional, both included. */
export const periodSchema = z
	.object({ from: day, to: day })
	.refine((p) => !p.from || !p.to || p.from <= p.to, {
		path: ['to'],
		message: 'account_error_period_order'
	});

export type PeriodInput = z.infer<typeof periodSchema>;

export interface PeriodQuery {
	/** The days as typed, for the form. */
	values: { from: string; to: string };
	errors: FieldErrors;
	/** The instants the statement covers; null when the days could not be read. */
	period: { from?: Date; to?: Date } | null;
}

/** The statement period from a query string (`?from=2026-11-01&to=2026-11-30`), as days of the
 * quarter's time zone. */
export function readPeriod(params: URLSearchParams, timeZone: string): PeriodQuery {
	const values = {
		from: (params.get('from') ?? '').slice(0, 30),
		to: (params.get('to') ?? '').slice(0, 30)
	};
	const parsed = parseForm(periodSchema, params, ['from', 'to']);
	if (!parsed.ok) return { values, errors: parsed.errors, period: null };
	return { values, errors: {}, period: periodOf(parsed.data, timeZone) };
}

const hours = hoursField({ zero: false });

const nonce = formNonceField;

const memo = z
	.string({ error: 'account_error_memo_too_long' })
	.optional()
	.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
	.pipe(z.string().max(MEMO_MAX, 'account_error_memo_too_long'));

export const DONATION_FIELDS = ['hours', 'memo', 'nonce'] as const;

export const donationSchema = z.object({ hours, memo, nonce });

export const REVERSAL_FIELDS = ['reverseSeq', 'reverseHours', 'reverseReason'] as const;

/** A moderator undoes (part of) a transfer by its number; blank hours undo all of it. */
export const reversalSchema = z.object({
	reverseSeq: z
		.string({ error: 'account_error_reversal_seq' })
		.trim()
		.regex(/^[1-9]\d{0,9}$/, 'account_error_reversal_seq')
		.transform(Number),
	reverseHours: z
		.string()
		.optional()
		.transform((text, ctx): number | null => {
			if ((text ?? '').trim() === '') return null;
			const parsed = hours.safeParse(text);
			if (parsed.success) return parsed.data;
			ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message });
			return z.NEVER;
		}),
	reverseReason: z
		.string({ error: 'account_error_reversal_reason' })
		.transform((s) => s.replace(/\s+/g, ' ').trim())
		.pipe(
			z
				.string()
				.min(1, 'account_error_reversal_reason')
				.max(MEMO_MAX, 'account_error_memo_too_long')
		)
});

export const GRANT_FIELDS = [
	'member',
	'budgetLine',
	'hours',
	'purpose',
	'override',
	'overrideReason',
	'nonce'
];

export const grantSchema = z
	.object({
		member: z
			.string({ error: 'account_error_member_required' })
			.regex(/^[0-9a-f]{24}$/, 'account_error_member_required'),
		/** The budget line (Budgetposten) the hours are granted against. */
		budgetLine: z
			.string({ error: 'budget_error_line_required' })
			.regex(/^[0-9a-f]{20}$/, 'budget_error_line_required'),
		hours,
		purpose: z
			.string({ error: 'account_error_purpose_required' })
			.transform((s) => s.replace(/\s+/g, ' ').trim())
			.pipe(
				z
					.string()
					.min(1, 'account_error_purpose_required')
					.max(MEMO_MAX, 'account_error_memo_too_long')
			),
		override: z
			.enum(['on'], { error: 'account_error_override_reason_required' })
			.optional()
			.transform((v) => v === 'on'),
		overrideReason: z
			.string()
			.optional()
			.transform((s) => (s ?? '').trim())
			.pipe(z.string().max(REASON_MAX, 'account_error_memo_too_long')),
		nonce
	})
	.refine((g) => !g.override || g.overrideReason.length > 0, {
		path: ['overrideReason'],
		message: 'account_error_override_reason_required'
	});

export type GrantInput = z.infer<typeof grantSchema>;
