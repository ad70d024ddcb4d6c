import { describe, expect, it } from 'vitest';
import { createLogger, prettyLine, withLogContext } from './logger.js';

function capture(pretty: boolean) {
	const lines: string[] = [];
	const log = createLogger({
		level: 'info',
		pretty,
		destination: { write: (l) => void lines.push(l) }
	});
	return { log, lines };
}

describe('the log', () => {
	it('writes one JSON line per entry with the request id of the work it belongs to', async () => {
		const { log, lines } = capture(false);
		await withLogContext({ reqId: 'r1' }, async () => {
			await new Promise((r) => setTimeout(r, 1));
			log.info({ method: 'GET', path: '/konto', status: 200, ms: 4 }, 'request');
		});
		log.error({ err: new Error('SMTP down') }, 'Job failed');
		const [request, failure] = lines.map((l) => JSON.parse(l));
		expect(request).toMatchObject({ level: 'info', reqId: 'r1', path: '/konto', msg: 'request' });
		expect(request.time).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(failure).toMatchObject({ level: 'error', err: { message: 'SMTP down' } });
		expect(failure.reqId).toBeUndefined();
	});

	it('is readable in the demo', () => {
		const { log, lines } = capture(true);
		withLogContext({ job: 'auto-settle' }, () => log.warn({ settled: 2 }, 'done'));
		expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}done job=auto-settle settled=2\n$/);
		expect(prettyLine('not json')).toBe('not json');
	});
});
