import { describe, expect, it } from 'vitest';
import { locales } from '$lib/paraglide/runtime';
import { LOCALES } from './locale';

describe('LOCALES', () => {
	it("is Paraglide's list of locales", () => {
		expect([...LOCALES]).toEqual([...locales]);
	});
});
