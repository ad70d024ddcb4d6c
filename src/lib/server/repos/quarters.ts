import {
	DEFAULT_CATEGORIES,
	withStandardLabels,
	type Block,
	type Category
} from '../../domain/listings/categories';
import { withDefaults, type QuarterSettings } from '../../domain/quarters/settings';
import { standardCategoryLabel } from '../category-labels';
import { db, isDuplicateKeyError, type QuarterDoc } from '../db';
import { RecentCache } from '../logs';

export interface Quarter {
	id: string;
	name: string;
	city: string;
	description: string;
	settings: QuarterSettings;
	categories: Category[];
	blocks: Block[];
}

function toQuarter(doc: QuarterDoc): Quarter {
	return {
		id: doc._id,
		name: doc.name,
		city: doc.city,
		description: doc.description,
		settings: withDefaults(doc.settings),
		// Default categories read their names from the message files (translated, reworded).
		categories: withStandardLabels(doc.categories ?? DEFAULT_CATEGORIES, standardCategoryLabel),
		blocks: doc.blocks ?? []
	};
}

/**
 * A quarter and the list of quarters are read on every page (the address names the quarter; the
 * navigation looks up a person's memberships in each). They change rarely, so another server
 * may show a change up to 10 s late (freshness rule 6, docs/architecture.md); this server's own
 * changes drop them at once. Each caller gets its own copy.
 */
const QUARTER_MAX_AGE_MS = 10_000;
const quarters = new RecentCache<string, Quarter | null>(QUARTER_MAX_AGE_MS, 1_000);
const quarterIds = new RecentCache<'all', string[]>(QUARTER_MAX_AGE_MS, 1);

function changed(id: string): void {
	quarters.drop(id);
	quarterIds.drop('all');
}

export async function findQuarter(id: string): Promise<Quarter | null> {
	const quarter = await quarters.read(id, async () => {
		const doc = await (await db()).quarters.findOne({ _id: id });
		return doc ? toQuarter(doc) : null;
	});
	return quarter ? structuredClone(quarter) : null;
}

export async function listQuarterIds(): Promise<string[]> {
	const ids = await quarterIds.read('all', async () => {
		const docs = await (await db()).quarters.find({}, { projection: { _id: 1 } }).toArray();
		return docs.map((doc) => doc._id);
	});
	return [...ids];
}

export async function listQuarters(): Promise<Quarter[]> {
	const docs = await (await db()).quarters.find({}).sort({ name: 1 }).toArray();
	return docs.map(toQuarter);
}

/** Inserts a quarter; a taken slug fails with a duplicate-key error. Without a taxonomy of its
 * own the quarter starts with the default categories. */
export async function insertQuarter(
	quarter: Omit<Quarter, 'categories' | 'blocks'> & Partial<Pick<Quarter, 'categories' | 'blocks'>>,
	now: Date
): Promise<void> {
	await (
		await db()
	).quarters.insertOne({
		_id: quarter.id,
		name: quarter.name,
		city: quarter.city,
		description: quarter.description,
		settings: quarter.settings,
		categories: quarter.categories ?? [...DEFAULT_CATEGORIES],
		blocks: quarter.blocks ?? [],
		createdAt: now
	});
	changed(quarter.id);
}

/** The quarter's blocks (street sections), as services/quarters.ts checked them. */
export async function updateQuarterBlocks(id: string, blocks: Block[]): Promise<void> {
	await (await db()).quarters.updateOne({ _id: id }, { $set: { blocks } });
	changed(id);
}

export async function updateQuarterSettings(id: string, settings: QuarterSettings): Promise<void> {
	await (await db()).quarters.updateOne({ _id: id }, { $set: { settings } });
	changed(id);
}

/** Name, city and description as the platform administrator edits them; the slug never changes. */
export async function updateQuarterDetails(
	id: string,
	details: Pick<Quarter, 'name' | 'city' | 'description'>
): Promise<void> {
	await (await db()).quarters.updateOne({ _id: id }, { $set: details });
	changed(id);
}

export async function updateQuarterCategories(id: string, categories: Category[]): Promise<void> {
	await (await db()).quarters.updateOne({ _id: id }, { $set: { categories } });
	changed(id);
}

/** Inserts a new quarter; false when its slug is taken (the `_id` decides, whoever comes first). */
export async function insertNewQuarter(
	quarter: Parameters<typeof insertQuarter>[0],
	now: Date
): Promise<boolean> {
	try {
		await insertQuarter(quarter, now);
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}
