import { json } from '@sveltejs/kit';
import { health, healthHttpStatus } from '$lib/server/services/health';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: 200 while the database answers, 503 when it does not. */
export const GET: RequestHandler = async () => {
	const report = await health.report();
	return json(report, {
		status: healthHttpStatus(report),
		headers: { 'cache-control': 'no-store' }
	});
};
