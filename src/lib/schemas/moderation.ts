// Forms of the quarter management: handling a report, suspending or reinstating a member.
import { z } from 'zod';
import { REASON_MAX } from '../domain/listings/listing';
import { reasonSchema } from './listing';

import { FLAG_OUTCOMES } from '../domain/audit/actions';
export { FLAG_OUTCOMES, type FlagOutcome } from '../domain/audit/actions';

/** Hiding needs a reason, since the author reads it; dismissing does not. */
export const resolveFlagSchema = z
	.object({
		flag: z.string().min(1, 'error_invalid_input').max(200, 'error_invalid_input'),
		outcome: z.enum(FLAG_OUTCOMES, { error: 'error_flag_outcome' }),
		note: z.string({ error: 'error_invalid_input' }).trim().max(REASON_MAX, 'error_note_too_long')
	})
	.refine((v) => v.outcome !== 'hidden' || v.note.length > 0, {
		path: ['note'],
		message: 'error_reason_required'
	});

export const memberActionSchema = reasonSchema.extend({
	member: z.string().regex(/^[0-9a-f]{24}$/, 'error_invalid_input')
});
