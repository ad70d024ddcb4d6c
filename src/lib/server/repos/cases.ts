// Mediation cases: the case itself (written once), its key (one case per source), its event log
// (insert-only, event n+1 taken by inserting its `_id`) and a marker per closed case.
import type { CaseEvent, CaseFacts } from '../../domain/cases/case';
import type { LogStore } from '../logs';
import { db, insertUnique, isDuplicateKeyError, type CaseDoc } from '../db';

export type StoredCaseEvent = CaseEvent & { caseId: string; quarterId: string };

export function caseEventId(caseId: string, n: number): string {
	return `${caseId}:${String(n).padStart(4, '0')}`;
}

function toFacts(doc: CaseDoc): CaseFacts {
	const { _id, ...rest } = doc;
	return { id: _id, ...rest };
}

/** The case a key names, or null. */
export async function findCaseKey(key: string): Promise<string | null> {
	return (await (await db()).caseKeys.findOne({ _id: key }))?.caseId ?? null;
}

/** Takes the key for `caseId`; returns the case id that holds the key (another one if taken). */
export async function claimCaseKey(key: string, caseId: string, at: Date): Promise<string> {
	const c = await db();
	try {
		await c.caseKeys.insertOne({ _id: key, caseId, at });
		return caseId;
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err;
		const held = await c.caseKeys.findOne({ _id: key });
		if (!held) throw err;
		return held.caseId;
	}
}

/** Stores the case once; a second insert of the same case is no error. */
export async function insertCase(facts: CaseFacts): Promise<boolean> {
	const { id, ...rest } = facts;
	try {
		await (await db()).cases.insertOne({ _id: id, ...rest, partyIds: [...rest.partyIds] });
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}

export async function findCase(id: string): Promise<CaseFacts | null> {
	const doc = await (await db()).cases.findOne({ _id: id });
	return doc ? toFacts(doc) : null;
}

/** A quarter's cases, oldest first. A quarter has dozens a year, so a filter read is cheap. */
export async function listCasesOfQuarter(quarterId: string): Promise<CaseFacts[]> {
	const docs = await (await db()).cases.find({ quarterId }).sort({ openedAt: 1 }).toArray();
	return docs.map(toFacts);
}

/** The cases a member is a party to, in one quarter (or all, when `quarterIds` is empty). */
export async function listCasesOfParty(userId: string): Promise<CaseFacts[]> {
	const docs = await (await db()).cases.find({ partyIds: userId }).sort({ openedAt: -1 }).toArray();
	return docs.map(toFacts);
}

/** A case's events as a log (services/cases/context.ts); a stream is a case. */
export const caseEventStore: LogStore<StoredCaseEvent> = {
	async insert(caseId, n, event) {
		return insertUnique((await db()).caseEvents, { ...event, _id: caseEventId(caseId, n), n });
	},
	async find(caseId, n) {
		const doc = await (await db()).caseEvents.findOne({ _id: caseEventId(caseId, n) });
		if (!doc) return null;
		const { _id: _ignored, ...event } = doc;
		return event;
	}
};

export async function markCaseClosed(caseId: string, quarterId: string, at: Date): Promise<void> {
	try {
		await (await db()).casesClosed.insertOne({ _id: caseId, quarterId, at });
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err;
	}
}

export async function closedCaseIds(quarterId: string): Promise<Set<string>> {
	const docs = await (await db()).casesClosed.find({ quarterId }).project({ _id: 1 }).toArray();
	return new Set(docs.map((d) => d._id as string));
}
