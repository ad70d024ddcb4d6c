// Forms of the notice procedure: the public notice form (/meldung), a complaint (/beschwerde),
// and the quarter management's decisions. Errors are message keys (German first, English).
import { z } from 'zod';
import {
	DECISION_KINDS,
	LEGAL_GROUNDS,
	RULES_GROUNDS,
	LOCATION_MAX,
	NOTIFIER_NAME_MAX,
	TEXT_MAX,
	type Ground
} from '../domain/notices/notice';
import { normalizeEmail } from '../domain/auth/text';
import { formNonceField, tokenField } from './fields';
import { EMAIL_MAX } from './limits';

const text = (required: string, tooLong: string) =>
	z.string({ error: required }).trim().min(1, required).max(TEXT_MAX, tooLong);

/** Name and address are optional (Art. 16(2)(c) lets some notices be anonymous); without an
 * address there is no receipt and no decision by mail. */
export const noticeSchema = z.object({
	location: z
		.string({ error: 'notice_error_location_required' })
		.trim()
		.min(1, 'notice_error_location_required')
		.max(LOCATION_MAX, 'notice_error_unknown_location'),
	explanation: text('notice_error_explanation_required', 'notice_error_too_long'),
	name: z.string().trim().max(NOTIFIER_NAME_MAX, 'error_name_too_long').default(''),
	email: z
		.string()
		.default('')
		.transform((s) => s.trim())
		.pipe(
			z
				.string()
				.max(EMAIL_MAX, 'error_email_too_long')
				.refine((s) => s === '' || z.email().safeParse(s).success, 'error_email_invalid')
		)
		.transform((s) => (s ? normalizeEmail(s) : '')),
	goodFaith: z.literal('yes', { error: 'notice_error_good_faith' }),
	nonce: formNonceField
});

export const complaintSchema = z.object({
	token: tokenField,
	reasons: text('complaint_error_reasons_required', 'notice_error_too_long')
});

const GROUND_VALUES = [
	...LEGAL_GROUNDS.map((c) => `law:${c}`),
	...RULES_GROUNDS.map((c) => `rules:${c}`)
] as const;

/** `law:fraud` → the ground; '' → none (keep needs none). */
export function parseGround(value: string): Ground | null {
	const [type, code] = value.split(':');
	if (type === 'law' && (LEGAL_GROUNDS as readonly string[]).includes(code ?? '')) {
		return { type, code: code as Ground['code'] } as Ground;
	}
	if (type === 'rules' && (RULES_GROUNDS as readonly string[]).includes(code ?? '')) {
		return { type, code: code as Ground['code'] } as Ground;
	}
	return null;
}

const groundField = z
	.string()
	.default('')
	.refine(
		(v) => v === '' || (GROUND_VALUES as readonly string[]).includes(v),
		'error_invalid_input'
	);
const idField = z.string().regex(/^[0-9a-f]{24}$/, 'error_invalid_input');

export const decisionSchema = z.object({
	notice: idField,
	decision: z.enum(DECISION_KINDS, { error: 'notices_error_decision_required' }),
	ground: groundField,
	facts: text('notices_error_facts_required', 'notice_error_too_long'),
	affected: z.union([z.literal(''), idField]).default('')
});

export const complaintDecisionSchema = z.object({
	notice: idField,
	party: z.enum(['author', 'notifier'], { error: 'error_invalid_input' }),
	outcome: z.enum(['upheld', 'reversed'], { error: 'notices_error_outcome_required' }),
	reasons: text('notices_error_reasons_required', 'notice_error_too_long'),
	replacement: z.union([z.literal(''), z.enum(DECISION_KINDS)]).default(''),
	ground: groundField
});
