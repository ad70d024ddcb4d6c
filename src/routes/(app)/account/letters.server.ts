// "Mein Konto": the address check by letter (issue 16 item 5), kept beside the page so that the
// page's own load and actions stay small. Every form works without JavaScript.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { parseForm } from '$lib/schemas/form';
import {
	LETTER_CODE_FIELDS,
	LETTER_REQUEST_FIELDS,
	letterCodeSchema,
	letterRequestSchema
} from '$lib/schemas/letters';
import { requireUser } from '$lib/server/auth/guards';
import { rateLimited, readForm, requestContext } from '$lib/server/http';
import { letterStatusOf, requestLetter, verifyCode } from '$lib/server/services/address-letters';
import { findQuarter } from '$lib/server/services/quarters';

/** What the page shows about the letter in one quarter. */
export async function letterView(quarterId: string, userId: string) {
	const [status, quarter] = await Promise.all([
		letterStatusOf(quarterId, userId),
		findQuarter(quarterId)
	]);
	return {
		state: status.state,
		requestedAt: status.requestedAt?.toISOString() ?? null,
		printedAt: status.printedAt?.toISOString() ?? null,
		expiresAt: status.expiresAt?.toISOString() ?? null,
		verifiedAt: status.verifiedAt?.toISOString() ?? null,
		blocks: (quarter?.blocks ?? []).map((b) => ({ id: b.id, name: b.name })),
		timeZone: quarter?.settings.timeZone ?? 'Europe/Berlin'
	};
}

export async function letterRequestAction(event: RequestEvent) {
	const { user } = requireUser(event);
	const form = await readForm(event.request);
	const parsed = parseForm(letterRequestSchema, form, LETTER_REQUEST_FIELDS);
	const quarterId = String(form.get('quarter') ?? '');
	if (!parsed.ok) {
		return fail(400, {
			letter: { quarter: quarterId, errors: parsed.errors, values: parsed.values }
		});
	}
	const quarter = await findQuarter(parsed.data.quarter);
	const result = quarter
		? await requestLetter({
				quarter,
				userId: user.id,
				blockId: parsed.data.block,
				address: {
					name: parsed.data.name,
					extra: parsed.data.extra,
					street: parsed.data.street,
					postcode: parsed.data.postcode,
					city: parsed.data.city
				}
			})
		: ({ ok: false, problem: 'not_member' } as const);
	if (!result.ok) {
		const field = result.problem === 'no_block' ? 'block' : 'form';
		return fail(409, {
			letter: {
				quarter: quarterId,
				errors: { [field]: `letter_error_${result.problem}` },
				values: parsed.data as unknown as Record<string, string>
			}
		});
	}
	return { letter: { quarter: quarterId, requested: true } };
}

export async function letterCodeAction(event: RequestEvent) {
	const { user } = requireUser(event);
	const form = await readForm(event.request);
	const parsed = parseForm(letterCodeSchema, form, LETTER_CODE_FIELDS);
	const quarterId = String(form.get('quarter') ?? '');
	if (!parsed.ok) {
		return fail(400, {
			code: { quarter: quarterId, errors: parsed.errors, values: parsed.values }
		});
	}
	const result = await verifyCode({
		quarterId: parsed.data.quarter,
		userId: user.id,
		code: parsed.data.code,
		ip: requestContext(event).ip
	});
	if (!result.ok) {
		if ('reason' in result) {
			const limitedFail = rateLimited(event, result, { code: parsed.data.code });
			return fail(429, { code: { quarter: quarterId, ...limitedFail.data } });
		}
		return fail(409, {
			code: {
				quarter: quarterId,
				errors: { code: `letter_error_${result.problem}` },
				values: { code: parsed.data.code }
			}
		});
	}
	return { code: { quarter: quarterId, verified: true } };
}
