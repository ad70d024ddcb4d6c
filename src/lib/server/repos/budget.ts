// The community budget: lines, their early closings and the euro grants recorded against them.
// Everything is insert-only. A quarter's lines are few (a handful a year), so they are read with
// one query per page; a line's euro grants are numbered, so the next one is an insert of the
// next `_id` and two writers never both take it.
import type { BudgetLine, EuroGrant } from '../../domain/budget/budget';
import type { LogStore } from '../logs';
import { db, insertUnique, type BudgetEuroGrantDoc, type BudgetLineDoc } from '../db';

function toLine(doc: BudgetLineDoc, closedOn: string | null): BudgetLine {
	const { _id, ...rest } = doc;
	return { id: _id, ...rest, closedOn };
}

function toEuroGrant(doc: BudgetEuroGrantDoc): EuroGrant & { quarterId: string; key: string } {
	const { _id, ...rest } = doc;
	return { id: _id, ...rest };
}

/** Stores a line: 'taken' when its id is taken (the same submit). */
export async function insertBudgetLine(
	line: Omit<BudgetLine, 'closedOn'>
): Promise<'inserted' | 'taken'> {
	const { id, ...rest } = line;
	return insertUnique((await db()).budgetLines, { _id: id, ...rest });
}

export async function findBudgetLine(quarterId: string, id: string): Promise<BudgetLine | null> {
	const c = await db();
	const [doc, closure] = await Promise.all([
		c.budgetLines.findOne({ _id: id }),
		c.budgetLineClosures.findOne({ _id: id })
	]);
	if (!doc || doc.quarterId !== quarterId) return null;
	return toLine(doc, closure?.closedOn ?? null);
}

export async function listBudgetLines(quarterId: string): Promise<BudgetLine[]> {
	const c = await db();
	const [docs, closures] = await Promise.all([
		c.budgetLines.find({ quarterId }).toArray(),
		c.budgetLineClosures.find({ quarterId }).toArray()
	]);
	const closedOn = new Map(closures.map((d) => [d._id, d.closedOn]));
	return docs.map((doc) => toLine(doc, closedOn.get(doc._id) ?? null));
}

/** Closes a line from a day on: 'taken' when it was closed already. */
export async function insertBudgetLineClosure(input: {
	quarterId: string;
	lineId: string;
	closedOn: string;
	reason: string;
	by: string;
	at: Date;
}): Promise<'inserted' | 'taken'> {
	const { lineId, ...rest } = input;
	return insertUnique((await db()).budgetLineClosures, { _id: lineId, ...rest });
}

export function euroGrantId(lineId: string, n: number): string {
	return `${lineId}:${String(n).padStart(6, '0')}`;
}

export type StoredEuroGrant = EuroGrant & { quarterId: string; key: string };

/** A budget line's euro grants as a log (services/budget.ts); a stream is a line. Grant `n` is
 * 'taken' when the number or its key is taken. */
export const euroGrantStore: LogStore<StoredEuroGrant> = {
	async insert(lineId, n, grant) {
		const { id: _ignored, ...rest } = grant;
		return insertUnique((await db()).budgetEuroGrants, {
			...rest,
			_id: euroGrantId(lineId, n),
			lineId,
			n
		});
	},
	async find(lineId, n) {
		const doc = await (await db()).budgetEuroGrants.findOne({ _id: euroGrantId(lineId, n) });
		return doc ? toEuroGrant(doc) : null;
	}
};

export async function listQuarterEuroGrants(quarterId: string): Promise<EuroGrant[]> {
	const docs = await (await db()).budgetEuroGrants.find({ quarterId }).toArray();
	return docs.map(toEuroGrant).sort((a, b) => a.lineId.localeCompare(b.lineId) || a.n - b.n);
}

/** The grant recorded under this key (a submit seen before), if any. */
export async function findEuroGrantByKey(
	quarterId: string,
	key: string
): Promise<EuroGrant | null> {
	const doc = await (await db()).budgetEuroGrants.findOne({ quarterId, key });
	return doc ? toEuroGrant(doc) : null;
}
