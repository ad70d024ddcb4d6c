// Forms of an exchange: proposing one from a listing, a party's move, the quarter management's
// settlement or cancellation of a dispute, and the thank-you note. The schemas only bound the
// sizes and the choices; hours, dates and reasons are checked by the page with their own
// messages (domain/exchanges/minutes.ts), and the workflow decides what fits the exchange.
import { z } from 'zod';
import { formNonceField } from './fields';
import { SETTLEMENT_KINDS } from '../domain/exchanges/workflow';

export const proposeSchema = z.object({
	quarter: z.string().trim().min(1).max(64),
	listing: z.string().trim().min(1).max(64),
	title: z.string().max(200),
	date: z.string().max(20),
	hours: z.string().max(20),
	settlement: z.enum(SETTLEMENT_KINDS).optional(),
	/** Euros only, e.g. "12,50"; read with `euroField` by the page. */
	amount: z.string().max(20).optional(),
	/** The form's random key: the same form sent twice (or ten times at once) is one exchange. */
	nonce: formNonceField
});

/** The moves a party makes with the form on the exchange page. */
export const PARTY_MOVES = [
	'accept',
	'decline',
	'cancel',
	'markDone',
	'confirm',
	'dispute',
	'cashPaid'
] as const;

export const moveSchema = z.object({
	move: z.enum(PARTY_MOVES),
	hours: z.string().max(20).optional(),
	reason: z.string().max(1000).optional()
});

/** Settling (with hours) or cancelling a dispute; the reason may still be blank here. */
export const moderatorSchema = z.object({
	hours: z.string().max(20).optional(),
	reason: z.string().max(1000)
});

/** A moderator's refund of a card payment: the amount (read with `euroField`) and why. */
export const refundSchema = z.object({
	amount: z.string().max(20),
	reason: z.string().max(1000),
	/** The form's random key: the same submission twice is one refund. */
	nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
});

/** Only a bound on the size: the service counts characters as people do (domain/exchanges/thanks). */
export const thanksSchema = z.object({ text: z.string().max(5000) });

/** `YYYY-MM-DD` from a date field, as noon UTC so the day is the same in every time zone. */
export function parseExchangeDate(text: string): Date | null | 'invalid' {
	if (text.trim() === '') return null;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return 'invalid';
	const date = new Date(`${text.trim()}T12:00:00Z`);
	return Number.isNaN(date.getTime()) ? 'invalid' : date;
}
