// The legal texts' versions, the rules acceptances and the trader identities: three insert-only
// logs (server/logs), each entry under `<stream>:<number>` so that appending is an insert of the
// next number and following a stream is a probe of the next `_id`. Nothing here is ever updated.
import type { Collection } from 'mongodb';
import type { LegalTexts, LegalVersion } from '../../domain/legal/documents';
import type { RulesAcceptance } from '../../domain/legal/acceptance';
import type { TraderIdentity } from '../../domain/legal/trader';
import { getDb, insertUnique } from '../db';
import type { LogStore } from '../logs';

interface LegalVersionDoc {
	_id: string;
	stream: string;
	seq: number;
	texts: LegalTexts;
	substantial: boolean;
	by: string;
	at: Date;
}

interface RulesAcceptanceDoc {
	_id: string;
	userId: string;
	seq: number;
	version: number;
	at: Date;
	via: RulesAcceptance['via'];
}

interface TraderIdentityDoc {
	_id: string;
	userId: string;
	seq: number;
	legalName: string;
	address: string;
	email: string;
	phone: string;
	registerNumber: string;
	lawfulConfirmed: boolean;
	at: Date;
}

/** `<stream>:000001`: numbers sort as text too, for a person reading the collection. */
export function entryId(stream: string, seq: number): string {
	return `${stream}:${String(seq).padStart(6, '0')}`;
}

async function collection<T extends { _id: string }>(name: string): Promise<Collection<T>> {
	return (await getDb()).collection<T>(name);
}

/** A log store over one collection whose documents are the entries plus their `_id`. */
function store<E extends object, D extends { _id: string }>(
	name: string,
	streamField: keyof D & string,
	fromDoc: (doc: D) => E
): LogStore<E> {
	return {
		async insert(stream, seq, entry) {
			const doc = { ...entry, _id: entryId(stream, seq), [streamField]: stream, seq };
			return insertUnique(await collection<D>(name), doc as never);
		},
		async find(stream, seq) {
			const doc = await (await collection<D>(name)).findOne({ _id: entryId(stream, seq) } as never);
			return doc ? fromDoc(doc as D) : null;
		}
	};
}

export const legalVersionStore = store<LegalVersion, LegalVersionDoc>(
	'legal_versions',
	'stream',
	({ _id: _ignored, ...version }) => version
);

export const rulesAcceptanceStore = store<RulesAcceptance, RulesAcceptanceDoc>(
	'rules_acceptances',
	'userId',
	({ _id: _ignored, ...acceptance }) => acceptance
);

export const traderIdentityStore = store<TraderIdentity, TraderIdentityDoc>(
	'trader_identities',
	'userId',
	({ _id: _ignored, ...identity }) => identity
);

/** Whose trader identity is on record, of these people (the cockpit's member list). The newest
 * entry per person; one query for the whole list instead of a probe per member. */
export async function latestTraderIdentities(
	userIds: readonly string[]
): Promise<Map<string, TraderIdentity>> {
	const out = new Map<string, TraderIdentity>();
	if (userIds.length === 0) return out;
	const docs = await (
		await collection<TraderIdentityDoc>('trader_identities')
	)
		.find({ userId: { $in: [...userIds] } })
		.toArray();
	for (const { _id: _ignored, ...identity } of docs) {
		const known = out.get(identity.userId);
		if (!known || identity.seq > known.seq) out.set(identity.userId, identity);
	}
	return out;
}
