// The layer rules in eslint.config.js, checked on small snippets with ESLint's own API: each
// direction that must fail fails, whichever way the import is spelled, and the imports the
// layers are meant to use still pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

const importing = (source: string) =>
	`import * as imported from '${source}';\nexport { imported };\n`;

const domainFile = 'src/lib/domain/ledger/probe.ts';
const routeFile = 'src/routes/(app)/exchanges/probe/+page.server.ts';
const serviceFile = 'src/lib/server/services/probe.ts';

// Loading the whole ESLint configuration (typescript-eslint, svelte) takes seconds the first time.
describe('layer boundaries', { timeout: 60_000 }, () => {
	it.each([
		// The domain imports only the domain: no server, framework, database or payment code, and
		// no other part of the app, however the import is spelled.
		[domainFile, '../../server/db'],
		[domainFile, '../../server/db/index.js'],
		[domainFile, '../../server/not-there-yet'],
		[domainFile, '../../../hooks.server'],
		[domainFile, '../../schemas/listing'],
		[domainFile, '$lib/paraglide/runtime'],
		[domainFile, 'mongodb/lib/bson'],
		['src/lib/domain/ledger/probe.test.ts', '../../server/db'],
		[domainFile, '$lib/server/db'],
		[domainFile, '$lib/server/env'],
		[domainFile, '../../server/repos/users'],
		[domainFile, '$lib/server/services/accounts'],
		[domainFile, '$app/navigation'],
		[domainFile, '$env/dynamic/private'],
		[domainFile, '@sveltejs/kit'],
		[domainFile, 'mongodb'],
		[domainFile, 'stripe'],
		// Routes call services, never repositories or the database.
		[routeFile, '$lib/server/repos/users'],
		[routeFile, '$lib/server/db'],
		[routeFile, '../../../../lib/server/db/index'],
		[routeFile, '../../../../lib/server/repos/users'],
		[routeFile, '../../../../lib/server/db/index.js'],
		// Services reach the database through repositories, every one of them.
		[serviceFile, '../db'],
		[serviceFile, '../db/collections.js'],
		[serviceFile, '$lib/server/db'],
		['src/lib/server/services/exchanges/read-model.ts', '../../db']
	])('%s may not import %s', async (filePath, source) => {
		expect(await boundaryErrors(filePath, importing(source))).toHaveLength(1);
	});

	it.each([
		[domainFile, '$domain/ledger/ledger'],
		[domainFile, '../listings/listing'],
		[domainFile, '../listings/listing.js'],
		[domainFile, 'zod'],
		[routeFile, '$lib/server/services/accounts'],
		[routeFile, '$lib/server/auth/guards'],
		[routeFile, '$domain/ledger/ledger'],
		[serviceFile, '../repos/users'],
		[serviceFile, '$lib/domain/ledger/ledger'],
		['src/lib/server/repos/users.ts', '../db'],
		['src/lib/domain/ledger/probe.test.ts', '../../random'],
		['src/lib/server/logs/log.ts', '../repos/snapshots']
	])('%s may import %s', async (filePath, source) => {
		expect(await boundaryErrors(filePath, importing(source))).toEqual([]);
	});
});

describe('what pages send to the browser', { timeout: 180_000 }, () => {
	// An existing page: the TypeScript project service parses only files it knows.
	const page = 'src/routes/(app)/q/[quarter]/time-account/+page.svelte';
	const svelteImporting = (source: string) =>
		`<script lang="ts">\n\timport * as imported from '${source}';\n\tconsole.log(imported);\n</script>\n`;

	it.each(['zod', '$lib/schemas/time-account', '$lib/schemas/cases'])(
		'a page may not import %s (zod would load on every phone)',
		async (source) => {
			expect(await boundaryErrors(page, svelteImporting(source))).toHaveLength(1);
		}
	);

	it('a page may import the length limits', async () => {
		expect(await boundaryErrors(page, svelteImporting('$lib/schemas/limits'))).toEqual([]);
	});

	it('a moved page may not look messages up by key (the whole catalogue would load)', async () => {
		const listingPage = 'src/routes/(public)/q/[quarter]/listings/[id=id]/+page.svelte';
		expect(await boundaryErrors(listingPage, svelteImporting('$lib/i18n'))).toHaveLength(1);
		expect(await boundaryErrors(listingPage, svelteImporting('$lib/labels/listings'))).toEqual([]);
	});

	it('a page not yet moved may still look up by key, but not load zod', async () => {
		const notYetMoved = 'src/routes/(app)/exchanges/[id]/+page.svelte';
		expect(await boundaryErrors(notYetMoved, svelteImporting('$lib/i18n'))).toEqual([]);
		expect(await boundaryErrors(notYetMoved, svelteImporting('zod'))).toHaveLength(1);
	});
});
