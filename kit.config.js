import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// SvelteKit's options, passed to its Vite plugin in vite.config.ts (SvelteKit 3 no longer reads
// svelte.config.js). A module of its own so that eslint.config.js reads the same aliases and
// Svelte options without loading Vite.
/** @type {import('@sveltejs/kit/vite').Config} */
const config = {
	preprocess: vitePreprocess(),
	adapter: adapter({ out: 'build' }),
	// Security headers incl. CSP are set in hooks.server.ts so that nonce-free inline
	// hydration scripts are covered by SvelteKit's own hash-based CSP here.
	csp: {
		mode: 'hash',
		directives: {
			'default-src': ['self'],
			'script-src': ['self'],
			'style-src': ['self', 'unsafe-inline'],
			'img-src': ['self', 'data:'],
			'font-src': ['self'],
			'connect-src': ['self'],
			'form-action': ['self'],
			'frame-ancestors': ['none'],
			'base-uri': ['self'],
			'object-src': ['none']
		}
	},
	alias: {
		// `$lib` is deprecated in SvelteKit 3 (`#lib`, a package.json subpath import, replaces
		// it); kept as an alias so the move to Node 24 does not rewrite every import at once.
		$lib: 'src/lib',
		$domain: 'src/lib/domain'
	}
};

export default config;
