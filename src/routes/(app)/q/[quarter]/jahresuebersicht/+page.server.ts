import { thresholdForYear } from '$lib/domain/trust/thresholds';
import type { PageServerLoad } from './$types';
import { loadYearly } from './year.server';

export const load: PageServerLoad = async (event) => {
	const { quarter, statement, year } = await loadYearly(event);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		year,
		years: statement.years,
		figures: statement.figures,
		business: statement.business,
		hints: statement.hints,
		// The current-year limit of § 19 UStG, for the Kleinunternehmer hint's text.
		smallBusinessCurrentCents: thresholdForYear('vat.small_business.current_year', year)
	};
};
