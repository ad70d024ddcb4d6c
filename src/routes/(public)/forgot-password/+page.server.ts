import { mailRequestAction } from '$lib/server/http';
import { requestPasswordReset } from '$lib/server/services/accounts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: (event) => mailRequestAction(event, requestPasswordReset)
};
