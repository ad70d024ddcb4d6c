import { requireRole } from '$lib/server/auth/guards';
import { attachmentResponse } from '$lib/server/http';
import { printLetters } from '$lib/server/services/address-letters';
import type { RequestHandler } from './$types';

/** Prints every waiting letter of the quarter as one PDF (a POST: each print makes new codes). */
export const POST: RequestHandler = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const now = new Date();
	const batch = await printLetters({ quarter, by: user.id, now });
	const day = now.toISOString().slice(0, 10);
	return attachmentResponse(
		new Uint8Array(batch.pdf),
		'application/pdf',
		`briefe-${quarter.id}-${day}.pdf`
	);
};
