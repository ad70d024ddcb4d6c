import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobRunner, retryDelay } from './jobs';
import { logger } from './logger.js';

describe('job runner', () => {
	const runner = new JobRunner();
	// The failures below are expected: their log lines would only hide real ones.
	const level = logger.level;
	beforeAll(() => void (logger.level = 'silent'));
	afterAll(() => void (logger.level = level));
	afterEach(() => {
		runner.stopAll();
		vi.useRealTimers();
	});

	it('records a failure, keeps going and retries sooner, then records the success', async () => {
		vi.useFakeTimers();
		let calls = 0;
		runner.register({
			name: 'flaky',
			everyMs: 60_000,
			firstAfterMs: 1_000,
			run: async () => {
				calls++;
				if (calls === 1) throw new Error('SMTP server unreachable');
			}
		});
		await vi.advanceTimersByTimeAsync(1_000);
		expect(runner.statuses()[0]).toMatchObject({
			name: 'flaky',
			runs: 1,
			failures: 1,
			lastOk: false,
			lastError: 'SMTP server unreachable',
			running: false
		});
		// Retried after the first backoff (5 s), not after a whole interval.
		await vi.advanceTimersByTimeAsync(5_000);
		expect(calls).toBe(2);
		expect(runner.statuses()[0]).toMatchObject({
			runs: 2,
			failures: 1,
			lastOk: true,
			lastError: null
		});
		// Then every interval again.
		await vi.advanceTimersByTimeAsync(59_000);
		expect(calls).toBe(2);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(calls).toBe(3);
	});

	it('never starts a run while one is still going', async () => {
		let release!: () => void;
		let running = 0;
		let maxRunning = 0;
		const job = runner.register({
			name: 'slow',
			everyMs: 60_000,
			run: async () => {
				running++;
				maxRunning = Math.max(maxRunning, running);
				await new Promise<void>((resolve) => (release = resolve));
				running--;
			}
		});
		const first = job.runNow();
		// Asked twice more while running: one more run, after the first, never beside it.
		const second = job.runNow();
		void job.runNow();
		expect(runner.statuses()[0]!.running).toBe(true);
		release();
		await Promise.all([first, second]);
		expect(maxRunning).toBe(1);
		await expect.poll(() => runner.statuses()[0]!.runs).toBe(2);
		release();
		await expect.poll(() => runner.statuses()[0]!.running).toBe(false);
		expect(maxRunning).toBe(1);
		expect(runner.statuses()[0]).toMatchObject({ runs: 2, lastOk: true });
	});

	it('never throws, whatever the job does', async () => {
		const job = runner.register({
			name: 'throws-synchronously',
			everyMs: 60_000,
			run: () => {
				throw new TypeError('not a promise at all');
			}
		});
		await expect(job.runNow()).resolves.toBeUndefined();
		expect(runner.statuses()[0]).toMatchObject({ failures: 1, lastError: 'not a promise at all' });
	});

	it('backs off from 5 s, doubling, never beyond the interval', () => {
		expect([0, 1, 2, 3, 10].map((n) => retryDelay(60_000, n))).toEqual([
			60_000, 5_000, 10_000, 20_000, 60_000
		]);
	});
});
