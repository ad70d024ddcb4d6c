// Progressive enhancement of forms (use:enhance) beyond SvelteKit's default.
import type { SubmitFunction } from '$app/forms';

/**
 * After a form that acts on money or hours went through, it is emptied: SvelteKit's default
 * keeps what was typed when the action answers with a redirect, so one more click would repeat
 * the act on whatever the form shows next (e.g. the next booking of a list).
 */
export const resetAfterSuccess: SubmitFunction = ({ formElement }) => {
	return async ({ result, update }) => {
		await update();
		if (result.type === 'success' || result.type === 'redirect') formElement.reset();
	};
};
