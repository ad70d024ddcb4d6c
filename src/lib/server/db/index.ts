import { collections, type Collections } from './collections';
import { getDb } from './client';

export { getDb, closeDb, inBackground } from './client';
export { insertUnique, isDuplicateKeyError } from './collections';
export type * from './collections';

/** The typed collections of the configured database (connecting on first use). */
export async function db(): Promise<Collections> {
	return collections(await getDb());
}
