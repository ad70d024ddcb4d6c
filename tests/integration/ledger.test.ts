// Exactly once and within limits, with several app servers booking at once, and after one of
// them is killed in the middle of its work.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verifyLedger, type LedgerEntry } from '../../src/lib/domain/ledger/ledger';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { LedgerBook } from '../../src/lib/server/services/ledger';
import { LIMITS, attempt, run, type Outcome } from './ledger-load';

function expectSound(entries: LedgerEntry[], outcomes: Outcome[]) {
	const report = verifyLedger(entries, LIMITS);
	expect(report.problems).toEqual([]);
	expect(report.sum).toBe(0);
	for (const [account, balance] of report.balances) {
		expect(balance, account).toBeGreaterThanOrEqual(LIMITS.member.minBalanceMinutes);
		expect(balance, account).toBeLessThanOrEqual(LIMITS.member.maxBalanceMinutes);
	}
	const byKey = new Map(entries.map((e) => [e.key, e]));
	expect(byKey.size, 'one entry per key').toBe(entries.length);
	// Every accepted attempt is in the ledger, under the number it was told; all attempts with
	// one key were told the same number.
	const told = new Map<string, number>();
	for (const o of outcomes.filter((x) => x.ok)) {
		expect(byKey.get(o.key)?.seq, o.key).toBe(o.seq);
		expect(told.get(o.key) ?? o.seq, o.key).toBe(o.seq);
		told.set(o.key, o.seq!);
	}
	// A key that was only ever refused was not booked.
	for (const o of outcomes.filter((x) => !x.ok && !told.has(x.key))) {
		expect(byKey.has(o.key), o.key).toBe(false);
	}
}

/** Entries of a quarter once no more arrive: a killed process's last command may still land. */
async function settledEntries(quarterId: string): Promise<LedgerEntry[]> {
	let last = -1;
	for (;;) {
		const entries = await listLedgerEntries(quarterId);
		if (entries.length === last) return entries;
		last = entries.length;
		await new Promise((r) => setTimeout(r, 300));
	}
}

/** Runs a worker process over attempts [from, to); `killAfter` results, it is SIGKILLed. */
function worker(quarterId: string, prefix: string, from: number, to: number, killAfter?: number) {
	return new Promise<{ outcomes: Outcome[]; killed: boolean }>((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				// tsx as a loader, not its CLI: the CLI runs the script in a child process that a SIGKILL
				// of the CLI would leave running.
				'--import',
				'tsx',
				'tests/integration/ledger-worker.ts',
				quarterId,
				prefix,
				String(from),
				String(to)
			],
			{
				env: process.env,
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		const outcomes: Outcome[] = [];
		let buffer = '';
		child.stdout.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			let nl;
			while ((nl = buffer.indexOf('\n')) >= 0) {
				outcomes.push(JSON.parse(buffer.slice(0, nl)));
				buffer = buffer.slice(nl + 1);
				if (killAfter !== undefined && outcomes.length === killAfter) child.kill('SIGKILL');
			}
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (signal === 'SIGKILL') resolve({ outcomes, killed: true });
			else if (code === 0) resolve({ outcomes, killed: false });
			else reject(new Error(`ledger worker exited with ${code}`));
		});
	});
}

describe('the ledger under concurrent bookings', () => {
	it('two servers in one process: 500 attempts plus 100 retries, each booked once, limits hold', async () => {
		const quarterId = 'last-a';
		const a = new LedgerBook();
		const b = new LedgerBook();
		const all = Array.from({ length: 500 }, (_, i) => i);
		// Retries of attempts that server b made itself: its bookings run in order, so each retry
		// comes after its original (retries of the other server's attempts may overtake them).
		const retries = Array.from({ length: 100 }, (_, k) => (2 * k * 37 + 1) % 500);
		const outcomes = (
			await Promise.all([
				run(
					a,
					quarterId,
					'a',
					all.filter((i) => i % 2 === 0)
				),
				run(
					b,
					quarterId,
					'a',
					all.filter((i) => i % 2 === 1)
				),
				run(b, quarterId, 'a', retries)
			])
		).flat();
		const entries = await listLedgerEntries(quarterId);
		const first = outcomes.slice(0, 500);
		expect(entries.length).toBeGreaterThan(50);
		expect(first.some((o) => !o.ok && o.code === 'below_minimum')).toBe(true);
		expect(first.some((o) => !o.ok && o.code === 'above_maximum')).toBe(true);
		expectSound(entries, outcomes);
		// Every booked entry is one of the 500 attempts; retries added none of their own.
		expect(new Set(outcomes.filter((o) => o.ok).map((o) => o.key)).size).toBe(entries.length);
		// A retry answers with the entry booked first, never a second one.
		for (const o of outcomes.slice(500)) {
			const original = first.find((x) => x.key === o.key)!;
			if (original.ok) expect(o).toMatchObject({ ok: true, duplicate: true, seq: original.seq });
		}
		// Both servers' books agree with the database.
		const fromDb = verifyLedger(entries, LIMITS).balances;
		expect(Object.fromEntries(await a.balances(quarterId))).toEqual(Object.fromEntries(fromDb));
		expect(Object.fromEntries(await b.balances(quarterId))).toEqual(Object.fromEntries(fromDb));
	});

	it('two server processes booking 500 attempts at once', async () => {
		const quarterId = 'last-b';
		const here = new LedgerBook();
		const [mine, theirs] = await Promise.all([
			run(
				here,
				quarterId,
				'b',
				Array.from({ length: 250 }, (_, i) => i)
			),
			worker(quarterId, 'b', 250, 500)
		]);
		const outcomes = [...mine, ...theirs.outcomes];
		expect(outcomes).toHaveLength(500);
		const entries = await listLedgerEntries(quarterId);
		expect(outcomes.filter((o) => o.ok).length).toBe(entries.length);
		expectSound(entries, outcomes);
	});

	it('a server killed in the middle loses, doubles and half-writes nothing; a restart resumes', async () => {
		const quarterId = 'last-c';
		const here = new LedgerBook();
		const [mine, killed] = await Promise.all([
			run(
				here,
				quarterId,
				'c',
				Array.from({ length: 200 }, (_, i) => i)
			),
			worker(quarterId, 'c', 200, 500, 40)
		]);
		expect(killed.killed).toBe(true);
		const afterKill = await settledEntries(quarterId);
		// Whatever the killed process had booked is whole and counted once.
		expectSound(afterKill, [...mine, ...killed.outcomes]);

		// The restarted server does the same work again: what was booked is found, not doubled.
		const resumed = await worker(quarterId, 'c', 200, 500);
		expect(resumed.killed).toBe(false);
		const entries = await listLedgerEntries(quarterId);
		expectSound(entries, [...mine, ...resumed.outcomes]);
		for (const o of killed.outcomes.filter((x) => x.ok)) {
			expect(resumed.outcomes.find((r) => r.key === o.key)).toMatchObject({
				ok: true,
				duplicate: true,
				seq: o.seq
			});
		}
		const keys = entries.map((e) => e.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.every((k) => attempt('c', Number(k.split(':')[1])).key === k)).toBe(true);
	});
});
