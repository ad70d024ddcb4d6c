import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { caseProblemKey } from '$lib/server/case-form';
import { readForm } from '$lib/server/http';
import { cases } from '$lib/server/services/cases';
import { listingsByIds } from '$lib/server/services/listings';
import { displayNames } from '$lib/server/services/members';
import { flagsOfQuarter, resolveFlag } from '$lib/server/services/moderation';
import { resolveFlagSchema } from '$lib/schemas/moderation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const flags = await flagsOfQuarter(quarter.id);
	// Only open reports offer "open as mediation case" (or link to the one that exists).
	const caseIds = new Map(
		await Promise.all(
			flags
				.filter((f) => !f.resolution)
				.map(async (f) => [f.id, await cases.caseOfFlag(quarter.id, f.id)] as const)
		)
	);
	const listings = await listingsByIds(
		flags.filter((f) => f.target.type === 'listing').map((f) => f.target.id)
	);
	const people = await displayNames([
		...flags.map((f) => f.reporterId),
		...flags.flatMap((f) => (f.target.type === 'member' ? [f.target.id] : [])),
		...flags.flatMap((f) => (f.resolution ? [f.resolution.by] : []))
	]);
	const view = (f: (typeof flags)[number]) => {
		const listing = f.target.type === 'listing' ? listings.get(f.target.id) : undefined;
		return {
			id: f.id,
			type: f.target.type,
			targetId: f.target.id,
			targetLabel:
				f.target.type === 'listing'
					? (listing?.title ?? '—')
					: f.target.type === 'member'
						? (people.get(f.target.id) ?? '—')
						: '',
			targetState: listing?.state ?? null,
			reason: f.reason,
			note: f.note,
			reporter: people.get(f.reporterId) ?? '—',
			caseId: caseIds.get(f.id) ?? null,
			createdAt: f.createdAt.toISOString(),
			resolution: f.resolution && {
				outcome: f.resolution.outcome,
				note: f.resolution.note,
				by: people.get(f.resolution.by) ?? '—',
				at: f.resolution.at.toISOString()
			}
		};
	};
	return {
		quarter: { id: quarter.id, name: quarter.name },
		// Open reports oldest first: whoever waits longest is answered first.
		open: flags
			.filter((f) => !f.resolution)
			.reverse()
			.map(view),
		resolved: flags
			.filter((f) => f.resolution)
			.slice(0, 50)
			.map(view)
	};
};

export const actions: Actions = {
	/** A report that needs more than a decision becomes a mediation case. */
	openCase: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const flagId = String(form.get('flag') ?? '').slice(0, 200);
		const result = await cases.openFromFlag({
			quarter,
			moderatorId: user.id,
			flagId,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, { flag: flagId, errors: { form: caseProblemKey(result.problem) } });
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/cases/${result.caseId}?done=opened`));
	},
	resolve: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(resolveFlagSchema, form, ['flag', 'outcome', 'note']);
		if (!parsed.ok) {
			return fail(400, {
				flag: String(form.get('flag') ?? ''),
				errors: parsed.errors,
				values: parsed.values
			});
		}
		const result = await resolveFlag({
			quarter,
			flagId: parsed.data.flag,
			moderatorId: user.id,
			outcome: parsed.data.outcome,
			note: parsed.data.note,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			return fail(409, {
				flag: parsed.data.flag,
				errors: { form: `error_flag_${result.problem}` },
				values: {}
			});
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/flags?done=${parsed.data.outcome}`));
	}
};
