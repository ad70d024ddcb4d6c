export {
	Log,
	entryList,
	type Appended,
	type Decision,
	type Inserted,
	type LogSpec,
	type LogLag,
	type LogStore
} from './log';
export { BoundedMap } from './bounded-map';
export { RecentCache } from './recent-cache';
export type { Snapshots } from './snapshots';
export { SEEN_COOKIE, SEEN_MAX_AGE_S, withSeenMarks } from './read-your-writes';
export { forgetAll, registerForgettable } from './forget';
