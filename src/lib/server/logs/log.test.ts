// The log mechanism on an in-memory store: the database's part (an insert of a taken number
// fails) is the one thing the store imitates; the integration tests run the same on FerretDB.
import { describe, expect, it } from 'vitest';
import { Log, type LogSpec, type LogStore } from './log';
import { withSeenMarks } from './read-your-writes';

interface Entry {
	n: number;
	value: string;
}

/** Streams as arrays; counts the look-ups so a test can see when a read asked the store. */
function memoryStore() {
	const streams = new Map<string, Entry[]>();
	const store = {
		finds: 0,
		streams,
		async insert(stream: string, seq: number, entry: Entry) {
			const list = streams.get(stream) ?? [];
			if (list.length >= seq) return 'taken' as const;
			streams.set(stream, [...list, entry]);
			return 'inserted' as const;
		},
		async find(stream: string, seq: number) {
			store.finds++;
			return streams.get(stream)?.[seq - 1] ?? null;
		}
	} satisfies LogStore<Entry> & Record<string, unknown>;
	return store;
}

/** A fold that makes a new state per entry, as the exchanges' does. */
function spec(
	store: LogStore<Entry>,
	more: Partial<LogSpec<readonly string[], Entry>> = {}
): LogSpec<readonly string[], Entry> {
	return {
		name: 'test',
		store,
		seqOf: (e) => e.n,
		empty: () => [],
		apply: (state, e) => [...state, e.value],
		freshMs: 0,
		maxStreams: 10,
		...more
	};
}

const add = (value: string) => (state: readonly string[], n: number) =>
	state.includes(value)
		? { ok: false as const, problem: 'listed' as const }
		: { ok: true as const, entry: { n, value } };

describe('Log', () => {
	it('keeps the state an immutable fold returns, and earlier states stay as they were', async () => {
		const log = new Log(spec(memoryStore()));
		const first = await log.append('s', add('a'));
		const second = await log.append('s', add('b'));
		expect(first.ok && first.state).toEqual(['a']);
		expect(second.ok && second.state).toEqual(['a', 'b']);
		expect(await log.read('s')).toEqual(['a', 'b']);
	});

	it('decides again on the latest state when another server took the number', async () => {
		const store = memoryStore();
		const a = new Log(spec(store));
		const b = new Log(spec(store));
		await b.read('s'); // b holds the empty stream
		await a.append('s', add('x'));
		// b's first try takes number 1, which is taken: it reads entry 1 and is refused.
		expect(await b.append('s', add('x'))).toEqual({ ok: false, problem: 'listed' });
		const appended = await b.append('s', add('y'));
		expect(appended).toMatchObject({ ok: true, seq: 2, state: ['x', 'y'] });
	});

	it('a closed state is answered from memory; an open one is read to the head', async () => {
		const store = memoryStore();
		const closed = (state: readonly string[]) => state.includes('end');
		const a = new Log(spec(store, { closed }));
		const b = new Log(spec(store, { closed }));
		await a.append('s', add('x'));
		await b.read('s');
		await a.append('s', add('y'));
		expect(await b.read('s')).toEqual(['x', 'y']);
		await a.append('s', add('end'));
		expect(await b.read('s')).toEqual(['x', 'y', 'end']);
		const finds = store.finds;
		expect(await b.read('s')).toEqual(['x', 'y', 'end']);
		expect(store.finds).toBe(finds);
	});

	it('reads up to the numbers this person appended on another server (seen marks)', async () => {
		const store = memoryStore();
		// Another server's appends are not read within a long freshness window...
		const a = new Log(spec(store, { freshMs: 60_000 }));
		const b = new Log(spec(store, { freshMs: 60_000 }));
		await b.read('s');
		const { cookie } = await withSeenMarks(undefined, () => a.append('s', add('x')));
		expect(await b.read('s')).toEqual([]);
		// ...but are when the request carries the mark of its own append.
		const { result } = await withSeenMarks(cookie ?? undefined, () => b.read('s'));
		expect(result).toEqual(['x']);
	});

	it('starts streams from entries read in bulk, up to the first gap, then follows them', async () => {
		const store = memoryStore();
		const writer = new Log(spec(store));
		for (const v of ['a', 'b', 'c']) await writer.append('s', add(v));
		for (const v of ['p', 'q']) await writer.append('t', add(v));
		const reader = new Log(spec(store, { closed: () => true }));
		const [a, , c] = store.streams.get('s')!;
		reader.preload([
			['s', [a!, c!]],
			['t', store.streams.get('t')!]
		]);
		const finds = store.finds;
		// A closed state is not probed, so this is what the bulk entries gave.
		expect(await reader.read('s')).toEqual(['a']);
		expect(await reader.read('t')).toEqual(['p', 'q']);
		expect(store.finds).toBe(finds);
		expect(await reader.refresh('s')).toEqual(['a', 'b', 'c']);
		// A stream held already is not replaced by a bulk read.
		reader.preload([['s', [a!]]]);
		expect(await reader.read('s')).toEqual(['a', 'b', 'c']);
	});

	it('gives up with contention when every number it tries is taken', async () => {
		const store = memoryStore();
		const log = new Log(spec(store));
		store.insert = async () => 'taken';
		expect(await log.append('s', add('x'))).toEqual({ ok: false, problem: 'contention' });
	});
});
