// The Bürgerbudget: each round's log (insert-only, entry n+1 taken by inserting its `_id`) and
// each member's ballots in a round (a log per round and member, the latest number counts). A
// quarter has a round or two a year, so its rounds are read with one query; a round's ballots
// (a few hundred) with another.
import type { RoundEntry } from '../../domain/participation/round';
import type { BallotEntry } from '../../domain/participation/vote';
import type { LogStore } from '../logs';
import { db, insertUnique } from '../db';

export type StoredRoundEntry = RoundEntry & { roundId: string; quarterId: string; n: number };
export type StoredBallot = BallotEntry & { roundId: string; quarterId: string; choice: string[] };

const pad = (n: number) => String(n).padStart(4, '0');

export function roundEntryId(roundId: string, n: number): string {
	return `${roundId}:${pad(n)}`;
}

/** A round's entries as a log (services/participation); a stream is a round. */
export const roundEntryStore: LogStore<StoredRoundEntry> = {
	async insert(roundId, n, entry) {
		return insertUnique((await db()).participationRoundLog, {
			...entry,
			_id: roundEntryId(roundId, n),
			roundId,
			n
		});
	},
	async find(roundId, n) {
		const doc = await (await db()).participationRoundLog.findOne({ _id: roundEntryId(roundId, n) });
		if (!doc) return null;
		const { _id: _ignored, ...entry } = doc;
		return entry;
	}
};

/** Every entry of a quarter's rounds, grouped by round in number order. */
export async function listQuarterRoundEntries(
	quarterId: string
): Promise<Map<string, StoredRoundEntry[]>> {
	const docs = await (await db()).participationRoundLog.find({ quarterId }).toArray();
	const byRound = new Map<string, StoredRoundEntry[]>();
	for (const { _id: _ignored, ...entry } of docs) {
		const list = byRound.get(entry.roundId) ?? [];
		list.push(entry);
		byRound.set(entry.roundId, list);
	}
	for (const list of byRound.values()) list.sort((a, b) => a.n - b.n);
	return byRound;
}

/** A ballot stream is `<roundId>:<userId>`. */
export function ballotStream(roundId: string, userId: string): string {
	return `${roundId}:${userId}`;
}

/** One member's ballots in a round as a log; the stream is `ballotStream(roundId, userId)`. */
export const ballotStore: LogStore<StoredBallot> = {
	async insert(stream, n, ballot) {
		return insertUnique((await db()).participationBallots, {
			_id: `${stream}:${pad(n)}`,
			roundId: ballot.roundId,
			quarterId: ballot.quarterId,
			userId: ballot.userId,
			n,
			choice: [...ballot.choice],
			at: ballot.at
		});
	},
	async find(stream, n) {
		const doc = await (await db()).participationBallots.findOne({ _id: `${stream}:${pad(n)}` });
		return doc ? toBallot(doc) : null;
	}
};

function toBallot(doc: {
	roundId: string;
	quarterId: string;
	userId: string;
	n: number;
	choice: string[];
	at: Date;
}): StoredBallot {
	return {
		roundId: doc.roundId,
		quarterId: doc.quarterId,
		userId: doc.userId,
		n: doc.n,
		choice: doc.choice,
		at: doc.at
	};
}

/** Every ballot of a round (each member's whole history; the count keeps the latest). */
export async function listRoundBallots(roundId: string): Promise<StoredBallot[]> {
	const docs = await (await db()).participationBallots.find({ roundId }).toArray();
	return docs.map(toBallot);
}
