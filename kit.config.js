import { copyFileSync, writeFileSync } from 'node:fs';
import nodeAdapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * adapter-node, plus a start that reads .env and checks the configuration before the server
 * loads: `node build` then behaves like `npm start` (real environment variables win over .env;
 * a bad configuration stops it with one line per problem; production unless NODE_ENV says
 * otherwise). The rules are src/lib/server/config.js, copied next to the server.
 * @param {import('@sveltejs/adapter-node').AdapterOptions & { out: string }} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function adapter(options) {
	const base = nodeAdapter(options);
	return {
		...base,
		async adapt(builder) {
			await base.adapt(builder);
			const out = options.out;
			copyFileSync('src/lib/server/config.js', `${out}/config.js`);
			writeFileSync(
				`${out}/start.js`,
				'// Written by kit.config.js: .env and the configuration check, before the server loads.\n' +
					"import { loadConfigOrExit } from './config.js';\n" +
					"loadConfigOrExit({ defaultNodeEnv: 'production' });\n"
			);
			// ES modules run in import order: start.js before adapter-node's server.
			writeFileSync(
				`${out}/index.js`,
				"import './start.js';\nexport * from './server/adapter-index.js';\n"
			);
		}
	};
}

// SvelteKit's options, passed to its Vite plugin in vite.config.ts (SvelteKit 3 no longer reads
// svelte.config.js). A module of its own so that eslint.config.js reads the same aliases and
// Svelte options without loading Vite.
/** @type {import('@sveltejs/kit/vite').Config} */
const config = {
	preprocess: vitePreprocess(),
	adapter: adapter({ out: 'build' }),
	// SvelteKit's own check of form posts answers in English only: hooks.server.ts makes the same
	// check (Origin must be ORIGIN) and answers in the reader's language.
	csrf: { trustedOrigins: ['*'] },
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
