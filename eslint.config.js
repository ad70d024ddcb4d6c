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

const NO_ZOD_IN_PAGES = {
	group: ['zod', '$lib/schemas/*', '!$lib/schemas/limits'],
	message:
		'Pages must not load zod: import length limits from $lib/schemas/limits, validate on the server.'
};
const NO_CATALOGUE_IN_PAGES = {
	group: ['$lib/i18n'],
	message:
		't(key) loads every message of both languages into the page: use a label from $lib/labels, or put keys into words on the server with $lib/server/messages.'
};
/** Pages that still look messages up by key (docs/architecture.md, "Messages"); globs, so brackets are escaped. */
const STILL_ON_LOOKUP = [
	'src/lib/components/AddressLetter.svelte',
	'src/lib/components/CaseTimeline.svelte',
	'src/lib/components/EventForm.svelte',
	'src/lib/components/EventList.svelte',
	'src/lib/components/FormField.svelte',
	'src/lib/components/ListingForm.svelte',
	'src/lib/components/MessageField.svelte',
	'src/lib/components/QuarterDetailsFields.svelte',
	'src/lib/components/TextField.svelte',
	'src/routes/\\(admin\\)/admin/+page.svelte',
	'src/routes/\\(admin\\)/admin/dac7/+page.svelte',
	'src/routes/\\(admin\\)/admin/legal/+page.svelte',
	'src/routes/\\(admin\\)/admin/legal/\\[document\\]/+page.svelte',
	'src/routes/\\(admin\\)/admin/mail/+page.svelte',
	'src/routes/\\(admin\\)/admin/quarters/\\[quarter\\]/blocks/+page.svelte',
	'src/routes/\\(admin\\)/admin/quarters/\\[quarter\\]/categories/+page.svelte',
	'src/routes/\\(admin\\)/admin/quarters/\\[quarter\\]/people/+page.svelte',
	'src/routes/\\(app\\)/account/+page.svelte',
	'src/routes/\\(app\\)/account/dac7/+page.svelte',
	'src/routes/\\(app\\)/account/delete/+page.svelte',
	'src/routes/\\(app\\)/cases/\\[id=id\\]/+page.svelte',
	'src/routes/\\(app\\)/exchanges/+page.svelte',
	'src/routes/\\(app\\)/exchanges/\\[id\\]/+page.svelte',
	'src/routes/\\(app\\)/exchanges/new/+page.svelte',
	'src/routes/\\(app\\)/messages/\\[conversation\\]/+page.svelte',
	'src/routes/\\(app\\)/messages/start/+page.svelte',
	'src/routes/\\(app\\)/q/\\[quarter\\]/buergerbudget/\\[id=id\\]/vorschlag/+page.svelte',
	'src/routes/\\(app\\)/q/\\[quarter\\]/jahresuebersicht/+page.svelte',
	'src/routes/\\(app\\)/q/\\[quarter\\]/mine/+page.svelte',
	'src/routes/\\(app\\)/q/\\[quarter\\]/payouts/+page.svelte',
	'src/routes/\\(app\\)/q/\\[quarter\\]/profile/+page.svelte',
	'src/routes/\\(app\\)/q/\\[quarter\\]/talents/+page.svelte',
	'src/routes/\\(app\\)/q/\\[quarter\\]/trader/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/accounts/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/applications/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/assisted/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/assisted/\\[member\\]/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/assisted/\\[member\\]/statement/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/audit/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/budget/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/budget/\\[line\\]/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/buergerbudget/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/buergerbudget/RoundFields.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/buergerbudget/\\[id=id\\]/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/cases/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/cases/\\[id=id\\]/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/conversations/\\[conversation\\]/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/disputes/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/flags/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/handel/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/house-rules/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/impact/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/letters/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/listings/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/notices/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/schutz/+page.svelte',
	'src/routes/\\(manage\\)/manage/\\[quarter\\]/termine/+page.svelte',
	'src/routes/\\(public\\)/beschwerde/+page.svelte',
	'src/routes/\\(public\\)/forgot-password/+page.svelte',
	'src/routes/\\(public\\)/hilfe/+page.svelte',
	'src/routes/\\(public\\)/hilfe/\\[topic\\]/+page.svelte',
	'src/routes/\\(public\\)/login/+page.svelte',
	'src/routes/\\(public\\)/meldung/+page.svelte',
	'src/routes/\\(public\\)/q/\\[quarter\\]/bilanz/+page.svelte',
	'src/routes/\\(public\\)/q/\\[quarter\\]/buergerbudget/+page.svelte',
	'src/routes/\\(public\\)/q/\\[quarter\\]/buergerbudget/\\[id=id\\]/+page.svelte',
	'src/routes/\\(public\\)/q/\\[quarter\\]/buergerbudget/\\[id=id\\]/\\[proposal=id\\]/+page.svelte',
	'src/routes/\\(public\\)/q/\\[quarter\\]/members/\\[id=id\\]/+page.svelte',
	'src/routes/\\(public\\)/q/\\[quarter\\]/termine/\\[id=id\\]/+page.svelte',
	'src/routes/\\(public\\)/regeln/zustimmen/+page.svelte',
	'src/routes/\\(public\\)/reset-password/+page.svelte',
	'src/routes/\\(public\\)/signup/+page.svelte',
	'src/routes/\\(public\\)/transparenz/+page.svelte',
	'src/routes/\\(public\\)/verify-email/+page.svelte',
	'src/routes/setup/\\[token\\]/+page.svelte'
];

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
		// server, so no page loads zod (about 22 kB gzipped; length limits come from limits.ts), and
		// no page looks a message up by a composed key, which loads every message of both languages
		// (145 kB gzipped): labels come from $lib/labels, keys sent as data are put into words on the
		// server ($lib/server/messages). docs/architecture.md, "Messages".
		files: ['src/**/*.svelte'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [NO_ZOD_IN_PAGES, NO_CATALOGUE_IN_PAGES] }]
		}
	},
	{
		// Pages not yet moved off the lookup by key (each carries the whole catalogue). Take a file
		// off this list when it moves; add none.
		files: STILL_ON_LOOKUP,
		rules: { 'no-restricted-imports': ['error', { patterns: [NO_ZOD_IN_PAGES] }] }
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
