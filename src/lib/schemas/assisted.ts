// Forms of the assisted-member pages: recording and withdrawing a consent, an exchange proposed
// for the member, and the member's move on an exchange. Error messages are message keys
// (`assisted_error_…`); hours and dates are read with the exchange pages' own rules.
import { z } from 'zod';
import { ASSIST_CONSENT_WAYS, consentDay } from '../domain/members/assisted';
import { hasControlCharacters } from '../domain/auth/text';
import { minutesFromHoursInput } from '../domain/exchanges/minutes';

import { NOTE_MAX } from './limits';

export { NOTE_MAX };

const id = z
	.string({ error: 'assisted_error_member' })
	.trim()
	.regex(/^[A-Za-z0-9_-]{1,64}$/, 'assisted_error_member');

/** Free text: trimmed, at most `max` characters, no control characters (NUL included). */
const text = (max: number, key: string) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(
			z
				.string()
				.max(max, key)
				.refine((s) => !hasControlCharacters(s.replace(/[\n\r\t]/g, ' ')), key)
		);

export const CONSENT_FIELDS = ['member', 'consentDay', 'how', 'note'] as const;

export const consentSchema = z.object({
	member: id,
	consentDay: z.string({ error: 'assisted_error_day' }).transform((s, ctx) => {
		const day = consentDay(s);
		if (!day) {
			ctx.addIssue({ code: 'custom', message: 'assisted_error_day' });
			return z.NEVER;
		}
		return day;
	}),
	how: z.enum(ASSIST_CONSENT_WAYS, { error: 'assisted_error_how' }),
	note: text(NOTE_MAX, 'assisted_error_note_too_long')
});

export const WITHDRAW_FIELDS = ['member'] as const;
export const withdrawSchema = z.object({ member: id });

const hours = z.string({ error: 'assisted_error_hours' }).transform((s, ctx) => {
	const parsed = minutesFromHoursInput(s);
	if (!parsed.ok || parsed.minutes === 0) {
		ctx.addIssue({ code: 'custom', message: 'assisted_error_hours' });
		return z.NEVER;
	}
	return parsed.minutes;
});

const day = z
	.string()
	.optional()
	.transform((s, ctx): Date | null => {
		if (!s || s.trim() === '') return null;
		const parsed = consentDay(s);
		if (!parsed) {
			ctx.addIssue({ code: 'custom', message: 'assisted_error_date' });
			return z.NEVER;
		}
		return parsed;
	});

export const EXCHANGE_FIELDS = ['other', 'side', 'title', 'date', 'hours'] as const;

export const exchangeForSchema = z.object({
	other: z
		.string({ error: 'assisted_error_other' })
		.trim()
		.regex(/^[A-Za-z0-9_-]{1,64}$/, 'assisted_error_other'),
	side: z.enum(['receiver', 'provider'], { error: 'assisted_error_side' }),
	title: text(200, 'assisted_error_title').pipe(z.string().min(1, 'assisted_error_title')),
	date: day,
	hours
});

export const MOVE_FIELDS = ['exchange', 'move', 'hours', 'reason'] as const;

export const moveForSchema = z
	.object({
		exchange: z
			.string()
			.trim()
			.regex(/^[A-Za-z0-9_-]{1,64}$/, 'assisted_error_exchange'),
		move: z.enum(['accept', 'decline', 'cancel', 'markDone', 'confirm', 'dispute'], {
			error: 'assisted_error_move'
		}),
		hours: z.string().optional(),
		reason: text(1000, 'assisted_error_reason_too_long')
	})
	.transform((v, ctx) => {
		let minutes: number | undefined;
		if (v.move === 'confirm' && v.hours && v.hours.trim() !== '') {
			const parsed = minutesFromHoursInput(v.hours);
			if (!parsed.ok) {
				ctx.addIssue({ code: 'custom', path: ['hours'], message: 'assisted_error_hours' });
				return z.NEVER;
			}
			minutes = parsed.minutes;
		}
		return { exchange: v.exchange, move: v.move, minutes, reason: v.reason || undefined };
	});
