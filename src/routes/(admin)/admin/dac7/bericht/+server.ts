import { error } from '@sveltejs/kit';
import { reportCsv, reportJson, reportXml } from '$lib/domain/tax/dac7-report';
import { reportYear } from '$lib/schemas/dac7';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { reportForAdmin } from '$lib/server/services/dac7';
import type { RequestHandler } from './$types';

const TYPES = {
	xml: 'application/xml; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
} as const;

/** The annual report as a download (DPI XML, CSV or JSON); every download is in the audit log. */
export const GET: RequestHandler = async (event) => {
	const { user } = await requirePlatformAdmin(event);
	const format = event.url.searchParams.get('format') ?? 'xml';
	if (!(format in TYPES)) error(400);
	const now = new Date();
	const year = reportYear(event.url.searchParams.get('jahr'), now);
	const report = await reportForAdmin(user.id, year, 'dac7.reportDownloaded', now, format);
	const body =
		format === 'csv'
			? '\ufeff' + reportCsv(report)
			: format === 'json'
				? reportJson(report)
				: reportXml(report, `DE-DPI-${year}-${now.getTime()}`, now);
	return new Response(body, {
		headers: {
			'content-type': TYPES[format as keyof typeof TYPES],
			'content-disposition': `attachment; filename="dac7-${year}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
