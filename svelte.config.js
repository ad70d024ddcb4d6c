import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
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
		typescript: {
			// Type-check the tests, scripts and benchmarks too, not only src/.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../tests/**/*.ts',
					'../scripts/**/*.ts',
					'../bench/**/*.ts',
					'../eslint/**/*.ts'
				);
			}
		},
		alias: {
			$domain: 'src/lib/domain'
		}
	}
};

export default config;
