// What /healthz reports: whether the database answers, how far this server's read models are
// behind their logs, and every background job's last run. No secrets, no personal data.
import { jobStatuses, type JobStatus } from '../jobs';
import { Log, type LogLag } from '../logs';
import { pingDatabase, type Ping } from '../repos/health';
import { binder } from './bind';

export interface HealthContext {
	ping: () => Promise<Ping>;
	lag: () => Promise<LogLag[]>;
	jobs: () => JobStatus[];
}

export interface HealthReport {
	/** 'ok'; 'degraded' when a job's last run failed; 'down' when the database does not answer. */
	status: 'ok' | 'degraded' | 'down';
	checkedAt: string;
	uptimeS: number;
	database: { reachable: boolean; ms: number; problem?: 'timeout' | 'error' };
	readModels: LogLag[] | null;
	jobs: JobStatus[];
}

const PING_TIMEOUT_MS = 2_000;

export async function healthReport(ctx: HealthContext): Promise<HealthReport> {
	const ping = await ctx.ping();
	// The lag needs the database: skipped when it does not answer, so the report stays quick.
	const readModels = ping.ok ? await ctx.lag().catch(() => null) : null;
	const jobs = ctx.jobs();
	const status = !ping.ok ? 'down' : jobs.some((j) => j.lastOk === false) ? 'degraded' : 'ok';
	return {
		status,
		checkedAt: new Date().toISOString(),
		uptimeS: Math.round(process.uptime()),
		database: ping.ok
			? { reachable: true, ms: ping.ms }
			: { reachable: false, ms: ping.ms, problem: ping.problem },
		readModels,
		jobs
	};
}

/** 503 only when the database does not answer: a failing job is shown, the server still serves. */
export function healthHttpStatus(report: HealthReport): 200 | 503 {
	return report.status === 'down' ? 503 : 200;
}

export function createHealth(ctx: HealthContext) {
	const bind = binder(ctx);
	return { report: bind(healthReport) };
}

export const health = createHealth({
	ping: () => pingDatabase(PING_TIMEOUT_MS),
	lag: () => Log.lagAll(),
	jobs: jobStatuses
});
