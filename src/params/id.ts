import type { ParamMatcher } from '@sveltejs/kit';

/** Document ids: 24 lowercase hex characters. */
export const match: ParamMatcher = (param) => /^[a-f0-9]{24}$/.test(param);
