// The app's background jobs: one small runner instead of a timer per job. A job runs every
// `everyMs`; a run still going is never started a second time; a failing run is logged with the
// job's name and retried sooner (backoff from 5 s, doubling, at most `everyMs`); nothing a job
// does can end the process. /healthz shows every job's last run (jobStatuses).
//
// Registering one more job is one line:
//   registerJob({ name: 'mail-outbox', everyMs: 30_000, run: (now) => sendQueued(now) });
import { componentLogger, withLogContext } from './logger.js';

export interface JobSpec {
	/** Unique; names the job in logs and /healthz. Registering a name again replaces the job. */
	name: string;
	everyMs: number;
	/** Delay of the first run after registering (default: everyMs). */
	firstAfterMs?: number;
	run: (now: Date) => Promise<unknown>;
}

export interface JobStatus {
	name: string;
	everyMs: number;
	running: boolean;
	runs: number;
	failures: number;
	/** Failures since the last success (drives the backoff). */
	failingSince: number;
	lastStartedAt: string | null;
	lastFinishedAt: string | null;
	lastDurationMs: number | null;
	/** null before the first run ends. */
	lastOk: boolean | null;
	lastError: string | null;
	nextRunAt: string | null;
}

export interface JobHandle {
	/** Runs the job now; when it is running, runs it once more right after (however often this
	 * is asked meanwhile). Resolves when this run (or the running one) ends. Never rejects. */
	runNow(): Promise<void>;
	stop(): void;
}

const FIRST_RETRY_MS = 5_000;

/** The delay before the next run after `consecutiveFailures` failures in a row. */
export function retryDelay(everyMs: number, consecutiveFailures: number): number {
	if (consecutiveFailures <= 0) return everyMs;
	return Math.min(everyMs, FIRST_RETRY_MS * 2 ** Math.min(consecutiveFailures - 1, 20));
}

class Job implements JobHandle {
	private timer: ReturnType<typeof setTimeout> | null = null;
	private current: Promise<void> | null = null;
	private again = false;
	private stopped = false;
	readonly status: JobStatus;

	constructor(
		private readonly spec: JobSpec,
		private readonly log = componentLogger('jobs')
	) {
		this.status = {
			name: spec.name,
			everyMs: spec.everyMs,
			running: false,
			runs: 0,
			failures: 0,
			failingSince: 0,
			lastStartedAt: null,
			lastFinishedAt: null,
			lastDurationMs: null,
			lastOk: null,
			lastError: null,
			nextRunAt: null
		};
	}

	schedule(delayMs: number): void {
		if (this.stopped) return;
		if (this.timer) clearTimeout(this.timer);
		this.status.nextRunAt = new Date(Date.now() + delayMs).toISOString();
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.runNow();
		}, delayMs);
		this.timer.unref?.();
	}

	runNow(): Promise<void> {
		if (this.current) {
			// Asked while running (e.g. a new mail while the sender works): once more right after.
			this.again = true;
			return this.current;
		}
		this.current = this.runOnce().finally(() => {
			this.current = null;
			if (this.again && !this.stopped) {
				this.again = false;
				void this.runNow();
			} else this.schedule(retryDelay(this.spec.everyMs, this.status.failingSince));
		});
		return this.current;
	}

	private async runOnce(): Promise<void> {
		const s = this.status;
		const started = new Date();
		s.running = true;
		s.runs++;
		s.lastStartedAt = started.toISOString();
		s.nextRunAt = null;
		try {
			await withLogContext({ job: this.spec.name }, () => this.spec.run(started));
			s.lastOk = true;
			s.lastError = null;
			s.failingSince = 0;
		} catch (err) {
			s.lastOk = false;
			s.lastError = err instanceof Error ? err.message : String(err);
			s.failures++;
			s.failingSince++;
			this.log.error(
				{
					job: this.spec.name,
					err,
					failuresInARow: s.failingSince,
					retryInMs: retryDelay(this.spec.everyMs, s.failingSince)
				},
				`Job ${this.spec.name} failed; it runs again later`
			);
		} finally {
			s.running = false;
			s.lastFinishedAt = new Date().toISOString();
			s.lastDurationMs = Date.now() - started.getTime();
		}
	}

	stop(): void {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.status.nextRunAt = null;
	}
}

/** A set of jobs; the app has one (below), tests make their own. */
export class JobRunner {
	private readonly jobs = new Map<string, Job>();

	register(spec: JobSpec): JobHandle {
		this.jobs.get(spec.name)?.stop();
		const job = new Job(spec);
		this.jobs.set(spec.name, job);
		job.schedule(spec.firstAfterMs ?? spec.everyMs);
		return job;
	}

	statuses(): JobStatus[] {
		return [...this.jobs.values()].map((job) => ({ ...job.status }));
	}

	stopAll(): void {
		for (const job of this.jobs.values()) job.stop();
		this.jobs.clear();
	}
}

const appJobs = new JobRunner();

export function registerJob(spec: JobSpec): JobHandle {
	return appJobs.register(spec);
}

export function jobStatuses(): JobStatus[] {
	return appJobs.statuses();
}

export function stopJobs(): void {
	appJobs.stopAll();
}
