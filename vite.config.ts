import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import kitConfig from './kit.config.js';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
	plugins: [sveltekit(kitConfig), paraglideVitePlugin(paraglideOptions)],
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'eslint/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					setupFiles: ['tests/integration/setup-env.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// One throw-away FerretDB for the run; files use their own databases.
					fileParallelism: false
				}
			}
		]
	}
});
