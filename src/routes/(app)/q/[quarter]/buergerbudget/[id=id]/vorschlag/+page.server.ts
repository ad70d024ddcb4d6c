import { error, fail, redirect } from '@sveltejs/kit';
import { keyPart } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { PROPOSAL_FIELDS, proposalDraftOf, proposalSchema } from '$lib/schemas/participation';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm } from '$lib/server/http';
import { participation } from '$lib/server/services/participation';
import {
	newPhotoId,
	readProposalPhoto,
	roundCard,
	storeProposalPhoto
} from '$lib/server/services/participation/views';
import type { ProcessedPhoto } from '$lib/server/photos';
import type { Actions, PageServerLoad } from './$types';

const MEMBERS = ['resident', 'business'] as const;

/** What was typed, to show again after a refusal (the parsed hours are minutes). */
const typed = (form: FormData) =>
	Object.fromEntries(
		PROPOSAL_FIELDS.filter((f) => f !== 'nonce').map((f) => [
			f,
			String(form.get(f) ?? '').slice(0, 2_000)
		])
	);

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, MEMBERS);
	const round = await participation.round(quarter, event.params.id);
	if (!round) error(404, m.error_not_found());
	return {
		quarter: { id: quarter.id, name: quarter.name },
		round: roundCard(quarter, round, new Date()),
		nonce: newFormNonce()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { quarter, user, membership } = await requireRole(event, event.params.quarter, MEMBERS);
		const form = await readForm(event.request);
		const parsed = parseForm(proposalSchema, form, PROPOSAL_FIELDS, [], 2_000);
		const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
		let photo: ProcessedPhoto | null = null;
		const file = form.get('photo');
		if (file instanceof Blob && file.size > 0) {
			const read = await readProposalPhoto(file);
			if (read.ok) photo = read.photo;
			else errors.photo = read.error;
		}
		if (!parsed.ok || Object.keys(errors).length > 0) {
			return fail(400, { errors, values: typed(form) });
		}
		const now = new Date();
		const photoId = photo ? newPhotoId() : null;
		const result = await participation.propose({
			quarter,
			roundId: event.params.id,
			userId: user.id,
			membership,
			draft: proposalDraftOf(parsed.data, photoId),
			nonce: parsed.data.nonce,
			now
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				errors: { form: `buergerbudget_error_${keyPart(result.problem)}` },
				values: typed(form)
			});
		}
		if (photo && photoId && result.photoId === photoId) {
			await storeProposalPhoto(photoId, photo, quarter.id, user.id, now);
		}
		redirect(
			303,
			localizeHref(
				`/q/${quarter.id}/buergerbudget/${event.params.id}/${result.proposalId}?done=proposed`
			)
		);
	}
};
