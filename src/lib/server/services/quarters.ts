// The quarters of an installation: created and edited by the platform administrator (admin area
// and `npm run admin`), their settings changed by the quarter management too. Every change is
// one function used by every door (cockpit, admin area, CLI, demo seed) and goes to the audit log.
import type { AuditAction } from '../../domain/audit/actions';
import { BILANZ_FIGURES, type BilanzFigureId } from '../../domain/bilanz/bilanz';
import {
	parseBlocksCsv,
	checkBlock,
	mergeBlocks,
	type BlockLineError
} from '../../domain/quarters/blocks';
import type { Block, Category } from '../../domain/listings/categories';
import { checkFeeSettings } from '../../domain/payments/fee';
import {
	checkTimeBankLimits,
	DEFAULT_QUARTER_SETTINGS,
	slugify,
	type QuarterSettings
} from '../../domain/quarters/settings';
import type { FieldErrors } from '../../schemas/form';
import type { NewQuarterInput, QuarterDetailsInput } from '../../schemas/platform';
import type { quarterSettingsSchema } from '../../schemas/quarter';
import type { z } from 'zod';
import { newId } from '../ids';
import { appendAudit } from '../repos/audit';
import {
	findQuarter as findQuarterById,
	insertNewQuarter,
	listQuarters as listAllQuarters,
	updateQuarterBlocks,
	updateQuarterCategories,
	updateQuarterDetails,
	updateQuarterSettings,
	type Quarter
} from '../repos/quarters';

export type { Quarter };

export function listQuarters(): Promise<Quarter[]> {
	return listAllQuarters();
}

export function findQuarter(id: string): Promise<Quarter | null> {
	return findQuarterById(id);
}

export type QuarterSettingsInput = z.infer<typeof quarterSettingsSchema>;

/** The settings form's values on top of the current settings, checked against the domain rules;
 * errors are message keys by field. */
export function settingsFromInput(
	current: QuarterSettings,
	input: QuarterSettingsInput
): { ok: true; settings: QuarterSettings } | { ok: false; errors: FieldErrors } {
	const timeBank = {
		minBalanceMinutes: input.minBalanceHours,
		maxBalanceMinutes: input.maxBalanceHours
	};
	const fee = {
		platformFeeBasisPoints: input.platformFeePercent,
		platformFeeCapCents: input.platformFeeCapEuros
	};
	const problem = checkTimeBankLimits(timeBank);
	if (problem) {
		const field = problem === 'max_negative' ? 'maxBalanceHours' : 'minBalanceHours';
		return { ok: false, errors: { [field]: `error_limits_${problem}` } };
	}
	// The schema keeps to these bounds already; the domain rule has the last word before saving.
	const feeProblem = checkFeeSettings(fee);
	if (feeProblem) {
		const field = feeProblem === 'cap_invalid' ? 'platformFeeCapEuros' : 'platformFeePercent';
		return { ok: false, errors: { [field]: `error_fee_${feeProblem}` } };
	}
	return {
		ok: true,
		settings: {
			...current,
			memberApproval: input.memberApproval,
			listingPreModeration: input.listingPreModeration,
			timeBank,
			listingExpiryDays: input.listingExpiryDays,
			paidOfferHintThreshold: input.paidOfferHintThreshold,
			autoSettleAfterDays: input.autoSettleAfterDays,
			startCreditMinutes: input.startCreditHours,
			...fee
		}
	};
}

/** The fields that differ, as audit details (`field: "old → new"`). */
function changes(before: object, after: object): Record<string, string> {
	const out: Record<string, string> = {};
	const a = before as Record<string, unknown>;
	const b = after as Record<string, unknown>;
	for (const key of Object.keys(b)) {
		const from = JSON.stringify(a[key]);
		const to = JSON.stringify(b[key]);
		if (from !== to) out[key] = `${from ?? '—'} → ${to}`.slice(0, 200);
	}
	return out;
}

async function auditQuarter(
	quarterId: string,
	action: AuditAction,
	actorId: string,
	now: Date,
	details: Record<string, string | number | boolean | null>,
	reason = ''
): Promise<void> {
	await appendAudit({
		id: `quarter:${quarterId}:${action}:${newId()}`,
		quarterId,
		at: now,
		actorId,
		action,
		target: { type: 'quarter', id: quarterId },
		reason,
		details
	});
}

export type SettingsResult =
	| { ok: true }
	| { ok: false; errors: FieldErrors }
	| { ok: false; errors: null; problem: 'not_found' };

/** Saves the settings form of the cockpit or the admin area, with an audit entry of what changed. */
export async function changeQuarterSettings(
	quarterId: string,
	input: QuarterSettingsInput,
	actorId: string,
	now: Date
): Promise<SettingsResult> {
	const quarter = await findQuarterById(quarterId);
	if (!quarter) return { ok: false, errors: null, problem: 'not_found' };
	const checked = settingsFromInput(quarter.settings, input);
	if (!checked.ok) return checked;
	const details = changes(quarter.settings, checked.settings);
	if (Object.keys(details).length === 0) return { ok: true };
	await updateQuarterSettings(quarterId, checked.settings);
	await auditQuarter(quarterId, 'quarter.settingsChanged', actorId, now, details);
	return { ok: true };
}

/** The figures the public Quartiersbilanz shows (cockpit), with an audit entry of what changed. */
export async function changePublicReportFigures(
	quarterId: string,
	figures: readonly BilanzFigureId[],
	actorId: string,
	now: Date
): Promise<boolean> {
	const quarter = await findQuarterById(quarterId);
	if (!quarter) return false;
	// Stored in the list's own order, so that the same choice is never a change.
	const chosen = BILANZ_FIGURES.filter((f) => figures.includes(f));
	const settings = { ...quarter.settings, publicReportFigures: chosen };
	const details = changes(quarter.settings, settings);
	if (Object.keys(details).length === 0) return true;
	await updateQuarterSettings(quarterId, settings);
	await auditQuarter(quarterId, 'quarter.settingsChanged', actorId, now, details);
	return true;
}

export type CreateQuarterResult =
	{ ok: true; quarter: Quarter } | { ok: false; errors: FieldErrors };

/** A new quarter with the default categories and no blocks yet; a taken slug is refused. */
export async function createQuarter(
	input: NewQuarterInput & { settings?: Partial<QuarterSettings> },
	actorId: string,
	now: Date
): Promise<CreateQuarterResult> {
	const settings: QuarterSettings = {
		...DEFAULT_QUARTER_SETTINGS,
		...input.settings,
		timeZone: input.timeZone
	};
	const quarter = {
		id: input.slug,
		name: input.name,
		city: input.city,
		description: input.description,
		settings
	};
	if (!(await insertNewQuarter(quarter, now))) {
		return { ok: false, errors: { slug: 'admin_error_slug_taken' } };
	}
	await auditQuarter(input.slug, 'quarter.created', actorId, now, {
		name: input.name,
		city: input.city,
		timeZone: input.timeZone
	});
	return { ok: true, quarter: (await findQuarterById(input.slug))! };
}

/** Name, city, description and time zone. */
export async function editQuarterDetails(
	quarterId: string,
	input: QuarterDetailsInput,
	actorId: string,
	now: Date
): Promise<boolean> {
	const quarter = await findQuarterById(quarterId);
	if (!quarter) return false;
	const before = {
		name: quarter.name,
		city: quarter.city,
		description: quarter.description,
		timeZone: quarter.settings.timeZone
	};
	const details = changes(before, input);
	if (Object.keys(details).length === 0) return true;
	await updateQuarterDetails(quarterId, {
		name: input.name,
		city: input.city,
		description: input.description
	});
	if (input.timeZone !== quarter.settings.timeZone) {
		await updateQuarterSettings(quarterId, { ...quarter.settings, timeZone: input.timeZone });
	}
	await auditQuarter(quarterId, 'quarter.detailsChanged', actorId, now, details);
	return true;
}

export type BlocksResult =
	| { ok: true; blocks: Block[]; added: number; updated: number }
	| { ok: false; problem: 'not_found' }
	| { ok: false; problem: 'invalid'; errors: BlockLineError[] };

async function storeBlocks(
	quarter: Quarter,
	blocks: Block[],
	action: AuditAction,
	actorId: string,
	now: Date,
	details: Record<string, string | number>
): Promise<void> {
	await updateQuarterBlocks(quarter.id, blocks);
	await auditQuarter(quarter.id, action, actorId, now, { ...details, blocks: blocks.length });
}

/** Sets the whole list of blocks with their own ids (e.g. the demo seed's), checked like a form:
 * 'invalid' names the first bad block by its position (1-based). */
export async function replaceBlocks(
	quarterId: string,
	blocks: readonly Block[],
	actorId: string,
	now: Date
): Promise<BlocksResult> {
	const quarter = await findQuarterById(quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	const checkedBlocks: Block[] = [];
	const seen = new Set<string>();
	for (const [i, block] of blocks.entries()) {
		const checked = checkBlock(block.name, String(block.lat), String(block.lon));
		const problem = !checked.ok
			? checked.problem
			: !/^[a-z0-9-]{1,64}$/.test(block.id) || seen.has(block.id)
				? 'duplicate'
				: null;
		if (problem || !checked.ok) {
			return { ok: false, problem: 'invalid', errors: [{ line: i + 1, problem: problem! }] };
		}
		seen.add(block.id);
		checkedBlocks.push({ ...checked.block, id: block.id });
	}
	await storeBlocks(quarter, checkedBlocks, 'quarter.blocksReplaced', actorId, now, {});
	return { ok: true, blocks: checkedBlocks, added: checkedBlocks.length, updated: 0 };
}

/** Imports a CSV of blocks (`name;lat;lng` or with commas): all lines or none. Blocks of the
 * same name are updated, the others added; blocks not in the file stay. */
export async function importBlocks(
	quarterId: string,
	csv: string,
	actorId: string,
	now: Date
): Promise<BlocksResult> {
	const quarter = await findQuarterById(quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	const parsed = parseBlocksCsv(csv);
	if (!parsed.ok) return { ok: false, problem: 'invalid', errors: parsed.errors };
	const known = new Set(quarter.blocks.map((b) => b.id));
	const updated = parsed.blocks.filter((b) => known.has(b.id)).length;
	const blocks = mergeBlocks(quarter.blocks, parsed.blocks);
	await storeBlocks(quarter, blocks, 'quarter.blocksImported', actorId, now, {
		imported: parsed.blocks.length
	});
	return { ok: true, blocks, added: parsed.blocks.length - updated, updated };
}

/** Adds a block, or changes the one of the same name (id); `id` renames an existing block. */
export async function saveBlock(
	quarterId: string,
	input: { id?: string; name: string; lat: string; lng: string },
	actorId: string,
	now: Date
): Promise<BlocksResult> {
	const quarter = await findQuarterById(quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	const checked = checkBlock(input.name, input.lat, input.lng);
	if (!checked.ok)
		return { ok: false, problem: 'invalid', errors: [{ line: 0, problem: checked.problem }] };
	// A renamed block keeps its id, so listings placed in it stay there.
	const id =
		input.id && quarter.blocks.some((b) => b.id === input.id) ? input.id : checked.block.id;
	const block = { ...checked.block, id };
	if (quarter.blocks.some((b) => b.id !== id && b.name === block.name)) {
		return { ok: false, problem: 'invalid', errors: [{ line: 0, problem: 'duplicate' }] };
	}
	const exists = quarter.blocks.some((b) => b.id === id);
	const blocks = exists
		? quarter.blocks.map((b) => (b.id === id ? block : b))
		: [...quarter.blocks, block];
	await storeBlocks(
		quarter,
		blocks,
		exists ? 'quarter.blockChanged' : 'quarter.blockAdded',
		actorId,
		now,
		{
			block: block.name
		}
	);
	return { ok: true, blocks, added: exists ? 0 : 1, updated: exists ? 1 : 0 };
}

export async function removeBlock(
	quarterId: string,
	blockId: string,
	actorId: string,
	now: Date
): Promise<boolean> {
	const quarter = await findQuarterById(quarterId);
	const block = quarter?.blocks.find((b) => b.id === blockId);
	if (!quarter || !block) return false;
	const blocks = quarter.blocks.filter((b) => b.id !== blockId);
	await storeBlocks(quarter, blocks, 'quarter.blockRemoved', actorId, now, { block: block.name });
	return true;
}

export type CategoryResult =
	{ ok: true; categories: Category[] } | { ok: false; problem: 'not_found' | 'taken' | 'last' };

/** Adds a category (its id from the German label) or, with `id`, changes its labels. */
export async function saveCategory(
	quarterId: string,
	input: { id?: string; labelDe: string; labelEn: string },
	actorId: string,
	now: Date
): Promise<CategoryResult> {
	const quarter = await findQuarterById(quarterId);
	if (!quarter) return { ok: false, problem: 'not_found' };
	const label = { de: input.labelDe, en: input.labelEn };
	if (input.id) {
		if (!quarter.categories.some((c) => c.id === input.id))
			return { ok: false, problem: 'not_found' };
		const categories = quarter.categories.map((c) => (c.id === input.id ? { id: c.id, label } : c));
		await updateQuarterCategories(quarterId, categories);
		await auditQuarter(quarterId, 'quarter.categoryChanged', actorId, now, {
			category: input.id,
			label: label.de
		});
		return { ok: true, categories };
	}
	const id = slugify(input.labelDe);
	if (!id) return { ok: false, problem: 'not_found' };
	if (quarter.categories.some((c) => c.id === id || c.label.de === label.de)) {
		return { ok: false, problem: 'taken' };
	}
	const categories = [...quarter.categories, { id, label }];
	await updateQuarterCategories(quarterId, categories);
	await auditQuarter(quarterId, 'quarter.categoryAdded', actorId, now, {
		category: id,
		label: label.de
	});
	return { ok: true, categories };
}

/** Removes a category from the choices; listings in it keep it (shown by its id). */
export async function removeCategory(
	quarterId: string,
	categoryId: string,
	actorId: string,
	now: Date
): Promise<CategoryResult> {
	const quarter = await findQuarterById(quarterId);
	const category = quarter?.categories.find((c) => c.id === categoryId);
	if (!quarter || !category) return { ok: false, problem: 'not_found' };
	if (quarter.categories.length === 1) return { ok: false, problem: 'last' };
	const categories = quarter.categories.filter((c) => c.id !== categoryId);
	await updateQuarterCategories(quarterId, categories);
	await auditQuarter(quarterId, 'quarter.categoryRemoved', actorId, now, {
		category: categoryId,
		label: category.label.de
	});
	return { ok: true, categories };
}
