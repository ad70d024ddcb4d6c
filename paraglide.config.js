// Paraglide options, shared by the Vite plugin and scripts/compile-messages.js so that the
// messages compiled for type checks are the ones the build uses.
/** @type {{ project: string, outdir: string, strategy: Array<'url' | 'cookie' | 'baseLocale'> }} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// German by default; an /en/ prefix switches to English (the language cookie is honoured in
	// hooks.server.ts for URLs without prefix).
	strategy: ['url', 'cookie', 'baseLocale']
};
