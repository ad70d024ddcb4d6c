// In which order a backup reads the collections. FerretDB v1 has no snapshots, so a backup of
// a running app reads one collection after another. Where records of collection A point at
// records of collection B that were written before them (a settled exchange names its ledger
// entry; a ledger entry names its exchange's members; everything names users and quarters),
// A is read before B: whatever A's copy refers to was already written when A was read, so B's
// later copy holds it. Derived data (read-model snapshots at a log position) is read before
// every log, so a snapshot is never ahead of its log. Collections not named here (new or
// unknown ones) are read in between, by name.

/** Read first: derived from the logs read later. */
const FIRST = ['snapshots'];

/** Read last, in this order: each refers to the ones after it. */
const LAST = [
	'notification_reads',
	'notifications',
	'thanks',
	'exchange_index',
	'exchange_events',
	'budget_euro_grants',
	'ledger',
	'budget_line_closures',
	'budget_lines',
	'chat_reads',
	'chat_pending',
	'chat_inbox',
	'chat_messages',
	'conversations',
	'listing_revisions',
	'profiles',
	'photos',
	'memberships',
	'emails',
	'users',
	'quarters'
];

export function backupOrder(collections: readonly string[]): string[] {
	const present = new Set(collections);
	const named = new Set([...FIRST, ...LAST]);
	return [
		...FIRST.filter((c) => present.has(c)),
		...[...collections].filter((c) => !named.has(c)).sort(),
		...LAST.filter((c) => present.has(c))
	];
}
