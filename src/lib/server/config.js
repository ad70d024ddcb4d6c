// The one configuration of Quartiermarkt: which variables exist, what they may hold, and what
// production refuses. Plain JavaScript with JSDoc types, so that the Node scripts (`npm start`,
// `npm run demo`), the built server's start (kit.config.js copies this file next to
// build/index.js) and the app (server/env.ts re-exports the typed values) share it.
// Nothing here starts anything: the rules are pure functions of an environment object.
import { existsSync } from 'node:fs';
import { z } from 'zod';

/** The file read at start: `.env` in the working directory, or the path in ENV_FILE. Real
 * environment variables win over the file (Node's loadEnvFile keeps what is set). */
export function loadDotEnv(file = process.env.ENV_FILE || '.env') {
	if (!existsSync(file)) return null;
	process.loadEnvFile(file);
	return file;
}

const LOG_LEVELS = /** @type {const} */ ([
	'fatal',
	'error',
	'warn',
	'info',
	'debug',
	'trace',
	'silent'
]);

export const configSchema = z
	.object({
		NODE_ENV: z.string().default('development'),
		/** The public address: forms are accepted only from it, mail links are built from it. */
		ORIGIN: z
			.string()
			.regex(
				/^https?:\/\/[^/\s]+$/,
				'must be an address such as https://quartiermarkt.example.org (no path, no trailing slash)'
			)
			.optional(),
		PORT: z.coerce.number().int().min(1).max(65535).optional(),
		MONGODB_URI: z
			.string()
			.regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
			.optional(),
		MONGODB_DB: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, - and _ only')
			.default('quartiermarkt'),
		/** Connections per app instance. FerretDB v1 on PostgreSQL hangs when more concurrent updates
		 * reach it than its own pool of 50 PostgreSQL connections: keep the sum over all instances
		 * below that (docs/architecture.md). */
		MONGODB_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
		/** Database commands slower than this many milliseconds are logged (0: never). */
		DB_SLOW_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
		DATA_DIR: z.string().min(1).default('./data'),
		FERRETDB_BIN: z.string().optional(),
		SMTP_URL: z.string().url('must be a URL such as smtp://user:pass@host:587').optional(),
		MAIL_FROM: z.string().min(3).default('Quartiermarkt <no-reply@quartiermarkt.local>'),
		/** `/dev/mail` (the outbox with every password-reset link) exists only when this is 1. */
		DEV_MAIL: z
			.enum(['0', '1', 'true', 'false'], { message: 'must be 1 (on) or 0 (off)' })
			.default('0')
			.transform((v) => v === '1' || v === 'true'),
		LOG_LEVEL: z
			.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
			.optional(),
		LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'must be json or pretty' }).optional(),
		/** Card payments (server/payments/stripe.ts): both set, or neither (then none are offered). */
		STRIPE_SECRET_KEY: z
			.string()
			.regex(
				/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/,
				'must be a Stripe secret key (sk_live_…, sk_test_…)'
			)
			.optional(),
		/** One signing secret per webhook endpoint, comma-separated (the platform's endpoint and the
		 * Connect endpoint each have their own). */
		STRIPE_WEBHOOK_SECRET: z
			.string()
			.regex(
				/^whsec_[A-Za-z0-9_]+(,whsec_[A-Za-z0-9_]+)*$/,
				'must be whsec_… (several: comma-separated)'
			)
			.optional(),
		/** Days in-app notifications are kept (Art. 5(1)(e) GDPR; docs/legal.md, "Aufbewahrung"). */
		RETENTION_NOTIFICATIONS_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
		/** Days a closed conversation is kept after its last message (domain/privacy/retention.ts). */
		RETENTION_CONVERSATIONS_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
		/** Days expired sessions, one-time links and rate-limit slots are kept after expiry. */
		RETENTION_EXPIRED_DAYS: z.coerce.number().int().min(0).max(365).default(0),
		/** Tests only: where the Stripe API is, e.g. http://127.0.0.1:12111 for the local fake. */
		STRIPE_API_BASE: z
			.string()
			.regex(/^https?:\/\/[^/]+\/?$/, 'must be a base URL such as http://127.0.0.1:12111')
			.optional()
	})
	.refine((e) => !!e.STRIPE_SECRET_KEY === !!e.STRIPE_WEBHOOK_SECRET, {
		path: ['STRIPE_WEBHOOK_SECRET'],
		message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together, or neither'
	})
	// A live key goes to Stripe only: STRIPE_API_BASE (the test fake) would send it elsewhere.
	.refine((e) => !(e.STRIPE_API_BASE && /^(sk|rk)_live_/.test(e.STRIPE_SECRET_KEY ?? '')), {
		path: ['STRIPE_API_BASE'],
		message: 'must not be set with a live key (sk_live_…): it would send the key to that host'
	});

/** @typedef {z.infer<typeof configSchema> & { production: boolean }} AppConfig */

/** Values that are still the examples of .env.example or a template's "fill me in". */
const PLACEHOLDER =
	/change-?me|x{3,}|\.\.\.|…|<[^>]*>|\byour[-_ ]|\bexample\.(org|com|net)\b|user:password@/i;

/** The variables holding a secret or an address that must not be an example in production. */
const CHECKED_FOR_PLACEHOLDERS = [
	'STRIPE_SECRET_KEY',
	'STRIPE_WEBHOOK_SECRET',
	'SMTP_URL',
	'MONGODB_URI',
	'ORIGIN'
];

/** @param {string} value */
export function isPlaceholder(value) {
	return PLACEHOLDER.test(value);
}

/**
 * What production refuses, one line per problem, named by variable (pure: no environment read).
 * @param {Record<string, string | undefined>} source
 * @returns {{ variable: string, message: string }[]}
 */
export function productionProblems(source) {
	/** @type {{ variable: string, message: string }[]} */
	const problems = [];
	const origin = source.ORIGIN;
	if (!origin) {
		problems.push({
			variable: 'ORIGIN',
			message:
				'is not set; production needs the public https address, e.g. ORIGIN=https://quartiermarkt.your-city.de'
		});
	} else if (!origin.startsWith('https://')) {
		problems.push({
			variable: 'ORIGIN',
			message: `is ${origin}; production needs an https:// address (sessions and forms depend on it)`
		});
	}
	if (!source.SMTP_URL) {
		problems.push({
			variable: 'SMTP_URL',
			message:
				'is not set; production sends mail (sign-up, password reset) through SMTP, e.g. SMTP_URL=smtp://user:pass@mail.your-provider.de:587'
		});
	}
	for (const variable of CHECKED_FOR_PLACEHOLDERS) {
		const value = source[variable];
		if (value && isPlaceholder(value)) {
			problems.push({
				variable,
				message:
					'is still a placeholder (as in .env.example); set the real value or remove the line'
			});
		}
	}
	if (source.DEV_MAIL === '1' || source.DEV_MAIL === 'true') {
		problems.push({
			variable: 'DEV_MAIL',
			message:
				'is on; /dev/mail shows every password-reset link and never runs in production: remove DEV_MAIL'
		});
	}
	return problems;
}

/**
 * Checks an environment: every problem at once, one line each. `refusals: false` checks only
 * the variables' formats (a module loaded while SvelteKit analyses the build, in production
 * mode, must not refuse: the start does).
 * @param {Record<string, string | undefined>} env
 * @param {{ refusals?: boolean }} [options]
 * @returns {{ ok: true, config: AppConfig } | { ok: false, problems: string[] }}
 */
export function checkConfig(env, options = {}) {
	// An empty value counts as unset (`FOO=` in .env).
	const source = /** @type {Record<string, string>} */ (
		Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
	);
	const production = (source.NODE_ENV ?? 'development') === 'production';
	const refused = production && options.refusals !== false ? productionProblems(source) : [];
	const refusedVars = new Set(refused.map((p) => p.variable));
	const parsed = configSchema.safeParse(source);
	const invalid = parsed.success
		? []
		: parsed.error.issues
				.map((i) => ({ variable: i.path.join('.'), message: i.message }))
				// A placeholder's format error says less than "is a placeholder".
				.filter((p) => !refusedVars.has(p.variable));
	const problems = [...invalid, ...refused].map((p) => `${p.variable}: ${p.message}`);
	if (problems.length > 0 || !parsed.success) return { ok: false, problems };
	return { ok: true, config: { ...parsed.data, production } };
}

/** @param {string[]} problems */
export function describeProblems(problems) {
	const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
	return (
		`Quartiermarkt cannot start: the configuration (environment and .env) has ${count}:\n` +
		problems.map((p) => `  ✖ ${p}`).join('\n') +
		'\nFix these variables (see .env.example) and start again.'
	);
}

/**
 * Reads .env and checks the result; throws with every problem (the app, under Vite or tests).
 * @param {{ refusals?: boolean }} [options]
 * @returns {AppConfig}
 */
export function loadConfig(options = {}) {
	loadDotEnv();
	const checked = checkConfig(process.env, options);
	if (!checked.ok) throw new Error(describeProblems(checked.problems));
	return checked.config;
}

/** sysexits' EX_CONFIG: a service manager can tell a bad configuration (no restart loop) from
 * a crash (deploy/quartiermarkt.service). */
export const EXIT_BAD_CONFIG = 78;

/**
 * For process starts (`npm start`, `node build`): reads .env, and on a bad configuration prints
 * every problem and ends the process with exit code 78 (EX_CONFIG) before anything starts.
 * @param {{ defaultNodeEnv?: string }} [options]
 */
export function loadConfigOrExit(options = {}) {
	loadDotEnv();
	if (options.defaultNodeEnv && !process.env.NODE_ENV)
		process.env.NODE_ENV = options.defaultNodeEnv;
	const checked = checkConfig(process.env);
	if (!checked.ok) {
		console.error(describeProblems(checked.problems));
		process.exit(EXIT_BAD_CONFIG);
	}
	return checked.config;
}

/** Whether `/dev/mail` exists: only when switched on, and never in production. @param {AppConfig} config */
export function devMailEnabled(config) {
	return config.DEV_MAIL && !config.production;
}
