// Forms of mediation cases: opening one, writing to it (notes, messages, proposals, answers),
// carrying out an outcome and closing it. Errors are message keys (`case_error_…`).
import { z } from 'zod';
import { formNonceField, hoursField } from './fields';
import { euroField } from './listing';

import { CASE_TEXT_MAX, CASE_TITLE_MAX } from './limits';

export { CASE_TEXT_MAX, CASE_TITLE_MAX };

const id = z
	.string({ error: 'error_invalid_input' })
	.regex(/^[0-9a-f]{24}$/, 'error_invalid_input');

const text = (required: string) =>
	z
		.string({ error: required })
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, required).max(CASE_TEXT_MAX, 'case_error_text_too_long'));

const optionalText = z
	.string()
	.optional()
	.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
	.pipe(z.string().max(CASE_TEXT_MAX, 'case_error_text_too_long'));

export const OPEN_CASE_FIELDS = ['title', 'text', 'partyA', 'partyB', 'nonce'] as const;

/** A case the management opens itself: one or two members, what it is about. */
export const openCaseSchema = z.object({
	title: z
		.string({ error: 'case_error_title_required' })
		.trim()
		.min(1, 'case_error_title_required')
		.max(CASE_TITLE_MAX, 'case_error_title_too_long'),
	text: optionalText,
	partyA: z
		.string({ error: 'case_error_party_required' })
		.regex(/^[0-9a-f]{24}$/, 'case_error_party_required'),
	partyB: z
		.string()
		.optional()
		.transform((s) => s || null)
		.pipe(id.nullable()),
	nonce: formNonceField
});

export const WRITE_FIELDS = ['text', 'nonce'] as const;
export const writeSchema = z.object({
	text: text('case_error_text_required'),
	nonce: formNonceField
});

export const RESPOND_FIELDS = ['proposal', 'answer', 'nonce'] as const;
export const respondSchema = z.object({
	proposal: z
		.string()
		.regex(/^[1-9]\d{0,5}$/, 'error_invalid_input')
		.transform(Number),
	answer: z.enum(['agree', 'object'], { error: 'error_invalid_input' }),
	nonce: formNonceField
});

export const OUTCOME_FIELDS = ['hours', 'euros', 'seq', 'member', 'reason', 'nonce'] as const;
const reason = text('case_error_reason_required');

export const settleSchema = z.object({
	hours: hoursField({ zero: true }),
	reason,
	nonce: formNonceField
});
export const refundSchema = z.object({
	euros: euroField.refine((c) => c !== null && c > 0, 'case_error_euros_required'),
	reason,
	nonce: formNonceField
});
export const reverseSchema = z.object({
	seq: z
		.string()
		.regex(/^[1-9]\d{0,9}$/, 'case_error_transfer_required')
		.transform(Number),
	hours: hoursField({ zero: false }),
	reason,
	nonce: formNonceField
});
export const memberOutcomeSchema = z.object({ member: id, reason, nonce: formNonceField });

export const CLOSE_FIELDS = ['summary', 'nonce'] as const;
export const closeSchema = z.object({ summary: optionalText, nonce: formNonceField });
