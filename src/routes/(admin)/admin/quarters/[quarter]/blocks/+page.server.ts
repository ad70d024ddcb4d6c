import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { BLOCK_FIELDS, blockSchema, blocksCsvSchema, itemIdSchema } from '$lib/schemas/platform';
import { readForm } from '$lib/server/http';
import { importBlocks, removeBlock, saveBlock } from '$lib/server/services/quarters';
import { adminQuarter } from '../quarter.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await adminQuarter(event);
	return { quarter: { id: quarter.id, name: quarter.name, blocks: quarter.blocks } };
};

/** The largest CSV file we read: about 2,000 blocks. */
const CSV_FILE_LIMIT = 200_000;

export const actions: Actions = {
	save: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const id = itemIdSchema.safeParse({ id: form.get('id') ?? undefined });
		const block = id.success ? id.data.id : 'new';
		const parsed = parseForm(blockSchema, form, BLOCK_FIELDS);
		if (!parsed.ok) return fail(400, { block, errors: parsed.errors, values: parsed.values });
		const result = await saveBlock(
			quarter.id,
			{ ...parsed.data, id: id.success ? id.data.id : undefined },
			user.id,
			new Date()
		);
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			const problem = result.errors[0]!.problem;
			const field = problem.startsWith('lat') ? 'lat' : problem.startsWith('lng') ? 'lng' : 'name';
			return fail(400, {
				block,
				errors: { [field]: `admin_error_block_${problem}` },
				values: { name: parsed.data.name, lat: parsed.data.lat, lng: parsed.data.lng }
			});
		}
		redirect(303, localizeHref(`/admin/quarters/${quarter.id}/blocks?done=saved`));
	},
	remove: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const id = itemIdSchema.safeParse({ id: form.get('id') ?? undefined });
		if (!id.success || !(await removeBlock(quarter.id, id.data.id, user.id, new Date()))) {
			error(404, m.error_not_found());
		}
		redirect(303, localizeHref(`/admin/quarters/${quarter.id}/blocks?done=removed`));
	},
	import: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const file = form.get('file');
		let csv = form.get('csv');
		if (file instanceof File && file.size > 0) {
			if (file.size > CSV_FILE_LIMIT) {
				return fail(400, { block: 'csv', errors: { csv: 'admin_csv_too_large' }, lines: [] });
			}
			csv = await file.text();
		}
		const parsed = blocksCsvSchema.safeParse({ csv: typeof csv === 'string' ? csv : undefined });
		if (!parsed.success) {
			const key = parsed.error.issues[0]?.message ?? 'admin_csv_empty';
			return fail(400, { block: 'csv', errors: { csv: key }, lines: [] });
		}
		const result = await importBlocks(quarter.id, parsed.data.csv, user.id, new Date());
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(400, {
				block: 'csv',
				errors: { csv: 'admin_csv_refused' },
				lines: result.errors.slice(0, 50),
				csv: parsed.data.csv.slice(0, 20_000)
			});
		}
		return { block: 'csv', imported: { added: result.added, updated: result.updated } };
	}
};
