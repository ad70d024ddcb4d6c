// The data download (Art. 15, 20 GDPR): everything the app holds about one person, found
// through the personal-data registry (server/privacy/registry.ts), as a ZIP with a machine-
// readable `data.json`, a readable `data.html` in the person's language, and their photos. The
// collections are read in parallel, each after the ones its `via` refs need (a conversation's
// messages after the person's conversations), one query per collection.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Locale } from '../../../domain/locale';
import { DATA_EXPORT_LIMIT, exportFileName } from '../../../domain/privacy/retention';
import { newId } from '../../ids';
import { appendAudit } from '../../repos/audit';
import { findPersonDocuments, type Person, type PlainDoc } from '../../repos/privacy';
import { findUserById } from '../../repos/users';
import { exportPlan, PERSONAL_COLLECTIONS } from '../../privacy/registry';
import { membershipsOfUser } from '../members';
import { consumeAttempt, type Limited } from '../rate-limit';
import { renderExportHtml } from './html';

export interface PersonalData {
	format: 'quartiermarkt-personal-data';
	version: 1;
	createdAt: Date;
	person: { id: string; email: string; displayName: string; locale: Locale };
	/** Each exported collection's documents of the person, by collection name. */
	collections: Record<string, PlainDoc[]>;
	/** Collections that name the person but are left out, with the reason. */
	leftOut: Record<string, string>;
}

/** A dotted path's values in a document (arrays give each element). */
function valuesAt(doc: unknown, path: string): unknown[] {
	let current: unknown[] = [doc];
	for (const key of path.split('.')) {
		current = current.flatMap((v) => {
			if (v === null || typeof v !== 'object') return [];
			const next = (v as Record<string, unknown>)[key];
			return Array.isArray(next) ? next : next === undefined ? [] : [next];
		});
	}
	return current;
}

function omitFields(doc: PlainDoc, omit: readonly string[]): PlainDoc {
	const copy: PlainDoc = { ...doc };
	for (const field of omit) delete copy[field];
	return copy;
}

/** The person's documents of every collection of the plan, with photo bytes apart. */
export async function collectPersonalData(
	userId: string,
	now: Date
): Promise<{ data: PersonalData; photos: Map<string, Uint8Array> } | null> {
	const user = await findUserById(userId);
	if (!user) return null;
	const emailDocs = await findPersonDocuments(
		'emails',
		[{ field: 'userId' }],
		{
			userId,
			emails: []
		},
		() => []
	);
	const person: Person = {
		userId,
		emails: [...new Set([user.email, ...emailDocs.map((d) => String(d._id))])]
	};
	const loaded = new Map<string, PlainDoc[]>();
	const loading = new Map<string, Promise<PlainDoc[]>>();
	const plan = exportPlan();
	const load = (name: string): Promise<PlainDoc[]> => {
		let promise = loading.get(name);
		if (!promise) {
			const entry = plan.find((c) => c.name === name)!;
			const refs = entry.exportBy ?? entry.refs;
			promise = (async () => {
				await Promise.all(refs.flatMap((ref) => ('via' in ref ? [load(ref.via)] : [])));
				const docs = await findPersonDocuments(name, refs, person, (via, field) =>
					(loaded.get(via) ?? []).flatMap((doc) => valuesAt(doc, field))
				);
				loaded.set(name, docs);
				return docs;
			})();
			loading.set(name, promise);
		}
		return promise;
	};
	await Promise.all(plan.map((c) => load(c.name)));

	const photos = new Map<string, Uint8Array>();
	for (const doc of loaded.get('photos') ?? []) {
		const full = doc.full as { buffer?: Uint8Array } | undefined;
		if (full?.buffer) photos.set(String(doc._id), full.buffer);
	}
	const collections: Record<string, PlainDoc[]> = {};
	const leftOut: Record<string, string> = {};
	for (const entry of PERSONAL_COLLECTIONS) {
		if (entry.export.include) {
			collections[entry.name] = (loaded.get(entry.name) ?? []).map((doc) =>
				omitFields(doc, entry.export.include ? (entry.export.omit ?? []) : [])
			);
		} else leftOut[entry.name] = entry.export.why;
	}
	return {
		data: {
			format: 'quartiermarkt-personal-data',
			version: 1,
			createdAt: now,
			person: {
				id: user.id,
				email: user.email,
				displayName: user.displayName,
				locale: user.locale
			},
			collections,
			leftOut
		},
		photos
	};
}

/** The ZIP of the download: `data.json`, `data.html` and `photos/<id>.webp`. */
export function zipPersonalData(
	data: PersonalData,
	photos: ReadonlyMap<string, Uint8Array>,
	locale: Locale
): Uint8Array {
	const files: Zippable = {
		'data.json': strToU8(JSON.stringify(data, null, 2)),
		'data.html': strToU8(renderExportHtml(data, locale))
	};
	// Photos are compressed already (WebP): stored as they are.
	for (const [id, bytes] of photos) files[`photos/${id}.webp`] = [bytes, { level: 0 }];
	return zipSync(files, { level: 6, mtime: data.createdAt });
}

export type DownloadResult =
	| { ok: true; zip: Uint8Array; fileName: string; ms: number }
	| Limited
	| { ok: false; reason: 'not_found' };

/**
 * A person's download of their own data: limited to a few an hour per person, recorded in the
 * audit log of each quarter they belong to (the operator can show that the request was met).
 */
export async function downloadPersonalData(
	userId: string,
	locale: Locale,
	now = new Date()
): Promise<DownloadResult> {
	const limited = await consumeAttempt(
		[{ rule: DATA_EXPORT_LIMIT, subject: `user:${userId}` }],
		now
	);
	if (limited) return limited;
	const started = performance.now();
	const collected = await collectPersonalData(userId, now);
	if (!collected) return { ok: false, reason: 'not_found' };
	const zip = zipPersonalData(collected.data, collected.photos, locale);
	const ms = Math.round(performance.now() - started);
	const quarters = (await membershipsOfUser(userId)).map((m) => m.quarterId);
	const records = Object.values(collected.data.collections).reduce((n, docs) => n + docs.length, 0);
	await Promise.all(
		quarters.map((quarterId) =>
			appendAudit({
				id: `data-export:${quarterId}:${userId}:${newId()}`,
				quarterId,
				at: now,
				actorId: userId,
				action: 'member.dataExport',
				target: { type: 'member', id: userId },
				reason: '',
				details: { records, bytes: zip.length, ms }
			})
		)
	);
	return { ok: true, zip, fileName: exportFileName(now, locale), ms };
}
