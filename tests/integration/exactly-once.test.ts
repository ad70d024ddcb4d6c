// The one primitive exactly-once rests on: an insert under a unique key. FerretDB v1 has no
// transactions and no atomic read-modify-write, so these tests race many inserts over many
// connections and count the winners.
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../../src/lib/server/db';
import { takeRateLimitSlot } from '../../src/lib/server/repos/rate-limits';
import { claimOnce } from '../../src/lib/server/repos/tokens';
import { EmailTakenError, insertUser } from '../../src/lib/server/repos/users';
import { backends } from './backends';

const ATTEMPTS = 200;

async function race(attempt: (i: number) => Promise<unknown>, n = ATTEMPTS) {
	const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => attempt(i)));
	const won = results.filter((r) => r.status === 'fulfilled').length;
	const lost = results.filter((r) => r.status === 'rejected');
	return { won, lost: lost.map((r) => (r as PromiseRejectedResult).reason) };
}

for (const backend of backends()) {
	describe.skipIf(!backend.uri)(
		`${backend.name}: unique-index inserts under ${ATTEMPTS} concurrent attempts`,
		() => {
			let client: MongoClient;
			let db: Db;

			beforeAll(async () => {
				// A pool as large as the race, so the attempts really are in flight at once.
				client = new MongoClient(backend.uri!, { maxPoolSize: ATTEMPTS, minPoolSize: 20 });
				await client.connect();
				db = client.db(`race_${randomBytes(4).toString('hex')}`);
			});

			afterAll(async () => {
				await db?.dropDatabase();
				await client?.close();
			});

			it('lets exactly one insert of the same _id win', async () => {
				const col = db.collection<{ _id: string; attempt: number }>('claims');
				const { won, lost } = await race((i) =>
					col.insertOne({ _id: 'settlement:exchange-42', attempt: i })
				);
				expect(won).toBe(1);
				expect(lost).toHaveLength(ATTEMPTS - 1);
				expect(lost.every(isDuplicateKeyError)).toBe(true);
				expect(await col.countDocuments({})).toBe(1);
			});

			it('lets exactly one insert of the same unique secondary key win', async () => {
				const col = db.collection<{ _id: string; key: string }>('keyed');
				await col.createIndex({ key: 1 }, { unique: true, name: 'key_unique' });
				const { won, lost } = await race((i) =>
					col.insertOne({ _id: `doc-${i}`, key: 'idempotency-key-7' })
				);
				expect(won).toBe(1);
				expect(lost.every(isDuplicateKeyError)).toBe(true);
				expect(await col.countDocuments({ key: 'idempotency-key-7' })).toBe(1);
			});

			it('hands out each sequence number exactly once when writers race for the next one', async () => {
				// The pattern later issues use for the ledger: insert seq = last + 1, retry on conflict.
				const col = db.collection<{ _id: string; seq: number; writer: number }>('log');
				const writers = 40;
				async function append(writer: number) {
					for (let tries = 0; tries < 500; tries++) {
						const last = await col.find({}).sort({ seq: -1 }).limit(1).next();
						const seq = (last?.seq ?? 0) + 1;
						try {
							await col.insertOne({ _id: `q1:${String(seq).padStart(8, '0')}`, seq, writer });
							return seq;
						} catch (err) {
							if (!isDuplicateKeyError(err)) throw err;
						}
					}
					throw new Error('gave up');
				}
				const seqs = await Promise.all(Array.from({ length: writers }, (_, i) => append(i)));
				expect(new Set(seqs).size).toBe(writers);
				expect([...seqs].sort((a, b) => a - b)).toEqual(
					Array.from({ length: writers }, (_, i) => i + 1)
				);
				expect(await col.countDocuments({})).toBe(writers);
			});
		}
	);
}

describe('the app’s exactly-once helpers on the embedded database', () => {
	it('claimOnce is true for exactly one of 200 concurrent callers', async () => {
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: ATTEMPTS }, () => claimOnce('reset-password:abc', now))
		);
		expect(results.filter(Boolean)).toHaveLength(1);
	});

	it('a rate limit of 8 lets exactly 8 of 100 concurrent attempts through', async () => {
		const ids = Array.from({ length: 8 }, (_, i) => `login-email:race:0:${i + 1}`);
		const expiresAt = new Date(Date.now() + 60_000);
		const results = await Promise.all(
			Array.from({ length: 100 }, () => takeRateLimitSlot(ids, expiresAt))
		);
		expect(results.filter(Boolean)).toHaveLength(8);
	});

	it('two sign-ups racing for one address create exactly one account', async () => {
		const now = new Date();
		const { won, lost } = await race(
			(i) =>
				insertUser(
					{
						id: `racer${String(i).padStart(19, '0')}`,
						email: 'wettlauf@beispiel.de',
						displayName: `Racer ${i}`,
						locale: 'de',
						passwordHash: 'x'
					},
					now
				),
			20
		);
		expect(won).toBe(1);
		expect(lost.every((e) => e instanceof EmailTakenError)).toBe(true);
	});
});
