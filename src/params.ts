import { defineParams } from '@sveltejs/kit/params';

export const params = defineParams({
	/** Document ids: 24 lowercase hex characters. */
	id: (param) => (/^[a-f0-9]{24}$/.test(param) ? param : undefined)
});
