// The cache of values a view may show somewhat old: how old, what a drop or an erasure does, and
// that concurrent misses share one read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetAll } from './forget';
import { RecentCache } from './recent-cache';

afterEach(() => {
	vi.useRealTimers();
});

describe('RecentCache', () => {
	it('answers from memory until the value is older than maxAgeMs, then reads again', async () => {
		vi.useFakeTimers({ now: 0 });
		const cache = new RecentCache<string, number>(10_000, 10);
		let reads = 0;
		const load = async () => ++reads;
		expect(await cache.read('a', load)).toBe(1);
		vi.setSystemTime(10_000);
		expect(await cache.read('a', load)).toBe(1);
		vi.setSystemTime(10_001);
		expect(await cache.read('a', load)).toBe(2);
		expect(reads).toBe(2);
	});

	it('reads again at once after this server dropped the value', async () => {
		const cache = new RecentCache<string, string>(10_000, 10);
		expect(await cache.read('q', async () => 'old')).toBe('old');
		cache.drop('q');
		expect(await cache.read('q', async () => 'new')).toBe('new');
	});

	it('does not keep what a read brought that began before a drop', async () => {
		const cache = new RecentCache<string, string>(10_000, 10);
		let finish: (value: string) => void = () => {};
		const reading = cache.read('q', () => new Promise((resolve) => (finish = resolve)));
		cache.drop('q');
		finish('before the change');
		expect(await reading).toBe('before the change');
		expect(await cache.read('q', async () => 'after the change')).toBe('after the change');
	});

	it('shares one read among concurrent misses of a key', async () => {
		const cache = new RecentCache<string, number>(10_000, 10);
		let reads = 0;
		const load = async () => {
			reads++;
			await new Promise((resolve) => setTimeout(resolve, 5));
			return reads;
		};
		expect(await Promise.all([cache.read('a', load), cache.read('a', load)])).toEqual([1, 1]);
		expect(reads).toBe(1);
	});

	it('reads only the missing keys, and leaves out what the database does not know', async () => {
		const cache = new RecentCache<string, string>(10_000, 10);
		await cache.readMany(['u1'], async () => new Map([['u1', 'Anna']]));
		const asked: string[][] = [];
		const names = await cache.readMany(['u1', 'u2', 'gone'], async (missing) => {
			asked.push(missing);
			return new Map([['u2', 'Tobias']]);
		});
		expect(asked).toEqual([['u2', 'gone']]);
		expect([...names]).toEqual([
			['u1', 'Anna'],
			['u2', 'Tobias']
		]);
	});

	it('keeps at most max values, and forgets everything after an erasure', async () => {
		const cache = new RecentCache<string, string>(10_000, 2);
		for (const key of ['a', 'b', 'c']) await cache.read(key, async () => key);
		expect(cache.get('a')).toBeUndefined();
		expect(cache.get('c')).toBe('c');
		forgetAll();
		expect(cache.get('c')).toBeUndefined();
	});
});
