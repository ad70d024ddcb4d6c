// Snapshots let a read model start from a stored state and replay only the tail of its log.
// They are versioned by the log position and by the fold's version (bumped when `apply` or the
// state's shape changes), written in the background, and never needed for correctness: a
// missing, stale or unreadable snapshot just means a longer replay.
import { newId } from '../ids';
import { findSnapshot, saveSnapshot } from '../repos/snapshots';
import { logger } from '../logger.js';
import { snapshotUsable } from './forget';

export interface Snapshots<S> {
	/** The fold's version: snapshots of another version are ignored. */
	version: number;
	/** A snapshot is written after this many new entries. */
	every: number;
	/** The state as parts, each small enough for one document (well under 16 MB). */
	encode(state: S): unknown[];
	decode(parts: unknown[], stream: string): S;
}

export async function loadSnapshot<S>(
	log: string,
	stream: string,
	spec: Snapshots<S>
): Promise<{ state: S; seq: number } | null> {
	try {
		const stored = await findSnapshot(log, stream);
		if (!stored || stored.version !== spec.version) return null;
		if (!snapshotUsable(stored.at)) return null;
		return { state: spec.decode(stored.parts, stream), seq: stored.seq };
	} catch (err) {
		logger.error({ err }, `Snapshot of ${log} ${stream} unreadable, replaying the whole log`);
		return null;
	}
}

const writing = new Set<string>();

/** Encodes the state now (it changes after this call) and stores it in the background; at
 * most one write per stream at a time, and a failure is only logged. */
export function writeSnapshot<S>(
	log: string,
	stream: string,
	spec: Snapshots<S>,
	state: S,
	seq: number
): void {
	const key = `${log}|${stream}`;
	if (writing.has(key)) return;
	let parts: unknown[];
	try {
		parts = spec.encode(state);
	} catch (err) {
		logger.error({ err }, `Snapshot of ${log} ${stream} at ${seq} could not be made`);
		return;
	}
	writing.add(key);
	saveSnapshot(log, stream, { seq, version: spec.version, parts }, newId(), new Date())
		.catch((err) => logger.error({ err }, `Snapshot of ${log} ${stream} at ${seq} not stored`))
		.finally(() => writing.delete(key));
}
