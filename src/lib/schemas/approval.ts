// Forms of member approval: what an applicant writes at sign-up, and the quarter management's
// approve, question and decline forms. Error messages are message keys (`approval_error_…`, and
// `chat_error_…` for the question, which is a message).
import { z } from 'zod';
import { hasLoneSurrogate } from '../domain/auth/text';
import {
	APPLICATION_MAX,
	DECLINE_REASON_MAX,
	normalizeApplicationText
} from '../domain/members/approval';
import { messageTextField } from './messages';

/** Line breaks and tabs are fine in a few sentences; other control characters (NUL) are not. */
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function longText(max: number, tooLong: string) {
	return z
		.string({ error: 'approval_error_invalid' })
		.refine((s) => !CONTROL_EXCEPT_LINES.test(s) && !hasLoneSurrogate(s), 'approval_error_invalid')
		.transform(normalizeApplicationText)
		.refine((s) => [...s].length <= max, tooLong);
}

/** Optional: most quarters never ask, and nobody must write to get in. */
export const applicationField = z
	.string()
	.optional()
	.transform((s) => s ?? '')
	.pipe(longText(APPLICATION_MAX, 'approval_error_application_too_long'));

export const APPLICATION_FIELDS = ['application'] as const;
export const applicationSchema = z.object({ application: applicationField });

const member = z
	.string({ error: 'approval_error_not_found' })
	.regex(/^[0-9a-f]{24}$/, 'approval_error_not_found');

export const APPROVE_FIELDS = ['member'] as const;
export const approveSchema = z.object({ member });

export const DECLINE_FIELDS = ['member', 'reason'] as const;
export const declineSchema = z.object({
	member,
	reason: longText(DECLINE_REASON_MAX, 'approval_error_reason_too_long').refine(
		(s) => s.length > 0,
		'approval_error_reason_required'
	)
});

export const QUESTION_FIELDS = ['member', 'text', 'nonce'] as const;
export const questionSchema = z.object({
	member,
	text: messageTextField,
	nonce: z
		.string({ error: 'approval_error_form_expired' })
		.regex(/^[A-Za-z0-9_-]{16,64}$/, 'approval_error_form_expired')
});

/** Texts are echoed back whole (up to this), so a long answer is not lost to one mistake:
 * `parseForm(schema, form, fields, [], KEEP_TYPED)`. */
export const KEEP_TYPED = 4000;
