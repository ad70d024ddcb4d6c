// `npm run admin -- <command> …`: the admin area's acts for scripted installs, through the same
// services as /admin (and the same audit log). `npm run admin -- --help` lists the commands.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { SYSTEM } from '../src/lib/domain/listings/listing';
import { DEFAULT_TIME_ZONE } from '../src/lib/domain/time/zone';
import * as messages from '../src/lib/paraglide/messages/_index.js';
import { emailField, displayNameField, newPasswordField } from '../src/lib/schemas/fields';
import {
	categorySchema,
	newQuarterSchema,
	quarterSlugField,
	roleChangeSchema
} from '../src/lib/schemas/platform';
import { closeDb } from '../src/lib/server/db';
import { appointManager, changeMemberRole, removeManager } from '../src/lib/server/services/admin';
import { createPlatformAdmin, installationFacts } from '../src/lib/server/services/platform';
import { createQuarter, importBlocks, saveCategory } from '../src/lib/server/services/quarters';
import { ScriptError, fail } from './lib.js';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale: 'de' | 'en' }) => string;
let locale: 'de' | 'en' = 'de';

/** A message key's text in the chosen language (German unless --lang en). */
function say(key: string, inputs: Record<string, unknown> = {}): string {
	const fn = (messages as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn(inputs, { locale }) : key;
}

const HELP = `Quartiermarkt administration (npm run admin -- <command> [options])

  create-admin     --email E --name N [--password-file F]
                   Make someone platform administrator (creates the account; without
                   --password-file it prints a link where they choose their password).
  create-quarter   --slug S --name N --city C [--description D] [--time-zone Z]
                   [--no-approval] [--no-premoderation]
  import-blocks    --quarter S FILE.csv     blocks as name;lat;lng (or commas), all or nothing
  add-category     --quarter S --de LABEL --en LABEL
  appoint-manager  --quarter S --email E [--name N]   (with --name: invites a new account)
  remove-manager   --quarter S --email E
  set-role         --quarter S --email E --role resident|business --reason R
  facts            version, Node, database, mail transport, collections

  --lang de|en     language of error messages (default de)
  --help           this text

Every act is written to the quarter's audit log (Protokoll) as done by "system".`;

const options = {
	email: { type: 'string' },
	name: { type: 'string' },
	'password-file': { type: 'string' },
	slug: { type: 'string' },
	city: { type: 'string' },
	description: { type: 'string' },
	'time-zone': { type: 'string' },
	'no-approval': { type: 'boolean' },
	'no-premoderation': { type: 'boolean' },
	quarter: { type: 'string' },
	de: { type: 'string' },
	en: { type: 'string' },
	role: { type: 'string' },
	reason: { type: 'string' },
	lang: { type: 'string' },
	help: { type: 'boolean' }
} as const;

type Values = ReturnType<
	typeof parseArgs<{ options: typeof options; allowPositionals: true }>
>['values'];

/** Parses with a schema; a problem is one plain line per field. */
function check<S extends z.ZodType>(
	schema: S,
	input: unknown,
	flags: Record<string, string>
): z.infer<S> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const lines = parsed.error.issues.map((issue) => {
		const field = String(issue.path[0] ?? '');
		const flag = flags[field] ?? field;
		return `${flag ? `--${flag}: ` : ''}${say(issue.message)}`;
	});
	fail(lines.join('\n  '));
}

function need(values: Values, name: keyof Values): string {
	const value = values[name];
	if (typeof value !== 'string' || value.trim() === '') fail(`--${name} is required (see --help).`);
	return value;
}

const now = () => new Date();

const commands: Record<string, (values: Values, files: string[]) => Promise<string>> = {
	async 'create-admin'(values) {
		const email = check(emailField, need(values, 'email'), {});
		const displayName = check(displayNameField, need(values, 'name'), {});
		let password: string | undefined;
		if (values['password-file']) {
			const text = readFileSync(values['password-file'], 'utf8').replace(/\r?\n$/, '');
			password = check(newPasswordField, text, {});
		}
		const result = await createPlatformAdmin({ email, displayName, password }, SYSTEM, now());
		if (result.passwordLink) {
			console.log(`  Password link (valid 7 days, single use): ${result.passwordLink}`);
		}
		return result.alreadyAdmin
			? `${email} was platform administrator already.`
			: `${email} is platform administrator${result.created ? ' (new account)' : ''}.`;
	},
	async 'create-quarter'(values) {
		const input = check(
			newQuarterSchema,
			{
				slug: need(values, 'slug'),
				name: need(values, 'name'),
				city: need(values, 'city'),
				description: values.description ?? '',
				timeZone: values['time-zone'] ?? DEFAULT_TIME_ZONE
			},
			{ timeZone: 'time-zone' }
		);
		const result = await createQuarter(
			{
				...input,
				settings: {
					memberApproval: !values['no-approval'],
					listingPreModeration: !values['no-premoderation']
				}
			},
			SYSTEM,
			now()
		);
		if (!result.ok) fail(`--slug: ${say(result.errors.slug ?? 'error_invalid_input')}`);
		return `Quarter ${result.quarter.name} created at /q/${result.quarter.id} (${input.timeZone}).`;
	},
	async 'import-blocks'(values, files) {
		const quarterId = check(quarterSlugField, need(values, 'quarter'), {});
		if (files.length !== 1) fail('Give exactly one CSV file: import-blocks --quarter S FILE.csv');
		let csv: string;
		try {
			csv = readFileSync(files[0]!, 'utf8');
		} catch (err) {
			fail(`Cannot read ${files[0]}: ${(err as Error).message}`);
		}
		const result = await importBlocks(quarterId, csv, SYSTEM, now());
		if (!result.ok) {
			if (result.problem === 'not_found') fail(`There is no quarter "${quarterId}".`);
			const lines = result.errors.map((e) =>
				say('admin_csv_line', { line: e.line, problem: say(`admin_error_block_${e.problem}`) })
			);
			fail(`${say('admin_csv_refused')}\n  ${lines.join('\n  ')}`);
		}
		return `${result.added} block(s) added, ${result.updated} updated; ${quarterId} has ${result.blocks.length}.`;
	},
	async 'add-category'(values) {
		const quarterId = check(quarterSlugField, need(values, 'quarter'), {});
		const labels = check(
			categorySchema,
			{ labelDe: values.de, labelEn: values.en },
			{ labelDe: 'de', labelEn: 'en' }
		);
		const result = await saveCategory(quarterId, labels, SYSTEM, now());
		if (!result.ok) {
			fail(
				result.problem === 'taken'
					? say('admin_error_category_taken')
					: `There is no quarter "${quarterId}".`
			);
		}
		return `Category "${labels.labelDe}" added; ${quarterId} has ${result.categories.length}.`;
	},
	async 'appoint-manager'(values) {
		const quarterId = check(quarterSlugField, need(values, 'quarter'), {});
		const email = check(emailField, need(values, 'email'), {});
		const displayName = values.name ? check(displayNameField, values.name, {}) : undefined;
		const result = await appointManager({ quarterId, email, displayName }, SYSTEM, now());
		if (!result.ok) {
			if (result.problem === 'quarter_missing') fail(`There is no quarter "${quarterId}".`);
			fail(
				say(
					result.problem === 'name_required'
						? 'admin_error_invite_name_required'
						: 'admin_error_already_manager'
				)
			);
		}
		if (result.passwordLink)
			console.log(`  Invitation mailed; password link: ${result.passwordLink}`);
		return `${email} is now in the quarter management of ${quarterId}.`;
	},
	async 'remove-manager'(values) {
		const quarterId = check(quarterSlugField, need(values, 'quarter'), {});
		const email = check(emailField, need(values, 'email'), {});
		const result = await removeManager({ quarterId, email }, SYSTEM, now());
		if (!result.ok) fail(memberProblem(result.problem, quarterId, email));
		return `${email} is no longer in the quarter management of ${quarterId} (stays a resident).`;
	},
	async 'set-role'(values) {
		const quarterId = check(quarterSlugField, need(values, 'quarter'), {});
		const email = check(emailField, need(values, 'email'), {});
		const input = check(
			roleChangeSchema.omit({ member: true }),
			{ role: need(values, 'role'), reason: values.reason ?? '' },
			{}
		);
		const result = await changeMemberRole({ quarterId, email, ...input }, SYSTEM, now());
		if (!result.ok) fail(memberProblem(result.problem, quarterId, email));
		return `${email} is now ${input.role} in ${quarterId}; the reason is in the audit log.`;
	},
	async facts() {
		const facts = await installationFacts();
		console.log(`  Version      ${facts.version}`);
		console.log(`  Node.js      ${facts.node}`);
		console.log(
			`  Database     ${facts.database.kind === 'embedded' ? `embedded FerretDB in ${facts.database.where}` : `MongoDB at ${facts.database.where}`} (${facts.database.name})`
		);
		console.log(
			`  Mail         ${facts.mail.kind === 'smtp' ? `SMTP via ${facts.mail.host}` : 'none (development outbox)'}`
		);
		for (const c of facts.collections) console.log(`    ${c.name.padEnd(28)} ${c.count}`);
		const total = facts.collections.reduce((sum, c) => sum + c.count, 0);
		return `${facts.collections.length} collections, ${total} documents.`;
	}
};

function memberProblem(problem: string, quarterId: string, email: string): string {
	switch (problem) {
		case 'quarter_missing':
			return `There is no quarter "${quarterId}".`;
		case 'not_found':
			return `${email} is not a member of ${quarterId}.`;
		default:
			return say(`admin_error_role_${problem}`);
	}
}

let exitCode = 0;
try {
	const { values, positionals } = parseArgs({ options, allowPositionals: true, strict: true });
	if (values.lang === 'en') locale = 'en';
	const [command, ...files] = positionals;
	if (values.help || !command) {
		console.log(HELP);
	} else {
		const run = commands[command];
		if (!run) fail(`Unknown command "${command}". Run npm run admin -- --help for the list.`);
		const summary = await run(values, files);
		console.log(`✔ ${summary}`);
	}
} catch (err) {
	exitCode = 1;
	if (err instanceof ScriptError) console.error(`✖ ${err.message}`);
	else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
		console.error(`✖ ${(err as Error).message}. Run npm run admin -- --help for the options.`);
	} else console.error('✖ Unexpected error:', err);
} finally {
	await closeDb();
}
process.exitCode = exitCode;
