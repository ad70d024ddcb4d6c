// Blocks (street sections) of a quarter as an office keeps them in a spreadsheet: one line per
// block, `name;lat;lng` (German Excel) or `name,lat,lng`. An import is all or nothing, so the
// rules here report every bad line at once and the caller stores only a clean list.
import type { Block } from '../listings/categories';
import { slugify } from './settings';

export type BlockProblem =
	| 'columns'
	| 'name_missing'
	| 'name_too_long'
	| 'lat_invalid'
	| 'lng_invalid'
	| 'duplicate'
	| 'empty'
	| 'too_many';

export interface BlockLineError {
	/** 1-based line of the file (the header is line 1). */
	line: number;
	problem: BlockProblem;
}

export const MAX_BLOCKS = 500;
export const BLOCK_NAME_MAX = 80;

/** A coordinate as typed: a dot, or a decimal comma where the separator is `;`. */
function coordinate(text: string, min: number, max: number): number | null {
	const t = text.trim().replace(',', '.');
	if (!/^-?\d{1,3}(\.\d{1,8})?$/.test(t)) return null;
	const n = Number(t);
	return n >= min && n <= max ? n : null;
}

/** Checks one block as typed into a form or read from a file. */
export function checkBlock(
	name: string,
	lat: string,
	lng: string
): { ok: true; block: Block } | { ok: false; problem: BlockProblem } {
	const clean = name.trim().replace(/\s+/g, ' ');
	if (!clean) return { ok: false, problem: 'name_missing' };
	if (clean.length > BLOCK_NAME_MAX) return { ok: false, problem: 'name_too_long' };
	const id = slugify(clean);
	if (!id) return { ok: false, problem: 'name_missing' };
	const la = coordinate(lat, -90, 90);
	if (la === null) return { ok: false, problem: 'lat_invalid' };
	const lo = coordinate(lng, -180, 180);
	if (lo === null) return { ok: false, problem: 'lng_invalid' };
	return { ok: true, block: { id, name: clean, lat: la, lon: lo } };
}

/** Splits one line by the file's separator; quotes around a field are dropped. */
function fields(line: string, separator: string): string[] {
	return line.split(separator).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Parses a CSV of blocks. The header `name;lat;lng` (or with commas; `lon` is read as `lng`) is
 * optional; blank lines are skipped. Every bad line is reported; blocks only when none is bad.
 */
export function parseBlocksCsv(
	text: string
): { ok: true; blocks: Block[] } | { ok: false; errors: BlockLineError[] } {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
	const firstLine = lines.find((l) => l.trim() !== '') ?? '';
	const separator = firstLine.includes(';') ? ';' : ',';
	const errors: BlockLineError[] = [];
	const blocks: Block[] = [];
	const seen = new Set<string>();
	for (const [i, raw] of lines.entries()) {
		if (raw.trim() === '') continue;
		const parts = fields(raw, separator);
		const isHeader =
			blocks.length === 0 &&
			errors.length === 0 &&
			/^(name|block|baublock)$/i.test(parts[0] ?? '') &&
			/^lat/i.test(parts[1] ?? '');
		if (isHeader) continue;
		if (parts.length !== 3) {
			errors.push({ line: i + 1, problem: 'columns' });
			continue;
		}
		const checked = checkBlock(parts[0]!, parts[1]!, parts[2]!);
		if (!checked.ok) {
			errors.push({ line: i + 1, problem: checked.problem });
			continue;
		}
		if (seen.has(checked.block.id)) {
			errors.push({ line: i + 1, problem: 'duplicate' });
			continue;
		}
		seen.add(checked.block.id);
		blocks.push(checked.block);
	}
	if (errors.length > 0) return { ok: false, errors };
	if (blocks.length === 0) return { ok: false, errors: [{ line: 1, problem: 'empty' }] };
	if (blocks.length > MAX_BLOCKS) return { ok: false, errors: [{ line: 1, problem: 'too_many' }] };
	return { ok: true, blocks };
}

/** Imported blocks replace those of the same name (id) and join the others, in file order. */
export function mergeBlocks(existing: readonly Block[], imported: readonly Block[]): Block[] {
	const byId = new Map(imported.map((b) => [b.id, b]));
	const kept = existing.map((b) => byId.get(b.id) ?? b);
	const known = new Set(existing.map((b) => b.id));
	return [...kept, ...imported.filter((b) => !known.has(b.id))];
}
