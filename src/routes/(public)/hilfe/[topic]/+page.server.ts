import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { isHelpTopic } from '$lib/help';
import { listQuarters } from '$lib/server/services/quarters';
import type { PageServerLoad } from './$types';

/** A help topic, with the figures each quarter has set (start credit, limits, fee …), so the
 * page never states a number that is not the quarter's own. */
export const load: PageServerLoad = async ({ params }) => {
	if (!isHelpTopic(params.topic)) error(404, m.error_not_found());
	const quarters = await listQuarters();
	return {
		topic: params.topic,
		quarters: quarters.map((q) => ({
			id: q.id,
			name: q.name,
			startCreditMinutes: q.settings.startCreditMinutes,
			minBalanceMinutes: q.settings.timeBank.minBalanceMinutes,
			maxBalanceMinutes: q.settings.timeBank.maxBalanceMinutes,
			autoSettleAfterDays: q.settings.autoSettleAfterDays,
			feeBasisPoints: q.settings.platformFeeBasisPoints,
			feeCapCents: q.settings.platformFeeCapCents
		}))
	};
};
