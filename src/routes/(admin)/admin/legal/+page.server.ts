import { LEGAL_DOCUMENTS, LEGAL_PATHS, openPlaceholders } from '$lib/domain/legal/documents';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { legalText } from '$lib/server/services/legal';
import type { PageServerLoad } from './$types';

/** The platform's legal texts: which version is shown and what the operator still has to fill in. */
export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	const documents = await Promise.all(
		LEGAL_DOCUMENTS.map(async (document) => {
			const text = await legalText(document);
			return {
				document,
				path: LEGAL_PATHS[document],
				version: text.version,
				savedAt: text.savedAt?.toISOString() ?? null,
				open: openPlaceholders(text.texts.de).length + openPlaceholders(text.texts.en).length
			};
		})
	);
	return { documents };
};
