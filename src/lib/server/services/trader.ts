// Trader identity (Anbieterkennzeichnung, Art. 30 DSA): a business member gives it before their
// first commercial offer is published; their profile shows it; the quarter management sees
// whether it is complete. One insert-only list of versions per person (server/logs).
import {
	isComplete,
	nextTraderIdentity,
	type TraderDetails,
	type TraderIdentity
} from '../../domain/legal/trader';
import { Log } from '../logs';
import { latestTraderIdentities, traderIdentityStore } from '../repos/legal';

/** A person's versions fold into the newest; only that one is shown. */
const identities = new Log<TraderIdentity | null, TraderIdentity>({
	name: 'trader-identities',
	store: traderIdentityStore,
	seqOf: (identity) => identity.seq,
	empty: () => null,
	apply: (_current, identity) => identity,
	freshMs: 2_000,
	maxStreams: 5_000
});

export function traderIdentity(userId: string): Promise<TraderIdentity | null> {
	return identities.read(userId);
}

export async function hasCompleteTraderIdentity(userId: string): Promise<boolean> {
	return isComplete(await identities.read(userId));
}

/** Stores the details as the person's newest version (the same details twice store nothing). */
export async function saveTraderIdentity(
	userId: string,
	details: TraderDetails,
	now: Date
): Promise<{ ok: true; identity: TraderIdentity } | { ok: false; problem: 'contention' }> {
	const result = await identities.append<never>(userId, (current, seq) => {
		const next = nextTraderIdentity(current, userId, details, seq, now);
		return next ? { ok: true, entry: next } : { ok: true, existing: current! };
	});
	return result.ok ? { ok: true, identity: result.entry } : { ok: false, problem: 'contention' };
}

/** For the cockpit's member list: whether each person's trader identity is complete. */
export async function traderIdentityComplete(
	userIds: readonly string[]
): Promise<Map<string, boolean>> {
	const latest = await latestTraderIdentities(userIds);
	return new Map(userIds.map((id) => [id, isComplete(latest.get(id))]));
}
