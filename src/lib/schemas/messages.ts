// The messaging forms. Error messages are message keys; this feature's start with `chat_error_`.
import { z } from 'zod';
import { hasControlCharacters, hasLoneSurrogate } from '../domain/auth/text';
import { REPORT_NOTE_MAX, REPORT_REASONS, isDocId } from '../domain/messages/conversation';
import { MESSAGE_MAX, messageTextProblem, normalizeMessageText } from '../domain/messages/text';
import { quarterIdField } from './fields';
import { parseForm, type ParseResult } from './form';

export const messageTextField = z
	.string({ error: 'chat_error_text_empty' })
	.transform(normalizeMessageText)
	.superRefine((text, ctx) => {
		const problem = messageTextProblem(text);
		if (problem) ctx.addIssue({ code: 'custom', message: `chat_error_text_${problem}` });
	});

export const replySchema = z.object({ text: messageTextField });
export const REPLY_FIELDS = ['text'] as const;

const optionalDocId = z
	.string()
	.optional()
	.transform((s) => (s ? s.trim() : ''))
	.refine((s) => s === '' || isDocId(s), 'chat_error_target');

/** The contact form of a listing page or a member's profile, and the compose page. */
export const startSchema = z
	.object({
		quarter: quarterIdField,
		listing: optionalDocId,
		member: optionalDocId,
		text: messageTextField
	})
	.superRefine((v, ctx) => {
		if ((v.listing === '') === (v.member === '')) {
			ctx.addIssue({ code: 'custom', path: ['form'], message: 'chat_error_target' });
		}
	})
	.transform((v) => ({
		quarterId: v.quarter,
		listingId: v.listing || undefined,
		memberId: v.member || undefined,
		text: v.text
	}));
export const START_FIELDS = ['quarter', 'listing', 'member', 'text'] as const;

/** The same target, read from the compose page's address (no text yet). */
export const startTargetSchema = z
	.object({ quarter: quarterIdField, listing: optionalDocId, member: optionalDocId })
	.refine((v) => (v.listing === '') !== (v.member === ''), 'chat_error_target');

const cleanNote = (s: string) =>
	!hasControlCharacters(s.replace(/[\r\n]/g, ' ')) && !hasLoneSurrogate(s);

export const reportSchema = z.object({
	reason: z.enum(REPORT_REASONS, { error: 'chat_error_reason' }),
	note: z
		.string({ error: 'chat_error_note_invalid' })
		.trim()
		.max(REPORT_NOTE_MAX, 'chat_error_note_too_long')
		.refine(cleanNote, 'chat_error_note_invalid')
});
export const REPORT_FIELDS = ['reason', 'note'] as const;

const KEEP_TYPED = MESSAGE_MAX * 2;

/**
 * `parseForm`, keeping this feature's error keys (it maps keys it does not know to a generic
 * one) and the whole typed message, so a refused message is not cut short in the form.
 */
export function parseChatForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	fields: readonly string[]
): ParseResult<z.infer<S>> {
	const parsed = parseForm(schema, form, fields);
	if (parsed.ok) return parsed;
	const raw: Record<string, string> = {};
	for (const name of fields) {
		const value = form.get(name);
		if (typeof value === 'string') raw[name] = value;
	}
	const errors: Record<string, string> = {};
	const result = schema.safeParse(raw);
	for (const issue of result.success ? [] : result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= /^(chat_)?error_/.test(issue.message) ? issue.message : 'error_invalid_input';
	}
	if (Object.keys(errors).length === 0) Object.assign(errors, parsed.errors);
	const values = Object.fromEntries(
		Object.entries(raw).map(([name, value]) => [name, value.slice(0, KEEP_TYPED)])
	);
	return { ok: false, errors, values };
}
