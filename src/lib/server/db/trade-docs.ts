// The stored shape of trade between quarters (services/trade.ts): one insert-only log per pair
// of quarters. Split from collections.ts, which spreads it in.
import type { Db } from 'mongodb';
import type { TradeEntry } from '../../domain/trade/pair';

/** One entry of a pair's log: `_id` is `<a>~<b>:<seq, 10 digits>`, so entry n+1 is taken by
 * exactly one writer. */
export type TradeLogDoc = TradeEntry & { _id: string; pair: string };

export function tradeCollections(db: Db) {
	return { tradeLog: db.collection<TradeLogDoc>('trade_log') };
}
