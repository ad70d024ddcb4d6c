/**
 * The languages of the interface, of mail and of exports. The same list as Paraglide's `locales`
 * (project.inlang/settings.json), written out here because the domain imports no generated or
 * framework code; locale.test.ts fails when the two differ.
 */
export const LOCALES = ['de', 'en'] as const;

export type Locale = (typeof LOCALES)[number];
