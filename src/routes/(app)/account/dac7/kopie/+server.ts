import { error } from '@sveltejs/kit';
import { reportCsv, reportJson } from '$lib/domain/tax/dac7-report';
import { reportYear } from '$lib/schemas/dac7';
import { requireUser } from '$lib/server/auth/guards';
import { dac7Settings, sellerView } from '$lib/server/services/dac7';
import type { RequestHandler } from './$types';

/** The seller's copy of what is reported about them (§ 22 Abs. 2 PStTG), as CSV or JSON. */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const format = event.url.searchParams.get('format') === 'json' ? 'json' : 'csv';
	const now = new Date();
	const year = reportYear(event.url.searchParams.get('jahr'), now);
	const view = await sellerView(user.id, now);
	const row = view.years.find((y) => y.year === year)?.row;
	if (!row) error(404);
	const settings = await dac7Settings();
	const report = {
		year,
		operator: {
			operatorName: settings.operatorName,
			operatorAddress: settings.operatorAddress,
			operatorTin: settings.operatorTin
		},
		hoursAreConsideration: settings.hoursAreConsideration,
		rows: [row]
	};
	return new Response(format === 'csv' ? '\ufeff' + reportCsv(report) : reportJson(report), {
		headers: {
			'content-type':
				format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="dac7-meine-angaben-${year}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
