// The words for the kinds of transfers in a time account's statement, in the reader's language
// (one message per label, so that a page carries only what it shows: docs/architecture.md).
import type { TransferKind } from '$lib/domain/ledger/ledger';
import { m } from '$lib/paraglide/messages';

const KINDS: Record<TransferKind, () => string> = {
	exchange: () => m.account_kind_exchange(),
	'start-credit': () => m.account_kind_start_credit(),
	grant: () => m.account_kind_grant(),
	donation: () => m.account_kind_donation(),
	reversal: () => m.account_kind_reversal(),
	correction: () => m.account_kind_correction(),
	closure: () => m.account_kind_closure(),
	trade: () => m.account_kind_trade()
};

export const transferKindLabel = (kind: TransferKind): string => KINDS[kind]();
