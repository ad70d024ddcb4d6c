import { transparencyReport } from '$lib/server/services/transparency';
import type { PageServerLoad } from './$types';

/** Yearly counts of reports and decisions (Art. 24 DSA) and how the marketplace orders its
 * results (Art. 27 DSA). Public: no names, small counts suppressed. */
export const load: PageServerLoad = async () => {
	const table = await transparencyReport();
	return { table };
};
