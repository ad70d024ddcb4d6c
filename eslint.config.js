import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kitConfig from './kit.config.js';

const root = path.dirname(fileURLToPath(import.meta.url));

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'.tools/',
			'data/',
			'.test-data/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Links go through Paraglide's localizeHref (language prefix); the app has no base path
			// for resolve() to add.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// CommonJS because eslint-module-utils loads import resolvers with require().
		files: ['**/*.cjs'],
		rules: { '@typescript-eslint/no-require-imports': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				// eslint-plugin-svelte reads the svelte.config.js shape (Kit's options under `kit`).
				svelteConfig: { preprocess: kitConfig.preprocess, kit: { alias: kitConfig.alias } }
			}
		}
	},
	{
		// Layers are places, so the check works on resolved files: `$lib/server/db`, `$domain/..`
		// and `../../server/db` are the same import. Which layer may use which is in docs/architecture.md.
		files: ['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte'],
		plugins: { boundaries },
		settings: {
			'boundaries/root-path': root,
			'boundaries/include': ['src/**/*'],
			'boundaries/elements': [
				{ type: 'domain', pattern: 'src/lib/domain', partialMatch: false },
				{ type: 'db', pattern: 'src/lib/server/db', partialMatch: false },
				{ type: 'repos', pattern: 'src/lib/server/repos', partialMatch: false },
				{ type: 'services', pattern: 'src/lib/server/services', partialMatch: false },
				{ type: 'server', pattern: 'src/lib/server', partialMatch: false },
				{ type: 'routes', pattern: 'src/routes', partialMatch: false },
				// Everything else in src (hooks, components, schemas, paraglide, params, …).
				{ type: 'app', pattern: 'src', partialMatch: false }
			],
			'import/resolver': {
				[path.join(root, 'eslint/alias-resolver.cjs')]: {
					root,
					alias: { ...kitConfig.alias }
				},
				node: { extensions: ['.ts', '.js', '.svelte'] }
			}
		},
		rules: {
			'boundaries/dependencies': [
				'error',
				{
					default: 'allow',
					policies: [
						{
							from: { element: { type: 'domain' } },
							disallow: {
								to: { element: { type: ['db', 'repos', 'services', 'server', 'routes', 'app'] } }
							},
							message: 'The domain is pure TypeScript: it imports only the domain.'
						},
						{
							// Its tests may use the app's test helpers (seeded randomness) and check the
							// domain against the compiled messages; still no server code.
							from: { file: { path: 'src/lib/domain/**/*.test.ts' } },
							allow: { to: { element: { type: 'app' } } }
						},
						{
							from: { element: { type: 'routes' } },
							disallow: { to: { element: { type: ['db', 'repos'] } } },
							message: 'Routes call services, never repositories or the database.'
						},
						{
							from: { element: { type: 'services' } },
							disallow: { to: { element: { type: 'db' } } },
							message: 'Services reach the database through repositories.'
						}
					]
				}
			]
		}
	},
	{
		// The domain layer stays pure: no framework, database or payment packages (server files
		// are kept out by boundaries/dependencies above, however the import is spelled).
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['$app/*', '$env/*', '@sveltejs/*', 'mongodb', 'stripe'] }
			]
		}
	},
	{
		// What a page imports is sent to every phone that opens it: forms are checked on the
		// server, so no page loads zod (about 22 kB gzipped). Length limits come from limits.ts.
		files: ['src/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['zod', '$lib/schemas/*', '!$lib/schemas/limits'],
							message:
								'Pages must not load zod: import length limits from $lib/schemas/limits, validate on the server.'
						}
					]
				}
			]
		}
	},
	{
		// Formatters are made once per language and options (src/lib/domain/intl.ts): building
		// one per value cost a member's statement about a tenth of its CPU under load.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/domain/intl.ts', 'src/lib/paraglide/**', '**/*.test.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"NewExpression[callee.object.name='Intl'][callee.property.name=/^(DateTimeFormat|NumberFormat)$/]",
					message: 'Use dateTimeFormat/numberFormat from $lib/domain/intl (memoized formatters).'
				}
			]
		}
	}
);
