// Forms of the community budget: a budget line decided by the quarter conference and a euro grant
// recorded against one. Error messages are message keys (`budget_error_…`, `account_error_…`).
import { z } from 'zod';
import { formNonceField } from './fields';
import {
	centsFromEurosInput,
	MAX_CENTS,
	MAX_MINUTES,
	minutesFromLineHoursInput,
	NAME_MAX,
	PURPOSE_MAX
} from '../domain/budget/budget';
import { isCalendarDate } from '../domain/time/zone';
import { MEMO_MAX } from './time-account';

const text = (max: number, required: string) =>
	z
		.string({ error: required })
		.transform((s) => s.replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(1, required).max(max, 'budget_error_too_long'));

const day = (required: string) =>
	z
		.string({ error: required })
		.trim()
		.refine((s) => s !== '', required)
		.refine((s) => s === '' || isCalendarDate(s), 'account_error_date_invalid');

const nonce = formNonceField;

const optionalAmount = (read: (s: string) => number | null, max: number, invalid: string) =>
	z
		.string()
		.optional()
		.transform((s, ctx): number | null => {
			const t = (s ?? '').trim();
			if (t === '') return null;
			const value = read(t);
			if (value === null || value <= 0 || value > max) {
				ctx.addIssue({ code: 'custom', message: invalid });
				return z.NEVER;
			}
			return value;
		});

export const LINE_FIELDS = [
	'name',
	'hours',
	'euros',
	'from',
	'to',
	'purpose',
	'decidedBy',
	'decidedOn',
	'nonce'
] as const;

export const lineSchema = z
	.object({
		name: text(NAME_MAX, 'budget_error_name_required'),
		hours: optionalAmount(minutesFromLineHoursInput, MAX_MINUTES, 'budget_error_hours_invalid'),
		euros: optionalAmount(centsFromEurosInput, MAX_CENTS, 'budget_error_euros_invalid'),
		from: day('budget_error_from_required'),
		to: day('budget_error_to_required'),
		purpose: text(PURPOSE_MAX, 'budget_error_purpose_required'),
		decidedBy: text(NAME_MAX, 'budget_error_decided_by_required'),
		decidedOn: day('budget_error_decided_on_required'),
		nonce
	})
	.refine((l) => l.hours !== null || l.euros !== null, {
		path: ['hours'],
		message: 'budget_error_amount_required'
	})
	.refine((l) => l.from <= l.to, { path: ['to'], message: 'account_error_period_order' });

export type LineInput = z.infer<typeof lineSchema>;

export const EURO_GRANT_FIELDS = [
	'line',
	'member',
	'project',
	'euros',
	'purpose',
	'paidOn',
	'nonce'
] as const;

/** A euro grant paid on a day up to `today`, to a member or to a named project (one of them). */
export function euroGrantSchema(today: string) {
	return z
		.object({
			line: z
				.string({ error: 'budget_error_line_required' })
				.regex(/^[0-9a-f]{20}$/, 'budget_error_line_required'),
			member: z
				.string()
				.optional()
				.transform((s) => (s ?? '').trim())
				.refine((s) => s === '' || /^[0-9a-f]{24}$/.test(s), 'budget_error_recipient_required'),
			project: z
				.string()
				.optional()
				.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
				.pipe(z.string().max(NAME_MAX, 'budget_error_too_long')),
			euros: z.string({ error: 'budget_error_euros_invalid' }).transform((s, ctx) => {
				const cents = centsFromEurosInput(s);
				if (cents === null || cents <= 0 || cents > MAX_CENTS) {
					ctx.addIssue({ code: 'custom', message: 'budget_error_euros_invalid' });
					return z.NEVER;
				}
				return cents;
			}),
			purpose: text(MEMO_MAX, 'account_error_purpose_required'),
			paidOn: day('budget_error_paid_on_required').refine(
				(s) => s <= today,
				'budget_error_paid_in_future'
			),
			nonce
		})
		.refine((g) => (g.member === '') !== (g.project === ''), {
			path: ['member'],
			message: 'budget_error_recipient_required'
		});
}

export type EuroGrantInput = z.infer<ReturnType<typeof euroGrantSchema>>;

export const CLOSE_FIELDS = ['reason'] as const;

/** Closing a line early needs a reason (e.g. the conference's decision). */
export const closeSchema = z.object({
	reason: text(MEMO_MAX, 'budget_error_close_reason_required')
});
