import { error, fail, redirect } from '@sveltejs/kit';
import {
	LEGAL_DOCUMENTS,
	LEGAL_PATHS,
	openPlaceholders,
	type LegalDocument
} from '$lib/domain/legal/documents';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { LEGAL_VERSION_FIELDS, legalVersionSchema } from '$lib/schemas/legal';
import { parseForm } from '$lib/schemas/form';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { legalHistory, legalText, saveLegalText } from '$lib/server/services/legal';
import { displayNames } from '$lib/server/services/members';
import type { Actions, PageServerLoad } from './$types';

function documentOf(param: string): LegalDocument {
	if (!(LEGAL_DOCUMENTS as readonly string[]).includes(param)) error(404, m.error_not_found());
	return param as LegalDocument;
}

export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	const document = documentOf(event.params.document);
	const [text, history] = await Promise.all([legalText(document), legalHistory(document)]);
	const names = await displayNames([...new Set(history.map((v) => v.by))]);
	return {
		document,
		path: LEGAL_PATHS[document],
		version: text.version,
		texts: text.texts,
		open: [...new Set([...openPlaceholders(text.texts.de), ...openPlaceholders(text.texts.en)])],
		history: history.map((v) => ({
			seq: v.seq,
			substantial: v.substantial,
			by: names.get(v.by) ?? '—',
			at: v.at.toISOString()
		})),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = await requirePlatformAdmin(event);
		const document = documentOf(event.params.document);
		const form = await readForm(event.request);
		const parsed = parseForm(legalVersionSchema, form, LEGAL_VERSION_FIELDS, [], 70_000);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { textDe, textEn, substantial } = parsed.data;
		const result = await saveLegalText(
			document,
			// Only the rules are accepted by members; a change of substance elsewhere asks nobody.
			{ texts: { de: textDe, en: textEn }, substantial: document === 'rules' && substantial },
			user.id,
			new Date()
		);
		if (!result.ok) {
			if (result.problem === 'unchanged') {
				return fail(409, {
					errors: { form: 'legal_error_unchanged' },
					values: { textDe, textEn, substantial: substantial ? 'on' : '' }
				});
			}
			error(503, m.error_unexpected({ errorId: event.locals.requestId ?? '' }));
		}
		redirect(303, localizeHref(`/admin/legal/${document}?done=saved`));
	}
};
