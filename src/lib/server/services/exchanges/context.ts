// What every use-case of one exchange service works with: this server's read model and the
// services it books and tells through. Tests make several (two ledger books, one database) to
// stand in for several app servers.
import { randomBytes } from 'node:crypto';
import { ledger as appLedger, type LedgerBook } from '../ledger';
import { notifications as appNotifications, type Notifications } from '../notifications';
import { trade as appTrade, TradeBook } from '../trade';
import { createReadModel, type ReadModel } from './read-model';

export interface ExchangeDeps {
	ledger?: LedgerBook;
	/** Defaults to the app's, or one on `ledger` when a test gives its own book. */
	trade?: TradeBook;
	notifications?: Notifications;
	/** False for the demo seed, which writes a year of history without mailing anyone. */
	mail?: boolean;
}

export interface ExchangeContext {
	/** Names this server in `settling` events: it may finish its own at once, others wait. */
	readonly holder: string;
	readonly ledger: LedgerBook;
	readonly trade: TradeBook;
	readonly notifications: Notifications;
	readonly mail: boolean;
	readonly model: ReadModel;
}

export function createExchangeContext(deps: ExchangeDeps = {}): ExchangeContext {
	return {
		holder: randomBytes(6).toString('hex'),
		ledger: deps.ledger ?? appLedger,
		trade: deps.trade ?? (deps.ledger ? new TradeBook(deps.ledger) : appTrade),
		notifications: deps.notifications ?? appNotifications,
		mail: deps.mail ?? true,
		model: createReadModel()
	};
}
