// What every use-case of one case service works with: the services an outcome is carried out
// through, this server's queue of acts per case and its view of the case log. Tests and the demo
// seed make their own (with their own exchange service) beside the app's.
import { KeyedQueue } from '../../keyed-queue';
import { Log, entryList } from '../../logs';
import { caseEventStore, type StoredCaseEvent } from '../../repos/cases';
import { exchanges as appExchanges, type ExchangeService } from '../exchanges';
import { ledger as appLedger, type LedgerBook } from '../ledger';
import { notifications as appNotifications, type Notifications } from '../notifications';
import { timeAccounts as appTimeAccounts, type TimeAccounts } from '../time-accounts';

export interface CaseDeps {
	exchanges?: ExchangeService;
	timeAccounts?: TimeAccounts;
	ledger?: LedgerBook;
	notifications?: Notifications;
}

export interface CaseContext {
	readonly exchanges: ExchangeService;
	readonly timeAccounts: TimeAccounts;
	readonly ledger: LedgerBook;
	readonly notifications: Notifications;
	/** One act per case at a time on this server; other servers are kept apart by the log. */
	readonly queue: KeyedQueue;
	/** Each case's events: one stream of the shared log mechanism (server/logs). */
	readonly log: Log<StoredCaseEvent[], StoredCaseEvent>;
}

export function createCaseContext(deps: CaseDeps = {}): CaseContext {
	return {
		exchanges: deps.exchanges ?? appExchanges,
		timeAccounts: deps.timeAccounts ?? appTimeAccounts,
		ledger: deps.ledger ?? appLedger,
		notifications: deps.notifications ?? appNotifications,
		queue: new KeyedQueue(),
		log: new Log<StoredCaseEvent[], StoredCaseEvent>({
			name: 'cases',
			store: caseEventStore,
			seqOf: (event) => event.n,
			...entryList<StoredCaseEvent>(),
			// A case page shows what the other side just wrote.
			freshMs: 0,
			maxStreams: 2_000
		})
	};
}
