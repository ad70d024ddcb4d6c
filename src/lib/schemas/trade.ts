// Forms of trade between quarters (docs/cross-quarter.md).
import { z } from 'zod';
import { MAX_TRADE_LIMIT_MINUTES } from '../domain/trade/pair';

const quarterId = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** A management's switch: the partner, on or off, and its limit in whole hours. */
export const tradeSwitchSchema = z.object({
	partner: quarterId,
	on: z.enum(['1', '0']),
	limit: z.coerce
		.number({ message: 'trade_manage_error_limit' })
		.int('trade_manage_error_limit')
		.min(1, 'trade_manage_error_limit')
		.max(MAX_TRADE_LIMIT_MINUTES / 60, 'trade_manage_error_limit')
});

/** Joining another quarter: as resident or business, with a note where it approves members. */
export const joinQuarterSchema = z.object({
	kind: z.enum(['resident', 'business']),
	application: z.string().max(2000).default('')
});
