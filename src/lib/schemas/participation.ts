// Forms of the Bürgerbudget: a round's settings, a proposal, a comment, the management's check,
// ending a phase and a ballot. Error messages are message keys (`buergerbudget_error_…`).
import { z } from 'zod';
import { centsFromEurosInput, minutesFromLineHoursInput } from '../domain/budget/budget';
import {
	COMMENT_MAX,
	ENDABLE_PHASES,
	MAX_CENTS,
	MAX_MINUTES,
	MAX_PROPOSALS,
	REASON_MAX,
	TEXT_MAX,
	TITLE_MAX,
	WHO_MAX,
	type ProposalDraft,
	type RoundSettings
} from '../domain/participation/round';
import { isCalendarDate } from '../domain/time/zone';
import { formNonceField } from './fields';

const line = (max: number, required: string | null) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
		.pipe(
			required
				? z.string().min(1, required).max(max, 'buergerbudget_error_too_long')
				: z.string().max(max, 'buergerbudget_error_too_long')
		);

const paragraphs = (max: number, required: string) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1, required).max(max, 'buergerbudget_error_too_long'));

const day = z
	.string({ error: 'buergerbudget_error_day_invalid' })
	.trim()
	.refine(isCalendarDate, 'buergerbudget_error_day_invalid');

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

const hours = optionalAmount(minutesFromLineHoursInput, MAX_MINUTES, 'budget_error_hours_invalid');
const euros = optionalAmount(centsFromEurosInput, MAX_CENTS, 'budget_error_euros_invalid');

export const ROUND_FIELDS = [
	'title',
	'hours',
	'euros',
	'proposalsFrom',
	'checkFrom',
	'voteFrom',
	'voteUntil',
	'linesUntil',
	'nonce'
] as const;

export const roundSchema = z
	.object({
		title: line(TITLE_MAX, 'buergerbudget_error_title_required'),
		hours,
		euros,
		proposalsFrom: day,
		checkFrom: day,
		voteFrom: day,
		voteUntil: day,
		linesUntil: day,
		nonce: formNonceField
	})
	.refine((r) => r.hours !== null || r.euros !== null, {
		path: ['hours'],
		message: 'buergerbudget_error_amount_required'
	});

export function roundSettingsOf(input: z.infer<typeof roundSchema>): RoundSettings {
	return {
		title: input.title,
		minutes: input.hours,
		cents: input.euros,
		proposalsFrom: input.proposalsFrom,
		checkFrom: input.checkFrom,
		voteFrom: input.voteFrom,
		voteUntil: input.voteUntil,
		linesUntil: input.linesUntil
	};
}

export const PROPOSAL_FIELDS = ['title', 'what', 'who', 'hours', 'euros', 'nonce'] as const;

export const proposalSchema = z
	.object({
		title: line(TITLE_MAX, 'buergerbudget_error_title_required'),
		what: paragraphs(TEXT_MAX, 'buergerbudget_error_what_required'),
		who: line(WHO_MAX, 'buergerbudget_error_who_required'),
		hours,
		euros,
		nonce: formNonceField
	})
	.refine((p) => p.hours !== null || p.euros !== null, {
		path: ['hours'],
		message: 'buergerbudget_error_cost_required'
	});

export function proposalDraftOf(
	input: z.infer<typeof proposalSchema>,
	photoId: string | null
): ProposalDraft {
	return {
		title: input.title,
		what: input.what,
		who: input.who,
		minutes: input.hours,
		cents: input.euros,
		photoId
	};
}

export const commentSchema = z.object({
	text: paragraphs(COMMENT_MAX, 'buergerbudget_error_comment_required'),
	nonce: formNonceField
});

export const assessSchema = z.object({
	decision: z.enum(['feasible', 'not_feasible'], {
		error: 'buergerbudget_error_decision_required'
	}),
	reason: paragraphs(REASON_MAX, 'buergerbudget_error_reason_required')
});

export const endPhaseSchema = z.object({
	phase: z.enum(ENDABLE_PHASES, { error: 'error_invalid_input' })
});

/** The proposals a ballot names: repeated `proposal` fields, each an id. */
export function ballotChoiceOf(form: FormData): string[] | null {
	const values = form.getAll('proposal');
	if (values.length > MAX_PROPOSALS) return null;
	const ids: string[] = [];
	for (const v of values) {
		if (typeof v !== 'string' || !/^[0-9a-f]{24}$/.test(v)) return null;
		ids.push(v);
	}
	return ids;
}
