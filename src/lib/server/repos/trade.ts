// Trade between quarters: each pair's insert-only log (domain/trade/pair.ts). An entry's `_id` is
// `<a>~<b>:<seq>` (zero-padded), so appending is an insert of the next id and following is a
// probe of the next `_id`, the one filter the embedded database answers from its index.
import type { TradeEntry } from '../../domain/trade/pair';
import type { LogStore } from '../logs';
import { db, insertUnique, type TradeLogDoc } from '../db';

const SEQ_DIGITS = 10;

export function tradeEntryId(pair: string, seq: number): string {
	return `${pair}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

function toEntry(doc: TradeLogDoc): TradeEntry {
	const { _id: _ignored, pair: _pair, ...entry } = doc;
	return entry as TradeEntry;
}

export async function findTradeEntry(pair: string, seq: number): Promise<TradeEntry | null> {
	const doc = await (await db()).tradeLog.findOne({ _id: tradeEntryId(pair, seq) });
	return doc ? toEntry(doc) : null;
}

/** Every entry of a pair in number order (ledger:verify, and a load without a snapshot). */
export async function listTradeEntries(pair: string): Promise<TradeEntry[]> {
	const docs = await (await db()).tradeLog.find({ pair }).toArray();
	return docs.map(toEntry).sort((a, b) => a.seq - b.seq);
}

/** The pairs that have a log: the ones some management ever switched on. */
export async function listTradePairs(): Promise<string[]> {
	const docs = await (
		await db()
	).tradeLog
		.find({ kind: 'switch' }, { projection: { pair: 1 } })
		.toArray();
	return [...new Set(docs.map((d) => d.pair))].sort();
}

/** A pair's log as a log of server/logs; a stream is a pair key. */
export const tradeStore: LogStore<TradeEntry> = {
	async insert(pair, seq, entry) {
		return insertUnique((await db()).tradeLog, {
			...entry,
			_id: tradeEntryId(pair, seq),
			pair
		} as TradeLogDoc);
	},
	find: findTradeEntry,
	async *readAll(pair) {
		yield* await listTradeEntries(pair);
	}
};
